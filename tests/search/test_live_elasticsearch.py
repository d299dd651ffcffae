"""The index's life on a real cluster (RELIABILITY 21–23, 27): ELASTICSEARCH_URL=http://127.0.0.1:9200.

Skipped (saying so) without ELASTICSEARCH_URL; REQUIRE_SERVICES=elasticsearch turns the
skip into a failure. The search behaviours themselves run on both backends in
test_behaviour.py; here: rebuilding under load, reconciliation, and the cluster going away.
"""

import logging
import os
import threading
import uuid
from urllib.parse import urlsplit

import pytest
from django.db import connection

from search import client as es_client
from search import maintenance
from search.models import SearchEntry
from search.params import KINDS, SearchParams
from search.service import search
from search.tasks import reconcile_search
from tests.factories.marketplace import ProductFactory
from tests.search.proxy import Forwarder

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def test_rebuild_under_query_load_never_fails_or_comes_back_empty(elasticsearch_backend, catalogue):
    es = elasticsearch_backend.es
    answers, failures, stop = [], [], threading.Event()

    def query():
        try:
            while not stop.is_set():
                try:
                    results = search(SearchParams(text="mat ong", type="product"))
                    answers.append((results.backend, results.total))
                except Exception as error:  # noqa: BLE001 — counted, asserted below
                    failures.append(error)
        finally:
            connection.close()

    worker = threading.Thread(target=query)
    worker.start()
    try:
        for _ in range(3):
            maintenance.elastic_rebuild("product", es)
    finally:
        stop.set()
        worker.join()
    assert failures == []
    assert len(answers) > 10
    assert set(answers) == {("elasticsearch", 3)}  # never empty, never from the fallback
    aliases = es.indices.get_alias(name=f"{elasticsearch_backend.prefix}-products").body
    assert len(aliases) == 1  # the old indices were dropped


def test_reconciliation_repairs_a_deleted_and_a_stale_document(elasticsearch_backend, catalogue):
    es, alias = elasticsearch_backend.es, f"{elasticsearch_backend.prefix}-products"
    honey, fish_sauce = catalogue.products["mat_ong"], catalogue.products["nuoc_mam"]
    es.delete(index=alias, id=str(honey.pk), refresh=True)
    es.update(index=alias, id=str(fish_sauce.pk), doc={"price": 1, "in_stock": False}, refresh=True)
    assert search(SearchParams(type="product", max_price=10)).total == 1  # the stale document shows

    drift = maintenance.elastic_reconcile("product", es)

    assert (drift.to_index, drift.to_delete) == (tuple(sorted([honey.pk, fish_sauce.pk])), ())
    es.indices.refresh(index=alias)
    assert es.count(index=alias)["count"] == 9
    assert search(SearchParams(type="product", max_price=10)).total == 0
    assert fish_sauce.name in [h.name for h in search(SearchParams(type="product", in_stock=True)).hits]
    assert maintenance.elastic_reconcile("product", es).repaired == 0


@pytest.fixture
def cluster_behind_a_forwarder(settings, catalogue):
    """The catalogue in the live cluster, reached through a forwarder the test can stop."""
    target = urlsplit(os.environ["ELASTICSEARCH_URL"])
    forwarder = Forwarder(target.hostname, target.port or 9200).start()
    settings.ELASTICSEARCH_URL = forwarder.url
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix = f"choso-test-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_TIMEOUT = 2.0
    es_client.reset()
    for kind in KINDS:
        maintenance.elastic_rebuild(kind, es_client.get_client())
    yield forwarder
    forwarder.stop()
    forwarder.start()
    es_client.reset()
    es = es_client.get_client()
    names = list(es.indices.get(index=f"{prefix}-*").body)
    if names:
        es.indices.delete(index=",".join(names))
    forwarder.stop()


def test_cluster_stopped_mid_run_falls_back_saves_and_catches_up(
        cluster_behind_a_forwarder, catalogue, settings, django_capture_on_commit_callbacks, caplog):
    """RELIABILITY 21 and 27 on a live cluster."""
    caplog.set_level(logging.WARNING, logger="search")
    forwarder, honey = cluster_behind_a_forwarder, catalogue.products["mat_ong"]
    assert search(SearchParams(text="mat ong", type="product")).backend == "elasticsearch"

    forwarder.stop()  # the cluster goes away
    results = search(SearchParams(text="mat ong", type="product"))
    assert (results.backend, results.hits[0].name) == ("database", honey.name)
    assert "Elasticsearch unavailable" in caplog.text
    with django_capture_on_commit_callbacks(execute=True):  # saves succeed, the database index follows
        honey.price, honey.stock = 199_000, 0
        honey.save()
        new = ProductFactory(name="Mật ong hoa cà phê", store=catalogue.stores["bac_ha"])
    assert SearchEntry.objects.filter(kind="product", object_id=new.pk).exists()
    stale = search(SearchParams(text="mat ong", type="product", in_stock=True))
    assert (stale.backend, honey.name in [h.name for h in stale.hits]) == ("database", False)

    forwarder.start()  # back, on the same address
    es_client.reset()  # (or DOWN_SECONDS later)
    assert search(SearchParams(text="mat ong hoa ca phe", type="product")).total == 0  # the cluster missed it
    summary = reconcile_search.delay().get()
    assert summary["elasticsearch:product"] == 2
    es_client.get_client().indices.refresh(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*")
    caught_up = search(SearchParams(text="mat ong", type="product", in_stock=True))
    assert caught_up.backend == "elasticsearch"
    assert honey.name not in [h.name for h in caught_up.hits]
    assert search(SearchParams(text="mat ong hoa ca phe", type="product")).hits[0].id == new.pk
    assert search(SearchParams(type="product", min_price=199_000, max_price=199_000)).hits[0].id == honey.pk


def test_ensure_builds_missing_indices_and_writes_never_guess_a_mapping(
        settings, catalogue, django_capture_on_commit_callbacks, caplog):
    from io import StringIO

    from django.core.management import call_command

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix = f"choso-test-{uuid.uuid4().hex[:8]}"
    es_client.reset()
    es = es_client.get_client()
    try:
        caplog.set_level(logging.WARNING, logger="search")
        with django_capture_on_commit_callbacks(execute=True):  # no index yet: the write is refused, not guessed
            ProductFactory(name="Mật ong hoa nhãn", store=catalogue.stores["bac_ha"])
        assert "indexing of product" in caplog.text
        assert not es.indices.exists(index=f"{prefix}-products")

        out = StringIO()
        call_command("search_index", "--ensure", stdout=out)
        assert f"elasticsearch: 10 products in {prefix}-products-" in out.getvalue()
        index = list(es.indices.get_alias(name=f"{prefix}-products").body)
        call_command("search_index", "--ensure", stdout=(again := StringIO()))
        assert f"elasticsearch: {prefix}-products ready" in again.getvalue()
        assert list(es.indices.get_alias(name=f"{prefix}-products").body) == index
        es.indices.refresh(index=f"{prefix}-*")
        assert search(SearchParams(text="mat ong hoa nhan")).backend == "elasticsearch"
        assert search(SearchParams(text="mat ong hoa nhan")).total == 1
    finally:
        names = list(es.indices.get(index=f"{prefix}-*").body)
        if names:
            es.indices.delete(index=",".join(names))
