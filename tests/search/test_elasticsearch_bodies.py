"""The Elasticsearch backend as data: index settings, mappings and request bodies compared
with the JSON in tests/search/expected/, and answers parsed into SearchResults."""

import json
from pathlib import Path

import pytest

from search.backends.elastic import ElasticsearchBackend, build_search, build_suggest, corrections, parse_response
from search.documents import alias_name, index_body, new_index_name
from search.indexing import index_operation
from search.params import SearchParams
from search.sources import Record

EXPECTED = Path(__file__).parent / "expected"


def expected(name: str) -> dict:
    return json.loads((EXPECTED / name).read_text())


def test_index_settings_and_mappings():
    body = index_body()
    assert body == expected("index.json")
    # The points the design depends on, spelled out: only the built-in `standard` analyzer
    # (the words come folded from Python), prefixes indexed for the unfinished last word,
    # keywords for facets and the "name starts with" rule.
    assert "analysis" not in body["settings"]
    properties = body["mappings"]["properties"]
    prefixes = {"min_chars": 1, "max_chars": 5}
    for field in ("name_exact", "name_folded", "text_exact", "text_folded"):
        assert properties[field]["analyzer"] == "standard" and properties[field]["index_prefixes"] == prefixes
    assert properties["name_folded"]["fields"] == {"raw": {"type": "keyword"}}
    for facet in ("group", "province", "store_slug", "kind", "name"):
        assert properties[facet] == {"type": "keyword"}
    assert properties["description"] == {"type": "text", "index": False}


def test_search_body_with_text_filters_and_page():
    params = SearchParams(text="nuoc mam", type="product", group="thuc-pham", stars=4, min_price=100_000,
                          max_price=299_999, province=51, in_stock=True, page=2)
    search = build_search(params)
    assert search._index == ["choso-products"]
    assert search.to_dict() == expected("search_products_filtered.json")


def test_browse_body_sorted_by_price_over_all_indices():
    search = build_search(SearchParams(sort="price_asc"))
    assert search._index == ["choso-products", "choso-stores", "choso-courses"]
    assert search.to_dict() == expected("search_browse_price_asc.json")


def test_suggest_body():
    assert build_suggest("mat o").to_dict() == expected("suggest.json")


def test_alias_and_versioned_index_names(settings):
    import datetime

    settings.ELASTICSEARCH_INDEX_PREFIX = "choso-hue"
    assert alias_name("store") == "choso-hue-stores"
    now = datetime.datetime(2026, 11, 23, 8, 30, 0, 123456, tzinfo=datetime.UTC)
    assert new_index_name("product", now) == "choso-hue-products-20261123083000123456"
    with pytest.raises(ValueError):
        alias_name("order")


def test_document_from_record_as_a_bulk_operation():
    record = Record(kind="product", object_id=7, name="Trà Shan-tuyết 1.5kg", url="/products/tra/", price=450_000,
                    stars=4, group="do-uong", group_name="Đồ uống", province_code=68, store_name="Trà Cầu Đất Farm",
                    store_slug="tra-cau-dat", in_stock=True, description="Đồi chè.")
    assert index_operation("choso-products", record) == [{"index": {"_index": "choso-products", "_id": 7}}, {
        "kind": "product", "object_id": 7, "name": "Trà Shan-tuyết 1.5kg",
        "name_exact": "trà shan tuyết 1 5kg", "name_folded": "tra shan tuyet 1 5kg",
        "text_exact": "trà shan tuyết 1 5kg đồi chè trà cầu đất farm đồ uống lâm đồng",
        "text_folded": "tra shan tuyet 1 5kg doi che tra cau dat farm do uong lam dong",
        "description": "Đồi chè.", "store_name": "Trà Cầu Đất Farm", "store_slug": "tra-cau-dat", "group": "do-uong",
        "province": "68", "stars": 4, "price": 450_000, "in_stock": True, "url": "/products/tra/"}]


RESPONSE = {
    "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [
        {"_source": {"kind": "product", "object_id": 3, "name": "Nước mắm <Sa Huỳnh>", "url": "/products/nm/",
                     "price": 120_000, "stars": 4, "store_name": "HTX", "store_slug": "htx", "province": "51",
                     "group": "thuc-pham", "description": "Cá cơm và muối, ủ chượp."}},
        {"_source": {"kind": "store", "object_id": 9, "name": "HTX", "url": "/stores/htx/", "store_name": "HTX",
                     "store_slug": "htx", "province": "51"}},
    ]},
    "aggregations": {
        "group": {"buckets": [{"key": "thuc-pham", "doc_count": 1}]},
        "province": {"buckets": [{"key": "51", "doc_count": 2}]},
        "stars": {"buckets": [{"key": 4, "doc_count": 1}]},
        "price": {"buckets": {"0-100000": {"doc_count": 0}, "100000-300000": {"doc_count": 1},
                              "300000-500000": {"doc_count": 0}, "500000-": {"doc_count": 0}}},
    },
    "suggest": {"did_you_mean": [{"text": "nuoc", "options": []},
                                 {"text": "mamm", "options": [{"text": "mam", "score": 0.75, "freq": 3}]}]},
}


@pytest.mark.django_db
def test_parse_response():
    params = SearchParams(text="nuoc mamm")
    results = parse_response(params, RESPONSE)
    assert (results.total, results.backend) == (2, "elasticsearch")
    # Something matched and only the last (maybe unfinished) word is unknown: nothing to propose.
    assert corrections(params, RESPONSE) == []
    nothing = {**RESPONSE, "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
    assert corrections(params, nothing) == ["nuoc", "mam"]
    first, second = results.hits
    assert (first.type, first.id, first.price, first.ocop_stars, first.province) == ("product", 3, 120_000, 4,
                                                                                     "Quảng Ngãi")
    # Highlighted by search.textmatch, as the database backend does: escaped, folded matches marked.
    assert str(first.highlight) == "<mark>Nước</mark> mắm &lt;Sa Huỳnh&gt;"
    assert (second.type, second.price, str(second.highlight)) == ("store", None, "HTX")
    assert [(f.value, f.label, f.count) for f in results.facets["group"]] == [("thuc-pham", "Thực phẩm", 1)]
    assert [(f.value, f.label, f.count) for f in results.facets["province"]] == [("51", "Quảng Ngãi", 2)]
    assert [(f.value, f.count) for f in results.facets["stars"]] == [("4", 1)]
    assert [(f.value, f.label, f.count) for f in results.facets["price"]] == [
        ("100000-300000", "100.000 ₫ – 300.000 ₫", 1)]


class RecordingClient:
    def __init__(self, response):
        self.response, self.requests = response, []

    def search(self, *, index, body):
        self.requests.append((index, body))
        return self.response


@pytest.mark.django_db
def test_backend_sends_the_built_body_to_the_aliases():
    fake = RecordingClient(RESPONSE)
    params = SearchParams(text="nuoc mamm", type="product")
    ElasticsearchBackend(fake).search(params)
    assert fake.requests == [("choso-products", build_search(params).to_dict())]
