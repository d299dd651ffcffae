"""axe-core in a real browser on the buyer's pages at 360 px: no serious or critical
violation (WCAG 2.1 A and AA rules). axe-core comes inside the axe-playwright-python
package (nothing is downloaded at test time) and is injected into each page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_checkout import add_to_cart, sign_in
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, ProductPhotoFactory
from tests.factories.orders import place_one
from tests.factories.programme import OrderFactory, OrderLineFactory, ReviewFactory, starter_course
from tests.factories.vietqr import transfer_store

SERIOUS = {"serious", "critical"}
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def serious_violations(page) -> list[str]:
    results = Axe().run(page, options=RULES)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in SERIOUS]


@pytest.fixture
def market(db):
    """Everything a card and a page can show: stars, a rating, units sold, a second photo,
    the home page's starter course (its "Bắt đầu học" button) and a store taking VietQR."""
    owner = UserFactory(email="chu@example.vn")
    store = transfer_store(owner=owner, name="Hợp tác xã Mật ong Bạc Hà")
    honey = ProductFactory(store=store, name="Mật ong rừng Bạc Hà", price=250_000, stock=8)
    ProductPhotoFactory(product=honey)
    ProductPhotoFactory(product=honey)
    CertificateFactory(product=honey, stars=4)
    ReviewFactory(product=honey, rating=4, text="Mật thơm.")
    OrderLineFactory(product=honey, quantity=12, order=OrderFactory(store=store))
    starter_course()
    return {"store": store, "honey": honey}


def test_buyer_pages_have_no_serious_violations(phone, market, artifacts_dir):
    buyer = UserFactory(email="nguoi-mua@example.vn")
    order = place_one(ProductFactory(store=market["store"], name="Phấn hoa", price=120_000), 1, buyer=buyer)
    pages = {
        "home": "/",
        "catalogue": "/products/",
        "product": market["honey"].get_absolute_url(),
        "search": "/search/?q=mat+ong",
        "store": market["store"].get_absolute_url(),
    }
    found = {}
    for name, url in pages.items():
        phone.goto(url)
        found[name] = serious_violations(phone)
    add_to_cart(phone, market["honey"], 1)
    found["cart"] = serious_violations(phone)
    phone.goto("/checkout/")
    found["checkout"] = serious_violations(phone)
    phone.locator("main form button[type=submit]").last.click()  # refused: the error summary shows
    phone.wait_for_load_state()
    found["checkout, refused"] = serious_violations(phone)
    sign_in(phone, buyer.email)
    phone.goto("/orders/")
    found["orders"] = serious_violations(phone)
    phone.goto(order.get_absolute_url())
    found["order"] = serious_violations(phone)
    transfer = place_one(market["honey"], 1, buyer=buyer, method="vietqr")
    phone.goto(transfer.get_absolute_url())
    assert phone.locator(".vietqr-code svg").count() == 1
    found["order awaiting a VietQR transfer"] = serious_violations(phone)
    phone.screenshot(path=artifacts_dir / "a11y-order-360.png", full_page=True)
    assert {name: v for name, v in found.items() if v} == {}
