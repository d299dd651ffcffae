"""Shared fixtures: the stubbed Stripe client."""

from tests.payments.conftest import stripe_stub  # noqa: F401
