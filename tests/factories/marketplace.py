import datetime

import factory
from django.utils import timezone

from core import divisions
from marketplace.models import Category, OcopCertificate, Product, ProductPhoto, Store, StoreMember

HUE = divisions.province_code_for_name("Huế")


def first_ward(province_code: int) -> int:
    return divisions.ward_choices(province_code)[0][0]


class StoreFactory(factory.django.DjangoModelFactory):
    """An active store. `owner=user` makes `user` its owner."""

    class Meta:
        model = Store
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Hợp tác xã Số {n}")
    slug = factory.Sequence(lambda n: f"htx-so-{n}")
    producer_type = "cooperative"
    province_code = HUE
    ward_code = factory.LazyAttribute(lambda o: first_ward(o.province_code))
    street = "Thôn 1"
    phone = "0912345678"
    status = Store.Status.ACTIVE

    @factory.post_generation
    def owner(self, create, extracted, **kwargs):
        if create and extracted:
            StoreMember.objects.create(store=self, user=extracted, role=StoreMember.Role.OWNER)


class ProductFactory(factory.django.DjangoModelFactory):
    """A published product in stock."""

    class Meta:
        model = Product

    store = factory.SubFactory(StoreFactory)
    name = factory.Sequence(lambda n: f"Mật ong rừng số {n}")
    slug = factory.Sequence(lambda n: f"mat-ong-rung-so-{n}")
    category = factory.LazyFunction(lambda: Category.objects.get(slug="thuc-pham"))
    price = 150_000
    stock = 10
    unit = "hũ"
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    status = Product.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A verified, current 4★ certificate."""

    class Meta:
        model = OcopCertificate

    product = factory.SubFactory(ProductFactory)
    stars = 4
    score = 78
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    decision_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    issuing_authority = "UBND thành phố Huế"
    status = OcopCertificate.Status.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


def jpeg_bytes(size=(64, 48), colour=(200, 120, 40), exif=None) -> bytes:
    """A small JPEG made with Pillow; `exif` is a PIL.Image.Exif to embed."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, colour).save(buffer, "JPEG", **kwargs)
    return buffer.getvalue()


def photo_upload(name="anh.jpg", **kwargs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def wagtail_image(title="Ảnh"):
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model
    return get_image_model().objects.create(title=title, file=ImageFile(io.BytesIO(jpeg_bytes()), name="anh.jpg"))


class ProductPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductPhoto

    product = factory.SubFactory(ProductFactory)
    image = factory.LazyFunction(wagtail_image)
    alt_text = "Ảnh sản phẩm"
    sort_order = factory.Sequence(lambda n: n)
