from django.urls import path

from core.cache import cache_anonymous_page
from marketplace.views import catalogue

app_name = "catalog"

urlpatterns = [
    # Same HTML for every visitor but the header's cart and account parts: served from the
    # page cache when it is on, to buyers with a cart or an account too (core/cache.py).
    path("products/", cache_anonymous_page(catalogue.product_list, shared=True), name="products"),
    path("products/<slug:slug>/", cache_anonymous_page(catalogue.product_detail, shared=True), name="product"),
    path("stores/", cache_anonymous_page(catalogue.store_list, shared=True), name="stores"),
    path("stores/<slug:slug>/", cache_anonymous_page(catalogue.store_detail, shared=True), name="store"),
]
