"""/seller/tem-qr/: choose a product, a count and a label paper; get the A4 PDF, or one
sticker as PNG or SVG. Bad input answers 400 in Vietnamese and makes nothing; another
store's product answers 404."""

import re

import pytest

from labels.models import ProductLabel
from marketplace.models import OcopCertificate, Product
from tests.factories.marketplace import CertificateFactory, ProductFactory
from tests.labels.conftest import SITE, zbar

pytestmark = pytest.mark.django_db

DOWNLOAD = "/seller/tem-qr/tai-ve/"


def test_the_page_offers_only_products_with_a_valid_certificate(seller_client, honey, store):
    ProductFactory(store=store, name="Trà sen chưa chứng nhận")
    pending = ProductFactory(store=store, name="Nước mắm chờ xác minh")
    CertificateFactory(product=pending, status=OcopCertificate.Status.PENDING)
    ProductFactory(store=store, name="Sản phẩm đã lưu trữ", status=Product.Status.ARCHIVED)
    response = seller_client.get("/seller/tem-qr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Tem QR OCOP</h1>" in html
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', html.split('name="product"', 1)[1]
                         .split("</select>", 1)[0])
    assert options == [(str(honey.pk), "Mật ong rừng Nam Đông (4★)")]
    assert 'value="24"' in html  # a full sheet of the default paper
    assert "24 tem/tờ, 63,5 × 33,9 mm (Avery L7159)" in html
    assert html.count("Cần giấy chứng nhận OCOP đã xác minh") == 2  # the tea and the fish sauce
    assert "Sản phẩm đã lưu trữ" not in html
    assert 'href="/seller/tem-qr/"' in html  # in the seller navigation


def test_without_a_certified_product_the_page_says_what_to_do(seller_client, store):
    ProductFactory(store=store)
    html = seller_client.get("/seller/tem-qr/").content.decode()
    assert "Chỉ in được tem cho sản phẩm có giấy chứng nhận OCOP đã được xác minh và còn hiệu lực." in html
    assert 'name="count"' not in html


def test_the_pdf_sheet(seller_client, honey):
    response = seller_client.get(DOWNLOAD, {"product": honey.pk, "count": "30", "size": "a4-24", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="tem-qr-ocop-mat-ong-rung-nam-dong-a4-24-30.pdf"'
    assert response.content.startswith(b"%PDF-") and re.search(rb"/Count 2\b", response.content)
    label = ProductLabel.objects.get(product=honey)
    # The same product keeps its code: a second sheet carries the same URL as the first.
    seller_client.get(DOWNLOAD, {"product": honey.pk, "count": "1", "size": "a4-65"})
    assert list(ProductLabel.objects.values_list("code", flat=True)) == [label.code]


def test_the_svg_sticker(seller_client, honey):
    response = seller_client.get(DOWNLOAD, {"product": honey.pk, "size": "a4-12", "format": "svg"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="tem-qr-ocop-mat-ong-rung-nam-dong-a4-12.svg"'
    svg = response.content.decode()
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="63.5mm" height="72.0mm"')
    assert "<title>Tem QR OCOP: Mật ong rừng Nam Đông</title>" in svg


@pytest.mark.zbar
def test_the_png_sticker_opens_the_products_verification_page(seller_client, honey, tmp_path):
    response = seller_client.get(DOWNLOAD, {"product": honey.pk, "size": "a4-65", "format": "png", "count": ""})
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    (tmp_path / "tem.png").write_bytes(response.content)
    code = ProductLabel.objects.get(product=honey).code
    assert zbar(tmp_path / "tem.png") == [f"{SITE}/xac-minh/{code}/"]


@pytest.mark.parametrize(("params", "message"), [
    ({"count": "0"}, "Hãy in ít nhất 1 tem."),
    ({"count": "501"}, "Mỗi lần in tối đa 500 tem."),
    ({"count": "mười"}, "Hãy nhập số tem là một số nguyên, ví dụ 24."),
    ({"count": "2.5"}, "Hãy nhập số tem là một số nguyên, ví dụ 24."),
    ({"count": ""}, "Hãy nhập số tem cần in, ví dụ 24."),
    ({"size": "a4-99"}, "Hãy chọn một loại giấy in tem trong danh sách."),
    ({"format": "docx"}, "Hãy chọn tờ PDF, PNG hoặc SVG."),
    ({"product": ""}, "Hãy chọn sản phẩm."),
    ({"product": "abc"}, "Hãy chọn một sản phẩm của gian hàng có giấy chứng nhận OCOP đã xác minh."),
])
def test_bad_input_answers_400_in_vietnamese_and_makes_no_label(seller_client, honey, params, message):
    query = {"product": honey.pk, "count": "24", "size": "a4-24", "format": "pdf", **params}
    response = seller_client.get(DOWNLOAD, query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()
    assert not ProductLabel.objects.exists()


def test_a_product_of_the_store_without_a_valid_certificate_is_refused(seller_client, honey, store):
    expired = ProductFactory(store=store, name="Trà cung đình")
    certificate = CertificateFactory(product=expired)
    OcopCertificate.objects.filter(pk=certificate.pk).update(expires_on="2020-01-01")
    response = seller_client.get(DOWNLOAD, {"product": expired.pk, "count": "1", "size": "a4-24"})
    assert response.status_code == 400
    assert "Hãy chọn một sản phẩm của gian hàng có giấy chứng nhận OCOP đã xác minh." in response.content.decode()
    assert not ProductLabel.objects.exists()


@pytest.mark.parametrize("url", ["/seller/tem-qr/?product={pk}", DOWNLOAD + "?product={pk}&count=1&size=a4-24",
                                 DOWNLOAD + "?product={pk}&format=png&size=a4-24"])
def test_another_stores_product_answers_404(seller_client, honey, other_store, url):
    foreign = ProductFactory(store=other_store)
    CertificateFactory(product=foreign)
    assert seller_client.get(url.format(pk=foreign.pk)).status_code == 404
    assert seller_client.get(url.format(pk=99999999999999999999)).status_code == 404
    assert not ProductLabel.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, honey):
    for url in ("/seller/tem-qr/", f"{DOWNLOAD}?product={honey.pk}&count=1&size=a4-24"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_posting_is_not_allowed(seller_client, honey):
    assert seller_client.post(DOWNLOAD, {"product": honey.pk, "count": "1"}).status_code == 405
