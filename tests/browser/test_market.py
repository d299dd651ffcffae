"""A market buyers trust at a glance, on a 360 px phone and a 1280 px laptop: the header
reaches the cart and the account at every width (with its item count), search answers with
product cards and photos, the phone keeps "Thêm vào giỏ" in view, checkout's errors link to
their fields and the wards follow the province, and the VietQR image a buyer saves scans
(zbar) to the code on the page. Screenshots of each step land in var/test-artifacts/screens/."""

import io
import shutil
import subprocess

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from core.demo_art import draw_product
from marketplace.orders.models import Order
from tests.browser.test_checkout import sign_in
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.marketplace import HUE, CertificateFactory, ProductFactory, ProductPhotoFactory, first_ward
from tests.factories.programme import OrderFactory, OrderLineFactory, ReviewFactory
from tests.factories.vietqr import ACCOUNT, transfer_store

PHONE, LAPTOP = 360, 1280
NBSP = "\u00a0"


def drawn_photo(product, look: str):
    """A photo that reads as the product (core.demo_art, as the demo's): its jar or pouch, its name."""
    buffer = io.BytesIO()
    draw_product(product.name, look, brand="Nam Đông", size=(600, 600)).save(buffer, "JPEG", quality=85)
    image = get_image_model().objects.create(title=product.name, file=ImageFile(buffer, name=f"{product.slug}.jpg"))
    return ProductPhotoFactory(product=product, image=image, alt_text=product.name)


@pytest.fixture
def market(db):
    """One store that takes VietQR: honey (4★, rated, 120 sold, two photos) and two more."""
    store = transfer_store(name="HTX Mật ong Nam Đông", slug="htx-mat-ong-nam-dong",
                           owner=UserFactory(email="namdong@htx.vn"),
                           story="<p>Mật ong rừng nuôi dưới tán rừng Nam Đông, Huế.</p>")
    honey = ProductFactory(store=store, name="Mật ong rừng Nam Đông", slug="mat-ong-rung-nam-dong", price=250_000,
                           stock=40, unit="hũ", description="<p>Mật ong rừng nấu bằng củi.</p>"
                           "<p>Bảo quản nơi khô ráo, thoáng mát.</p>" * 6)
    drawn_photo(honey, "jar:honey")
    drawn_photo(honey, "bottle:amber")
    CertificateFactory(product=honey, stars=4)
    for rating in (5, 4):
        ReviewFactory(product=honey, rating=rating, text="Mật thơm, đóng gói cẩn thận.")
    OrderLineFactory(product=honey, quantity=120, order=OrderFactory(store=store))
    pollen = ProductFactory(store=store, name="Phấn hoa ong Nam Đông", slug="phan-hoa-nam-dong", price=190_000,
                            stock=20, unit="hũ")
    drawn_photo(pollen, "jar:amber/small")
    wax = ProductFactory(store=store, name="Sáp ong nguyên chất", slug="sap-ong", price=80_000, stock=20, unit="hộp")
    drawn_photo(wax, "box:honey")
    CertificateFactory(product=wax, stars=3)
    UserFactory(email="lan@example.vn", full_name="Nguyễn Thị Lan")
    return {"store": store, "honey": honey, "pollen": pollen}


