from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from core.cache import cache_anonymous_page
from marketplace.models import Product


@cache_anonymous_page
def price_list(request):
    prices = ",".join(str(p) for p in Product.objects.order_by("pk").values_list("price", flat=True))
    form = f'<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}"></form>'
    return HttpResponse(f"<p>{prices}</p>{form}")


def post_target(request):
    return HttpResponse("ok")


urlpatterns = [path("prices/", price_list), path("post/", post_target)]
