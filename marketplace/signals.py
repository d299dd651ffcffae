"""What the marketplace announces to the apps that follow it (search, the page cache),
so they need not be imported here.

`products_changed` is sent once a transaction has committed, with the ids of the products
whose stock, price or availability it changed in bulk: `update()`, `bulk_create()` and
`bulk_update()` send no post_save, so without it search would keep showing the last unit
as in stock. One announcement per transaction carries all its ids (a checkout of five
products is one indexing task, not five).
"""

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

products_changed = Signal()  # receivers get ids=[product ids], sorted


def announce_products_changed(ids: Iterable[int]) -> None:
    ids = sorted(set(ids))
    if ids:
        transaction.on_commit(lambda: products_changed.send(sender=announce_products_changed, ids=ids))
