"""Seller dashboard: store profile, store switcher, OCOP certificates."""

import datetime

import pytest
from django.utils import timezone

from core import divisions
from marketplace.models import OcopCertificate, Store, StoreMember
from tests.factories.marketplace import HUE, ProductFactory, StoreFactory, first_ward, photo_upload
from tests.factories.storage import stored_files

pytestmark = pytest.mark.django_db
QUANG_NGAI = divisions.province_code_for_name("Quảng Ngãi")


def profile_data(**overrides):
    data = {"name": "HTX Trà Huế", "producer_type": "cooperative", "story": "<p>Trà ngon</p>",
            "phone": "0912 345 678", "province_code": str(HUE), "ward_code": str(first_ward(HUE)),
            "street": "Thôn 2"}
    data.update(overrides)
    return data


def test_store_profile_saved_sanitised_with_logo(seller_client, store, django_capture_on_commit_callbacks):
    from unittest import mock

    with mock.patch("marketplace.checklist.store_refresh_go_live") as refresh:
        response = seller_client.post("/seller/store/", profile_data(
            story='<p onclick="x()">Trà <script>alert(1)</script><img src=x onerror=alert(1)>'
                  '<a href="javascript:alert(1)">ngon</a></p>', logo=photo_upload("logo.jpg")))
    assert response.status_code == 302
    refresh.assert_called_once_with(store=store)
    store.refresh_from_db()
    assert store.name == "HTX Trà Huế" and store.phone == "0912345678"
    assert store.story == '<p>Trà <a rel="noopener noreferrer nofollow">ngon</a></p>'
    assert store.logo is not None and store.logo.file.name.endswith(".jpg")


def test_ward_must_belong_to_province(seller_client, store):
    before = (store.name, store.province_code, store.ward_code)
    response = seller_client.post("/seller/store/", profile_data(province_code=str(QUANG_NGAI)))
    assert response.status_code == 400
    assert response.context["form"].errors["ward_code"] == ["Phường/xã này không thuộc tỉnh/thành phố đã chọn."]
    store.refresh_from_db()
    assert (store.name, store.province_code, store.ward_code) == before


def test_two_step_province_then_ward_without_javascript(seller_client, store):
    response = seller_client.post("/seller/store/", profile_data(province_code=str(QUANG_NGAI), pick_province="1"))
    assert response.status_code == 200
    ward_choices = response.context["form"].fields["ward_code"].choices
    assert ward_choices[1:] == divisions.ward_choices(QUANG_NGAI)
    store.refresh_from_db()
    assert store.province_code == HUE  # nothing saved in step one
    ward = divisions.ward_choices(QUANG_NGAI)[3][0]
    seller_client.post("/seller/store/", profile_data(province_code=str(QUANG_NGAI), ward_code=str(ward)))
    store.refresh_from_db()
    assert (store.province_code, store.ward_code) == (QUANG_NGAI, ward)


def test_bad_logo_refused_and_nothing_saved(seller_client, store):
    from django.core.files.uploadedfile import SimpleUploadedFile

    svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", content_type="image/svg+xml")
    response = seller_client.post("/seller/store/", profile_data(name="Tên mới", logo=svg))
    assert response.status_code == 400
    store.refresh_from_db()
    assert store.name == "Cửa hàng của tôi" and store.logo is None


