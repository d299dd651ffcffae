from django.urls import path

from core.cache import cache_anonymous_page
from search import views

app_name = "search"
# Results follow the index, which no page-cache tag follows (documents are indexed after
# the commit, through the outbox): a copy is kept SEARCH_PAGE_CACHE_SECONDS at most. Cards
# on it follow their products' changes like any other page.
SEARCH_PAGE_CACHE_SECONDS = 30
urlpatterns = [
    path("", cache_anonymous_page(views.search_page, shared=True, seconds=SEARCH_PAGE_CACHE_SECONDS), name="search"),
]
