"""Search API: /api/v1/search and /api/v1/search/suggest (mounted by config/api.py)."""

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status

from core.api import errors, province_text_schema
from search import service
from search.forms import SearchForm
from search.params import SearchResults
from search.views import BACKEND_HEADER

router = Router(tags=["search"])


class SearchQuery(Schema):
    # Strings on purpose: SearchForm validates them, so the page and the API refuse the same
    # things with the same (translated) messages.
    q: str | None = None
    type: str | None = None
    group: str | None = None
    province: str | None = Field(None, json_schema_extra=province_text_schema)
    stars: str | None = None
    min_price: str | None = None
    max_price: str | None = None
    in_stock: str | None = None
    sort: str | None = None
    page: str | None = None


class StoreOut(Schema):
    name: str
    slug: str


class ResultOut(Schema):
    type: str
    id: int
    name: str
    url: str
    price: int | None
    ocop_stars: int | None
    store: StoreOut | None
    province: str
    highlight: str


class FacetOut(Schema):
    value: str
    label: str
    count: int


class FacetsOut(Schema):
    group: list[FacetOut]
    province: list[FacetOut]
    stars: list[FacetOut]
    price: list[FacetOut]


class SearchOut(Schema):
    count: int
    # True: more matched than the database backend considers (SEARCH_DATABASE_MAX_MATCHES);
    # `count` is then a floor and the facets count the matches considered.
    capped: bool = False
    page: int
    pages: int
    results: list[ResultOut]
    facets: FacetsOut
    suggestion: str | None


class SuggestionOut(Schema):
    text: str
    type: str
    url: str


class SuggestOut(Schema):
    suggestions: list[SuggestionOut]


def serialize(results: SearchResults) -> dict:
    return {
        "count": results.total,
        "capped": results.capped,
        "page": results.params.page,
        "pages": results.pages,
        "results": [{
            "type": hit.type, "id": hit.id, "name": hit.name, "url": hit.url, "price": hit.price,
            "ocop_stars": hit.ocop_stars,
            "store": {"name": hit.store_name, "slug": hit.store_slug} if hit.store_slug else None,
            "province": hit.province, "highlight": str(hit.highlight),
        } for hit in results.hits],
        "facets": {name: [{"value": f.value, "label": f.label, "count": f.count} for f in results.facets.get(name, [])]
                   for name in ("group", "province", "stars", "price")},
        "suggestion": results.suggestion or None,
    }


@router.get("", response={200: SearchOut, **errors()}, summary="Search products, stores and courses",
            description="422: a parameter the search form refuses, with its message.")
def search(request, response: HttpResponse, filters: Query[SearchQuery]):
    form = SearchForm({k: v for k, v in filters.dict().items() if v is not None})
    if not form.is_valid():
        return Status(422, {"detail": form.error_message()})
    results = service.search(form.params())
    response[BACKEND_HEADER] = results.backend
    return Status(200, serialize(results))


@router.get("/suggest", response={200: SuggestOut, **errors()}, summary="Autocomplete suggestions",
            description="422: a query the search form refuses (e.g. longer than 100 characters).")
def suggest(request, q: str = ""):
    form = SearchForm({"q": q})
    if not form.is_valid():
        return Status(422, {"detail": form.error_message()})
    suggestions = service.suggest(form.cleaned_data["q"])
    return Status(200, {"suggestions": [{"text": s.text, "type": s.type, "url": s.url} for s in suggestions]})
