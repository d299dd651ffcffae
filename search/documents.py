"""Elasticsearch documents, analyzers and index names (elasticsearch.dsl).

Each kind (products, stores, courses) lives in a versioned index
`<prefix>-<kind>s-<version>` reached through the alias `<prefix>-<kind>s`; rebuilding
fills a new index and moves the alias in one atomic request (search.maintenance).
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import Boolean, Date, Document, Index, Integer, Keyword, Text

from core.text import fold_tokens, words
from search.params import KINDS
from search.sources import Record

# Text is folded in Python by core.text (the one folding function of the platform, the
# same the database backend uses) and indexed as space-separated words with the built-in
# `standard` analyzer, which keeps each of those words whole. So the index needs no
# analysis plugin (the server's integ-test distribution has neither asciifolding nor
# search_as_you_type), and both backends match exactly the same words.
#   *_exact   lower-cased words with their diacritics ("đậu phộng")
#   *_folded  the same words folded ("dau phong")
# index_prefixes makes the unfinished last word (a prefix query) a single term lookup.
PREFIXES = {"min_chars": 1, "max_chars": 5}
STANDARD = "standard"

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 10_000}


class SearchDocument(Document):
    """One searchable product, store or course (the same mapping in the three indices)."""

    kind = Keyword()
    object_id = Integer()
    name = Keyword()  # shown, and the autocomplete's tie-break; matched through the fields below
    name_exact = Text(analyzer=STANDARD, index_prefixes=PREFIXES)
    name_folded = Text(analyzer=STANDARD, index_prefixes=PREFIXES, fields={"raw": Keyword()})
    text_exact = Text(analyzer=STANDARD, index_prefixes=PREFIXES)
    text_folded = Text(analyzer=STANDARD, index_prefixes=PREFIXES)
    description = Text(index=False)  # for the highlighted extract
    store_name = Keyword(index=False)
    store_slug = Keyword()
    group = Keyword()
    province = Keyword()
    stars = Integer()
    price = Integer()
    in_stock = Boolean()
    published_at = Date()
    url = Keyword(index=False)


def document_source(record: Record) -> dict:
    """The JSON document of `record` for SearchDocument's mapping. A plain dict, not a
    SearchDocument instance: a rebuild writes 100,000 of them and the DSL's attribute
    machinery costs more than the folding."""
    text = record.searchable_text
    source = {
        "kind": record.kind, "object_id": record.object_id, "name": record.name,
        "name_exact": " ".join(words(record.name)), "name_folded": " ".join(fold_tokens(record.name)),
        "text_exact": " ".join(words(text)), "text_folded": " ".join(fold_tokens(text)),
        "description": record.description, "store_name": record.store_name, "store_slug": record.store_slug,
        "group": record.group or None, "province": str(record.province_code) if record.province_code else None,
        "stars": record.stars, "price": record.price, "in_stock": record.in_stock,
        "published_at": record.published_at, "url": record.url,
    }
    return {key: value for key, value in source.items() if value is not None}


def alias_name(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{kind}s"


def new_index_name(kind: str, now=None) -> str:
    """A fresh versioned index name, e.g. "choso-products-20261123083000123456"."""
    return f"{alias_name(kind)}-{(now or timezone.now()).strftime('%Y%m%d%H%M%S%f')}"


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(**INDEX_SETTINGS)
    # .mapping(), not .document(): binding the document class to an index as a side effect
    # would leak one index name into every later document.
    index.mapping(SearchDocument._doc_type.mapping)
    return index


def index_body() -> dict:
    """{"settings": …, "mappings": …} for indices.create."""
    return index_definition("unused").to_dict()
