"""The application wizard: one step per screen, saved after each step, bad input answered
with a Vietnamese message and HTTP 400 without touching the saved draft."""

import pytest

from marketplace.models import Category
from onboarding.models import ApplicationDocument, ApplicationStatus, SellerApplication
from tests.factories import UserFactory
from tests.factories.marketplace import HUE, first_ward
from tests.factories.onboarding import ApplicationFactory, pdf_upload, png_upload
from tests.factories.storage import stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(client):
    user = UserFactory(full_name="Trần Văn Minh", phone="0905123456")
    client.force_login(user)
    return user


def step(slug):
    return f"/onboarding/step/{slug}/"


def test_login_required(client):
    response = client.get("/onboarding/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_whole_wizard_then_submit(client, applicant, mailoutbox, django_capture_on_commit_callbacks):
    response = client.get("/onboarding/")
    assert response.status_code == 200
    assert "Bắt đầu đăng ký" in response.content.decode()
    assert client.post("/onboarding/")["Location"] == step("type")
    application = SellerApplication.objects.get(applicant=applicant)
    assert application.status == ApplicationStatus.DRAFT
    assert application.representative_name == "Trần Văn Minh"  # prefilled from the account

    page = client.get(step("type")).content.decode()
    assert "Bước 1/10" in page
    assert client.post(step("type"), {"producer_type": "cooperative"})["Location"] == step("names")
    assert client.post(step("names"), {"legal_name": "Hợp tác xã Chè Tân Cương",
                                       "trading_name": "Chè Tân Cương"})["Location"] == step("tax")
    assert client.post(step("tax"), {"tax_code": "0100109106",
                                     "registration_number": "4601 000123"})["Location"] == step("contact")
    assert client.post(step("contact"), {"representative_name": "Trần Văn Minh",
                                         "representative_phone": "+84 905 123 456"})["Location"] == step("province")
    assert client.post(step("province"), {"province_code": HUE})["Location"] == step("address")
    page = client.get(step("address")).content.decode()
    assert "Thành phố Huế" in page
    ward = first_ward(HUE)
    assert client.post(step("address"), {"ward_code": ward, "street": "Thôn 2"})["Location"] == step("products")
    food = Category.objects.get(slug="thuc-pham")
    assert client.post(step("products"), {"categories": [food.pk]})["Location"] == step("certificates")
    response = client.post(step("certificates"), {
        "action": "add", "product_name": "Chè búp", "stars": 4, "decision_number": "12/QĐ-UBND",
        "decision_date": "2025-02-01", "issuing_authority": "UBND thành phố Huế", "scan": pdf_upload("ocop.pdf")})
    assert response["Location"] == step("certificates")
    assert client.post(step("documents"), {"registration_certificate": pdf_upload(),
                                           "representative_id": png_upload()})["Location"] == step("submit")

    application.refresh_from_db()
    assert (application.producer_type, application.legal_name, application.tax_code) == (
        "cooperative", "Hợp tác xã Chè Tân Cương", "0100109106")
    assert application.registration_number == "4601 000123"
    assert application.representative_phone == "0905123456"
    assert (application.province_code, application.ward_code, application.street) == (HUE, ward, "Thôn 2")
    assert list(application.categories.all()) == [food]
    assert application.certificates.get().stars == 4
    kinds = dict(application.documents.values_list("kind", "content_type"))
    assert kinds == {"registration_certificate": "application/pdf", "representative_id": "image/png"}

    # Without consent nothing is sent.
    response = client.post(step("submit"), {})
    assert response.status_code == 400
    assert "Vui lòng đồng ý với điều khoản" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(step("submit"), {"accept_terms": "on"})
    assert response["Location"] == "/onboarding/status/"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.terms_accepted_at is not None
    assert [m.subject for m in mailoutbox] == ["Chúng tôi đã nhận hồ sơ đăng ký bán hàng của bạn"]
    # A sent application can no longer be edited through the wizard.
    assert client.get(step("names"))["Location"] == "/onboarding/status/"
    assert client.post(step("names"), {"legal_name": "X", "trading_name": "Y"})["Location"] == "/onboarding/status/"
    application.refresh_from_db()
    assert application.legal_name == "Hợp tác xã Chè Tân Cương"


def test_wrong_tax_code_is_refused_and_draft_kept(client, applicant):
    application = ApplicationFactory(applicant=applicant, tax_code="0300588569", registration_number="REG-1")
    response = client.post(step("tax"), {"tax_code": "0300588568", "registration_number": "REG-2"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mã số thuế không hợp lệ: chữ số kiểm tra không khớp" in page
    assert 'value="0300588568"' in page  # what was typed stays in the field
    application.refresh_from_db()
    assert (application.tax_code, application.registration_number) == ("0300588569", "REG-1")


def test_tax_code_optional_only_for_household_business(client, applicant):
    application = ApplicationFactory(applicant=applicant, producer_type="enterprise")
    response = client.post(step("tax"), {"tax_code": "", "registration_number": "R1"})
    assert response.status_code == 400
    assert "Hợp tác xã và doanh nghiệp phải khai mã số thuế." in response.content.decode()
    application.refresh_from_db()
    assert application.tax_code == "0100109106"

    application.producer_type = "household"
    application.save()
    assert client.post(step("tax"), {"tax_code": "", "registration_number": "R1"}).status_code == 302
    application.refresh_from_db()
    assert application.tax_code == ""


def test_ward_must_belong_to_the_province(client, applicant):
    from core import divisions

    application = ApplicationFactory(applicant=applicant)
    other_province = next(code for code, _name in divisions.province_choices() if code != HUE)
    foreign_ward = first_ward(other_province)
    response = client.post(step("address"), {"ward_code": foreign_ward, "street": "Thôn 9"})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.street == "Thôn 3"


def test_changing_the_province_clears_the_ward(client, applicant):
    from core import divisions

    application = ApplicationFactory(applicant=applicant)
    other = next(code for code, _name in divisions.province_choices() if code != HUE)
    client.post(step("province"), {"province_code": other})
    application.refresh_from_db()
    assert (application.province_code, application.ward_code) == (other, None)
    assert "onboarding/step/address" in client.get("/onboarding/")["Location"]


def test_address_step_needs_a_province_first(client, applicant):
    ApplicationFactory(applicant=applicant, province_code=None, ward_code=None)
    assert client.get(step("address"))["Location"] == step("province")


def test_bad_documents_are_refused_with_a_message(client, applicant):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = ApplicationFactory(applicant=applicant, complete=False)
    fake = SimpleUploadedFile("giay-phep.jpg", b"this is not an image at all", content_type="image/jpeg")
    svg = SimpleUploadedFile("id.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", content_type="image/svg+xml")
    response = client.post(step("documents"), {"registration_certificate": fake, "representative_id": svg})
    assert response.status_code == 400
    page = response.content.decode()
    assert "giay-phep.jpg không phải là tệp PDF hay ảnh" in page
    assert ApplicationDocument.objects.filter(application=application).count() == 0


def test_oversized_document_is_refused(client, applicant, settings):
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 50
    application = ApplicationFactory(applicant=applicant, complete=False)
    response = client.post(step("documents"), {"registration_certificate": pdf_upload(),
                                               "representative_id": pdf_upload()})
    assert response.status_code == 400
    assert "quá lớn" in response.content.decode()
    assert application.documents.count() == 0


def svg_upload(name="cccd.svg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", content_type="image/svg+xml")


def test_one_bad_document_stores_neither(client, applicant):
    """All or nothing: a good PDF sent with a refused photo is not kept either."""
    application = ApplicationFactory(applicant=applicant, complete=False)
    files_before = stored_files("private")
    response = client.post(step("documents"), {"registration_certificate": pdf_upload(),
                                               "representative_id": svg_upload()})
    assert response.status_code == 400
    assert response.context["form"].errors == {"representative_id": [
        "cccd.svg không phải là tệp PDF hay ảnh mà hệ thống đọc được. Vui lòng tải lên tệp PDF, JPEG, PNG hoặc WebP."]}
    assert ApplicationDocument.objects.filter(application=application).count() == 0
    assert stored_files("private") == files_before


def test_bad_replacement_keeps_the_documents_already_sent(client, applicant):
    application = ApplicationFactory(applicant=applicant)
    kept = dict(application.documents.values_list("kind", "file"))
    files_before = stored_files("private")
    response = client.post(step("documents"), {"registration_certificate": pdf_upload("moi.pdf"),
                                               "representative_id": svg_upload()})
    assert response.status_code == 400
    assert dict(application.documents.values_list("kind", "file")) == kept
    assert stored_files("private") == files_before


def test_both_documents_saved_and_replaced_files_deleted(client, applicant, django_capture_on_commit_callbacks):
    application = ApplicationFactory(applicant=applicant)
    old_files = set(application.documents.values_list("file", flat=True))
    files_before = stored_files("private")
    assert old_files <= files_before
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(step("documents"), {"registration_certificate": pdf_upload("moi.pdf"),
                                                   "representative_id": png_upload("cccd-moi.png")})
    assert response["Location"] == step("submit")
    documents = {d.kind: d for d in application.documents.all()}
    assert {k: (d.original_name, d.content_type) for k, d in documents.items()} == {
        "registration_certificate": ("moi.pdf", "application/pdf"), "representative_id": ("cccd-moi.png", "image/png")}
    new_files = {d.file.name for d in documents.values()}
    assert stored_files("private") == (files_before - old_files) | new_files


def test_documents_written_then_a_failing_save_leave_no_file(applicant, monkeypatch):
    """A write that fails after the first file reached the disk rolls back and deletes it."""
    from django.db import DatabaseError

    from onboarding.services.applications import application_documents_upload

    application = ApplicationFactory(applicant=applicant, complete=False)
    files_before = stored_files("private")
    real_save, calls = ApplicationDocument.save, []

    def save_then_fail(self, *args, **kwargs):
        calls.append(self.kind)
        if len(calls) == 2:
            raise DatabaseError("disk full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(ApplicationDocument, "save", save_then_fail)
    with pytest.raises(DatabaseError):
        application_documents_upload(application=application, user=applicant, uploads={
            "registration_certificate": pdf_upload(), "representative_id": png_upload()})
    assert calls == ["registration_certificate", "representative_id"]
    assert ApplicationDocument.objects.filter(application=application).count() == 0
    assert stored_files("private") == files_before


def test_declared_certificate_scan_deleted_when_the_row_cannot_be_saved(applicant, monkeypatch):
    import datetime

    from django.db import DatabaseError

    from onboarding.models import ApplicationCertificate
    from onboarding.services.applications import application_certificate_add

    application = ApplicationFactory(applicant=applicant, complete=False)
    files_before = stored_files("private")

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(ApplicationCertificate, "save", fail)
    with pytest.raises(DatabaseError):
        application_certificate_add(application=application, user=applicant, product_name="Chè búp", stars=4,
                                    decision_number="12/QĐ-UBND", decision_date=datetime.date(2025, 2, 1),
                                    issuing_authority="UBND thành phố Huế", scan=pdf_upload("ocop.pdf"))
    assert ApplicationCertificate.objects.filter(application=application).count() == 0
    assert stored_files("private") == files_before


def test_submit_lists_missing_steps(client, applicant):
    application = ApplicationFactory(applicant=applicant, complete=False, legal_name="")
    response = client.post(step("submit"), {"accept_terms": "on"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Hoàn thành các bước này trước khi gửi" in page
    assert step("names") in page and step("documents") in page and step("products") in page
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_unknown_step_is_404(client, applicant):
    ApplicationFactory(applicant=applicant)
    assert client.get(step("nope")).status_code == 404


def test_one_open_application_per_user(applicant):
    from django.db import IntegrityError, transaction

    ApplicationFactory(applicant=applicant)
    with pytest.raises(IntegrityError), transaction.atomic():
        SellerApplication.objects.create(applicant=applicant)
    # The service returns the open one instead of starting another.
    from onboarding.services.applications import application_start

    assert application_start(user=applicant).pk == SellerApplication.objects.get(applicant=applicant).pk
    assert SellerApplication.objects.filter(applicant=applicant).count() == 1


def test_rejected_applicant_sees_the_reason_and_may_apply_again(client, applicant):
    from onboarding.models import ApplicationEvent

    rejected = ApplicationFactory(applicant=applicant, status=ApplicationStatus.REJECTED)
    ApplicationEvent.objects.create(application=rejected, from_status="submitted", to_status="rejected",
                                    note="Chưa có giấy chứng nhận an toàn thực phẩm.")
    page = client.get("/onboarding/").content.decode()
    assert "Chưa có giấy chứng nhận an toàn thực phẩm." in page and "Đăng ký lại" in page
    assert client.post("/onboarding/")["Location"] == step("type")
    assert SellerApplication.objects.filter(applicant=applicant).count() == 2


def test_wizard_pages_are_light(client, applicant):
    ApplicationFactory(applicant=applicant)
    css = (__import__("pathlib").Path(__file__).parents[2] / "static/css/site.css").stat().st_size
    for slug in ("type", "names", "tax", "contact", "province", "address", "products", "certificates",
                 "documents", "submit"):
        response = client.get(step(slug))
        assert response.status_code == 200, slug
        assert len(response.content) + css < 100_000, slug
