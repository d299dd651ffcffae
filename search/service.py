"""The one query service: `search(params)` and `suggest(text)`.

Elasticsearch when ELASTICSEARCH_URL is set and the cluster answers; the database
backend otherwise. Nothing outside this package knows which one answered.
"""

from search import client
from search.backends.database import DatabaseBackend
from search.backends.elastic import ElasticsearchBackend
from search.params import SearchParams, SearchResults, Suggestion


def search(params: SearchParams) -> SearchResults:
    if client.available():
        try:
            return ElasticsearchBackend(client.get_client()).search(params)
        except client.UNAVAILABLE as error:
            client.mark_down(error)
    return DatabaseBackend().search(params)


def suggest(text: str) -> list[Suggestion]:
    if not text.strip():
        return []
    if client.available():
        try:
            return ElasticsearchBackend(client.get_client()).suggest(text)
        except client.UNAVAILABLE as error:
            client.mark_down(error)
    return DatabaseBackend().suggest(text)
