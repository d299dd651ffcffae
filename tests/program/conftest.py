import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import PROGRAMME_OFFICERS
from core import divisions
from marketplace.models import OcopCertificate, Product, Store
from marketplace.orders.models import Order
from onboarding.models import ApplicationStatus
from tests.factories import UserFactory
from tests.factories.marketplace import HUE, CertificateFactory, ProductFactory, StoreFactory
from tests.factories.programme import (
    ApplicationFactory,
    OrderFactory,
    OrderLineFactory,
    PaymentFactory,
    ReviewFactory,
    complete_course,
    starter_course,
)

HANOI = divisions.province_code_for_name("Hà Nội")


@pytest.fixture
def officer(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PROGRAMME_OFFICERS))
    return user


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture
def programme(db):
    """Two provinces' worth of programme data, some of it outside a 30-day period."""
    course = starter_course()
    other_course = starter_course(required=False, title="Chụp ảnh sản phẩm")
    hue = [StoreFactory(owner=UserFactory(), went_live_at=days_ago(d)) for d in (5, 60, 400)]
    StoreFactory(owner=UserFactory(), status=Store.Status.DRAFT)
    hanoi = [StoreFactory(owner=UserFactory(), province_code=HANOI, went_live_at=days_ago(3)) for _ in range(2)]
    # Training: two Huế owners finished the starter course (one of them inside the period);
    # a Hà Nội owner only finished another course.
    owners = [s.memberships.get().user for s in hue + hanoi]
    complete_course(owners[0], course, at=days_ago(2))
    complete_course(owners[1], course, at=days_ago(90))
    complete_course(owners[3], other_course)

    honey = ProductFactory(store=hue[0], published_at=days_ago(4))
    tea = ProductFactory(store=hue[0], published_at=days_ago(50), category_id=_group("do-uong"))
    fish_sauce = ProductFactory(store=hue[1], published_at=days_ago(10))
    ProductFactory(store=hue[1], status=Product.Status.DRAFT, published_at=None)
    rice = ProductFactory(store=hanoi[0], published_at=days_ago(1))
    hidden = ProductFactory(store=StoreFactory(status=Store.Status.SUSPENDED))

    CertificateFactory(product=honey, stars=5)
    CertificateFactory(product=tea, stars=4)
    CertificateFactory(product=tea, stars=3)  # the better certificate counts
    CertificateFactory(product=fish_sauce, stars=3, decision_date=timezone.localdate() - datetime.timedelta(days=1200))
    CertificateFactory(product=fish_sauce, stars=4, status=OcopCertificate.Status.PENDING)
    CertificateFactory(product=rice, stars=4)
    CertificateFactory(product=hidden, stars=5)  # certified, not online

    def order(store, method, status, total, created=None, lines=()):
        payment = PaymentFactory(method=method, amount=total)
        o = OrderFactory(store=store, payment=payment, status=status, subtotal=total - 30_000)
        for product, qty in lines:
            OrderLineFactory(order=o, product=product, unit_price=product.price, quantity=qty)
        if created:
            Order.objects.filter(pk=o.pk).update(created_at=created)
        return o

    first = order(hue[0], "cod", Order.Status.CONFIRMED, 180_000, lines=[(honey, 1)])
    order(hue[0], "cod", Order.Status.DELIVERED, 330_000, lines=[(honey, 2)])
    order(hue[1], "stripe", Order.Status.PAID, 480_000, lines=[(fish_sauce, 3)])
    order(hue[1], "stripe", Order.Status.CANCELLED, 180_000)
    order(hue[1], "stripe", Order.Status.PENDING_PAYMENT, 180_000)
    order(hue[0], "cod", Order.Status.COMPLETED, 999_000, created=days_ago(45))
    in_hanoi = order(hanoi[0], "vietqr", Order.Status.SHIPPED, 630_000, lines=[(rice, 4)])

    ReviewFactory(product=honey, order=first, rating=5)
    ReviewFactory(product=honey, order=first, rating=4)
    ReviewFactory(product=rice, order=in_hanoi, rating=3)

    ApplicationFactory()
    ApplicationFactory(status=ApplicationStatus.APPROVED)
    ApplicationFactory(status=ApplicationStatus.CHANGES_REQUESTED)
    ApplicationFactory(status=ApplicationStatus.REJECTED, province_code=HANOI)
    ApplicationFactory(status=ApplicationStatus.DRAFT, submitted_at=None)
    ApplicationFactory(submitted_at=days_ago(100))
    return {"hue": hue, "hanoi": hanoi, "course": course, "products": [honey, tea, fish_sauce, rice]}


def _group(slug):
    from marketplace.models import Category

    return Category.objects.get(slug=slug).pk


__all__ = ["HANOI", "HUE", "days_ago"]
