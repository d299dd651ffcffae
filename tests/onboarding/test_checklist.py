"""The go-live checklist: each step done or to do, and the store goes live by itself when
the last step is done (whichever it is)."""

import pytest
from django.template import Context, Template

from marketplace.checklist import store_checklist, store_refresh_go_live, user_stores_refresh_go_live
from marketplace.models import Product, Store
from onboarding.models import ApplicationStatus
from onboarding.services.review import application_approve
from tests.factories.marketplace import ProductFactory
from tests.factories.onboarding import ApplicationFactory, OfficerFactory

pytestmark = pytest.mark.django_db


def complete_starter_courses(user) -> None:
    """`user` really completes every required starter course (training's one definition)."""
    from django.utils import timezone

    from training.models import Enrolment
    from training.selectors import starter_courses

    for course in starter_courses():
        Enrolment.objects.update_or_create(user=user, course=course, defaults={"completed_at": timezone.now()})


class CourseDone:
    """Setting `done` makes the store's owner complete the starter course."""

    def __setitem__(self, key, value):
        assert key == "done" and value is True
        for user in Store.objects.get().members.all():
            complete_starter_courses(user)


@pytest.fixture
def course_done(store):
    from tests.factories.training import create_course
    from training.selectors import starter_courses

    if not starter_courses().exists():
        create_course(required=True)
    return CourseDone()


@pytest.fixture
def store():
    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED, trading_name="Nón lá Phú Cam")
    return application_approve(application=application, officer=OfficerFactory()).store


def complete_profile(store):
    from core.demo import demo_image

    store.logo = demo_image("Logo Nón lá", colour=(30, 110, 70))
    store.story = "<p>Ba đời làm nón.</p>"
    store.save()


def done(store):
    return {step.key: step.done for step in store_checklist(store)}


def test_new_store_shows_what_remains(store, course_done):
    assert done(store) == {"application": True, "profile": False, "course": False, "product": False,
                           "payout": False}
    assert store.status == Store.Status.DRAFT
    assert store_refresh_go_live(store=store) is False


def test_goes_live_automatically_with_the_payout_form_as_last_step(client, store, course_done, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    complete_profile(store)
    course_done["done"] = True
    ProductFactory(store=store, status=Product.Status.PUBLISHED)
    assert store_refresh_go_live(store=store) is False  # payout details still missing
    owner = store.members.get()
    client.force_login(owner)
    # Bad input first: 400, nothing saved, still a draft.
    response = client.post("/onboarding/payout/", {"bank_bin": "970436", "account_number": "12ab",
                                                   "account_holder": "Nguyễn Thị Lan"})
    assert response.status_code == 400
    assert "Số tài khoản gồm từ 6 đến 19 chữ số." in response.content.decode()
    store.refresh_from_db()
    assert (store.payout_account_number, store.status) == ("", Store.Status.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/onboarding/payout/", {"bank_bin": "970436", "account_number": "0071 0012 34567",
                                                       "account_holder": "Nguyễn Thị Lan"})
    assert response["Location"] == f"/onboarding/status/{store.slug}/"
    store.refresh_from_db()
    assert (store.payout_bank_bin, store.payout_account_number, store.payout_account_holder) == (
        "970436", "0071001234567", "NGUYEN THI LAN")
    assert store.status == Store.Status.ACTIVE and store.went_live_at is not None
    assert mailoutbox[-1].subject == "Cửa hàng của bạn đã mở bán"
    assert Store.objects.active().filter(pk=store.pk).exists()


def test_goes_live_when_the_course_is_the_last_step(store, course_done):
    complete_profile(store)
    ProductFactory(store=store, status=Product.Status.PUBLISHED)
    store.payout_bank_bin, store.payout_account_number, store.payout_account_holder = "970418", "123456789", "A B"
    store.save()
    user_stores_refresh_go_live(user=store.members.get())
    store.refresh_from_db()
    assert store.status == Store.Status.DRAFT
    course_done["done"] = True
    user_stores_refresh_go_live(user=store.members.get())
    store.refresh_from_db()
    assert store.status == Store.Status.ACTIVE
    went_live = store.went_live_at
    assert store_refresh_go_live(store=store) is True  # idempotent
    store.refresh_from_db()
    assert store.went_live_at == went_live


def test_store_without_approved_application_never_goes_live(course_done):
    from tests.factories.marketplace import StoreFactory

    course_done["done"] = True
    store = StoreFactory(status=Store.Status.DRAFT, story="<p>x</p>", payout_bank_bin="970418",
                         payout_account_number="123456789", payout_account_holder="A B")
    complete_profile(store)
    ProductFactory(store=store, status=Product.Status.PUBLISHED)
    assert done(store)["application"] is False
    assert store_refresh_go_live(store=store) is False


def test_suspended_store_stays_suspended(store, course_done):
    complete_profile(store)
    course_done["done"] = True
    ProductFactory(store=store, status=Product.Status.PUBLISHED)
    Store.objects.filter(pk=store.pk).update(status=Store.Status.SUSPENDED, payout_bank_bin="970418",
                                             payout_account_number="123456789", payout_account_holder="A B")
    store.refresh_from_db()
    assert store_refresh_go_live(store=store) is False
    store.refresh_from_db()
    assert store.status == Store.Status.SUSPENDED


def test_status_page_and_dashboard_panel_show_the_steps(client, store, course_done):
    owner = store.members.get()
    client.force_login(owner)
    page = client.get("/onboarding/status/").content.decode()
    assert "Các bước mở bán: Nón lá Phú Cam" in page
    assert page.count('class="done"') == 1 and page.count('class="todo"') == 4
    assert f"/onboarding/payout/{store.slug}/" in page and "/seller/store/" in page
    html = Template("{% load onboarding_tags %}{% checklist_panel store %}").render(Context({"store": store}))
    assert "Hoàn thành khóa học “Bán hàng trực tuyến cơ bản”" in html
    assert "Khai báo tài khoản nhận tiền" in html
