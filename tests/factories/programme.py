"""Factories for the programme dashboard tests: orders with payments, reviews, seller
applications, the starter course and its completions, news articles."""

import itertools

import factory
from django.utils import timezone

from marketplace.orders.models import Order, OrderLine, Review
from marketplace.payments.models import Payment
from onboarding.models import ApplicationStatus, SellerApplication
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import HUE, ProductFactory, StoreFactory, first_ward

_course_slugs = itertools.count(1)


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payment

    method = "cod"
    status = Payment.Status.CASH_ON_DELIVERY
    amount = 180_000
    email = "mua@example.vn"


class OrderFactory(factory.django.DjangoModelFactory):
    """A confirmed cash-on-delivery order of one store (a sale)."""

    class Meta:
        model = Order

    number = factory.Sequence(lambda n: f"CS{n:08d}")
    store = factory.SubFactory(StoreFactory)
    payment = factory.SubFactory(PaymentFactory, amount=factory.SelfAttribute("..total"))
    email = "mua@example.vn"
    contact_name = "Trần Văn Mua"
    phone = "0987654321"
    status = Order.Status.CONFIRMED
    subtotal = 150_000
    shipping_fee = 30_000
    total = factory.LazyAttribute(lambda o: o.subtotal + o.shipping_fee)
    province_code = HUE
    ward_code = factory.LazyAttribute(lambda o: first_ward(o.province_code))
    street = "12 Lê Lợi"


class OrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderLine

    order = factory.SubFactory(OrderFactory)
    product = factory.SubFactory(ProductFactory)
    product_name = factory.LazyAttribute(lambda o: o.product.name)
    sku = factory.LazyAttribute(lambda o: o.product.sku)
    unit_price = 150_000
    quantity = 1


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    product = factory.SubFactory(ProductFactory)
    buyer = factory.SubFactory(UserFactory)
    order = factory.SubFactory(OrderFactory, store=factory.SelfAttribute("..product.store"),
                               status=Order.Status.DELIVERED)
    rating = 5


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted application from Huế."""

    class Meta:
        model = SellerApplication

    applicant = factory.SubFactory(UserFactory)
    status = ApplicationStatus.SUBMITTED
    producer_type = "household"
    legal_name = factory.Sequence(lambda n: f"Hộ kinh doanh Số {n}")
    province_code = HUE
    ward_code = factory.LazyAttribute(lambda o: first_ward(o.province_code))
    street = "Thôn 2"
    submitted_at = factory.LazyFunction(timezone.now)


def starter_course(*, required: bool = True, title: str = "Bán hàng trực tuyến cơ bản"):
    """A live course under /training/ (the index comes from training's migration)."""
    from training.models import CoursePage, TrainingIndexPage

    index = TrainingIndexPage.objects.get()
    course = CoursePage(title=title, slug=f"khoa-hoc-{next(_course_slugs)}", summary="Mở gian hàng, chụp ảnh, "
                        "nhận đơn và giao hàng.", required_for_onboarding=required, duration="khoảng 3 giờ")
    index.add_child(instance=course)
    return course


def complete_course(user, course, *, at=None):
    from training.models import Enrolment

    return Enrolment.objects.create(user=user, course=course, completed_at=at or timezone.now())


_news_slugs = itertools.count(1)


def news_index():
    from cms.models import HomePage, NewsIndexPage

    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
        HomePage.objects.get().add_child(instance=index)
    return index


def news_article(*, index=None, tags=(), days_ago: int = 0, **fields):
    import datetime

    from cms.models import NewsPage

    n = next(_news_slugs)
    article = NewsPage(title=fields.pop("title", f"Tin số {n}"), slug=f"tin-so-{n}", lead=f"Tóm tắt tin số {n}.",
                       date=timezone.localdate() - datetime.timedelta(days=days_ago),
                       body=[("paragraph", "<p>Nội dung.</p>")], **fields)
    article.tags.add(*tags)
    (index or news_index()).add_child(instance=article)
    return article
