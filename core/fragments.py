"""Rendered fragments shared by every page that shows them (the header menu, the catalogue's
filter form), cached per language under a version that the changes they show bump: a
version number in the key beats finding and deleting every variant."""

from django.core.cache import cache

SECONDS = 600  # a backstop: a change bumps the version at once


def version(name: str) -> int:
    return cache.get_or_set(f"fragment-version:{name}", 1, timeout=None)


def bump(name: str) -> None:
    try:
        cache.incr(f"fragment-version:{name}")
    except ValueError:  # not set yet (or evicted): any new value leaves old keys behind
        cache.set(f"fragment-version:{name}", version(name) + 1, timeout=None)
