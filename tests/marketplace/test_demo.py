import io

import pytest

from marketplace.demo import seed_marketplace
from marketplace.models import Category, OcopCertificate, Product, ProductPhoto, Store
from marketplace.selectors import public_products

pytestmark = pytest.mark.django_db


def test_seed_marketplace_is_complete_and_idempotent():
    out = io.StringIO()
    seed_marketplace(lambda line: out.write(line + "\n"))
    assert Store.objects.active().count() == 12
    assert {s.province_name for s in Store.objects.all()} >= {"Thành phố Huế", "Quảng Ngãi", "Ninh Bình"}
    assert public_products().count() == 80
    groups = set(Product.objects.values_list("category__slug", flat=True))
    assert groups == set(Category.objects.filter(parent=None).values_list("slug", flat=True))
    photo_counts = {p.photos.count() for p in Product.objects.all()}
    assert photo_counts == {1, 2}
    stars = set(public_products().with_ocop_stars().exclude(ocop_stars=None).values_list("ocop_stars", flat=True))
    assert stars == {3, 4, 5}
    assert OcopCertificate.objects.filter(status="pending").count() >= 2
    expired = OcopCertificate.objects.filter(status="verified").exclude(pk__in=OcopCertificate.objects.valid())
    assert expired.count() == 1
    assert all(s.memberships.filter(role="owner").exists() for s in Store.objects.all())
    counts = (Store.objects.count(), Product.objects.count(), ProductPhoto.objects.count(),
              OcopCertificate.objects.count())
    seed_marketplace(lambda line: out.write(line + "\n"))
    assert (Store.objects.count(), Product.objects.count(), ProductPhoto.objects.count(),
            OcopCertificate.objects.count()) == counts
    assert out.getvalue().splitlines()[-1].startswith("Marketplace: 12 stores, 80 demo products (0 stores, 0 products")
