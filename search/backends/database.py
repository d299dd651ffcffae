"""The database search backend (SQLite or PostgreSQL): the embedded default and the
fallback whenever Elasticsearch is missing or unreachable.

Matching: every folded query word must appear in the entry's folded text, the last one as
a word prefix. Ranking: words in the name over words elsewhere, the exact diacritics over
the folded form, the whole phrase in the name, then verified OCOP stars and stock.

Bounded work: a search for words considers at most SEARCH_DATABASE_MAX_MATCHES matching
entries (the newest), so a common word costs what a rare one does. Past that, the total
says "more than N", facets count the entries considered and ranking and sorting happen
among them.
"""

import difflib
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce

from core.text import fold_tokens
from search import labels, ranking
from search.models import SearchEntry
from search.params import PRICE_RANGES, Hit, SearchParams, SearchResults, Suggestion
from search.textmatch import extract, highlight, padded, query_tokens

VOCABULARY_GENERATION_KEY = "search:vocabulary:generation"
VOCABULARY_SIZE = 20_000
VOCABULARY_ROWS = 30_000
VOCABULARY_SECONDS = 600
_vocabulary: dict = {"words": {}, "built": 0.0, "generation": None}
SUGGEST_LIMIT = 8


def _word_patterns(tokens: list[str]) -> list[str]:
    """LIKE patterns: whole words, the last word as a prefix."""
    return [f" {t} " if i < len(tokens) - 1 else f" {t}" for i, t in enumerate(tokens)]


def _last_flags(tokens: list[str]) -> list[bool]:
    return [i == len(tokens) - 1 for i in range(len(tokens))]


def _one(condition: Q, points: int) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


