"""What the marketplace announces to the apps that follow it (search, the page cache),
so they need not be imported here.

`products_changed` is sent inside the transaction that changed, in bulk, the stock, price
or availability of products: `update()`, `bulk_create()` and `bulk_update()` send no
post_save, so without it search would keep showing the last unit as in stock. One
announcement carries all the ids of one change (a checkout of five products is one
indexing task, not five). Receivers defer their effects to the commit
(`core.outbox.enqueue_on_commit`, `transaction.on_commit`): a rolled-back change
announces nothing, and work for the broker is written in the same transaction.
"""

from collections.abc import Iterable

from django.dispatch import Signal

# Receivers get ids=[product ids], sorted, and listed=[the ids among them whose change shows
# on a product card: price, in or out of stock…] or None when every one may.
products_changed = Signal()


def announce_products_changed(ids: Iterable[int], *, listed: Iterable[int] | None = None) -> None:
    """`listed` lets the page cache keep listings for changes no card shows (an order that
    leaves the product in stock changes the stock, and the stock is only on its own page)."""
    ids = sorted(set(ids))
    if ids:
        products_changed.send(sender=announce_products_changed, ids=ids,
                              listed=None if listed is None else sorted(set(listed)))
