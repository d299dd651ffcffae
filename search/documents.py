"""Elasticsearch documents, analyzers and index names (elasticsearch.dsl).

Each kind (products, stores, courses) lives in a versioned index
`<prefix>-<kind>s-<version>` reached through the alias `<prefix>-<kind>s`; rebuilding
fills a new index and moves the alias in one atomic request (search.maintenance).
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from search.params import KINDS
from search.sources import Record

# "đậu" is indexed as both "đậu" and "dau" (same position): typed without diacritics it
# still matches, and `name.exact` (no folding) lets the exact spelling rank first.
vi_ascii = token_filter("vi_ascii", "asciifolding", preserve_original=True)
vi_fold = analyzer("vi_fold", tokenizer="standard", filter=["lowercase", vi_ascii])
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 10_000}


class SearchDocument(Document):
    """One searchable product, store or course (the same mapping in the three indices)."""

    kind = Keyword()
    object_id = Integer()
    name = Text(analyzer=vi_fold, fields={
        "exact": Text(analyzer=vi_exact),
        "suggest": SearchAsYouType(analyzer=vi_fold),
        "raw": Keyword(),
    })
    description = Text(analyzer=vi_fold, fields={"exact": Text(analyzer=vi_exact)})
    store_name = Text(analyzer=vi_fold)
    store_slug = Keyword()
    group = Keyword()
    group_name = Text(analyzer=vi_fold)
    province = Keyword()
    province_name = Text(analyzer=vi_fold)
    stars = Integer()
    price = Integer()
    in_stock = Boolean()
    published_at = Date()
    url = Keyword(index=False)

    @classmethod
    def from_record(cls, record: Record) -> "SearchDocument":
        return cls(
            meta={"id": record.object_id}, kind=record.kind, object_id=record.object_id, name=record.name,
            description=record.description, store_name=record.store_name, store_slug=record.store_slug,
            group=record.group or None, group_name=record.group_name,
            province=str(record.province_code) if record.province_code else None,
            province_name=record.province_name, stars=record.stars, price=record.price, in_stock=record.in_stock,
            published_at=record.published_at, url=record.url,
        )


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
