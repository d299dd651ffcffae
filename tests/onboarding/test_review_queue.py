"""The officer's queue starts with the work: applications waiting for review first (oldest
sent first), then those sent back to the applicant (oldest first); approved and rejected
ones only behind the state filter; the admin menu says how many wait."""

import datetime

import pytest
from django.utils import timezone

from core import divisions
from onboarding.models import ApplicationStatus, OfficerScope
from tests.factories import UserFactory
from tests.factories.marketplace import HUE, first_ward
from tests.factories.onboarding import ApplicationFactory, OfficerFactory
from tests.wagtail_admin import sidebar_items

pytestmark = pytest.mark.django_db
S = ApplicationStatus
QUEUE = "/admin/seller-applications/"
OTHER = next(code for code, _name in divisions.province_choices() if code != HUE)


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture
def applications():
    """Created in a shuffled order, so the queue's order cannot come from the ids."""
    made = {}
    for name, status, sent, decided in [
        ("Sent back 2d", S.CHANGES_REQUESTED, 2, None),
        ("Waiting 1d", S.SUBMITTED, 1, None),
        ("Approved 5d", S.APPROVED, 30, 5),
        ("Waiting 9d", S.SUBMITTED, 9, None),
        ("Rejected 1d", S.REJECTED, 20, 1),
        ("Sent back 7d", S.CHANGES_REQUESTED, 7, None),
        ("Waiting 4d", S.SUBMITTED, 4, None),
        ("Approved 3d", S.APPROVED, 40, 3),
    ]:
        made[name] = ApplicationFactory(trading_name=name, status=status, submitted_at=days_ago(sent),
                                        decided_at=days_ago(decided) if decided else None)
    ApplicationFactory(trading_name="Draft", status=S.DRAFT, submitted_at=None)
    return made


def names(client, query=None):
    response = client.get(QUEUE, query or {})
    assert response.status_code == 200
    return [a.trading_name for a in response.context["page"]]


def test_default_queue_is_the_work_waiting_oldest_first_then_sent_back_oldest_first(client, applications):
    client.force_login(OfficerFactory())
    assert names(client) == ["Waiting 9d", "Waiting 4d", "Waiting 1d", "Sent back 7d", "Sent back 2d"]
    html = client.get(QUEUE).content.decode()
    # The decided ones are not listed; the filter says where they are.
    assert "Approved 5d" not in html and "Rejected 1d" not in html and "Draft" not in html
    assert '<option value="" selected>Việc cần làm: chờ xét duyệt, rồi đã trả lại</option>' in html
    assert '<option value="all">Mọi trạng thái</option>' in html


def test_the_others_are_behind_the_state_filter(client, applications):
    client.force_login(OfficerFactory())
    assert names(client, {"status": "approved"}) == ["Approved 3d", "Approved 5d"]
    assert names(client, {"status": "rejected"}) == ["Rejected 1d"]
    assert names(client, {"status": "submitted"}) == ["Waiting 9d", "Waiting 4d", "Waiting 1d"]
    assert names(client, {"status": "changes_requested"}) == ["Sent back 7d", "Sent back 2d"]
    # Every state: the work first, then the decided ones, latest decision first; never drafts.
    assert names(client, {"status": "all"}) == [
        "Waiting 9d", "Waiting 4d", "Waiting 1d", "Sent back 7d", "Sent back 2d",
        "Rejected 1d", "Approved 3d", "Approved 5d"]
    # A state that does not exist is a form error, and the queue falls back to the work.
    response = client.get(QUEUE, {"status": "draft"})
    assert response.status_code == 200
    assert [a.trading_name for a in response.context["page"]] == [
        "Waiting 9d", "Waiting 4d", "Waiting 1d", "Sent back 7d", "Sent back 2d"]


def sidebar_item(html: str, name: str) -> dict | None:
    """The menu item `name` from the sidebar."""
    return next((item for item in sidebar_items(html) if item["name"] == name), None)


def test_admin_menu_counts_the_applications_waiting_for_this_officer(client, applications):
    ApplicationFactory(trading_name="Waiting elsewhere", status=S.SUBMITTED, submitted_at=days_ago(2),
                       province_code=OTHER, ward_code=first_ward(OTHER))
    officer = OfficerFactory()
    client.force_login(officer)
    item = sidebar_item(client.get("/admin/").content.decode(), "seller-applications")
    assert item["label"] == "Hồ sơ đăng ký bán hàng (4)"  # three in Huế and one elsewhere: every province
    assert item["url"] == QUEUE

    # An officer of Huế only counts Huế's; sent-back and decided applications are not waiting.
    OfficerScope.objects.create(user=officer, province_codes=[HUE])
    item = sidebar_item(client.get("/admin/").content.decode(), "seller-applications")
    assert item["label"] == "Hồ sơ đăng ký bán hàng (3)"

    # Nothing waiting: no number at all.
    OfficerScope.objects.filter(user=officer).update(province_codes=[OTHER])
    applications_elsewhere = ApplicationFactory._meta.model.objects.filter(province_code=OTHER)
    applications_elsewhere.update(status=S.CHANGES_REQUESTED)
    item = sidebar_item(client.get("/admin/").content.decode(), "seller-applications")
    assert item["label"] == "Hồ sơ đăng ký bán hàng"


def test_no_queue_menu_item_for_a_trainer(client, applications):
    client.force_login(UserFactory(groups=["Trainers"]))
    assert sidebar_item(client.get("/admin/").content.decode(), "seller-applications") is None
