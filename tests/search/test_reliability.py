"""RELIABILITY 21–23: Elasticsearch unreachable, alias swap, nightly reconciliation."""

import datetime
import logging
import socket
import time

import pytest

from search import client as es_client
from search import maintenance
from search.documents import index_body
from search.models import SearchEntry
from search.params import SearchParams
from search.service import search
from tests.factories.marketplace import ProductFactory
from tests.search.fake_es import FakeElasticsearch

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 23, 2, 0, tzinfo=datetime.UTC)


@pytest.fixture
def closed_port_cluster(settings):
    """ELASTICSEARCH_URL pointing at a localhost port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    es_client.reset()
    return settings.ELASTICSEARCH_URL


# --- 21 --------------------------------------------------------------------------------------

def test_21_saving_a_product_succeeds_and_logs_when_the_cluster_is_down(
        catalogue, closed_port_cluster, django_capture_on_commit_callbacks, caplog):
    caplog.set_level(logging.WARNING, logger="search")
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(name="Nước mắm nhĩ Sa Huỳnh", store=catalogue.stores["sa_huynh"])
    assert SearchEntry.objects.filter(kind="product", object_id=product.pk).exists()  # the fallback stays fresh
    assert any("Elasticsearch" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_21_search_answers_from_the_database_within_the_timeout(catalogue, closed_port_cluster, client, caplog):
    caplog.set_level(logging.WARNING, logger="search")
    started = time.monotonic()
    results = search(SearchParams(text="nuoc mam", type="product"))
    assert time.monotonic() - started < 3
    assert (results.backend, results.hits[0].name) == ("database", catalogue.products["nuoc_mam"].name)
    assert "Elasticsearch unavailable" in caplog.text
    # Marked down: the next requests do not even try (no retry storm).
    assert not es_client.available()
    page = client.get("/search/", {"q": "mat ong"})
    assert page.status_code == 200
    assert "<mark>Mật</mark> <mark>ong</mark> rừng Na Hang" in page.content.decode()
    api = client.get("/api/v1/search", {"q": "tra"})
    assert api.status_code == 200 and api.json()["count"] == 7


# --- 22 --------------------------------------------------------------------------------------

def test_22_rebuild_fills_a_new_index_then_swaps_the_alias_atomically(catalogue):
    es = FakeElasticsearch()
    es.docs["choso-products-old"] = {1: {"name": "stale"}}
    es.aliases["choso-products"] = ["choso-products-old"]

    new, count = maintenance.elastic_rebuild("product", es, now=NOW)

    assert (new, count) == ("choso-products-20261123020000000000", 9)
    assert es.call_names() == ["indices.create", "bulk", "indices.put_settings", "indices.refresh",
                               "indices.exists_alias", "indices.get_alias", "indices.update_aliases", "indices.delete"]
    assert es.calls[0][1] == {"index": new}
    body = index_body()  # filled without refreshes, then the default refresh again
    assert es.bodies[new] == {**body, "settings": {**body["settings"], "refresh_interval": "-1"}}
    assert es.calls[2][1] == {"index": new, "settings": {"refresh_interval": None}}
    operations = es.calls[1][1]["operations"]
    assert [op["index"]["_index"] for op in operations[::2]] == [new] * 9  # straight into the new index
    assert sorted(int(op["index"]["_id"]) for op in operations[::2]) == sorted(
        p.pk for p in catalogue.products.values())
    assert es.calls[6][1] == {"actions": [{"remove": {"index": "choso-products-old", "alias": "choso-products"}},
                                          {"add": {"index": new, "alias": "choso-products"}}]}
    assert es.calls[7][1] == {"index": "choso-products-old"}
    assert es.aliases["choso-products"] == [new] and len(es.docs[new]) == 9 and "choso-products-old" not in es.docs


def test_22_first_rebuild_replaces_a_plain_index_squatting_the_alias_name(catalogue):
    es = FakeElasticsearch()
    es.docs["choso-stores"] = {}
    new, count = maintenance.elastic_rebuild("store", es, now=NOW)
    assert count == 3
    assert es.calls[-1] == ("indices.update_aliases", {"actions": [
        {"remove_index": {"index": "choso-stores"}}, {"add": {"index": new, "alias": "choso-stores"}}]})


def test_22_a_failed_rebuild_leaves_the_alias_on_the_old_index(catalogue):
    es = FakeElasticsearch(fail_bulk_after=0)
    es.docs["choso-products-old"] = {1: {"name": "kept"}}
    es.aliases["choso-products"] = ["choso-products-old"]
    with pytest.raises(ConnectionError):
        maintenance.elastic_rebuild("product", es, now=NOW)
    assert es.call_names() == ["indices.create", "bulk", "indices.delete"]
    assert es.calls[-1][1] == {"index": "choso-products-20261123020000000000"}
    assert es.aliases["choso-products"] == ["choso-products-old"]
    assert es.docs == {"choso-products-old": {1: {"name": "kept"}}}


def test_22_database_rebuild_is_one_transaction(catalogue, django_assert_num_queries):
    from search.indexing import database_rebuild

    # delete + one bulk insert (+ the reads of the stores), inside a single atomic block: readers
    # see the old rows until commit, never an empty table.
    assert database_rebuild("store") == 3
    assert SearchEntry.objects.filter(kind="store").count() == 3


# --- 23 --------------------------------------------------------------------------------------

def test_23_reconciliation_repairs_drift_in_the_database_table(catalogue):
    from search.tasks import reconcile_search

    mat_ong, tra, nuoc_mam = (catalogue.products[k] for k in ("mat_ong", "tra_shan", "nuoc_mam"))
    SearchEntry.objects.filter(kind="product", object_id=mat_ong.pk).delete()  # missing
    SearchEntry.objects.filter(kind="product", object_id=tra.pk).update(stars=None)  # stale stars
    SearchEntry.objects.filter(kind="product", object_id=nuoc_mam.pk).update(price=1, in_stock=False)  # stale
    SearchEntry.objects.create(kind="product", object_id=999_999, name="Ghost", name_exact=" ghost ",
                               name_folded=" ghost ", text_exact=" ghost ", text_folded=" ghost ", url="/x/")  # extra
    summary = reconcile_search.delay().get()
    assert summary == {"database:product": 4, "database:store": 0, "database:course": 0}
    assert SearchEntry.objects.filter(kind="product").count() == 9
    assert SearchEntry.objects.get(kind="product", object_id=tra.pk).stars == 4
    assert SearchEntry.objects.filter(kind="product", object_id=nuoc_mam.pk).values_list(
        "price", "in_stock").get() == (120_000, True)
    assert not SearchEntry.objects.filter(object_id=999_999).exists()
    assert reconcile_search.delay().get() == {"database:product": 0, "database:store": 0, "database:course": 0}


def test_23_reconciliation_computes_the_elasticsearch_actions(catalogue):
    products = catalogue.products
    es = FakeElasticsearch()
    es.aliases["choso-products"] = ["choso-products-v1"]
    es.docs["choso-products-v1"] = {p.pk: {"stars": p.certificates.first().stars if p.certificates.exists() else None,
                                           "price": p.price, "in_stock": p.stock > 0}
                                    for p in products.values()}
    docs = es.docs["choso-products-v1"]
    del docs[products["mat_ong"].pk]  # missing
    docs[products["tra_shan"].pk]["stars"] = 3  # stale stars
    docs[products["nuoc_mam"].pk]["price"] = 1  # stale price
    docs[products["dau_phong"].pk]["in_stock"] = False  # stale stock
    docs[888_888] = {"stars": None, "price": 5, "in_stock": True}  # gone from the database

    drift = maintenance.elastic_reconcile("product", es)

    stale = sorted(products[k].pk for k in ("mat_ong", "tra_shan", "nuoc_mam", "dau_phong"))
    assert (drift.expected, drift.indexed) == (9, 9)
    assert drift.to_index == tuple(stale)
    assert drift.to_delete == (888_888,)
    bulk = [kwargs["operations"] for name, kwargs in es.calls if name == "bulk"]
    assert len(bulk) == 1
    actions = [(next(iter(op)), op[next(iter(op))]["_id"]) for op in bulk[0] if next(iter(op)) in ("index", "delete")]
    assert sorted(actions) == sorted([("index", pk) for pk in stale] + [("delete", 888_888)])
    assert set(docs) == {p.pk for p in products.values()}
    assert docs[products["tra_shan"].pk]["stars"] == 4
    assert (docs[products["nuoc_mam"].pk]["price"], docs[products["dau_phong"].pk]["in_stock"]) == (120_000, True)
    assert maintenance.elastic_reconcile("product", es).repaired == 0


def test_23_nightly_task_is_scheduled(settings):
    from django.conf import settings as conf

    entry = conf.CELERY_BEAT_SCHEDULE["search-reconcile"]
    assert entry["task"] == "search.tasks.reconcile_search"
