"""Production: HTTPS only, hardened cookies, a real secret required.

Passes `manage.py check --deploy --fail-level WARNING` (tests/core/test_settings.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE, SECRET_KEY, env
from .security_headers import (  # noqa: F401
    CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY_PATHS,
    PERMISSIONS_POLICY,
    with_security_headers,
)

DEBUG = False
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a random string of 50+ characters.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (nonces on the public site, 'unsafe-inline' only under the
# admin paths) and Permissions-Policy: see security_headers.py.
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
MIDDLEWARE = with_security_headers(MIDDLEWARE)
