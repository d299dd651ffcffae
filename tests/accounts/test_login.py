import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def lan():
    return UserFactory(email="lan@example.vn", full_name="Nguyễn Thị Lan")


def test_login_with_email_and_logout_by_post(client, lan):
    response = client.post("/accounts/login/", {"username": "LAN@example.vn", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == lan
    assert client.get("/accounts/logout/").status_code == 405  # logging out is a POST
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_wrong_password_message_is_vietnamese(client, lan):
    response = client.post("/accounts/login/", {"username": "lan@example.vn", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "E-mail hoặc mật khẩu không đúng." in response.content.decode()


def test_brute_force_locks_out_then_cool_off_expires(client, lan, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "lan@example.vn", "password": "doan-mo"})
    # Locked: even the right password is refused, with a clear message.
    response = client.post("/accounts/login/", {"username": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 429
    assert "Tạm dừng đăng nhập" in response.content.decode()
    assert not client.get("/").context["user"].is_authenticated

    # After the cool-off the lock lifts.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    response = client.post("/accounts/login/", {"username": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == lan


def test_password_reset_by_email_link(client, lan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password-reset/", {"email": "lan@example.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Đặt lại mật khẩu Chợ Số OCOP"
    link = re.search(r"http://\S+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    new = "tra-shan-tuyet-moi-2026"
    response = client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    lan.refresh_from_db()
    assert lan.check_password(new)


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post("/accounts/password-reset/", {"email": "ai-do@example.vn"})
    assert response.status_code == 302
    assert mail.outbox == []
