from django.urls import path

from core.cache import cache_anonymous_page
from marketplace.views import catalogue

app_name = "catalog"

urlpatterns = [
    # Same HTML for every anonymous visitor: served from the page cache when it is on.
    path("products/", cache_anonymous_page(catalogue.product_list), name="products"),
    path("products/<slug:slug>/", cache_anonymous_page(catalogue.product_detail), name="product"),
    path("stores/", cache_anonymous_page(catalogue.store_list), name="stores"),
    path("stores/<slug:slug>/", cache_anonymous_page(catalogue.store_detail), name="store"),
]
