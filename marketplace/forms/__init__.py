"""Forms of the public catalogue and of the seller dashboard."""
