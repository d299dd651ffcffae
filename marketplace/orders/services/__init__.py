"""Writes of the orders app, one module per concern: cart, checkout, orders (state
changes of one order), payment_events (a payment and its orders changing together; the
payments gateway calls it), ledger, reviews."""
