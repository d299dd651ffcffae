"""Signing in by e-mail and password, with the signed-in user's row kept in the cache.

Every request of a signed-in visitor loads their user row: the session names the user, and
Django checks the session against the user's password hash before trusting it. On a page
served from the page cache that row was the only SQL query left (about a third of the
work of the request). `ModelBackend.get_user` here answers from the cache:

- Django still checks the session against the user's password hash on every request; only
  where the row comes from changes.
- Every save or deletion of a user forgets their row once the transaction commits (and at
  once): a password change signs out their other sessions, and an account that is switched
  off is signed out, on the next request, exactly as without the cache.
- A row changed without `save()` (`QuerySet.update`, raw SQL) is seen within
  USER_CACHE_SECONDS.
- What is cached is the row as loaded, never permissions or related objects: those are
  asked of the database as before.
"""

import logging

from django.contrib.auth import backends
from django.core.cache import cache

from core.commit import after_commit

logger = logging.getLogger(__name__)

USER_CACHE_SECONDS = 60


def user_cache_key(user_id) -> str:
    return f"auth-user:{user_id}"


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        key = user_cache_key(user_id)
        try:
            user = cache.get(key)
        except Exception:  # noqa: BLE001 — the cache is down: the database answers, as without it
            logger.warning("the cache did not answer for user %s; read from the database", user_id)
            return super().get_user(user_id)
        if user is not None and self.user_can_authenticate(user):
            return user
        user = super().get_user(user_id)
        if user is not None:
            try:
                cache.set(key, user, USER_CACHE_SECONDS)
            except Exception:  # noqa: BLE001
                logger.warning("the cache did not keep user %s", user_id)
        return user


def forget_user(user_id) -> None:
    """Forget the cached row of `user_id` now and once the current transaction commits
    (a request between the two would otherwise cache the row as it was)."""

    key = user_cache_key(user_id)
    try:
        cache.delete(key)
    except Exception:  # noqa: BLE001 — a cache that is down holds nothing to forget
        logger.warning("the cache did not forget user %s", user_id)
    after_commit(cache.delete, key)


def _forget_changed_user(sender, instance, **kwargs):
    forget_user(instance.pk)
