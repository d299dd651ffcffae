"""Cart, orders, settlement ledger and reviews (app label `orders`)."""

from marketplace.orders.models.cart import CartItem
from marketplace.orders.models.ledger import LedgerEntry, Payout, PayoutBatch
from marketplace.orders.models.orders import Order, OrderEvent, OrderLine, OrderQuerySet
from marketplace.orders.models.reviews import Review

__all__ = ["CartItem", "LedgerEntry", "Order", "OrderEvent", "OrderLine", "OrderQuerySet", "Payout", "PayoutBatch",
           "Review"]
