"""Seller dashboard: products, quick edits, status, photos."""

from unittest import mock

import pytest
from wagtail.images import get_image_model

from marketplace.models import Category, Product, ProductPhoto
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory, ProductPhotoFactory, photo_upload

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_login_required_and_user_without_store_is_pointed_to_onboarding(client):
    assert client.get("/seller/").status_code == 302
    assert client.get("/seller/").url.startswith("/accounts/login/")
    client.force_login(UserFactory())
    response = client.get("/seller/products/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bạn chưa có gian hàng" in html and 'href="/onboarding/"' in html


def test_dashboard_home_shows_counts_and_panels(seller_client, store):
    ProductFactory(store=store)
    ProductFactory(store=store, status=Product.Status.DRAFT)
    response = seller_client.get("/seller/")
    assert response.status_code == 200
    assert response.context["counts"] == {"draft": 1, "published": 1, "archived": 0}
    assert "Quản lý gian hàng" in response.content.decode()


def test_create_edit_publish_product(seller_client, store):
    food = Category.objects.get(slug="thuc-pham")
    response = seller_client.post("/seller/products/new/", {
        "name": "Mật ong hoa nhãn", "category": food.pk, "price": "185000", "unit": "chai", "stock": "12",
        "description": '<p>Ngọt <script>alert(1)</script><a href="javascript:x()">xem</a></p>'})
    product = Product.objects.get(store=store)
    assert response.status_code == 302 and response.url == f"/seller/products/{product.pk}/"
    assert (product.slug, product.sku, product.status, product.price) == (
        "mat-ong-hoa-nhan", "SP-0001", "draft", 185000)
    assert "script" not in product.description and "javascript" not in product.description

    # publishing without a photo is refused and changes nothing
    response = seller_client.post(f"/seller/products/{product.pk}/status/", {"action": "publish"}, follow=True)
    assert "Hãy thêm ít nhất một ảnh trước khi đăng bán: người mua muốn nhìn thấy sản phẩm." in messages_of(response)
    product.refresh_from_db()
    assert product.status == "draft" and product.published_at is None

    ProductPhotoFactory(product=product)
    with mock.patch("marketplace.checklist.store_refresh_go_live") as refresh:
        seller_client.post(f"/seller/products/{product.pk}/status/", {"action": "publish"})
    refresh.assert_called_once_with(store=store)
    product.refresh_from_db()
    assert product.status == "published" and product.published_at is not None

    seller_client.post(f"/seller/products/{product.pk}/status/", {"action": "unpublish"})
    assert Product.objects.get(pk=product.pk).status == "draft"
    seller_client.post(f"/seller/products/{product.pk}/status/", {"action": "archive"})
    assert Product.objects.get(pk=product.pk).status == "archived"

    response = seller_client.post(f"/seller/products/{product.pk}/", {
        "name": "Mật ong hoa nhãn 500 ml", "category": food.pk, "price": "190000", "unit": "chai", "stock": "3",
        "sku": "MO-500"})
    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.name, product.price, product.sku) == ("Mật ong hoa nhãn 500 ml", 190000, "MO-500")


def test_duplicate_sku_refused_with_message(seller_client, store):
    ProductFactory(store=store, sku="A1")
    food = Category.objects.get(slug="thuc-pham")
    response = seller_client.post("/seller/products/new/", {"name": "Khác", "category": food.pk, "price": "1000",
                                                            "unit": "kg", "stock": "1", "sku": "A1"})
    assert response.status_code == 400
    assert "Một sản phẩm khác của gian hàng đã dùng mã SKU này." in response.content.decode()
    assert Product.objects.filter(store=store).count() == 1


def test_quick_edit_price_and_stock(seller_client, store):
    product = ProductFactory(store=store, price=100, stock=1)
    response = seller_client.post(f"/seller/products/{product.pk}/quick/",
                                  {"price": "125000", "stock": "40", "next": "/seller/products/?status=published"})
    assert response.status_code == 302 and response.url == "/seller/products/?status=published"
    product.refresh_from_db()
    assert (product.price, product.stock) == (125000, 40)
    response = seller_client.post(f"/seller/products/{product.pk}/quick/", {"price": "-5", "stock": "abc"})
    assert response.status_code == 400
    product.refresh_from_db()
    assert (product.price, product.stock) == (125000, 40)


