"""A buyer pays by VietQR on a phone: chooses the transfer at checkout, sees the code and
the account details, the store confirms the money arrived, the buyer sees the order paid."""

from marketplace.orders.models import Order
from tests.browser.test_checkout import add_to_cart, sign_in
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import HUE, ProductFactory, first_ward
from tests.factories.vietqr import ACCOUNT, HOLDER, transfer_store


def test_buyer_pays_by_vietqr_and_the_seller_confirms(phone, chromium, live_server, artifacts_dir):
    honey = ProductFactory(name="Mật ong rừng Nam Đông", price=180_000, stock=5,
                           store=transfer_store(name="HTX Nam Đông", owner=UserFactory(email="namdong@htx.vn")))
    UserFactory(email="lan@example.vn", full_name="Nguyễn Thị Lan")

    sign_in(phone, "lan@example.vn")
    add_to_cart(phone, honey, 2)
    phone.goto("/checkout/")
    phone.fill("input[name=contact_name]", "Nguyễn Thị Lan")
    phone.fill("input[name=phone]", "0912 345 678")
    phone.fill("input[name=street]", "12 Lê Lợi")
    phone.select_option("select[name=province_code]", str(HUE))  # checkout.js fills the wards at once
    phone.wait_for_selector(f"select[name=ward_code] option[value='{first_ward(HUE)}']", state="attached")
    phone.select_option("select[name=ward_code]", str(first_ward(HUE)))
    phone.get_by_label("Chuyển khoản VietQR").check()
    phone.locator("button[name=place]").click()
    phone.wait_for_url("**/checkout/placed/**")

    order = Order.objects.get()
    note = order.number.replace("-", "")
    assert (order.status, order.total) == ("pending_payment", 390_000)
    code = phone.locator(".vietqr-code svg")
    assert code.count() == 1 and code.is_visible()
    box = code.bounding_box()
    assert box["width"] >= 150 and box["x"] + box["width"] <= 360  # big enough to scan, fits the phone
    assert phone.locator(".vietqr-account").inner_text() == ACCOUNT
    assert phone.locator(".vietqr-amount").inner_text() == "390.000\u00a0₫"
    assert phone.locator(".vietqr-note").inner_text() == note
    assert phone.get_by_text(HOLDER).count() == 1 and phone.get_by_text("Vietcombank", exact=False).count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts_dir / "vietqr-placed.png", full_page=True)

    phone.goto(f"/orders/{order.number}/")
    assert phone.locator(".status-pending_payment").inner_text() == "Chờ chuyển khoản"
    assert phone.locator(".vietqr-code svg").count() == 1

    seller = chromium.new_context(viewport={"width": 360, "height": 780}, base_url=live_server.url)
    seller_page = seller.new_page()
    sign_in(seller_page, "namdong@htx.vn")
    seller_page.goto(f"/seller/orders/{order.number}/")
    assert note in seller_page.locator(".vietqr-confirm").inner_text()
    seller_page.locator(".vietqr-confirm button[type=submit]").click()
    seller_page.wait_for_selector(".status-paid")
    seller_page.screenshot(path=artifacts_dir / "vietqr-seller-confirmed.png", full_page=True)
    seller.close()

    phone.goto(f"/orders/{order.number}/")
    assert phone.locator(".status-paid").inner_text() == "Đã thanh toán"
    assert phone.locator(".vietqr-code").count() == 0
    history = phone.locator(".order-history li").all_inner_texts()
    assert len(history) == 2 and "Đã nhận chuyển khoản" in history[1]
    phone.screenshot(path=artifacts_dir / "vietqr-paid.png", full_page=True)
