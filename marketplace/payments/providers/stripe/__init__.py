"""Stripe: the only package that imports the `stripe` SDK."""
