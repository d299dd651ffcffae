"""A buyer adds products from two stores, checks out with cash on delivery and sees two
orders; each seller confirms and ships theirs; the buyer sees the history. On a phone."""

from marketplace.orders.models import Order
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.marketplace import HUE, ProductFactory, StoreFactory, first_ward


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def add_to_cart(page, product, quantity):
    page.goto(product.get_absolute_url())
    form = page.locator("form.add-to-cart")
    form.locator("input[name=quantity]").fill(str(quantity))
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/cart/")


def seller_confirms_and_ships(chromium, live_server, email, number, tracking):
    context = chromium.new_context(viewport={"width": 360, "height": 780}, base_url=live_server.url)
    page = context.new_page()
    sign_in(page, email)
    page.goto("/seller/orders/?status=to_confirm")
    page.get_by_role("link", name=number).click()
    page.locator("form[action$='/confirm/'] button").click()
    page.wait_for_selector("form[action$='/ship/']")
    page.fill("input[name=carrier]", "Viettel Post")
    page.fill("input[name=tracking_code]", tracking)
    page.locator("form[action$='/ship/'] button[type=submit]").click()
    page.wait_for_selector(".status-shipped")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_cash_on_delivery_checkout_with_two_stores(chromium, live_server, artifacts_dir):
    # Without JavaScript, as on a phone that blocks it: the address takes the "Show wards" step
    # (tests/browser/test_market.py goes through checkout with the script).
    context = chromium.new_context(viewport={"width": 360, "height": 780}, base_url=live_server.url,
                                   java_script_enabled=False)
    context.set_default_timeout(10_000)
    phone = context.new_page()
    honey = ProductFactory(name="Mật ong rừng Nam Đông", price=180_000, stock=5,
                           store=StoreFactory(name="HTX Nam Đông", owner=UserFactory(email="namdong@htx.vn")))
    tea = ProductFactory(name="Trà cung đình Huế", price=95_000, stock=5,
                         store=StoreFactory(name="Cơ sở Trà Huế", owner=UserFactory(email="trahue@htx.vn")))
    UserFactory(email="lan@example.vn", full_name="Nguyễn Thị Lan")

    sign_in(phone, "lan@example.vn")
    add_to_cart(phone, honey, 2)
    add_to_cart(phone, tea, 1)
    assert phone.locator(".cart-store").count() == 2
    phone.screenshot(path=artifacts_dir / "checkout-cart.png", full_page=True)

    phone.goto("/checkout/")
    phone.fill("input[name=contact_name]", "Nguyễn Thị Lan")
    phone.fill("input[name=phone]", "0912 345 678")
    phone.fill("input[name=street]", "12 Lê Lợi")
    phone.select_option("select[name=province_code]", str(HUE))
    phone.locator("button[name=show_wards]").click()  # the no-JavaScript second step
    phone.wait_for_selector(f"select[name=ward_code] option[value='{first_ward(HUE)}']", state="attached")
    phone.select_option("select[name=ward_code]", str(first_ward(HUE)))
    assert phone.locator("input[name=method][value=cod]").is_checked()
    assert phone.get_by_text("chỉ nhận thanh toán khi nhận hàng", exact=False).count() == 1
    phone.screenshot(path=artifacts_dir / "checkout-form.png", full_page=True)
    form, summary = phone.locator(".checkout-form").bounding_box(), phone.locator(".checkout-summary").bounding_box()
    assert summary["y"] + summary["height"] <= form["y"]  # on a phone the order comes first
    phone.set_viewport_size({"width": 1280, "height": 900})  # on a laptop it sits beside the form
    form, summary = phone.locator(".checkout-form").bounding_box(), phone.locator(".checkout-summary").bounding_box()
    assert summary["x"] >= form["x"] + form["width"] and abs(summary["y"] - form["y"]) < 50
    phone.screenshot(path=artifacts_dir / "checkout-form-laptop.png", full_page=True)
    phone.set_viewport_size({"width": 360, "height": 780})
    phone.locator("button[name=place]").click()
    phone.wait_for_url("**/checkout/placed/**")

    orders = list(Order.objects.order_by("store__name"))
    assert [(o.store.name, o.total, o.status) for o in orders] == [
        ("Cơ sở Trà Huế", 125_000, "confirmed"), ("HTX Nam Đông", 390_000, "confirmed")]
    for order in orders:
        assert phone.get_by_text(order.number).count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts_dir / "checkout-placed.png", full_page=True)

    seller_confirms_and_ships(chromium, live_server, "trahue@htx.vn", orders[0].number, "VTP0001")
    seller_confirms_and_ships(chromium, live_server, "namdong@htx.vn", orders[1].number, "VTP0002")

    phone.goto("/orders/")
    assert phone.locator(".status-shipped").count() == 2
    phone.goto(f"/orders/{orders[1].number}/")
    history = phone.locator(".order-history li").all_inner_texts()
    assert len(history) == 3
    assert "VTP0002" in history[2]
    assert phone.get_by_text("VTP0002", exact=False).count() >= 1
    phone.screenshot(path=artifacts_dir / "checkout-history.png", full_page=True)
    context.close()
