"""The state machine: allowed transitions recorded and e-mailed after commit; refused
ones change nothing; approval creates store + owner + Sellers in one transaction."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from marketplace.models import Store, StoreMember
from onboarding.exceptions import ApplicationNotEditable, InvalidTransition, NotAllowed
from onboarding.models import ApplicationEvent, ApplicationStatus, OfficerScope, SellerApplication
from onboarding.services.applications import application_start, application_submit, application_update
from onboarding.services.review import application_approve, application_reject, application_request_changes
from tests.factories.marketplace import HUE, StoreFactory
from tests.factories.onboarding import ApplicationFactory, OfficerFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def officer():
    return OfficerFactory(full_name="Lê Văn Cán Bộ")


@pytest.fixture
def submitted(django_capture_on_commit_callbacks):
    application = ApplicationFactory(trading_name="Mật ong Bạc Hà")
    with django_capture_on_commit_callbacks(execute=True):
        return application_submit(application=application, user=application.applicant, accept_terms=True)


def snapshot(application):
    application.refresh_from_db()
    return (application.status, application.field_notes, application.store_id, application.decided_at,
            ApplicationEvent.objects.filter(application=application).count())


def test_submit_records_event_and_emails_after_commit(submitted, mailoutbox):
    event = submitted.events.get()
    assert (event.from_status, event.to_status, event.actor) == (S.DRAFT, S.SUBMITTED, submitted.applicant)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [submitted.applicant.email]
    assert "Mật ong Bạc Hà" in mailoutbox[0].body


def test_no_email_when_the_transaction_rolls_back(mailoutbox, django_capture_on_commit_callbacks):
    from django.db import transaction

    application = ApplicationFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            application_submit(application=application, user=application.applicant, accept_terms=True)
            raise RuntimeError("boom")
    assert callbacks == [] and mailoutbox == []
    assert snapshot(application)[0] == S.DRAFT


def test_request_changes_then_resubmit_then_approve(submitted, officer, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application_request_changes(application=submitted, officer=officer, note="Cảm ơn anh chị.",
                                    field_notes={"tax_code": "Mã số thuế không khớp giấy phép.", "street": "ignored",
                                                 "legal_name": "  "})
    submitted.refresh_from_db()
    assert submitted.status == S.CHANGES_REQUESTED
    assert submitted.field_notes == {"tax_code": "Mã số thuế không khớp giấy phép."}
    assert mailoutbox[-1].subject == "Hồ sơ đăng ký bán hàng của bạn cần bổ sung, chỉnh sửa"
    assert "Mã số thuế: Mã số thuế không khớp giấy phép." in mailoutbox[-1].body

    # The applicant can edit again, then resubmit; the notes are cleared (kept in history).
    application_update(application=submitted, user=submitted.applicant, fields={"tax_code": "0300588569"})
    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=submitted, user=submitted.applicant, accept_terms=True)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.field_notes, submitted.tax_code) == (S.SUBMITTED, {}, "0300588569")

    with django_capture_on_commit_callbacks(execute=True):
        approved = application_approve(application=submitted, officer=officer, note="Chúc mừng!")
    events = list(approved.events.values_list("from_status", "to_status", "actor__email", "note"))
    assert events == [
        (S.DRAFT, S.SUBMITTED, approved.applicant.email, ""),
        (S.SUBMITTED, S.CHANGES_REQUESTED, officer.email, "Cảm ơn anh chị."),
        (S.CHANGES_REQUESTED, S.SUBMITTED, approved.applicant.email, ""),
        (S.SUBMITTED, S.APPROVED, officer.email, "Chúc mừng!"),
    ]
    assert [m.subject for m in mailoutbox] == [
        "Chúng tôi đã nhận hồ sơ đăng ký bán hàng của bạn",
        "Hồ sơ đăng ký bán hàng của bạn cần bổ sung, chỉnh sửa",
        "Chúng tôi đã nhận hồ sơ đăng ký bán hàng của bạn",
        "Hồ sơ đăng ký bán hàng của bạn đã được duyệt",
    ]


def test_approval_creates_store_membership_and_group(submitted, officer):
    StoreFactory(slug="mat-ong-bac-ha")  # the natural slug is taken
    approved = application_approve(application=submitted, officer=officer)
    store = approved.store
    assert (store.name, store.slug, store.status) == ("Mật ong Bạc Hà", "mat-ong-bac-ha-2", Store.Status.DRAFT)
    assert (store.province_code, store.ward_code, store.street) == (HUE, submitted.ward_code, "Thôn 3")
    assert store.producer_type == "cooperative"
    assert list(StoreMember.objects.filter(store=store).values_list("user", "role")) == [
        (submitted.applicant.pk, StoreMember.Role.OWNER)]
    assert submitted.applicant.groups.filter(name="Sellers").exists()
    assert approved.decided_at is not None


def test_approval_is_one_transaction(submitted, officer, monkeypatch):
    """If adding the Sellers group fails, no store, no membership, no state change."""
    def broken(*args, **kwargs):
        raise Group.DoesNotExist

    monkeypatch.setattr("onboarding.services.review.Group.objects.get", broken)
    before = snapshot(submitted)
    stores = Store.objects.count()
    with pytest.raises(Group.DoesNotExist):
        application_approve(application=submitted, officer=officer)
    assert snapshot(submitted) == before
    assert Store.objects.count() == stores and StoreMember.objects.count() == 0


@pytest.mark.parametrize("status", [S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED, S.REJECTED])
def test_officer_decisions_refused_outside_submitted(status, officer):
    application = ApplicationFactory(status=status)
    before = snapshot(application)
    for decide in (lambda: application_approve(application=application, officer=officer),
                   lambda: application_reject(application=application, officer=officer, reason="Sai"),
                   lambda: application_request_changes(application=application, officer=officer,
                                                       field_notes={"tax_code": "Sai"})):
        with pytest.raises(InvalidTransition):
            decide()
        assert snapshot(application) == before
    assert Store.objects.count() == 0


@pytest.mark.parametrize("status", [S.SUBMITTED, S.APPROVED, S.REJECTED])
def test_applicant_cannot_edit_or_resubmit_outside_draft(status):
    application = ApplicationFactory(status=status, legal_name="Giữ nguyên")
    before = snapshot(application)
    with pytest.raises(ApplicationNotEditable):
        application_update(application=application, user=application.applicant, fields={"legal_name": "Đổi"})
    with pytest.raises(ApplicationNotEditable):
        application_submit(application=application, user=application.applicant, accept_terms=True)
    assert snapshot(application) == before
    assert application.legal_name == "Giữ nguyên"


def test_reject_needs_a_reason_and_a_rejected_applicant_may_apply_again(submitted, officer):
    before = snapshot(submitted)
    with pytest.raises(ValidationError):
        application_reject(application=submitted, officer=officer, reason="  ")
    assert snapshot(submitted) == before
    with pytest.raises(ValidationError):
        application_request_changes(application=submitted, officer=officer, field_notes={"tax_code": ""})
    assert snapshot(submitted) == before

    application_reject(application=submitted, officer=officer, reason="Sản phẩm chưa đạt chuẩn.")
    assert submitted.events.last().note == "Sản phẩm chưa đạt chuẩn."
    again = application_start(user=submitted.applicant)
    assert again.pk != submitted.pk and again.status == S.DRAFT
    assert SellerApplication.objects.filter(applicant=submitted.applicant).count() == 2


def test_officer_outside_province_is_refused(submitted, officer):
    from core import divisions

    other = next(code for code, _name in divisions.province_choices() if code != HUE)
    OfficerScope.objects.create(user=officer, province_codes=[other])
    before = snapshot(submitted)
    with pytest.raises(NotAllowed):
        application_approve(application=submitted, officer=officer)
    assert snapshot(submitted) == before


def test_non_officer_cannot_decide(submitted):
    from tests.factories import UserFactory

    with pytest.raises(NotAllowed):
        application_approve(application=submitted, officer=UserFactory())
    assert snapshot(submitted)[0] == S.SUBMITTED
