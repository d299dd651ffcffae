"""/xac-minh/<code>/: the page a sticker opens says, at request time, whether the product's
OCOP certificate is verified and valid today; the same sticker changes its answer when
the certificate is revoked or expires."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from labels.models import LabelScanDay, ProductLabel
from labels.services import label_for_product
from marketplace.models import OcopCertificate, Product, Store
from tests.factories.marketplace import CertificateFactory, ProductFactory
from tests.labels.conftest import SITE, zbar

pytestmark = pytest.mark.django_db

DOWNLOAD = "/seller/tem-qr/tai-ve/"


def text(response) -> str:
    """The page's visible text, spaces collapsed."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("<body>", 1)[1])).strip()


def verdict(response) -> str:
    return re.search(r'<p class="verdict-word">(.*?)</p>', response.content.decode()).group(1).split("</span>")[-1] \
        .strip()


@pytest.fixture
def page(honey):
    return label_for_product(product=honey).get_absolute_url()


@pytest.mark.zbar
def test_a_printed_sticker_opens_the_page_which_says_not_verified_once_revoked(seller_client, client, honey, office,
                                                                              tmp_path):
    sticker = seller_client.get(DOWNLOAD, {"product": honey.pk, "size": "a4-24", "format": "png"})
    (tmp_path / "tem.png").write_bytes(sticker.content)
    [url] = zbar(tmp_path / "tem.png")
    assert url.startswith(f"{SITE}/xac-minh/")
    path = url.removeprefix(SITE)
    client.logout()  # the buyer is not signed in

    response = client.get(path)
    assert response.status_code == 200
    assert verdict(response) == "Đã xác minh"
    assert 'data-state="valid"' in response.content.decode()
    expires = OcopCertificate.objects.get(product=honey).expires_on.strftime("%d/%m/%Y")
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert text(response).startswith(
        "★ Chợ Số OCOP Tem QR OCOP ✔ Đã xác minh Giấy chứng nhận OCOP của sản phẩm này đã được văn phòng chương trình "
        f"xác minh và còn hiệu lực hôm nay, {today}. Mật ong rừng Nam Đông ★★★★ OCOP 4 sao "
        f"Số quyết định 1234/QĐ-UBND ({(timezone.localdate() - datetime.timedelta(days=100)).strftime('%d/%m/%Y')}) "
        "Cơ quan cấp UBND thành phố Huế Xác minh bởi Văn phòng Điều phối OCOP thành phố Huế "
        f"Hiệu lực đến {expires} Cơ sở sản xuất HTX Mật ong Nam Đông Tại Thành phố Huế Mua sản phẩm này")
    assert 'href="/products/mat-ong-rung-nam-dong/"' in response.content.decode()

    # The programme office revokes the certificate (refused after it had been verified).
    OcopCertificate.objects.filter(product=honey).update(status=OcopCertificate.Status.REFUSED,
                                                         refusal_reason="Quyết định đã bị huỷ")
    response = client.get(path)
    assert response.status_code == 200
    assert verdict(response) == "Đã thu hồi"
    page = text(response)
    assert "Văn phòng chương trình đã thu hồi giấy chứng nhận OCOP của sản phẩm này" in page
    assert "Đã xác minh" not in page and "★★★★" not in page and "Xác minh bởi" not in page
    assert "Quyết định đã bị huỷ" not in page  # the officer's note is for the seller, not the public


def test_an_expired_certificate_says_so_with_its_date(client, honey, page):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    OcopCertificate.objects.filter(product=honey).update(expires_on=yesterday)
    response = client.get(page)
    assert verdict(response) == "Hết hiệu lực"
    assert (f"Giấy chứng nhận OCOP của sản phẩm này đã hết hạn ngày {yesterday:%d/%m/%Y}: không còn hiệu lực."
            in text(response))
    assert "★★★★" not in text(response)


def test_expiring_today_is_still_valid_and_tomorrow_it_is_not(client, honey, page, monkeypatch):
    today = timezone.localdate()
    OcopCertificate.objects.filter(product=honey).update(expires_on=today)
    assert verdict(client.get(page)) == "Đã xác minh"
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + datetime.timedelta(days=1))
    assert verdict(client.get(page)) == "Hết hiệu lực"


@pytest.mark.parametrize(("status", "verified_at", "word", "sentence"), [
    (OcopCertificate.Status.PENDING, None, "Chưa được xác minh",
     "Giấy chứng nhận OCOP của sản phẩm này đang chờ văn phòng chương trình xác minh."),
    (OcopCertificate.Status.REFUSED, None, "Không được xác minh",
     "Văn phòng chương trình không chấp nhận giấy chứng nhận OCOP của sản phẩm này."),
])
def test_a_certificate_never_verified(client, honey, page, status, verified_at, word, sentence):
    OcopCertificate.objects.filter(product=honey).update(status=status, verified_at=verified_at)
    response = client.get(page)
    assert verdict(response) == word and sentence in text(response)


