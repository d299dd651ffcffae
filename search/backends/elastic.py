"""The Elasticsearch backend: request bodies built with elasticsearch.dsl from the words
core.text folds, answers parsed into the same SearchResults as the database backend.

Matching and ranking follow search.ranking point for point: matching is a filter (every
word, the last as a prefix), each ranking rule a constant-score clause worth its points,
stars and stock a function score added on top. So both backends rank alike, and every
clause is a term, prefix or phrase lookup Elasticsearch answers from its inverted index.
Typos are not matched loosely (Vietnamese syllables one letter apart are different words:
"mát", "mắt", "mật"); a term suggester offers the corrected words instead ("did you mean").
"""

from collections import Counter

from elasticsearch.dsl import A, Q, Search

from search import labels, ranking
from search.documents import alias_name
from search.params import KINDS, PRICE_RANGES, Hit, SearchParams, SearchResults, Suggestion
from search.textmatch import extract, highlight, query_tokens, spellings

SUGGEST_LIMIT = 8
SPELLING_SAMPLE = 20
SOURCE_FIELDS = ["kind", "object_id", "name", "url", "price", "stars", "store_name", "store_slug", "province",
                 "group", "description"]
TIE = [{"kind": "asc"}, {"object_id": "asc"}]
NEWEST = {"published_at": {"order": "desc", "missing": "_last"}}
SORTS = {
    "relevance": ["_score", NEWEST, *TIE],
    "newest": [NEWEST, *TIE],
    "price_asc": [{"price": {"order": "asc", "missing": "_last"}}, *TIE],
    "price_desc": [{"price": {"order": "desc", "missing": "_last"}}, *TIE],
    "stars": [{"stars": {"order": "desc", "missing": "_last"}}, "_score", NEWEST, *TIE],
}


def indices(params_type: str | None) -> list[str]:
    return [alias_name(params_type)] if params_type else [alias_name(k) for k in KINDS]


def _word(field: str, word: str, last: bool) -> Q:
    """A whole word, or a word prefix for the last one (the buyer may still be typing)."""
    return Q("prefix", **{field: word}) if last else Q("term", **{field: word})


def _points(query: Q, points: int) -> Q:
    return Q("constant_score", filter=query, boost=points)


def _last_flags(words: list[str]) -> list[bool]:
    return [i == len(words) - 1 for i in range(len(words))]


def matching(folded: list[str], field: str = "text_folded") -> list[Q]:
    """Every folded word in `field`, the last as a prefix: what makes an entry a match."""
    return [_word(field, word, last) for word, last in zip(folded, _last_flags(folded), strict=True)]


def ranking_clauses(folded: list[str], exact: list[str]) -> list[Q]:
    """search.ranking's text rules, each a constant-score clause worth its points."""
    clauses = []
    flags = zip(folded, exact, ranking.typed_with_diacritics(folded, exact), _last_flags(folded), strict=False)
    for word, exact_word, accented, last in flags:
        clauses.append(_points(_word("name_folded", word, last), ranking.NAME_WORD))
        if accented:
            clauses.append(_points(_word("name_exact", exact_word, last), ranking.EXACT_NAME))
            clauses.append(_points(_word("text_exact", exact_word, last), ranking.EXACT_TEXT))
    phrase = " ".join(folded)
    if len(folded) > 1:
        clauses.append(_points(Q("match_phrase_prefix", name_folded={"query": phrase}), ranking.PHRASE))
    clauses.append(_points(Q("term", name_folded=folded[-1]), ranking.WHOLE_LAST))
    clauses.append(_points(Q("prefix", **{"name_folded.raw": phrase}), ranking.NAME_STARTS))
    return clauses


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


def scored(query: Q) -> Q:
    """Stars and stock added to the text points (never multiplied: a browse scores 0 + these)."""
    return Q("function_score", query=query, functions=[
        {"field_value_factor": {"field": "stars", "factor": ranking.STAR, "modifier": "none", "missing": 0}},
        {"filter": {"term": {"in_stock": True}}, "weight": ranking.IN_STOCK},
    ], score_mode="sum", boost_mode="sum")


