"""The database backend end to end (SQLite always; PostgreSQL when DATABASE_URL says so)."""

import pytest
from django.utils import timezone

from marketplace.models import OcopCertificate, Product, Store
from search.backends.database import DatabaseBackend
from search.models import SearchEntry
from search.params import SearchParams
from search.service import search
from tests.factories.marketplace import CertificateFactory, ProductFactory
from tests.search import behaviour

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("check", behaviour.ALL, ids=lambda f: f.__name__)
def test_behaviour(catalogue, check):
    check(catalogue)
    assert search(SearchParams(text="tra")).backend == "database"


def test_all_words_must_match(catalogue):
    results = search(SearchParams(text="mat ong rung", type="product"))
    assert [h.name for h in results.hits] == ["Mật ong rừng Na Hang"]


def test_last_word_is_a_prefix_the_others_whole_words(catalogue):
    assert search(SearchParams(text="tra shan tuy", type="product")).hits[0].name == "Trà Shan tuyết cổ thụ"
    assert search(SearchParams(text="tr shan", type="product")).total == 0


def test_did_you_mean_proposes_the_nearest_known_words(catalogue):
    results = search(SearchParams(text="mat ongg", type="product"))
    assert (results.total, results.suggestion) == (0, "mật ong")
    assert search(SearchParams(text="nuoc mamm", type="product")).suggestion == "nước mắm"


def test_highlight_marks_matches_and_escapes_the_rest(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(name='Mật ong <script>alert(1)</script> "rừng"', store=catalogue.stores["bac_ha"])
    hits = {h.id: h for h in search(SearchParams(text="mat ong rung", type="product")).hits}
    assert str(hits[product.pk].highlight) == (
        '<mark>Mật</mark> <mark>ong</mark> &lt;script&gt;alert(1)&lt;/script&gt; &quot;<mark>rừng</mark>&quot;')


def test_only_published_products_of_active_stores_are_indexed(catalogue, django_capture_on_commit_callbacks):
    product, store = catalogue.products["tra_shan"], catalogue.stores["sa_huynh"]
    with django_capture_on_commit_callbacks(execute=True):
        ProductFactory(name="Trà bản nháp", status=Product.Status.DRAFT)
        product.status = Product.Status.ARCHIVED
        product.save()
    assert not SearchEntry.objects.filter(kind="product", object_id=product.pk).exists()
    assert search(SearchParams(text="tra ban nhap")).total == 0

    with django_capture_on_commit_callbacks(execute=True):
        store.status = Store.Status.SUSPENDED
        store.save()
    assert search(SearchParams(text="sa huynh")).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        store.status = Store.Status.ACTIVE
        store.save()
    assert search(SearchParams(text="sa huynh", type="product")).total == 3


def test_deleting_removes_and_certificates_update_stars(catalogue, django_capture_on_commit_callbacks):
    atiso, nuoc_mam = catalogue.products["tra_atiso"], catalogue.products["nuoc_mam"]
    with django_capture_on_commit_callbacks(execute=True):
        CertificateFactory(product=atiso, stars=5)
    assert SearchEntry.objects.get(kind="product", object_id=atiso.pk).stars == 5
    with django_capture_on_commit_callbacks(execute=True):
        OcopCertificate.objects.filter(product=nuoc_mam).update(status=OcopCertificate.Status.REFUSED)
        nuoc_mam.certificates.first().save()  # a save through the model, as the review screen does
    assert SearchEntry.objects.get(kind="product", object_id=nuoc_mam.pk).stars is None
    with django_capture_on_commit_callbacks(execute=True):
        atiso.delete()
    assert not SearchEntry.objects.filter(kind="product", object_id=atiso.pk).exists()


def test_course_unpublish_removes_it(catalogue, django_capture_on_commit_callbacks):
    course = catalogue.courses["photo"]
    found = search(SearchParams(text="chup anh", type="course"))
    assert [h.name for h in found.hits] == [course.title, catalogue.courses["online"].title]  # title, then summary
    assert found.hits[0].url == course.url
    with django_capture_on_commit_callbacks(execute=True):
        course.unpublish()
    assert [h.name for h in search(SearchParams(text="chup anh", type="course")).hits] == [
        catalogue.courses["online"].title]


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


def test_published_at_newest_sort(catalogue):
    product = catalogue.products["dau_tram"]
    Product.objects.filter(pk=product.pk).update(published_at=timezone.now() + timezone.timedelta(days=1))
    from search.tasks import index_objects

    index_objects.delay("product", [product.pk])
    assert search(SearchParams(type="product", sort="newest")).hits[0].name == product.name
