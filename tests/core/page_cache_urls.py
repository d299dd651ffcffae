from django.http import HttpResponse, HttpResponseNotFound
from django.middleware.csrf import get_token
from django.urls import path

from core.cache import bump_page_tags, cache_anonymous_page, page_depends_on
from marketplace.models import Product

RENDERS = {"n": 0}
WITHDRAWN = set()


@cache_anonymous_page
def price_list(request):
    page_depends_on("listing:products")
    prices = ",".join(str(p) for p in Product.objects.order_by("pk").values_list("price", flat=True))
    form = f'<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}"></form>'
    return HttpResponse(f"<p>{prices}</p>{form}")


@cache_anonymous_page
def tagged(request, tag):
    """Declares `tag`; says how many times a page was rendered (to tell a copy from a render)."""
    if tag in WITHDRAWN:
        return HttpResponseNotFound("<p>gone</p>")
    page_depends_on(tag)
    RENDERS["n"] += 1
    return HttpResponse(f"<p>render {RENDERS['n']}</p>")


@cache_anonymous_page
def changing_while_rendered(request):
    """A change committed while the page renders (its data may be the old)."""
    page_depends_on("moving")
    RENDERS["n"] += 1
    bump_page_tags("moving")
    return HttpResponse(f"<p>render {RENDERS['n']}</p>")


def post_target(request):
    return HttpResponse("ok")


urlpatterns = [path("prices/", price_list), path("tagged/<str:tag>/", tagged),
               path("moving/", changing_while_rendered), path("post/", post_target)]
