"""Thin tasks of the public site."""

from celery import shared_task


@shared_task
def refresh_home_rankings() -> None:
    """Every few minutes (beat): the home page's best products and stores and its figures,
    ranked and counted off the request path (cms/home.py). Idempotent."""
    from cms.home import refresh_rankings

    refresh_rankings()
