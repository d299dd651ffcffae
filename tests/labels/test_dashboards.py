"""Scan counts per product on the seller dashboard and in the programme dashboard, each
page in a fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import PROGRAMME_OFFICERS
from core import divisions
from labels.models import LabelScanDay
from labels.services import label_for_product, scan_record
from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory

pytestmark = pytest.mark.django_db

HANOI = divisions.province_code_for_name("Hà Nội")


def scans(product, n, days_ago=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    for _ in range(n):
        scan_record(product_id=product.pk, day=day)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def officer(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PROGRAMME_OFFICERS))
    return user


def test_scanning_a_sticker_shows_on_the_seller_dashboard(seller_client, client, honey, store, other_store):
    tea = ProductFactory(store=store, name="Trà cung đình")
    CertificateFactory(product=tea)
    page = label_for_product(product=honey).get_absolute_url()
    for _ in range(3):
        client.get(page)  # the buyer's phone
    scans(tea, 1)
    scans(honey, 5, days_ago=40)  # before the last 30 days
    foreign = ProductFactory(store=other_store)
    scans(foreign, 7)

    home = seller_client.get("/seller/").content.decode()
    summary = home.split('class="card label-scans-summary"', 1)[1].split("</div></div>", 1)[0]
    assert "Lượt quét tem QR OCOP" in summary
    assert "<strong>4</strong> trong 30 ngày qua" in summary and "<strong>9</strong> tổng cộng" in summary
    assert summary.index("Mật ong rừng Nam Đông: 3 lượt quét") < summary.index("Trà cung đình: 1 lượt quét")
    assert 'href="/seller/tem-qr/"' in summary

    labels = seller_client.get("/seller/tem-qr/").content.decode()
    assert "4 lượt quét trong 30 ngày qua, tổng cộng 9." in labels
    row = labels.split(f'id="label-product-{honey.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "<td>4★</td>" in row and "<td>3</td><td>8</td>" in row
    assert f'href="{page}"' in row
    row = labels.split(f'id="label-product-{tea.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td><td>1</td>" in row


def test_the_label_page_costs_the_same_queries_for_1_or_50_products(seller_client, store):
    def add(i):
        product = ProductFactory(store=store, name=f"Sản phẩm số {i:02d}")
        CertificateFactory(product=product)
        label_for_product(product=product)
        scans(product, 2)
        scans(product, 1, days_ago=3)

    add(0)
    seller_client.get("/seller/tem-qr/")
    one = queries(seller_client, "/seller/tem-qr/")
    for i in range(1, 50):
        add(i)
    html = seller_client.get("/seller/tem-qr/").content.decode()
    assert "Sản phẩm số 49" in html and "150 lượt quét trong 30 ngày qua" in html
    assert queries(seller_client, "/seller/tem-qr/") == one
    # The dashboard home's card too.
    seller_client.get("/seller/")
    home = queries(seller_client, "/seller/")
    scans(ProductFactory(store=store), 1)
    assert queries(seller_client, "/seller/") == home


def test_the_programme_dashboard_lists_the_products_scanned_most(client, officer, honey, store):
    hanoi = StoreFactory(province_code=HANOI, name="HTX Gốm Bát Tràng")
    vase = ProductFactory(store=hanoi, name="Bình gốm men lam")
    scans(honey, 4)
    scans(vase, 6, days_ago=2)
    scans(vase, 50, days_ago=200)  # outside "the last 30 days"
    client.force_login(officer)

    html = client.get("/program/", {"preset": "last30"}).content.decode()
    table = html.split('id="table-label_scans"', 1)[1].split("</section>", 1)[0]
    assert "<h2>Lượt quét tem QR</h2>" in table
    rows = [r.split("</tr>", 1)[0] for r in table.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]]
    assert rows == ["<td>Bình gốm men lam</td><td>HTX Gốm Bát Tràng</td><td>Thành phố Hà Nội</td><td>6</td>",
                    "<td>Mật ong rừng Nam Đông</td><td>HTX Mật ong Nam Đông</td><td>Thành phố Huế</td><td>4</td>"]
    assert '<th scope="row">Lượt quét của mọi sản phẩm</th><td></td><td></td><td>10</td>' in table
    assert "không lưu gì về người quét" in table

    # One province: only its products.
    html = client.get("/program/", {"preset": "last30", "province": honey.store.province_code}).content.decode()
    table = html.split('id="table-label_scans"', 1)[1].split("</section>", 1)[0]
    assert "Mật ong rừng Nam Đông" in table and "Bình gốm" not in table
    assert '<td></td><td></td><td>4</td>' in table

    today = timezone.localdate()
    csv = client.get("/program/", {"date_from": (today - datetime.timedelta(days=300)).isoformat(),
                                   "date_to": today.isoformat(), "format": "csv", "table": "label_scans"})
    assert csv.status_code == 200
    assert csv.content.decode("utf-8-sig").splitlines() == [
        "Sản phẩm,Gian hàng,Tỉnh/thành,Lượt quét",
        "Bình gốm men lam,HTX Gốm Bát Tràng,Thành phố Hà Nội,56",
        "Mật ong rừng Nam Đông,HTX Mật ong Nam Đông,Thành phố Huế,4",
        "Lượt quét của mọi sản phẩm,,,60"]


def test_the_programme_table_costs_the_same_queries_for_1_or_50_products(client, officer):
    client.force_login(officer)

    def add(i):
        scans(ProductFactory(store=StoreFactory(), name=f"Sản phẩm số {i:02d}"), i + 1)

    add(0)
    url = "/program/?preset=last30"
    client.get(url)
    one = queries(client, url)
    for i in range(1, 50):
        add(i)
    html = client.get(url).content.decode()
    table = html.split('id="table-label_scans"', 1)[1].split("</section>", 1)[0]
    assert table.count("<tr><td>") == 10 and "Sản phẩm số 49" in table  # the top ten, the most scanned first
    assert "<td>1.275</td>" in table  # 1 + 2 + … + 50 scans in all
    assert queries(client, url) == one


def test_the_seller_sees_only_their_stores_scans(seller_client, honey, other_store):
    scans(ProductFactory(store=other_store, name="Sản phẩm người khác"), 9)
    html = seller_client.get("/seller/tem-qr/").content.decode()
    assert "Sản phẩm người khác" not in html and "0 lượt quét trong 30 ngày qua, tổng cộng 0." in html
    assert LabelScanDay.objects.count() == 1
