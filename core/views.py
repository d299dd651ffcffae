from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from core.outage import healthz_unavailable


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: the process answers and the database is reachable."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return healthz_unavailable()  # the same answer as core.outage gives every request
    return JsonResponse({"status": "ok", "database": "ok"})


THEME_COLOUR = "#1f6f43"  # --green in static/css/site.css; also <meta name="theme-color"> in base.html


@cache_control(max_age=86400, public=True)
@require_GET
def web_manifest(request):
    """/manifest.webmanifest: what a phone needs to add the market to its home screen."""
    icons = [{"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": "any"} for size in (192, 512)]
    icons.append({"src": static("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png",
                  "purpose": "maskable"})
    manifest = {
        "name": _("Chợ Số OCOP"), "short_name": _("Chợ Số"),
        "description": _("Certified OCOP products from Vietnamese household businesses and cooperatives, sold online."),
        "lang": get_language(), "start_url": "/", "scope": "/", "display": "standalone",
        "background_color": "#f7f8f5", "theme_color": THEME_COLOUR, "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


@cache_control(max_age=86400, public=True)
@require_GET
def favicon(request):
    """/favicon.ico, where browsers and feed readers look without reading the page."""
    return HttpResponseRedirect(static("icons/favicon.ico"))
