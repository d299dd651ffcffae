from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Private or per-user areas: nothing there for search engines.
DISALLOWED = ("/admin/", "/django-admin/", "/seller/", "/checkout/", "/cart/", "/onboarding/", "/program/",
              "/orders/", "/accounts/")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "",
             f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
