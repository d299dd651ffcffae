"""django-csp's middleware with the per-path differences of
settings.CONTENT_SECURITY_POLICY_PATHS (see config/settings/security_headers.py).

- Only documents get a policy (HTML, SVG): a JSON answer, a CSV export or a PDF served by
  a view has nothing a policy could govern, and a policy on a PDF can stop the browser's
  own viewer from showing it.
- When public media are served from another origin (S3, a media domain), that origin is
  added to img-src: the photos are this site's, only stored elsewhere.
- A view's own django-csp decorator still wins over the path's differences.
"""

import logging
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import storages
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "image/svg+xml")


def path_differences(path: str) -> dict:
    for prefixes, directives in getattr(settings, "CONTENT_SECURITY_POLICY_PATHS", ()):
        if path.startswith(tuple(prefixes)):
            return dict(directives)
    return {}


class SiteCSPMiddleware(CSPMiddleware):
    @cached_property
    def media_origin(self) -> str | None:
        """The origin of public media URLs when it is not this site's (None otherwise)."""
        try:
            url = urlsplit(storages["default"].url("csp-origin"))
        except Exception:  # a storage that cannot build a URL without the network: no entry
            logger.warning("Content-Security-Policy: the media storage's origin is unknown", exc_info=True)
            return None
        return f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else None

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in DOCUMENT_TYPES:
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request=request, response=response, report_only=report_only)
        if parts.config is None:  # no decorator replaced the whole policy
            parts.replace = {**path_differences(request.path_info), **(parts.replace or {})}
        if self.media_origin:
            parts.update = {**(parts.update or {}),
                            "img-src": [*(parts.update or {}).get("img-src", []), self.media_origin]}
        return parts
