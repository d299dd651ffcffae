"""The signed-in user's row comes from the cache (accounts/backends.py), and nothing about
signing in changes: a password change or a switched-off account signs the other sessions
out on their next request, a new name shows at once, and a cache that is down only means
the row is read from the database."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.backends import user_cache_key
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def lan():
    return UserFactory(full_name="Nguyễn Thị Lan", email="lan.nguyen@example.vn")


@pytest.fixture
def signed_in(lan):
    client = Client()
    client.force_login(lan)
    return client


def _user_row_reads(client, path="/orders/") -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum('FROM "onboarding_user" WHERE "onboarding_user"."id" =' in q["sql"] for q in queries.captured_queries)


def test_the_user_row_is_read_once_then_kept(signed_in):
    assert [_user_row_reads(signed_in) for _ in range(3)] == [1, 0, 0]


def test_a_password_change_signs_the_other_sessions_out_at_once(signed_in, lan):
    _user_row_reads(signed_in)  # their row is cached
    lan.set_password("mot-mat-khau-moi-2026")
    lan.save()
    response = signed_in.get("/orders/")
    assert (response.status_code, response.url) == (302, "/accounts/login/?next=/orders/")


def test_a_switched_off_account_is_signed_out_at_once(signed_in, lan):
    _user_row_reads(signed_in)
    lan.is_active = False
    lan.save(update_fields=["is_active"])
    assert signed_in.get("/orders/").status_code == 302
    assert not signed_in.get("/").context["user"].is_authenticated


def test_a_new_name_shows_on_the_next_page(signed_in, lan):
    assert "Đăng xuất (Lan)" in signed_in.get("/").content.decode()
    lan.full_name = "Nguyễn Thị Mai"
    lan.save()
    assert "Đăng xuất (Mai)" in signed_in.get("/").content.decode()


def test_a_row_cached_during_the_saving_transaction_is_forgotten_at_commit(lan, django_capture_on_commit_callbacks):
    """A request between the save and the commit could cache the row as it was."""
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            lan.full_name = "Nguyễn Thị Mai"
            lan.save()
            cache.set(user_cache_key(lan.pk), "the row before the commit")
        assert cache.get(user_cache_key(lan.pk)) == "the row before the commit"
    assert cache.get(user_cache_key(lan.pk)) is None


def test_with_the_cache_down_the_database_answers(signed_in, lan, monkeypatch):
    class Down:
        def __getattr__(self, name):
            def unreachable(*args, **kwargs):
                raise ConnectionError("cache down")
            return unreachable

    monkeypatch.setattr("accounts.backends.cache", Down())
    assert _user_row_reads(signed_in) == 1
    assert signed_in.get("/").context["user"] == lan
    lan.save()  # forgetting the row cannot fail the save
