"""An officer opens /program/ on a phone, picks a province and a period, reads the
charts and downloads a table as CSV."""

import csv
import io

from django.contrib.auth.models import Group

from accounts.roles import PROGRAMME_OFFICERS
from marketplace.orders.models import Order
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.marketplace import HUE, CertificateFactory, ProductFactory, StoreFactory
from tests.factories.programme import OrderFactory, PaymentFactory


def test_officer_reads_the_dashboard_and_downloads_a_csv(phone, artifacts_dir):
    officer = UserFactory(email="canbo@example.vn", is_staff=True)
    officer.groups.add(Group.objects.get(name=PROGRAMME_OFFICERS))
    hue_store = StoreFactory(name="HTX Sen Huế")
    CertificateFactory(product=ProductFactory(store=hue_store), stars=5)
    OrderFactory(store=hue_store, total=480_000, payment=PaymentFactory(method="stripe", amount=480_000),
                 status=Order.Status.PAID)
    OrderFactory(store=hue_store)  # 180.000 ₫ cash on delivery
    other = StoreFactory(province_code=1)  # Hà Nội (code 1): not in the figures once Huế is picked
    OrderFactory(store=other, total=999_000)

    phone.goto("/program/")
    phone.wait_for_url("**/accounts/login/?next=/program/")
    phone.fill("input[name=username]", officer.email)
    phone.fill("input[name=password]", PASSWORD)
    phone.locator("main button[type=submit]").click()
    phone.wait_for_url("**/program/")
    assert phone.locator("h1").inner_text() == "Bảng số liệu chương trình"

    phone.select_option("select[name=province]", str(HUE))
    phone.select_option("select[name=preset]", "month")
    phone.get_by_role("button", name="Xem").click()
    phone.wait_for_url(f"**/program/?preset=month*province={HUE}*")
    assert "Thành phố Huế" in phone.locator(".lead").inner_text()
    figures = phone.locator(".figures").inner_text()
    assert "660.000\xa0₫" in figures and "50,0 %" in figures  # one card order out of two
    # The charts are server-rendered SVG with captions, and nothing is wider than the phone.
    assert phone.locator("figure.chart-figure svg[role=img]").count() == 6
    assert phone.get_by_role("img", name="Số đơn hàng mỗi tuần").is_visible()
    assert phone.locator("figcaption").first.inner_text() == "Số đơn hàng mỗi tuần"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts_dir / "programme-dashboard.png", full_page=True)

    with phone.expect_download() as download_info:
        phone.locator("#table-payments").get_by_role("link", name="Tải CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("chuong-trinh-payments-")
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert rows == [["Phương thức thanh toán", "Đơn hàng", "Giá trị bán hàng (VND)", "Tỷ lệ đơn hàng"],
                    ["Thẻ", "1", "480000", "50.0"], ["Thanh toán khi nhận hàng", "1", "180000", "50.0"]]
