"""Writes of the orders app, one module per concern: cart, checkout, orders (state
changes), payments (called by the payments gateway), ledger, reviews."""
