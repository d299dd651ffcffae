"""The database backend's own parts (SQLite always; PostgreSQL when DATABASE_URL says so).
The search behaviours run on both backends in test_behaviour.py."""

import pytest

from search.backends.database import DatabaseBackend
from search.models import SearchEntry
from search.params import SearchParams
from search.service import search
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db


def test_indexing_tasks_are_idempotent(catalogue):
    from search.tasks import index_objects, index_store

    before = list(SearchEntry.objects.order_by("kind", "object_id").values_list("kind", "object_id", "name", "stars"))
    ids = [p.pk for p in catalogue.products.values()]
    index_objects.delay("product", ids)
    index_objects.delay("product", ids)
    index_store.delay(catalogue.stores["da_lat"].pk)
    index_store.delay(catalogue.stores["da_lat"].pk)
    after = list(SearchEntry.objects.order_by("kind", "object_id").values_list("kind", "object_id", "name", "stars"))
    assert after == before
    assert len(after) == 9 + 3 + 2


def test_receivers_only_enqueue_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product = ProductFactory()
    assert not SearchEntry.objects.filter(kind="product", object_id=product.pk).exists()
    assert len(callbacks) >= 1


def test_rebuild_command_refills_the_table(catalogue):
    from django.core.management import call_command

    SearchEntry.objects.filter(kind="product").delete()
    call_command("search_index", "--rebuild")
    assert SearchEntry.objects.filter(kind="product").count() == 9
    assert SearchEntry.objects.filter(kind="course").count() == 2
    assert search(SearchParams(text="nuoc mam", type="product")).hits[0].name == catalogue.products["nuoc_mam"].name


def test_vocabulary_is_bounded(catalogue, monkeypatch):
    import search.backends.database as database

    assert DatabaseBackend.vocabulary()["mat"] == "mật"  # the spelling with diacritics is kept
    monkeypatch.setattr(database, "VOCABULARY_SIZE", 5)
    assert len(DatabaseBackend.vocabulary()) > 5  # remembered for VOCABULARY_SECONDS
    DatabaseBackend.forget_vocabulary()
    assert len(DatabaseBackend.vocabulary()) == 5



def test_a_checkout_reindexes_the_products_it_sold_out_in_one_task(catalogue, django_capture_on_commit_callbacks):
    """Documents hold "in stock", not the stock: only the products sold out are indexed again."""
    from core.models import OutboxMessage
    from marketplace.models import Product
    from tests.factories.orders import place

    OutboxMessage.objects.all().delete()
    keys = ("mat_ong", "tra_shan", "nuoc_mam")  # three stores: three orders, one payment
    Product.objects.filter(pk__in=[catalogue.products[k].pk for k in keys]).update(stock=5)
    Product.objects.filter(pk__in=[catalogue.products[k].pk for k in keys[:2]]).update(stock=1)
    with django_capture_on_commit_callbacks(execute=True):
        place({catalogue.products[k]: 1 for k in keys})
    indexing = OutboxMessage.objects.filter(task__startswith="search.").values_list("task", "args")
    assert list(indexing) == [("search.tasks.index_objects", ["product", sorted(catalogue.products[k].pk
                                                                                 for k in keys[:2])])]
    OutboxMessage.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        place({catalogue.products["nuoc_mam"]: 1})  # 3 left: nothing searchable changed
    assert not OutboxMessage.objects.filter(task__startswith="search.").exists()
