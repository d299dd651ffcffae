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

# Receivers get ids=[product ids], sorted; listed=[the ids among them whose change shows on a
# product card: price, in or out of stock…] and shown=[those whose change shows on their own
# page], each None when every one may.
products_changed = Signal()


def announce_products_changed(ids: Iterable[int], *, listed: Iterable[int] | None = None,
                              shown: Iterable[int] | None = None) -> None:
    """`listed` and `shown` let the page cache keep pages for changes they do not show: an
    order that leaves the product in stock changes no card, and its own page only when few
    are left (`Product.stock_change_shown`)."""
    ids = sorted(set(ids))
    if ids:
        products_changed.send(sender=announce_products_changed, ids=ids,
                              listed=None if listed is None else sorted(set(listed)),
                              shown=None if shown is None else sorted(set(shown)))
