"""A NUL character ("\\x00", which PostgreSQL text cannot hold) anywhere in the address,
the query string or a form answers 404/400 with a message (core.middleware.RefuseNulMiddleware),
and a CSV file holding one is refused by the catalogue import. Nothing is saved."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.datastructures import MultiValueDict

from core.middleware import RefuseNulMiddleware
from marketplace.models import Product, ProductPhoto, Store
from marketplace.views.seller_common import SESSION_KEY
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory, ProductPhotoFactory, StoreFactory

pytestmark = pytest.mark.django_db

PATH_VI = "Không tìm thấy trang: địa chỉ có chứa ký tự rỗng (NUL)."
INPUT_VI = "Dữ liệu bạn gửi có chứa ký tự rỗng (NUL), không thể lưu được. Hãy xoá ký tự này rồi thử lại."
INPUT_EN = "What you sent contains a null character (NUL), which cannot be saved. Remove it and try again."
FILE_VI = "Tệp có chứa ký tự rỗng (NUL), tệp CSV không được có ký tự này. Hãy lưu dưới dạng “CSV UTF-8” rồi thử lại."
FORM = "application/x-www-form-urlencoded"


def assert_page(response, status: int, message: str):
    assert response.status_code == status
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert f"<p>{message}</p>" in response.content.decode()


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/api/v1/products?store=%00", 400, INPUT_VI),
    ("/api/v1/products?st%00re=x", 400, INPUT_VI),
    ("/api/v1/products/%00", 404, PATH_VI),
    ("/api/v1/stores/%00", 404, PATH_VI),
    ("/api/v1/stores/a%00b", 404, PATH_VI),
])
def test_api_answers_json(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": message}


@pytest.mark.parametrize("url", ["/certificates/%00/", "/orders/%00/", "/orders/DH%00/received/", "/products/%00/"])
def test_nul_in_a_page_address_is_a_404_with_a_message(client, url):
    client.force_login(UserFactory())
    assert_page(client.get(url), 404, PATH_VI)


def test_nul_in_the_sellers_order_address_is_a_404(seller_client):
    assert_page(seller_client.get("/seller/orders/%00/"), 404, PATH_VI)
    assert_page(seller_client.post("/seller/orders/%00/ship/", {"carrier": "GHN"}), 404, PATH_VI)


def test_nul_in_a_page_query_string_is_a_400(client):
    assert_page(client.get("/products/?q=tr%00a"), 400, INPUT_VI)
    assert_page(client.get("/search/?q=%00"), 400, INPUT_VI)


def test_message_follows_the_chosen_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/api/v1/products?store=%00")
    assert (response.status_code, response.json()) == (400, {"detail": INPUT_EN})
    response = client.get("/products/?q=%00")
    assert_page(response, 400, INPUT_EN)
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_photo_alt_text_with_nul_is_refused_and_not_saved(seller_client, store, encoding):
    photo = ProductPhotoFactory(product=ProductFactory(store=store), alt_text="Hũ mật ong")
    url = f"/seller/photos/{photo.pk}/alt/"
    data = {"alt_text": "Hũ mật\x00 ong trên bàn"}
    if encoding == "multipart":
        response = seller_client.post(url, data)
    else:
        response = seller_client.post(url, urlencode(data), content_type=FORM)
    assert_page(response, 400, INPUT_VI)
    assert ProductPhoto.objects.get(pk=photo.pk).alt_text == "Hũ mật ong"


def test_nul_in_a_form_field_name_is_refused(seller_client, store):
    photo = ProductPhotoFactory(product=ProductFactory(store=store), alt_text="Hũ mật ong")
    response = seller_client.post(f"/seller/photos/{photo.pk}/alt/", {"alt_text": "Mới", "x\x00": "1"})
    assert_page(response, 400, INPUT_VI)
    assert ProductPhoto.objects.get(pk=photo.pk).alt_text == "Hũ mật ong"


def test_store_picker_with_nul_is_refused(seller_client, seller, store):
    StoreFactory(owner=seller, slug="cua-hang-thu-hai", name="Zeta")
    assert_page(seller_client.post("/seller/store/pick/", {"store": "\x00"}), 400, INPUT_VI)
    assert SESSION_KEY not in seller_client.session
    assert seller_client.get("/seller/").context["store"] == store


def test_store_profile_with_nul_in_the_name_is_refused(seller_client, store):
    response = seller_client.post("/seller/store/", {"name": "Tên\x00 mới", "producer_type": "coop"})
    assert_page(response, 400, INPUT_VI)
    store.refresh_from_db()
    assert store.name == "Cửa hàng của tôi"


def test_csv_file_with_nul_is_refused_and_nothing_imported(seller_client, store):
    data = ("sku,name,description,price,stock,unit,category\n"
            "A,Trà\x00 sen,,1000,1,hộp,Đồ uống\n").encode()
    upload = SimpleUploadedFile("sp.csv", data, content_type="text/csv")
    response = seller_client.post("/seller/import/", {"file": upload})
    assert response.status_code == 400
    assert response.context["errors"] == [FILE_VI]
    assert FILE_VI in response.content.decode()
    assert Product.objects.count() == 0


def test_uploaded_file_name_with_nul_is_refused():
    """Django's multipart parser already drops non-printable characters from file names;
    the middleware checks them anyway (another parser or upload handler might not)."""
    request = RequestFactory().post("/seller/import/", {"note": "ok"})
    request.POST  # noqa: B018 - parse, then put a file whose name kept its NUL
    request._files = MultiValueDict({"file": [SimpleUploadedFile("sp\x00.csv", b"sku\n", content_type="text/csv")]})
    response = RefuseNulMiddleware(lambda request: HttpResponse("view ran"))(request)
    assert response.status_code == 400
    assert f"<p>{INPUT_VI}</p>" in response.content.decode()


def test_stripe_webhook_body_is_not_read_by_the_middleware(client, monkeypatch):
    """JSON (not a form) goes to the view untouched: the webhook reads the raw body itself."""
    from marketplace.payments.providers.stripe import webhooks

    seen = []

    def verify(body, signature):
        seen.append((body, signature))
        raise webhooks.InvalidWebhook("test")

    monkeypatch.setattr(webhooks, "verify", verify)
    body = b'{"id": "evt_\x00"}'
    response = client.post("/payments/stripe/webhook/", data=body, content_type="application/json",
                           HTTP_STRIPE_SIGNATURE="t=1,v1=sig")
    assert seen == [(body, "t=1,v1=sig")]
    assert response.status_code == 400 and INPUT_VI not in response.content.decode()


def test_clean_requests_pass(seller_client, store):
    photo = ProductPhotoFactory(product=ProductFactory(store=store), alt_text="Hũ mật ong")
    assert seller_client.post(f"/seller/photos/{photo.pk}/alt/", {"alt_text": "Hũ trên bàn"}).status_code == 302
    assert ProductPhoto.objects.get(pk=photo.pk).alt_text == "Hũ trên bàn"
    assert Store.objects.get(pk=store.pk).name == "Cửa hàng của tôi"
