"""`make run`: the embedded defaults, debug on, a throw-away secret."""

from . import security_headers
from .base import *  # noqa: F403
from .base import MIDDLEWARE, SECRET_KEY, STORAGES, env
from .security_headers import CONTENT_SECURITY_POLICY_PATHS, PERMISSIONS_POLICY  # noqa: F401

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
# runserver serves static files from the finders; no collectstatic step.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# The production Content-Security-Policy, report-only: violations show in the browser's
# console without breaking anything (security_headers.py).
# Permissions-Policy as in production (the site uses none of what it denies).
CONTENT_SECURITY_POLICY_REPORT_ONLY = security_headers.CONTENT_SECURITY_POLICY
MIDDLEWARE = security_headers.with_security_headers(MIDDLEWARE)