def test_upload_two_photos_reorder_and_delete(seller_client, store):
    product = ProductFactory(store=store, status=Product.Status.DRAFT)
    response = seller_client.post(f"/seller/products/{product.pk}/photos/",
                                  {"photos": [photo_upload("mot.jpg"), photo_upload("hai.jpg", colour=(0, 0, 255))]})
    assert response.status_code == 302
    first, second = product.photos.order_by("sort_order")
    assert first.image.file.name.endswith(".jpg") and first.alt_text == product.name
    seller_client.post(f"/seller/photos/{second.pk}/move/", {"direction": "up"})
    assert list(product.photos.order_by("sort_order").values_list("pk", flat=True)) == [second.pk, first.pk]
    seller_client.post(f"/seller/photos/{first.pk}/alt/", {"alt_text": "Hũ mật ong trên bàn"})
    assert ProductPhoto.objects.get(pk=first.pk).alt_text == "Hũ mật ong trên bàn"
    seller_client.post(f"/seller/photos/{first.pk}/delete/")
    assert list(product.photos.values_list("pk", flat=True)) == [second.pk]
    assert get_image_model().objects.count() == 1


def test_one_bad_photo_refuses_the_whole_upload(seller_client, store):
    product = ProductFactory(store=store)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("gia.jpg", b"not an image at all", content_type="image/jpeg")
    response = seller_client.post(f"/seller/products/{product.pk}/photos/", {"photos": [photo_upload(), fake]})
    assert response.status_code == 400
    assert "gia.jpg không phải là ảnh đọc được. Vui lòng tải lên ảnh JPEG, PNG hoặc WebP." in response.content.decode()
    assert product.photos.count() == 0 and get_image_model().objects.count() == 0


def test_a_failed_save_after_the_files_were_written_leaves_no_file(store):
    from django.db import DatabaseError

    from marketplace.services.products import product_photos_add
    from tests.factories.storage import stored_files

    product = ProductFactory(store=store)
    before = stored_files()
    real_create, calls = ProductPhoto.objects.create, []

    def create_then_fail(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise DatabaseError("disk full")
        return real_create(**kwargs)

    with mock.patch.object(ProductPhoto.objects, "create", side_effect=create_then_fail), \
            pytest.raises(DatabaseError):
        product_photos_add(product=product, files=[photo_upload(), photo_upload()])
    assert len(calls) == 2  # the first photo and its file were written before the failure
    assert stored_files() == before
    assert product.photos.count() == 0 and get_image_model().objects.count() == 0


def test_edit_page_has_phone_friendly_photo_input(seller_client, store):
    product = ProductFactory(store=store)
    html = seller_client.get(f"/seller/products/{product.pk}/").content.decode()
    assert 'type="file" name="photos"' in html and 'accept="image/*"' in html and "multiple" in html
    assert 'enctype="multipart/form-data"' in html


def test_deleting_a_photo_keeps_an_image_other_products_share(seller_client, store, other_store):
    mine = ProductPhotoFactory(product=ProductFactory(store=store))
    theirs = ProductPhotoFactory(product=ProductFactory(store=other_store), image=mine.image)
    seller_client.post(f"/seller/photos/{mine.pk}/delete/")
    assert not ProductPhoto.objects.filter(pk=mine.pk).exists()
    assert ProductPhoto.objects.filter(pk=theirs.pk).exists()
    assert get_image_model().objects.filter(pk=mine.image_id).exists()


def test_seller_product_list_query_count_is_constant(seller_client, store):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ProductPhotoFactory(product=ProductFactory(store=store))
    seller_client.get("/seller/products/")
    with CaptureQueriesContext(connection) as one:
        seller_client.get("/seller/products/")
    for _ in range(29):
        ProductPhotoFactory(product=ProductFactory(store=store))
    seller_client.get("/seller/products/")
    with CaptureQueriesContext(connection) as many:
        response = seller_client.get("/seller/products/")
    assert len(response.context["page_obj"].object_list) == 30
    assert len(one) == len(many)
    assert len(response.content) < 100_000