def build_search(params: SearchParams) -> Search:
    folded, exact = query_tokens(params.text)
    should = ranking_clauses(folded, exact) if folded else []
    query = Q("bool", filter=matching(folded) + filters(params), should=should)
    search = Search(index=indices(params.type)).query(scored(query))
    search = search.sort(*SORTS[params.sort]).source(SOURCE_FIELDS).extra(track_total_hits=True)
    search.aggs.bucket("group", A("terms", field="group", size=50))
    search.aggs.bucket("province", A("terms", field="province", size=50))
    search.aggs.bucket("stars", A("terms", field="stars", size=3))
    search.aggs.bucket("price", A("range", field="price", keyed=True, ranges=[
        {"key": value, **({"from": low} if low is not None else {}), **({"to": high} if high is not None else {})}
        for value, low, high in PRICE_RANGES]))
    if folded:
        search = search.suggest("did_you_mean", " ".join(folded), term={
            "field": "name_folded", "suggest_mode": "missing", "min_word_length": 2, "size": 1})
    return search[params.offset:params.offset + params.page_size]


def build_suggest(text: str) -> Search:
    folded, _exact = query_tokens(text)
    search = Search(index=indices(None)).query(Q("bool", filter=matching(folded, "name_folded")))
    search = search.sort({"stars": {"order": "desc", "missing": "_last"}}, {"name": "asc"}, *TIE)
    return search.source(["name", "kind", "url"])[:SUGGEST_LIMIT]


def build_spellings(params: SearchParams, folded: list[str]) -> Search:
    """Names holding the corrected words, to write them back with their diacritics."""
    search = Search(index=indices(params.type)).query(
        Q("bool", should=[Q("term", name_folded=w) for w in folded], minimum_should_match=1))
    return search.sort("_score", *TIE).source(["name"])[:SPELLING_SAMPLE]


# --- answers --------------------------------------------------------------------------------

def corrections(params: SearchParams, response: dict) -> list[str]:
    """The query's folded words with misspelt ones corrected, or [] when there is nothing to
    propose. Proposed, as by the database backend, when nothing matched or a word other
    than the last (which may be unfinished) is unknown."""
    entries = response.get("suggest", {}).get("did_you_mean", [])
    corrected = [(entry["options"][0]["text"] if entry.get("options") else entry["text"]) for entry in entries]
    unknown = [bool(entry.get("options")) for entry in entries]
    if not any(unknown):
        return []
    if response["hits"]["total"]["value"] and not any(unknown[:-1]):
        return []
    return corrected


def parse_hits(response: dict, folded: list[str]) -> list[Hit]:
    hits = []
    for raw in response["hits"]["hits"]:
        source = raw["_source"]
        hits.append(Hit(
            type=source["kind"], id=source["object_id"], name=source["name"], url=source["url"],
            price=source.get("price"), ocop_stars=source.get("stars"), store_name=source.get("store_name") or "",
            store_slug=source.get("store_slug") or "",
            province=labels.province(int(source["province"])) if source.get("province") else "",
            group=source.get("group") or "",
            highlight=highlight(source["name"], folded), extract=extract(source.get("description") or "", folded),
        ))
    return hits


def parse_response(params: SearchParams, response: dict) -> SearchResults:
    folded, _exact = query_tokens(params.text)
    total = response["hits"]["total"]["value"]
    results = SearchResults(params=params, hits=parse_hits(response, folded), total=total, backend="elasticsearch")
    if total:
        aggs = response.get("aggregations", {})
        counts = {name: Counter({b["key"]: b["doc_count"] for b in aggs.get(name, {}).get("buckets", [])})
                  for name in ("group", "province", "stars")}
        counts["price"] = Counter({value: bucket["doc_count"]
                                   for value, bucket in aggs.get("price", {}).get("buckets", {}).items()})
        results.facets = labels.facets_from_counts(counts)
    return results


def _body(response) -> dict:
    return response.body if hasattr(response, "body") else response


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client):
        self.client = client

    def _run(self, search: Search) -> dict:
        return _body(self.client.search(index=",".join(search._index), body=search.to_dict()))

    def search(self, params: SearchParams) -> SearchResults:
        response = self._run(build_search(params))
        results = parse_response(params, response)
        corrected = corrections(params, response)
        if corrected:
            results.suggestion = self.respell(params, corrected)
        return results

    def respell(self, params: SearchParams, folded: list[str]) -> str:
        """Folded words back with their commonest diacritics among the names holding them."""
        names = [hit["_source"]["name"] for hit in self._run(build_spellings(params, folded))["hits"]["hits"]]
        found = spellings(names)
        return " ".join(found[w].most_common(1)[0][0] if w in found else w for w in folded)

    def suggest(self, text: str) -> list[Suggestion]:
        if not query_tokens(text)[0]:
            return []
        response = self._run(build_suggest(text))
        return [Suggestion(text=h["_source"]["name"], type=h["_source"]["kind"], url=h["_source"]["url"])
                for h in response["hits"]["hits"]]
