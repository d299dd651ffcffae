"""The Elasticsearch backend as data: index settings, mappings and request bodies compared
with the JSON in tests/search/expected/, and answers parsed into SearchResults."""

import json
from pathlib import Path

import pytest

from search.backends.elastic import ElasticsearchBackend, build_search, build_suggest, parse_response
from search.documents import SearchDocument, alias_name, index_body, new_index_name
from search.params import SearchParams
from search.sources import Record

EXPECTED = Path(__file__).parent / "expected"


def expected(name: str) -> dict:
    return json.loads((EXPECTED / name).read_text())


def test_index_settings_and_mappings():
    body = index_body()
    assert body == expected("index.json")
    # The points the design depends on, spelled out:
    assert body["settings"]["analysis"]["filter"]["vi_ascii"] == {"type": "asciifolding", "preserve_original": True}
    assert body["settings"]["analysis"]["analyzer"]["vi_fold"] == {
        "type": "custom", "tokenizer": "standard", "filter": ["lowercase", "vi_ascii"]}
    name = body["mappings"]["properties"]["name"]
    assert name["fields"]["suggest"] == {"type": "search_as_you_type", "analyzer": "vi_fold"}
    assert name["fields"]["exact"] == {"type": "text", "analyzer": "vi_exact"}
    for facet in ("group", "province", "store_slug", "kind"):
        assert body["mappings"]["properties"][facet] == {"type": "keyword"}


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


def test_document_from_record():
    record = Record(kind="product", object_id=7, name="Trà Shan tuyết", url="/products/tra/", price=450_000, stars=4,
                    group="do-uong", group_name="Đồ uống", province_code=68, store_name="Trà Cầu Đất Farm",
                    store_slug="tra-cau-dat", in_stock=True)
    assert SearchDocument.from_record(record).to_dict(include_meta=True) == {"_id": 7, "_source": {
        "kind": "product", "object_id": 7, "name": "Trà Shan tuyết", "description": "",
        "store_name": "Trà Cầu Đất Farm", "store_slug": "tra-cau-dat", "group": "do-uong", "group_name": "Đồ uống",
        "province": "68",
        "province_name": "Lâm Đồng", "stars": 4, "price": 450_000, "in_stock": True, "url": "/products/tra/"}}


RESPONSE = {
    "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [
        {"_source": {"kind": "product", "object_id": 3, "name": "Nước mắm <Sa Huỳnh>", "url": "/products/nm/",
                     "price": 120_000, "stars": 4, "store_name": "HTX", "store_slug": "htx", "province": "51",
                     "group": "thuc-pham"},
         "highlight": {"name": ["<mark>Nước</mark> <mark>mắm</mark> &lt;Sa Huỳnh&gt;"]}},
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
    results = parse_response(SearchParams(text="nuoc mamm"), RESPONSE)
    assert (results.total, results.backend, results.suggestion) == (2, "elasticsearch", "nuoc mam")
    first, second = results.hits
    assert (first.type, first.id, first.price, first.ocop_stars, first.province) == ("product", 3, 120_000, 4,
                                                                                     "Quảng Ngãi")
    assert str(first.highlight) == "<mark>Nước</mark> <mark>mắm</mark> &lt;Sa Huỳnh&gt;"
    assert (second.type, second.price, str(second.highlight)) == ("store", None, "")
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