class DatabaseBackend:
    name = "database"

    # --- query ----------------------------------------------------------------------------
    def _filtered(self, params: SearchParams):
        queryset = SearchEntry.objects.all()
        if params.type:
            queryset = queryset.filter(kind=params.type)
        folded, _exact = query_tokens(params.text)
        for pattern in _word_patterns(folded):
            queryset = queryset.filter(text_folded__contains=pattern)
        if params.group:
            queryset = queryset.filter(group=params.group)
        if params.province:
            queryset = queryset.filter(province_code=params.province)
        if params.stars:
            queryset = queryset.filter(stars=params.stars)
        if params.min_price is not None:
            queryset = queryset.filter(price__gte=params.min_price)
        if params.max_price is not None:
            queryset = queryset.filter(price__lte=params.max_price)
        if params.in_stock:
            queryset = queryset.filter(in_stock=True)
        return queryset

    def _scored(self, queryset, params: SearchParams):
        """The points of search.ranking, added up in SQL."""
        folded, exact = query_tokens(params.text)
        score = Coalesce(F("stars"), Value(0)) * ranking.STAR + _one(Q(in_stock=True), ranking.IN_STOCK)
        patterns = _word_patterns(folded)
        for f_pattern, e_word, accented, last in zip(patterns, exact, ranking.typed_with_diacritics(folded, exact),
                                                     _last_flags(folded), strict=False):
            score = score + _one(Q(name_folded__contains=f_pattern), ranking.NAME_WORD)
            if accented:
                e_pattern = f" {e_word}" if last else f" {e_word} "
                score = (score + _one(Q(name_exact__contains=e_pattern), ranking.EXACT_NAME)
                         + _one(Q(text_exact__contains=e_pattern), ranking.EXACT_TEXT))
        if folded:
            phrase = padded(folded).rstrip()  # " w1 w2 … wn": the words in order, the last a prefix
            if len(folded) > 1:
                score = score + _one(Q(name_folded__contains=phrase), ranking.PHRASE)
            score = score + _one(Q(name_folded__contains=f" {folded[-1]} "), ranking.WHOLE_LAST)
            score = score + _one(Q(name_folded__startswith=phrase), ranking.NAME_STARTS)
        return queryset.annotate(score=score)

    def _ordering(self, params: SearchParams) -> list:
        newest = F("published_at").desc(nulls_last=True)
        tie = ["kind", "object_id"]  # as the Elasticsearch backend breaks ties
        return {
            "relevance": [F("score").desc(), newest, *tie],
            "newest": [newest, *tie],
            "price_asc": [F("price").asc(nulls_last=True), *tie],
            "price_desc": [F("price").desc(nulls_last=True), *tie],
            "stars": [F("stars").desc(nulls_last=True), F("score").desc(), newest, *tie],
        }[params.sort]

    @staticmethod
    def _price_condition(low: int | None, high: int | None) -> Q:
        condition = Q(price__isnull=False)
        if low is not None:
            condition &= Q(price__gte=low)
        if high is not None:
            condition &= Q(price__lt=high)
        return condition

    @staticmethod
    def _bounded(queryset, params: SearchParams):
        """(entries to consider, the cap) of a search for words: the first cap + 1 matches,
        newest first — the newest rows of the primary key, which the database reads until
        it has found them instead of matching, scoring and grouping every entry a common
        word finds. One match more than the cap tells that there are more. A browse without
        words (a group, a province) is not capped; 0 means no cap."""
        cap = settings.SEARCH_DATABASE_MAX_MATCHES
        if not cap or not query_tokens(params.text)[0]:
            return queryset, 0
        return SearchEntry.objects.filter(pk__in=queryset.order_by("-pk").values("pk")[:cap + 1]), cap

    def search(self, params: SearchParams) -> SearchResults:
        queryset, cap = self._bounded(self._filtered(params), params)
        # Every facet count from ONE grouped pass over the matching rows: one row per
        # (group, province, stars, price range) combination, summed per facet in Python.
        # On 100,000 products a word matching a third of them is scanned once, not per facet.
        bucket = Case(*[When(self._price_condition(low, high), then=Value(value))
                        for value, low, high in PRICE_RANGES], default=Value(""), output_field=CharField())
        combos = (queryset.annotate(bucket=bucket).order_by()
                  .values_list("group", "province_code", "stars", "bucket").annotate(n=Count("pk")))
        counts: dict[str, Counter] = {name: Counter() for name in ("group", "province", "stars", "price")}
        total = 0
        for group, province, stars, price, n in combos:
            total += n
            counts["group"][group] += n
            counts["province"][province] += n
            counts["stars"][stars] += n
            counts["price"][price] += n
        results = SearchResults(params=params, total=total, backend=self.name)
        if cap and total > cap:
            results.total, results.capped = cap, True
        if results.total:
            results.facets = labels.facets_from_counts(counts)
            folded, _exact = query_tokens(params.text)
            rows = (self._scored(queryset, params).defer("text_exact", "text_folded", "name_exact", "name_folded")
                    .order_by(*self._ordering(params))[params.offset:params.offset + params.page_size])
            results.hits = [self._hit(row, folded) for row in rows]
        if params.text and (not results.total or not self._all_known(params.text)):
            results.suggestion = self.did_you_mean(params.text)
        return results

    @staticmethod
    def _hit(row: SearchEntry, tokens: list[str]) -> Hit:
        return Hit(
            type=row.kind, id=row.object_id, name=row.name, url=row.url, price=row.price, ocop_stars=row.stars,
            store_name=row.store_name, store_slug=row.store_slug, province=labels.province(row.province_code),
            group=row.group, highlight=highlight(row.name, tokens), extract=extract(row.description, tokens),
        )

    # --- autocomplete -----------------------------------------------------------------------
    def suggest(self, text: str) -> list[Suggestion]:
        folded, _exact = query_tokens(text)
        if not folded:
            return []
        queryset = SearchEntry.objects.all()
        for pattern in _word_patterns(folded):
            queryset = queryset.filter(name_folded__contains=pattern)
        rows = (queryset.order_by(F("stars").desc(nulls_last=True), "name", "kind", "object_id")
                .values_list("name", "kind", "url"))
        return [Suggestion(text=name, type=kind, url=url) for name, kind, url in rows[:SUGGEST_LIMIT]]

    # --- did you mean -----------------------------------------------------------------------
    @staticmethod
    def vocabulary() -> dict[str, str]:
        """The most frequent folded name words → their commonest spelling with diacritics.

        Bounded: words of the VOCABULARY_ROWS most recent entries, at most VOCABULARY_SIZE
        of them. Kept in process memory for VOCABULARY_SECONDS (a shared cache would
        unpickle it on every query); `forget_vocabulary()` drops it everywhere by bumping
        a generation number in the cache (done by the rebuild).
        """
        generation = cache.get(VOCABULARY_GENERATION_KEY, 0)
        if (_vocabulary["generation"] == generation
                and time.monotonic() - _vocabulary["built"] < VOCABULARY_SECONDS):
            return _vocabulary["words"]
        frequency: Counter = Counter()
        spellings: dict[str, Counter] = {}
        rows = (SearchEntry.objects.order_by("-pk").values_list("name_folded", "name_exact")[:VOCABULARY_ROWS])
        for folded_words, exact_words in rows.iterator(chunk_size=5000):
            # name_folded and name_exact hold the same words, aligned (see search.textmatch).
            for folded, exact in zip(folded_words.split(), exact_words.split(), strict=False):
                if len(folded) < 2 or folded.isdigit():
                    continue
                frequency[folded] += 1
                spellings.setdefault(folded, Counter())[exact] += 1
        words = {w: spellings[w].most_common(1)[0][0] for w, _n in frequency.most_common(VOCABULARY_SIZE)}
        _vocabulary.update(words=words, built=time.monotonic(), generation=generation)
        return words

    @staticmethod
    def forget_vocabulary() -> None:
        _vocabulary.update(words={}, built=0.0, generation=None)
        try:
            cache.incr(VOCABULARY_GENERATION_KEY)
        except ValueError:
            cache.set(VOCABULARY_GENERATION_KEY, 1, timeout=None)

    def _all_known(self, text: str) -> bool:
        vocabulary = self.vocabulary()
        return all(t in vocabulary or t.isdigit() for t in fold_tokens(text)[:-1])

    def did_you_mean(self, text: str) -> str:
        """The query with each unknown word replaced by the nearest known one, or ""."""
        vocabulary = self.vocabulary()
        if not vocabulary:
            return ""
        words, changed = [], False
        for token in fold_tokens(text):
            if token in vocabulary or token.isdigit():
                words.append(vocabulary.get(token, token))
                continue
            candidates = [w for w in vocabulary if abs(len(w) - len(token)) <= 2]
            close = difflib.get_close_matches(token, candidates, n=1, cutoff=0.7)
            if not close:
                # A word still being typed: complete it rather than correct it.
                close = [w for w in candidates if w.startswith(token)][:1]
            if close:
                words.append(vocabulary[close[0]])
                changed = True
            else:
                words.append(token)
        return " ".join(words) if changed else ""
