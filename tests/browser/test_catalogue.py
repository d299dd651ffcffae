"""Done-when of the catalogue: on a 360 px phone a seller creates a product with two
photos, publishes it and sees it; a buyer finds it by filtering by province and stars."""

from django.conf import settings
from django.test import Client

from core import divisions
from marketplace.models import Product
from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory, first_ward, jpeg_bytes

NINH_BINH = divisions.province_code_for_name("Ninh Bình")


def logged_in(phone, user, live_server):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    phone.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_seller_lists_product_with_two_photos_and_buyer_finds_it(phone, chromium, live_server, tmp_path,
                                                                 artifacts_dir):
    seller = UserFactory(email="chu-htx@example.vn")
    store = StoreFactory(owner=seller, name="HTX Cố đô", slug="htx-co-do", province_code=NINH_BINH,
                         ward_code=first_ward(NINH_BINH))
    CertificateFactory(product=ProductFactory(name="Trà Huế 4 sao"), stars=4)  # other province
    ProductFactory(name="Dê núi chưa chứng nhận", store=store)  # right province, no stars
    photos = []
    for i, colour in enumerate([(200, 60, 30), (30, 120, 60)]):
        path = tmp_path / f"anh-{i}.jpg"
        path.write_bytes(jpeg_bytes(size=(640, 480), colour=colour))
        photos.append(str(path))

    logged_in(phone, seller, live_server)
    phone.goto("/seller/")
    phone.get_by_role("link", name="Sản phẩm mới").click()
    phone.fill("#id_name", "Cơm cháy chà bông Ninh Bình")
    phone.select_option("#id_category", label="Thực phẩm")
    phone.fill("#id_price", "55.000")  # as written in Vietnam; a type=number box read this as 55
    phone.fill("#id_unit", "Gói")  # free text with suggestions, written one way on saving
    phone.fill("#id_stock", "30")
    phone.get_by_role("button", name="Lưu nháp").click()
    phone.wait_for_selector("text=Đã lưu sản phẩm ở dạng nháp")
    assert phone.input_value("#id_price") == "55.000" and phone.input_value("#id_unit") == "gói"

    file_input = phone.locator("input[name=photos]")
    assert file_input.get_attribute("accept") == "image/*"
    file_input.set_input_files(photos)
    phone.get_by_role("button", name="Tải ảnh lên").click()
    phone.wait_for_selector("text=Đã thêm 2 ảnh.")
    assert phone.locator(".photo-list img").count() == 2
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts_dir / "catalogue-seller-product.png", full_page=True)

    product = Product.objects.get(store=store, name="Cơm cháy chà bông Ninh Bình")
    CertificateFactory(product=product, stars=4)  # verified by a programme officer (their capability)
    phone.get_by_role("button", name="Đăng bán").first.click()
    phone.wait_for_selector("text=Đã đăng bán Cơm cháy chà bông Ninh Bình")
    phone.get_by_role("link", name="Xem như người mua").first.click()
    phone.wait_for_url(f"**/products/{product.slug}/")
    assert phone.locator("h1").inner_text() == "Cơm cháy chà bông Ninh Bình"
    assert phone.locator(".gallery img").count() == 2
    assert "55.000\u00a0₫" in phone.locator(".product-price").inner_text()  # never wraps before "₫"

    buyer = chromium.new_context(viewport={"width": 360, "height": 780}, base_url=live_server.url)
    page = buyer.new_page()
    page.goto("/products/")
    page.get_by_text("Lọc và sắp xếp").click()
    page.select_option("#id_province", str(NINH_BINH))
    page.select_option("#id_stars", "4")
    page.get_by_role("button", name="Xem sản phẩm").click()
    page.wait_for_url("**/products/?*province=*")
    cards = page.locator(".product-card h3")
    assert cards.all_inner_texts() == ["Cơm cháy chà bông Ninh Bình"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=artifacts_dir / "catalogue-buyer-filter.png", full_page=True)
    cards.first.click()
    page.wait_for_url(f"**/products/{product.slug}/")
    assert "OCOP 4★" in page.locator(".product-info").inner_text()
    buyer.close()


def test_catalogue_filters_work_without_javascript(chromium, live_server):
    nb = StoreFactory(province_code=NINH_BINH, ward_code=first_ward(NINH_BINH))
    ProductFactory(name="Cơm cháy Ninh Bình", store=nb)
    ProductFactory(name="Mè xửng Huế")
    context = chromium.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False,
                                   base_url=live_server.url)
    page = context.new_page()
    page.goto("/products/")
    assert sorted(page.locator(".product-card h3").all_inner_texts()) == ["Cơm cháy Ninh Bình", "Mè xửng Huế"]
    page.get_by_text("Lọc và sắp xếp").click()
    page.select_option("#id_province", str(NINH_BINH))
    page.select_option("#id_sort", "price_asc")
    page.get_by_role("button", name="Xem sản phẩm").click()
    page.wait_for_url(f"**/products/?*province={NINH_BINH}*")
    assert page.locator(".product-card h3").all_inner_texts() == ["Cơm cháy Ninh Bình"]
    context.close()