def new_page(chromium, live_server, width, **options):
    context = chromium.new_context(viewport={"width": width, "height": 780 if width == PHONE else 800},
                                   base_url=live_server.url, locale="en-US", accept_downloads=True, **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def screen(page, name: str, width: int, artifacts_dir, *, full_page=True):
    folder = artifacts_dir / "screens"
    folder.mkdir(exist_ok=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways at {width}px"
    page.screenshot(path=folder / f"{name}-{width}.png", full_page=full_page)


def in_viewport(page, locator) -> bool:
    box, view = locator.bounding_box(), page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= view["height"] and box["width"] > 0


def images_loaded(locator) -> list[bool]:
    return locator.evaluate_all("els => els.map(el => { el.scrollIntoView(); return el; })"
                                ".map(el => el.complete && el.naturalWidth > 0)")


def rating_and_sold(card) -> list[str]:
    """What the eye reads (stars, average, count), what a screen reader says instead, units sold."""
    line = card.locator(".rating-sold")
    return [line.locator(".rating > [aria-hidden=true]").inner_text(),
            line.locator(".rating > .visually-hidden").inner_text(), line.locator(".sold").inner_text()]


def zbar(path) -> str:
    return subprocess.run([shutil.which("zbarimg"), "--raw", "-q", str(path)], capture_output=True, text=True,
                          check=True, timeout=30).stdout.strip()


@pytest.mark.parametrize("javascript", [True, False])
def test_laptop_header_shows_cart_and_account_links(chromium, live_server, market, artifacts_dir, javascript):
    context, page = new_page(chromium, live_server, LAPTOP, java_script_enabled=javascript)
    page.goto("/")
    header = page.locator(".site-header")
    assert page.locator(".menu > summary").is_hidden()  # no menu button to find first
    for name in ("Giỏ hàng", "Đăng nhập", "Tạo tài khoản", "Sản phẩm", "Gian hàng", "Đào tạo"):
        assert header.get_by_role("link", name=name, exact=True).is_visible(), name
    if javascript:
        screen(page, "home", LAPTOP, artifacts_dir)

    header.get_by_role("link", name="Giỏ hàng").click()
    page.wait_for_url("**/cart/")
    assert page.locator("h1").inner_text() == "Giỏ hàng của bạn"
    page.locator(".site-header").get_by_role("link", name="Đăng nhập").click()
    page.wait_for_url("**/accounts/login/")
    page.fill("input[name=username]", "lan@example.vn")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    header = page.locator(".site-header")
    for name in ("Đơn hàng của tôi", "Gian hàng của tôi", "Giỏ hàng"):
        assert header.get_by_role("link", name=name, exact=True).is_visible(), name
    assert header.get_by_role("button", name="Đăng xuất (Lan)").is_visible()
    header.get_by_role("link", name="Đơn hàng của tôi").click()
    page.wait_for_url("**/orders/")
    context.close()


def test_phone_header_reaches_cart_and_account_without_the_menu(chromium, live_server, market, artifacts_dir):
    context, page = new_page(chromium, live_server, PHONE)
    page.goto("/")
    header = page.locator(".site-header")
    cart, account = header.get_by_role("link", name="Giỏ hàng"), header.get_by_role("link", name="Đăng nhập")
    assert cart.is_visible() and account.is_visible()
    for link in (cart, account):  # one tap: a target of at least 44 × 44 px, on the first row
        box = link.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44 and box["y"] < 56
    assert header.get_by_role("link", name="Tạo tài khoản").is_hidden()  # the rest waits in the menu
    screen(page, "home", PHONE, artifacts_dir)
    page.locator(".menu > summary").click()
    assert header.get_by_role("link", name="Tạo tài khoản").is_visible()
    screen(page, "home-menu", PHONE, artifacts_dir, full_page=False)
    context.close()


@pytest.mark.zbar
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_buyer_journey_looks_like_a_market(chromium, live_server, market, artifacts_dir, tmp_path, width):
    context, page = new_page(chromium, live_server, width)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, "lan@example.vn")
    honey = market["honey"]

    # Search from the header box, with its own suggestions; products (cards with photos) come first.
    page.goto("/")
    page.locator("#header-q").press_sequentially("mat o", delay=30)
    suggestion = page.locator("#header-suggestions a").first
    suggestion.wait_for()
    assert suggestion.inner_text() == "Mật ong rừng Nam Đông" and in_viewport(page, suggestion)
    page.locator("#header-q").fill("mat ong")
    page.locator("#header-q").press("Enter")
    page.wait_for_url("**/search/?q=mat+ong")
    cards = page.locator(".search-main .product-card")
    assert cards.first.locator("h3").inner_text() == "Mật ong rừng Nam Đông"
    assert cards.count() == 3
    assert images_loaded(cards.locator("img")) == [True] * 3
    assert cards.first.locator(".amount").inner_text() == f"250.000{NBSP}₫"
    assert rating_and_sold(cards.first) == ["★ 4,5 (2)", "Được 2 người mua chấm 4,5 trên 5 sao", "Đã bán 120"]
    assert cards.first.locator(".badge-ocop").inner_text() == "OCOP 4★"
    assert cards.first.get_by_text("HTX Mật ong Nam Đông · Thành phố Huế").count() == 1
    store_section = page.locator(".search-section").first
    assert store_section.locator("h2").inner_text() == "Gian hàng"
    assert cards.first.bounding_box()["y"] < store_section.bounding_box()["y"]
    page.evaluate("window.scrollTo(0, 0)")
    screen(page, "search", width, artifacts_dir)

    # The product page: rating and sold under the name, a gallery that swipes, the buy bar.
    cards.first.click()
    page.wait_for_url(f"**{honey.get_absolute_url()}")
    info = page.locator(".product-info")
    assert rating_and_sold(info) == ["★ 4,5 (2)", "Được 2 người mua chấm 4,5 trên 5 sao", "Đã bán 120"]
    assert info.locator(".delivery-note").inner_text().startswith("Gửi từ Thành phố Huế. Phí vận chuyển 30.000")
    gallery = page.locator(".gallery")
    assert gallery.evaluate("el => getComputedStyle(el).scrollSnapType") == "x mandatory"
    gallery.evaluate("el => el.scrollBy({left: el.clientWidth, behavior: 'instant'})")
    page.wait_for_function("document.querySelector('.gallery').scrollLeft > 0")
    assert in_viewport(page, page.locator("#photo-2 img")) or width == LAPTOP
    gallery.evaluate("el => el.scrollTo({left: 0, behavior: 'instant'})")
    bar = page.locator(".buy-bar")
    screen(page, "product", width, artifacts_dir, full_page=False)
    if width == PHONE:
        assert bar.evaluate("el => getComputedStyle(el).position") == "fixed"
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function("window.scrollY > 600")
        assert in_viewport(page, bar) and in_viewport(page, bar.get_by_role("button", name="Thêm vào giỏ"))
        assert bar.locator(".amount").inner_text() == f"250.000{NBSP}₫"
        screen(page, "product-scrolled", width, artifacts_dir, full_page=False)
    else:
        assert bar.evaluate("el => getComputedStyle(el).position") == "static"
    bar.locator("input[name=quantity]").fill("2")
    bar.get_by_role("button", name="Thêm vào giỏ").click()
    page.wait_for_url("**/cart/")

    # The header counts what the cart holds, at every width.
    count = page.locator(".site-header .cart-count")
    assert count.inner_text() == "2" and count.is_visible()
    page.goto(market["pollen"].get_absolute_url())
    page.locator(".buy-bar").get_by_role("button", name="Thêm vào giỏ").click()
    page.wait_for_url("**/cart/")
    assert page.locator(".site-header .cart-count").inner_text() == "3"
    screen(page, "cart", width, artifacts_dir)

    # Checkout: a refused form's summary links to each field; the wards follow the province.
    page.goto("/checkout/")
    page.fill("input[name=contact_name]", "")
    page.locator("button[name=place]").click()
    page.wait_for_selector(".error-summary")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    links = page.locator(".error-summary a")
    assert links.all_inner_texts() == ["Tên người nhận: Trường này là bắt buộc.",
                                       "Số điện thoại: Trường này là bắt buộc.",
                                       "Tỉnh / thành phố: Trường này là bắt buộc.",
                                       "Số nhà, đường, thôn/xóm: Trường này là bắt buộc."]
    screen(page, "checkout-errors", width, artifacts_dir)
    links.nth(1).click()
    assert page.evaluate("document.activeElement.id") == "id_phone"
    assert in_viewport(page, page.locator("#id_phone"))
    page.fill("input[name=contact_name]", "Nguyễn Thị Lan")
    page.fill("input[name=phone]", "0912 345 678")
    page.fill("input[name=street]", "12 Lê Lợi")
    assert page.locator("button[name=show_wards]").is_hidden()  # with JavaScript the list fills itself
    page.select_option("select[name=province_code]", str(HUE))
    page.wait_for_selector(f"select[name=ward_code] option[value='{first_ward(HUE)}']", state="attached")
    page.select_option("select[name=ward_code]", str(first_ward(HUE)))
    page.get_by_label("Chuyển khoản VietQR").check()
    screen(page, "checkout", width, artifacts_dir)
    page.locator("button[name=place]").click()
    page.wait_for_url("**/checkout/placed/**")

    # VietQR: the exact deadline, copy buttons, and the saved image scans to the page's code.
    order = Order.objects.get(buyer__email="lan@example.vn")
    note = order.number.replace("-", "")
    assert (order.total, order.status) == (2 * 250_000 + 190_000 + 30_000, "pending_payment")
    assert page.locator(".vietqr-deadline").inner_text().startswith("Chuyển khoản trước ")
    payload = page.locator(".vietqr-code").get_attribute("data-payload")
    assert ACCOUNT in payload and note in payload
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lưu ảnh mã QR").click()
    download = download_info.value
    assert download.suggested_filename == f"vietqr-{note}.png"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert zbar(saved) == payload
    page.get_by_role("button", name="Sao chép nội dung chuyển khoản").click()
    page.wait_for_selector(".vietqr-copy-status:has-text('Đã chép nội dung chuyển khoản.')")
    assert page.evaluate("navigator.clipboard.readText()") == note
    screen(page, "vietqr", width, artifacts_dir)

    # My orders read as cards: the total is on screen at 360 px.
    page.goto("/orders/")
    total = page.locator(".order-card .price").first
    assert total.inner_text() == f"720.000{NBSP}₫"
    box = total.bounding_box()
    assert box["x"] + box["width"] <= width
    screen(page, "orders", width, artifacts_dir)
    context.close()
