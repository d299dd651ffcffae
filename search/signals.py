"""Receivers only enqueue indexing tasks with ids, after commit (never index inline)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from core.commit import after_commit
from core.outbox import enqueue_on_commit
from marketplace.models import Category, OcopCertificate, Product, Store
from marketplace.signals import products_changed
from search import labels, sources, tasks


def product_changed(sender, instance, **kwargs):
    enqueue_on_commit(tasks.index_objects, "product", [instance.pk])


def products_changed_in_bulk(sender, ids, listed=None, **kwargs):
    """A document holds "in stock", not the stock: an order that leaves the product in stock
    (not `listed`) changes nothing searchable and is not indexed again."""
    changed = ids if listed is None else listed
    if changed:
        enqueue_on_commit(tasks.index_objects, "product", list(changed))


def certificate_changed(sender, instance, **kwargs):
    if instance.product_id is not None:  # a store's certificate not attached to a product backs no stars
        enqueue_on_commit(tasks.index_objects, "product", [instance.product_id])


def store_changed(sender, instance, **kwargs):
    enqueue_on_commit(tasks.index_store, instance.pk)


def store_deleted(sender, instance, **kwargs):
    # Its products are deleted by the cascade (and enqueue their own removal).
    enqueue_on_commit(tasks.index_objects, "store", [instance.pk])


def group_names_changed(sender, **kwargs):
    after_commit(labels.forget_group_names)  # a cache down never fails the committed change


def category_changed(sender, instance, created=False, **kwargs):
    group_names_changed(sender)
    if not created:
        enqueue_on_commit(tasks.index_category, instance.pk)


def course_changed(sender, instance, **kwargs):
    enqueue_on_commit(tasks.index_objects, "course", [instance.pk])


def connect() -> None:
    post_save.connect(product_changed, sender=Product, dispatch_uid="search-product-save")
    post_delete.connect(product_changed, sender=Product, dispatch_uid="search-product-delete")
    products_changed.connect(products_changed_in_bulk, dispatch_uid="search-products-changed")
    post_save.connect(certificate_changed, sender=OcopCertificate, dispatch_uid="search-certificate-save")
    post_delete.connect(certificate_changed, sender=OcopCertificate, dispatch_uid="search-certificate-delete")
    post_save.connect(store_changed, sender=Store, dispatch_uid="search-store-save")
    post_delete.connect(store_deleted, sender=Store, dispatch_uid="search-store-delete")
    post_save.connect(category_changed, sender=Category, dispatch_uid="search-category-save")
    post_delete.connect(group_names_changed, sender=Category, dispatch_uid="search-category-delete")
    course = sources.course_model()
    page_published.connect(course_changed, sender=course, dispatch_uid="search-course-published")
    page_unpublished.connect(course_changed, sender=course, dispatch_uid="search-course-unpublished")
    post_delete.connect(course_changed, sender=course, dispatch_uid="search-course-delete")
