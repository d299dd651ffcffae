"""The Elasticsearch backend: request bodies built with elasticsearch.dsl, answers parsed
into the same SearchResults as the database backend."""

from django.utils.safestring import mark_safe
from elasticsearch.dsl import A, Q, Search
from elasticsearch.dsl.query import FunctionScore

from search import labels
from search.documents import alias_name
from search.params import KINDS, PRICE_RANGES, Hit, SearchParams, SearchResults, Suggestion

TEXT_FIELDS = ["name^3", "store_name^2", "group_name", "province_name", "description"]
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
SUGGEST_LIMIT = 8
SUGGEST_FIELDS = ["name.suggest", "name.suggest._2gram", "name.suggest._3gram"]
SOURCE_FIELDS = ["kind", "object_id", "name", "url", "price", "stars", "store_name", "store_slug", "province",
                 "group"]


def indices(params_type: str | None) -> list[str]:
    return [alias_name(params_type)] if params_type else [alias_name(k) for k in KINDS]


def text_query(text: str) -> Q:
    """All words must match (cross fields); typos forgiven in the name; the exact
    spelling and the whole phrase in the name score extra."""
    return Q("bool", should=[
        Q("multi_match", query=text, type="cross_fields", fields=TEXT_FIELDS, operator="and"),
        Q("multi_match", query=text, type="best_fields", fields=["name^3", "store_name^2"], operator="and",
          fuzziness="AUTO", prefix_length=1),
        Q("match", **{"name.exact": {"query": text, "boost": 2}}),
        Q("match_phrase", name={"query": text, "boost": 2}),
        # The last word may be unfinished ("tra shan tuy"), as in the database backend.
        Q("multi_match", query=text, type="bool_prefix", operator="and", fields=SUGGEST_FIELDS),
    ], minimum_should_match=1)


def boosted(query: Q) -> FunctionScore:
    """Verified OCOP stars (only verified, unexpired certificates are indexed) and stock."""
    # Relevance × (1 + 0.2 per star + 0.5 in stock): never zero, a 5★ product in stock ×2.5.
    return Q("function_score", query=query, functions=[
        {"weight": 1},
        {"field_value_factor": {"field": "stars", "modifier": "none", "factor": 0.2, "missing": 0}},
        {"filter": {"term": {"in_stock": True}}, "weight": 0.5},
    ], score_mode="sum", boost_mode="multiply")


def filters(params: SearchParams) -> list[Q]:
    out = []
    if params.group:
        out.append(Q("term", group=params.group))
    if params.province:
        out.append(Q("term", province=str(params.province)))
    if params.stars:
        out.append(Q("term", stars=params.stars))
    if params.min_price is not None or params.max_price is not None:
        bounds = {}
        if params.min_price is not None:
            bounds["gte"] = params.min_price
        if params.max_price is not None:
            bounds["lte"] = params.max_price
        out.append(Q("range", price=bounds))
    if params.in_stock:
        out.append(Q("term", in_stock=True))
    return out


SORTS = {
    "relevance": ["_score", {"published_at": {"order": "desc", "missing": "_last"}}],
    "newest": [{"published_at": {"order": "desc", "missing": "_last"}}],
    "price_asc": [{"price": {"order": "asc", "missing": "_last"}}],
    "price_desc": [{"price": {"order": "desc", "missing": "_last"}}],
    "stars": [{"stars": {"order": "desc", "missing": "_last"}}, "_score"],
}


def build_search(params: SearchParams) -> Search:
    search = Search(index=indices(params.type))
    base = text_query(params.text) if params.text.strip() else Q("match_all")
    search = search.query(boosted(Q("bool", must=[base], filter=filters(params))))
    search = search.sort(*SORTS[params.sort]).source(SOURCE_FIELDS).extra(track_total_hits=True)
    search.aggs.bucket("group", A("terms", field="group", size=50))
    search.aggs.bucket("province", A("terms", field="province", size=40))
    search.aggs.bucket("stars", A("terms", field="stars", size=3))
    search.aggs.bucket("price", A("range", field="price", keyed=True, ranges=[
        {"key": value, **({"from": low} if low is not None else {}), **({"to": high} if high is not None else {})}
        for value, low, high in PRICE_RANGES]))
    if params.text.strip():
        search = search.highlight_options(**HIGHLIGHT).highlight("name", number_of_fragments=0).highlight(
            "description", fragment_size=160, number_of_fragments=1)
        search = search.suggest("did_you_mean", params.text, term={"field": "name", "suggest_mode": "missing"})
    return search[params.offset:params.offset + params.page_size]


def build_suggest(text: str) -> Search:
    search = Search(index=indices(None)).query(boosted(Q(
        "multi_match", query=text, type="bool_prefix", operator="and", fields=SUGGEST_FIELDS)))
    return search.source(["name", "kind", "url"])[:SUGGEST_LIMIT]


# --- answers --------------------------------------------------------------------------------

def _suggestion(response: dict, text: str) -> str:
    entries = response.get("suggest", {}).get("did_you_mean", [])
    words, changed = [], False
    for entry in entries:
        options = entry.get("options") or []
        if options:
            words.append(options[0]["text"])
            changed = True
        else:
            words.append(entry["text"])
    return " ".join(words) if changed else ""


def parse_response(params: SearchParams, response: dict) -> SearchResults:
    hits = []
    for raw in response["hits"]["hits"]:
        source, marks = raw["_source"], raw.get("highlight", {})
        hits.append(Hit(
            type=source["kind"], id=source["object_id"], name=source["name"], url=source["url"],
            price=source.get("price"), ocop_stars=source.get("stars"), store_name=source.get("store_name", ""),
            store_slug=source.get("store_slug", ""), province=labels.province(int(source["province"]))
            if source.get("province") else "", group=source.get("group") or "",
            # encoder "html": Elasticsearch escaped the text; only our <mark> tags remain.
            highlight=mark_safe(marks["name"][0]) if marks.get("name") else mark_safe(""),  # noqa: S308
            extract=mark_safe(marks["description"][0]) if marks.get("description") else mark_safe(""),  # noqa: S308
        ))
    aggs = response.get("aggregations", {})
    total = response["hits"]["total"]["value"]
    results = SearchResults(params=params, hits=hits, total=total, backend="elasticsearch")
    if total:
        def buckets(name):
            return [(b["key"], b["doc_count"]) for b in aggs.get(name, {}).get("buckets", [])]
        price_buckets = aggs.get("price", {}).get("buckets", {})
        results.facets = labels.facets(
            group=buckets("group"), province=buckets("province"), stars=buckets("stars"),
            price=[(value, price_buckets.get(value, {}).get("doc_count", 0)) for value, _l, _h in PRICE_RANGES])
    results.suggestion = _suggestion(response, params.text)
    return results


def _body(response) -> dict:
    return response.body if hasattr(response, "body") else response


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client):
        self.client = client

    def search(self, params: SearchParams) -> SearchResults:
        search = build_search(params)
        response = self.client.search(index=",".join(search._index), body=search.to_dict())
        return parse_response(params, _body(response))

    def suggest(self, text: str) -> list[Suggestion]:
        search = build_suggest(text)
        response = self.client.search(index=",".join(search._index), body=search.to_dict())
        return [Suggestion(text=h["_source"]["name"], type=h["_source"]["kind"], url=h["_source"]["url"])
                for h in _body(response)["hits"]["hits"]]
