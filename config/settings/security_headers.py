"""Content-Security-Policy (django-csp 4) and Permissions-Policy (django-permissions-policy).

Enforced in production (production.py), report-only under `make run` (dev.py, so a
violation shows in the browser console while developing), off in the test settings (the
tests in tests/core/test_security_headers.py switch them on with `enable()`'s values).

The public site's policy allows no inline code at all: scripts come from this site's own
static files or carry the per-request nonce (`request.csp_nonce`; today only the JSON-LD
blocks of seo_tags), styles only from this site's stylesheets. No CDN, no external origin,
with two exceptions that are not code: lesson videos are YouTube frames (frame-src only),
and when media live on S3, `core.csp` adds the storage's origin to img-src (product
photos). The Stripe Checkout redirect is a top-level navigation, but it answers a form
POST and Chromium checks `form-action` on redirects: the pages whose forms lead to Stripe
have no `form-action` (widening it to Stripe's origin would be the alternative).

The Wagtail admin (/admin/, and Django's /django-admin/) uses inline <script> and
style attributes without nonces, so its paths get 'unsafe-inline' (and no nonce, which
would switch 'unsafe-inline' off). Per-path differences: CONTENT_SECURITY_POLICY_PATHS,
applied by core.csp.SiteCSPMiddleware.
"""

import base64
import hashlib

from csp.constants import NONCE, NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE


def _style_hash(style: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"


# The one style attribute left in templates: the self-contained error pages (500.html, 503.html,
# core/refused.html) that must render without the stylesheet. tests/core/test_security_headers.py
# fails if a template grows a style attribute this list does not cover.
ALLOWED_STYLE_ATTRIBUTES = ["font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem"]
VIDEO_FRAME_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_HASHES, *map(_style_hash, ALLOWED_STYLE_ATTRIBUTES)],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# (path prefixes, directives replaced); the first matching entry applies. A directive
# replaced by None is left out of the header.
CONTENT_SECURITY_POLICY_PATHS = [
    (("/admin/", "/django-admin/"), {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "style-src-attr": None,
        "img-src": [SELF, "data:", "blob:"],  # Wagtail's CSS icons; upload previews
        "frame-ancestors": [SELF],  # Wagtail's preview panel frames /admin/…/preview/
    }),
    # Forms that answer with a redirect to Stripe Checkout: the order page ("Pay now"), the
    # checkout, the placed and cancelled pages ("Pay … by card").
    (("/checkout/", "/orders/", "/payments/"), {"form-action": None}),
    (("/api/v1/docs",), {"img-src": [SELF, "data:"]}),  # Swagger UI's CSS icons
]

# Powerful features the site never uses, denied to it and to every frame. Sellers' photo
# inputs (<input type=file accept=image/*>) open the phone's camera through the file
# picker, which camera=() does not touch (it denies getUserMedia). Features YouTube's
# player asks for (autoplay, encrypted-media, fullscreen, picture-in-picture) keep the
# browser's defaults.
PERMISSIONS_POLICY = {
    feature: [] for feature in (
        "accelerometer", "ambient-light-sensor", "bluetooth", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "hid", "idle-detection", "interest-cohort", "local-fonts", "magnetometer",
        "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb", "window-management",
        "xr-spatial-tracking",
    )
}

SECURITY_HEADER_MIDDLEWARE = ["django_permissions_policy.PermissionsPolicyMiddleware",
                              "core.csp.SiteCSPMiddleware"]


def with_security_headers(middleware: list[str]) -> list[str]:
    """MIDDLEWARE with both headers' middleware right after SecurityMiddleware, so every
    response (WhiteNoise's, the lockout page) passes through them."""
    rest = [m for m in middleware if m not in SECURITY_HEADER_MIDDLEWARE]
    at = rest.index("django.middleware.security.SecurityMiddleware") + 1
    return [*rest[:at], *SECURITY_HEADER_MIDDLEWARE, *rest[at:]]
