import os
import uuid
from dataclasses import dataclass

import pytest

from search import client
from search.backends.database import DatabaseBackend

# The two backends every behaviour runs on (tests/search/test_behaviour.py).
BACKENDS = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(autouse=True)
def _fresh_search_state(settings):
    """No cluster unless a test sets one; no memory of a previous test's failures."""
    settings.ELASTICSEARCH_URL = ""
    client.reset()
    DatabaseBackend.forget_vocabulary()
    from django.core.cache import cache

    cache.clear()
    yield
    client.reset()


@pytest.fixture
def catalogue(db, django_capture_on_commit_callbacks):
    """The search catalogue, indexed by the real signal → task path (after commit)."""
    from tests.factories.search import catalogue

    with django_capture_on_commit_callbacks(execute=True):
        return catalogue()


@dataclass
class Backend:
    name: str
    es: object = None
    prefix: str = ""

    def refresh(self) -> None:
        """Make the cluster's latest writes searchable now (it does so every second)."""
        if self.es is not None:
            self.es.indices.refresh(index=f"{self.prefix}-*")


@pytest.fixture
def database_backend(catalogue):
    return Backend("database")


@pytest.fixture
def elasticsearch_backend(settings, catalogue):
    """The catalogue in a live cluster: its own indices under a random prefix, filled by
    the real rebuild (versioned index + alias), dropped afterwards."""
    from search import maintenance
    from search.params import KINDS

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"choso-test-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_TIMEOUT = 10.0
    client.reset()
    es = client.get_client()
    for kind in KINDS:
        maintenance.elastic_rebuild(kind, es)
    yield Backend("elasticsearch", es, settings.ELASTICSEARCH_INDEX_PREFIX)
    # By name: clusters refuse wildcard deletes (action.destructive_requires_name).
    names = list(es.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*").body)
    if names:
        es.indices.delete(index=",".join(names))