def test_a_product_with_no_certificate_left(client, honey, page):
    OcopCertificate.objects.filter(product=honey).delete()
    response = client.get(page)
    assert verdict(response) == "Không được xác minh"
    assert "Sản phẩm này không có giấy chứng nhận OCOP nào trong hệ thống." in text(response)
    assert "Số quyết định" not in text(response)


def test_a_newer_valid_certificate_wins_over_an_expired_one(client, honey, page):
    old = CertificateFactory(product=honey, stars=3, decision_number="1/QĐ-UBND",
                             decision_date=timezone.localdate() - datetime.timedelta(days=1500))
    assert old.expires_on < timezone.localdate()
    response = client.get(page)
    assert verdict(response) == "Đã xác minh" and "1234/QĐ-UBND" in text(response)


def test_no_buy_link_when_the_product_is_not_on_sale(client, honey, page):
    Store.objects.filter(pk=honey.store_id).update(status=Store.Status.SUSPENDED)
    response = client.get(page)
    assert verdict(response) == "Đã xác minh"
    assert "Mua sản phẩm này" not in text(response)
    Store.objects.filter(pk=honey.store_id).update(status=Store.Status.ACTIVE)
    Product.objects.filter(pk=honey.pk).update(status=Product.Status.ARCHIVED)
    assert "Mua sản phẩm này" not in text(client.get(page))


def test_the_page_is_never_cached(client, page):
    response = client.get(page)
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "no-store" in cache_control and "max-age=0" in cache_control


def test_the_code_may_be_typed_in_capitals(client, honey, page):
    assert verdict(client.get(page.upper().replace("/XAC-MINH/", "/xac-minh/"))) == "Đã xác minh"


@pytest.mark.parametrize("code", ["zzzzzzzzzz", "abc", "ab12cd34eu", "x" * 300, "m%E1%BA%ADt-ong"])
def test_an_unknown_code_is_a_friendly_404(client, honey, page, code):
    response = client.get(f"/xac-minh/{code}/")
    assert response.status_code == 404
    assert "Không tìm thấy tem" in text(response)
    assert "Mã này không thuộc tem OCOP nào được in từ Chợ Số OCOP." in text(response)
    assert not LabelScanDay.objects.exists()


def test_a_nul_in_the_code_is_refused_before_any_lookup(client, honey, page):
    assert client.get("/xac-minh/%00/").status_code == 404
    assert not LabelScanDay.objects.exists()


def test_the_page_is_light(client, page):
    response = client.get(page)
    html = response.content
    stylesheets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html.decode())
    assert stylesheets == ["css/verify.css"]
    css = (Path(settings.BASE_DIR) / "static" / stylesheets[0]).read_bytes()
    assert "<script" not in html.decode() and "<img" not in html.decode()
    assert len(html) + len(css) < 10_000
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html.decode()
    assert '<meta name="robots" content="noindex">' in html.decode()


def test_each_opening_counts_one_scan_of_the_product_and_nothing_else(client, honey, page):
    for _ in range(3):
        client.get(page, HTTP_USER_AGENT="Zalo", REMOTE_ADDR="203.0.113.7")
    client.head(page)  # a link preview asking only for headers is not a scan
    assert list(LabelScanDay.objects.values_list("product_id", "day", "count")) == [
        (honey.pk, timezone.localdate(), 3)]
    # No personal data: the table has nowhere to put an address, a browser or an account.
    assert {f.name for f in LabelScanDay._meta.get_fields()} == {"id", "product", "day", "count"}


def test_a_scan_on_another_day_starts_that_days_counter(client, honey, page, monkeypatch):
    client.get(page)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    client.get(page)
    client.get(page)
    assert sorted(LabelScanDay.objects.values_list("day", "count")) == [(tomorrow - datetime.timedelta(days=1), 1),
                                                                        (tomorrow, 2)]


def test_a_deleted_product_takes_its_label_with_it(client, honey, page):
    Product.objects.filter(pk=honey.pk).delete()
    assert client.get(page).status_code == 404
    assert not ProductLabel.objects.exists()


def test_the_page_is_in_vietnamese_for_a_buyer_who_chose_nothing(client, page):
    response = client.get(page)
    assert '<html lang="vi">' in response.content.decode()


@pytest.fixture
def other_product_page(other_store):
    product = ProductFactory(store=other_store, name="Nón lá Huế")
    CertificateFactory(product=product, stars=3)
    return label_for_product(product=product).get_absolute_url()


def test_each_label_speaks_for_its_own_product(client, page, other_product_page):
    assert "Mật ong rừng Nam Đông" in text(client.get(page))
    assert "Nón lá Huế" in text(client.get(other_product_page))
    assert "Mật ong" not in text(client.get(other_product_page))
