"""Writes of the marketplace catalogue: one module per entity, functions `<entity>_<verb>`."""
