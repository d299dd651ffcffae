import pytest
from django.contrib.auth.models import Group
from django.core import mail

from accounts.models import User
from tests.factories import UserFactory

GOOD = {"full_name": "Nguyễn Thị Lan", "email": "Lan.Nguyen@Example.vn", "phone": "+84 912 345 678",
        "password1": "nuoc-mam-cua-2026", "password2": "nuoc-mam-cua-2026"}

pytestmark = pytest.mark.django_db


def test_groups_exist_and_admin_roles_reach_wagtail():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Buyers", "Sellers", "Trainers", "Programme officers"} <= names
    for name in ("Trainers", "Programme officers"):
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    assert not Group.objects.get(name="Buyers").permissions.exists()


def test_signup_creates_a_signed_in_buyer_and_sends_a_welcome(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", GOOD)
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "lan.nguyen@example.vn"
    assert user.phone == "0912345678"
    assert user.get_short_name() == "Lan"
    assert list(user.groups.values_list("name", flat=True)) == ["Buyers"]
    assert client.get("/").context["user"] == user
    assert [m.subject for m in mail.outbox] == ["Chào mừng bạn đến với Chợ Số OCOP"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "DA.CO@example.vn"}, "email", "Đã có tài khoản dùng e-mail này."),
        ({"password1": "12345678", "password2": "12345678"}, "password1", "Mật khẩu này quá phổ biến."),
        ({"password1": "abc", "password2": "abc"}, "password1", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
        ({"password2": "khac-hoan-toan-99"}, "password2", "Hai mật khẩu không khớp."),
        ({"phone": "12345"}, "phone", "Nhập số điện thoại Việt Nam, ví dụ 0912 345 678."),
        ({"email": "khong-phai-email"}, "email", "Nhập địa chỉ email."),
    ],
)
def test_bad_signup_input_answers_400_in_vietnamese_and_creates_nothing(client, changes, field, message):
    UserFactory(email="da.co@example.vn")
    response = client.post("/accounts/signup/", {**GOOD, **changes})
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert any(e.startswith(message) for e in errors), errors
    assert message in response.content.decode()
    assert User.objects.count() == 1
    assert mail.outbox == []


def test_signup_enforces_csrf(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/accounts/signup/", GOOD)
    assert response.status_code == 403
    assert User.objects.count() == 0
