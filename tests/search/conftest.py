import pytest

from search import client
from search.backends.database import DatabaseBackend


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