def test_good_logo_with_bad_banner_stores_nothing(seller_client, store):
    """All or nothing: the valid logo is not kept when the banner is refused (no image row, no file)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    svg = SimpleUploadedFile("bia.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", content_type="image/svg+xml")
    images_before, files_before = get_image_model().objects.count(), stored_files()
    response = seller_client.post("/seller/store/", profile_data(name="Tên mới", logo=photo_upload("logo.jpg"),
                                                                 banner=svg))
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "banner": ["bia.svg là hình vẽ SVG; vui lòng tải lên ảnh chụp (JPEG, PNG hoặc WebP)."]}
    store.refresh_from_db()
    assert (store.name, store.logo, store.banner) == ("Cửa hàng của tôi", None, None)
    assert get_image_model().objects.count() == images_before
    assert stored_files() == files_before


def test_logo_and_banner_saved_together(seller_client, store):
    files_before = stored_files()
    response = seller_client.post("/seller/store/", profile_data(logo=photo_upload("logo.jpg"),
                                                                 banner=photo_upload("bia.jpg", size=(60, 20))))
    assert response.status_code == 302
    store.refresh_from_db()
    assert (store.logo.title, store.banner.title) == ("HTX Trà Huế – logo", "HTX Trà Huế – banner")
    assert (store.banner.width, store.banner.height) == (60, 20)
    assert stored_files() == files_before | {store.logo.file.name, store.banner.file.name}


def test_images_written_then_a_failing_save_leave_no_file(seller, store, monkeypatch):
    """The store row fails after both images reached the disk: the rows roll back, the files are deleted."""
    from django.db import DatabaseError
    from wagtail.images import get_image_model

    from marketplace.services.stores import store_update_profile

    images_before, files_before = get_image_model().objects.count(), stored_files()

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(Store, "save", fail)
    with pytest.raises(DatabaseError):
        store_update_profile(store=store, user=seller, name="Tên mới", producer_type="cooperative", story="",
                             phone="", province_code=HUE, ward_code=first_ward(HUE), street="Thôn 2",
                             logo=photo_upload("logo.jpg"), banner=photo_upload("bia.jpg"))
    assert get_image_model().objects.count() == images_before
    assert stored_files() == files_before
    assert Store.objects.get(pk=store.pk).name == "Cửa hàng của tôi"


def test_member_with_two_stores_picks_one(seller_client, seller, store, other_store):
    second = StoreFactory(owner=seller, slug="cua-hang-thu-hai", name="Zeta")
    assert seller_client.get("/seller/").context["store"] == store
    seller_client.post("/seller/store/pick/", {"store": second.pk})
    assert seller_client.get("/seller/").context["store"] == second
    assert seller_client.post("/seller/store/pick/", {"store": other_store.pk}).status_code == 404
    assert seller_client.get("/seller/").context["store"] == second


def test_add_certificate_pending_with_private_scan(seller_client, store, settings):
    product = ProductFactory(store=store)
    response = seller_client.post("/seller/certificates/", {
        "product": product.pk, "stars": "4", "score": "82", "decision_number": "123/QĐ-UBND",
        "decision_date": "2025-03-01", "issuing_authority": "UBND thành phố Huế", "scan": photo_upload("qd.jpg")})
    assert response.status_code == 302
    cert = OcopCertificate.objects.get(product=product)
    assert (cert.status, cert.stars, cert.expires_on) == ("pending", 4, datetime.date(2028, 3, 1))
    assert not cert.scan.path.startswith(str(settings.MEDIA_ROOT))  # private storage, never under /media/
    assert seller_client.get(f"/seller/certificates/{cert.pk}/scan/").status_code == 200
    # pending: no stars for buyers
    assert seller_client.get(f"/products/{product.slug}/").context["product"].ocop_stars is None


def test_certificate_scan_deleted_when_the_row_cannot_be_saved(store, monkeypatch):
    from django.db import DatabaseError

    from marketplace.services.stores import certificate_add

    product = ProductFactory(store=store)
    files_before = stored_files("private")

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(OcopCertificate, "save", fail)
    with pytest.raises(DatabaseError):
        certificate_add(product=product, stars=4, score=82, decision_number="123/QĐ-UBND",
                        decision_date=datetime.date(2025, 3, 1), issuing_authority="UBND thành phố Huế",
                        scan=photo_upload("qd.jpg"))
    assert OcopCertificate.objects.filter(product=product).count() == 0
    assert stored_files("private") == files_before


def test_certificate_in_the_future_or_for_another_store_refused(seller_client, store, other_store):
    foreign = ProductFactory(store=other_store)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for product, day in ((ProductFactory(store=store), tomorrow), (foreign, datetime.date(2025, 1, 1))):
        response = seller_client.post("/seller/certificates/", {
            "product": product.pk, "stars": "3", "score": "60", "decision_number": "1/QĐ",
            "decision_date": day.isoformat(), "issuing_authority": "UBND"})
        assert response.status_code == 400
    assert OcopCertificate.objects.count() == 0


def test_staff_member_sees_the_store(client, store):
    from tests.factories import UserFactory

    staff = UserFactory()
    StoreMember.objects.create(store=store, user=staff, role=StoreMember.Role.STAFF)
    client.force_login(staff)
    assert client.get("/seller/products/").context["store"] == store
    assert Store.objects.for_user(staff).count() == 1


def test_story_typed_as_plain_text_becomes_paragraphs_and_is_edited_as_text(seller_client, store):
    typed = "Ba thế hệ làm trà.\nỞ Hương Trà.\n\nGiao tận nơi & nhanh."
    seller_client.post("/seller/store/", profile_data(story=typed))
    store.refresh_from_db()
    assert store.story == "<p>Ba thế hệ làm trà.<br>Ở Hương Trà.</p><p>Giao tận nơi &amp; nhanh.</p>"
    form = seller_client.get("/seller/store/").context["form"]
    assert form.initial["story"] == "Ba thế hệ làm trà.\nỞ Hương Trà.\n\nGiao tận nơi & nhanh."
