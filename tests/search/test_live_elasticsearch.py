"""The same behaviour against a real cluster: ELASTICSEARCH_URL=http://127.0.0.1:9200.

Skipped (saying so) without ELASTICSEARCH_URL; REQUIRE_SERVICES=elasticsearch turns the
skip into a failure. Each test builds its own indices under a random prefix and drops them.
"""

import os
import threading
import uuid

import pytest

from search import client as es_client
from search import maintenance
from search.params import KINDS, SearchParams
from search.service import search
from tests.factories.marketplace import ProductFactory
from tests.search import behaviour

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def cluster(settings, catalogue):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"choso-test-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_TIMEOUT = 10.0
    es_client.reset()
    es = es_client.get_client()
    for kind in KINDS:
        maintenance.elastic_rebuild(kind, es)
    yield es
    es.indices.delete(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*", ignore_unavailable=True)


@pytest.mark.parametrize("check", behaviour.ALL, ids=lambda f: f.__name__)
def test_behaviour(cluster, catalogue, check):
    assert search(SearchParams(text="tra")).backend == "elasticsearch"
    check(catalogue)


def test_saves_reach_the_index(cluster, catalogue, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(name="Nước mắm nhĩ thượng hạng", store=catalogue.stores["sa_huynh"])
    cluster.indices.refresh(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*")
    assert search(SearchParams(text="nuoc mam nhi", type="product")).hits[0].id == product.pk
    with django_capture_on_commit_callbacks(execute=True):
        product.delete()
    cluster.indices.refresh(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*")
    assert search(SearchParams(text="nuoc mam nhi thuong hang", type="product")).total == 0


def test_rebuild_under_query_load_never_fails_or_comes_back_empty(cluster, catalogue):
    failures, totals, stop = [], [], threading.Event()

    def query():
        while not stop.is_set():
            try:
                totals.append(search(SearchParams(text="mat ong", type="product")).total)
            except Exception as error:  # noqa: BLE001 — counted, asserted below
                failures.append(error)

    worker = threading.Thread(target=query)
    worker.start()
    try:
        for _ in range(3):
            maintenance.elastic_rebuild("product", cluster)
    finally:
        stop.set()
        worker.join()
    assert failures == []
    assert totals and set(totals) == {3}


def test_reconciliation_repairs_the_index(cluster, catalogue, settings):
    alias = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-products"
    cluster.delete(index=alias, id=str(catalogue.products["mat_ong"].pk), refresh=True)
    drift = maintenance.elastic_reconcile("product", cluster)
    assert drift.to_index == (catalogue.products["mat_ong"].pk,)
    cluster.indices.refresh(index=alias)
    assert cluster.count(index=alias)["count"] == 9
