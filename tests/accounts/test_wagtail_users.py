"""The Wagtail admin's user screens ask for the full name and phone number people give
when they sign up, not Wagtail's required first and last name (which sign-up leaves empty:
an officer could not save a buyer's account at all). A password set there signs the
buyer's own sessions out at once, though their user row is cached."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(UserFactory(email="quantri@example.vn", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def hoa():
    return UserFactory(email="hoa.tran@example.vn", full_name="Trần Thị Hoa", groups=["Buyers"])


def _edit(hoa, **changes):
    data = {"email": hoa.email, "full_name": hoa.full_name, "phone": "", "password1": "", "password2": "",
            "is_active": "on", "groups": [g.pk for g in Group.objects.filter(name="Buyers")]}
    data.update(changes)
    return data


def test_the_edit_screen_shows_full_name_and_phone_not_first_and_last_name(admin_client, hoa):
    page = admin_client.get(f"/admin/users/edit/{hoa.pk}/").content.decode()
    assert 'name="full_name"' in page and 'value="Trần Thị Hoa"' in page and 'name="phone"' in page
    assert 'name="first_name"' not in page and 'name="last_name"' not in page
    add = admin_client.get("/admin/users/new/").content.decode()
    assert 'name="full_name"' in add and 'name="first_name"' not in add


def test_an_officer_saves_a_signed_up_buyer_with_a_new_name_phone_and_password(admin_client, hoa):
    buyer = Client()
    buyer.force_login(hoa)
    assert buyer.get("/orders/").status_code == 200  # their row is cached from here on
    response = admin_client.post(f"/admin/users/edit/{hoa.pk}/", _edit(
        hoa, full_name="Trần Thị Hoà", phone="+84 912 345 678",
        password1="mat-khau-moi-cua-hoa-26", password2="mat-khau-moi-cua-hoa-26"))
    assert (response.status_code, response.url) == (302, "/admin/users/")
    hoa.refresh_from_db()
    assert (hoa.full_name, hoa.phone, hoa.first_name, hoa.last_name) == ("Trần Thị Hoà", "0912345678", "", "")
    assert hoa.check_password("mat-khau-moi-cua-hoa-26")
    response = buyer.get("/orders/")
    assert (response.status_code, response.url) == (302, "/accounts/login/?next=/orders/")


def test_a_wrong_phone_number_is_refused_in_vietnamese_and_nothing_is_saved(admin_client, hoa):
    response = admin_client.post(f"/admin/users/edit/{hoa.pk}/", _edit(hoa, full_name="Trần Thị Hoà", phone="12345"))
    assert response.status_code == 200
    assert "Nhập số điện thoại Việt Nam, ví dụ 0912 345 678." in response.content.decode()
    assert User.objects.get(pk=hoa.pk).full_name == "Trần Thị Hoa"


def test_an_officer_adds_an_account_with_a_full_name(admin_client):
    response = admin_client.post("/admin/users/new/", {
        "email": "binh.le@example.vn", "full_name": "Lê Văn Bình", "phone": "0987 654 321",
        "password1": "binh-che-thai-nguyen-26", "password2": "binh-che-thai-nguyen-26",
        "groups": [Group.objects.get(name="Trainers").pk],
    })
    assert response.status_code == 302
    binh = User.objects.get(email="binh.le@example.vn")
    assert (binh.full_name, binh.phone, binh.get_short_name(), binh.is_active) == (
        "Lê Văn Bình", "0987654321", "Bình", True)
    assert list(binh.groups.values_list("name", flat=True)) == ["Trainers"]
