"""pytest: embedded defaults unless DATABASE_URL / CELERY_BROKER_URL say otherwise."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="choso-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": tempfile.mkdtemp(prefix="choso-test-private-")}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["*"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ELASTICSEARCH_URL = ""
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = ""
# The suite runs tasks eagerly even when CELERY_BROKER_URL is set; the real-broker tests
# (tests/core/test_celery.py, tests/core/test_outbox.py) switch a worker on explicitly.
CELERY_TASK_ALWAYS_EAGER = True
