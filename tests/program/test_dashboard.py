"""The /program/ page: periods, charts, CSV export, bounded queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.program.periods import preset_period
from tests.program.conftest import HUE

pytestmark = pytest.mark.django_db


def _csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_presets():
    today = datetime.date(2026, 11, 23)
    assert preset_period("month", today) == preset_period("month", today).__class__(datetime.date(2026, 11, 1), today)
    assert preset_period("quarter", today).start == datetime.date(2026, 10, 1)
    assert preset_period("year", today).start == datetime.date(2026, 1, 1)
    assert preset_period("last30", today).start == datetime.date(2026, 10, 25)
    assert preset_period("month", datetime.date(2026, 2, 10)).week_starts() == [
        datetime.date(2026, 1, 26), datetime.date(2026, 2, 2), datetime.date(2026, 2, 9)]


def test_page_shows_figures_and_accessible_charts(client, officer, programme):
    client.force_login(officer)
    html = client.get("/program/?preset=last30").content.decode()
    for title in ("Số đơn hàng mỗi tuần", "Giá trị bán hàng mỗi tuần (VND)", "Sản phẩm OCOP trực tuyến theo số sao",
                  "Gian hàng đang hoạt động theo tỉnh"):
        assert f">{title}</title>" in html
    assert html.count('<svg class="chart"') == 6
    assert "<script" not in html.split("<main")[1].split("</main>")[0]  # charts need no JavaScript
    assert "1.620.000 ₫" in html  # sales value
    assert "50,0 %" in html  # share of cashless orders
    assert "Thanh toán khi nhận hàng" in html


def test_custom_dates(client, officer, programme):
    client.force_login(officer)
    today = timezone.localdate()
    week_ago = today - datetime.timedelta(days=6)
    response = client.get("/program/", {"preset": "custom", "date_from": week_ago.isoformat(),
                                        "date_to": today.isoformat()})
    assert response.status_code == 200
    d = response.context["figures"]
    assert d.scope.period.start == today - datetime.timedelta(days=6)
    assert d.stores["went_live"] == 3  # went live 5 and 3 days ago
    assert d.payments["orders"] == 4


@pytest.mark.parametrize("params, message", [
    ({"preset": "custom", "date_from": "2026-05-01"}, "Hãy nhập cả hai ngày, hoặc chọn một khoảng thời gian."),
    ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."),
    ({"date_from": "2025-03-31", "date_to": "2026-04-01"}, "Hãy chọn khoảng thời gian tối đa một năm."),
    ({"date_from": "hôm qua", "date_to": "2026-04-01"}, "Nhập một ngày hợp lệ."),
    ({"preset": "decade"}, "Hãy chọn một lựa chọn hợp lệ"),
])
def test_bad_filters_answer_400_with_a_message(client, officer, params, message):
    client.force_login(officer)
    response = client.get("/program/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_csv_export_of_each_table(client, officer, programme):
    client.force_login(officer)
    response = client.get("/program/?preset=last30&format=csv&table=payments")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    start = preset_period("last30").start
    assert response["Content-Disposition"] == (
        f'attachment; filename="chuong-trinh-payments-{start:%Y%m%d}-{timezone.localdate():%Y%m%d}.csv"')
    assert _csv(response) == [
        ["Phương thức thanh toán", "Đơn hàng", "Giá trị bán hàng (VND)", "Tỷ lệ đơn hàng"],
        ["Chuyển khoản ngân hàng (VietQR)", "1", "630000", "25.0"],
        ["Thanh toán khi nhận hàng", "2", "510000", "50.0"],
        ["Thẻ", "1", "480000", "25.0"],
    ]
    provinces = _csv(client.get(f"/program/?preset=last30&province={HUE}&format=csv&table=provinces"))
    assert provinces == [["Tỉnh/thành", "Gian hàng đang hoạt động", "Sản phẩm trực tuyến", "Sản phẩm OCOP trực tuyến",
                          "Đơn hàng", "Giá trị bán hàng (VND)"],
                         ["Thành phố Huế", "3", "3", "2", "3", "990000"]]
    weekly = _csv(client.get("/program/?preset=last30&format=csv&table=weekly"))
    assert len(weekly) == 1 + len(preset_period("last30").week_starts())
    assert sum(int(row[4]) for row in weekly[1:]) == 4 and sum(int(row[5]) for row in weekly[1:]) == 1_620_000
    summary = dict(_csv(client.get("/program/?preset=last30&format=csv&table=summary"))[1:])
    assert summary["Gian hàng đang hoạt động"] == "5"
    assert summary["Tỷ lệ người bán đã được đào tạo (%)"] == "33.3"
    for table in ("applications", "ocop", "groups"):
        assert client.get(f"/program/?format=csv&table={table}").status_code == 200


def test_unknown_csv_table_is_a_400(client, officer):
    client.force_login(officer)
    response = client.get("/program/?format=csv&table=passwords")
    assert response.status_code == 400
    assert "summary, applications" in response.content.decode()


def _make_rows(n: int):
    from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory
    from tests.factories.programme import ApplicationFactory, OrderLineFactory, ReviewFactory

    for _ in range(n):
        product = ProductFactory(store=StoreFactory(owner=_user()))
        CertificateFactory(product=product)
        line = OrderLineFactory(product=product, order__store=product.store)
        ReviewFactory(product=product, order=line.order)
        ApplicationFactory()


def _user():
    from tests.factories import UserFactory

    return UserFactory()


def _count_queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/program/?preset=year", "/program/?preset=year&format=csv&table=provinces"])
def test_a_fixed_number_of_queries_for_1_or_50_rows_of_each_kind(client, officer, path):
    client.force_login(officer)
    _make_rows(1)
    client.get(path)  # warm the per-process caches (content types, site, translations)
    one = _count_queries(client, path)
    _make_rows(49)
    assert _count_queries(client, path) == one


def test_the_heaviest_page_stays_under_100_kb(client, officer):
    """A year of weeks (the longest period) and all 34 provinces: HTML + CSS + JS < 100 KB."""
    import re

    from django.contrib.staticfiles import finders

    from core import divisions
    from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory
    from tests.factories.programme import OrderFactory

    for code, _name in divisions.province_choices():
        store = StoreFactory(province_code=code)
        CertificateFactory(product=ProductFactory(store=store))
        OrderFactory(store=store, total=1_234_567_000)
    client.force_login(officer)
    today = timezone.localdate()
    response = client.get("/program/", {"date_from": (today - datetime.timedelta(days=365)).isoformat(),
                                        "date_to": today.isoformat()})
    assert len(response.context["figures"].provinces) == 34
    html = response.content
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html.decode())
    weight = len(html) + sum(len(open(finders.find(a), "rb").read()) for a in assets)
    assert weight < 100 * 1024, weight


def test_csv_neutralises_formula_text_and_keeps_numbers(client, officer):
    from marketplace.models import Category
    from tests.factories.marketplace import ProductFactory

    names = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tX", "\rX"]
    for n, name in enumerate(names):
        ProductFactory(category=Category.objects.create(name=name, slug=f"nhom-{n}"))
    client.force_login(officer)
    rows = _csv(client.get("/program/?preset=last30&format=csv&table=groups"))
    assert rows[0] == ["Nhóm sản phẩm", "Tiền hàng bán được, không gồm phí vận chuyển (VND)", "Sản phẩm trực tuyến"]
    assert sorted(rows[1:7]) == sorted(["'" + name, "0", "1"] for name in names)
    assert [row[1:] for row in rows[7:]] == [["0", ""]] * 3  # goods, shipping, sales value: none yet


def test_product_group_sales_say_they_leave_out_shipping_and_reconcile_with_the_total(client, officer, programme):
    """Groups count the goods; every other sales figure is what buyers paid, shipping
    included. The table says so and adds it up: goods + shipping = sales value."""
    from tests.factories.programme import OrderFactory, OrderLineFactory

    # A sale whose product has since been deleted: in no group, still in the goods.
    gone = OrderFactory(store=programme["hue"][0], subtotal=200_000, shipping_fee=30_000)
    OrderLineFactory(order=gone, product=None, product_name="Bánh đã ngừng bán", sku="X-1", unit_price=100_000,
                     quantity=2)
    client.force_login(officer)
    response = client.get("/program/?preset=last30")
    d = response.context["figures"]
    assert (d.payments["goods"], d.payments["shipping"], d.payments["sales"]) == (1_700_000, 150_000, 1_850_000)
    assert sum(g["sales"] for g in d.groups) == 1_500_000

    rows = _csv(client.get("/program/?preset=last30&format=csv&table=groups"))
    assert rows[0] == ["Nhóm sản phẩm", "Tiền hàng bán được, không gồm phí vận chuyển (VND)", "Sản phẩm trực tuyến"]
    assert rows[1:3] == [["Thực phẩm", "1500000", "3"], ["Đồ uống", "0", "1"]]
    assert rows[3:] == [
        ["Nhóm sản phẩm khác và sản phẩm đã xoá", "200000", ""],
        ["Tiền hàng, tất cả nhóm sản phẩm", "1700000", ""],
        ["Phí vận chuyển (không thuộc nhóm sản phẩm nào)", "150000", ""],
        ["Giá trị bán hàng: tiền hàng + phí vận chuyển", "1850000", ""],
    ]
    assert 1_500_000 + 200_000 + 150_000 == 1_850_000 == d.payments["sales"]
    summary = dict(_csv(client.get("/program/?preset=last30&format=csv&table=summary"))[1:])
    assert summary["Giá trị bán hàng (VND)"] == "1850000"  # the same total as the groups table's last line

    html = response.content.decode()
    groups = html.split('id="table-groups"')[1].split("</section>")[0]
    assert "<tfoot>" in groups and '<th scope="row">Phí vận chuyển (không thuộc nhóm sản phẩm nào)</th>' in groups
    assert ("Tiền hàng 1.700.000 ₫ + phí vận chuyển 150.000 ₫ = giá trị bán hàng 1.850.000 ₫" in groups)
    assert "không gồm phí vận chuyển" in groups
