"""Verified-purchase reviews."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from marketplace.orders.models import Review
from marketplace.orders.selectors import product_reviews
from marketplace.orders.services.orders import order_accept, order_deliver, order_ship
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory
from tests.factories.orders import place_one

pytestmark = pytest.mark.django_db


def delivered(product, buyer):
    order = place_one(product, 1, buyer=buyer)
    order_accept(order=order, actor=None)
    order_ship(order=order, actor=None, carrier="GHN", tracking_code="1")
    return order_deliver(order=order, actor=None)


def test_buyer_of_a_delivered_order_reviews_once(client):
    buyer = UserFactory()
    product = ProductFactory()
    order = delivered(product, buyer)
    client.force_login(buyer)
    url = f"/orders/{order.number}/review/"
    text = "Mật ong thơm, đóng gói cẩn thận"
    assert client.post(url, {"product": product.pk, "rating": 5, "text": text}).status_code == 302
    assert client.post(url, {"product": product.pk, "rating": 1, "text": "lần hai"}).status_code == 409
    assert list(Review.objects.values_list("rating", "text")) == [(5, "Mật ong thơm, đóng gói cẩn thận")]


def test_no_review_before_delivery_or_with_a_bad_rating(client):
    buyer = UserFactory()
    product = ProductFactory()
    order = place_one(product, 1, buyer=buyer)
    client.force_login(buyer)
    url = f"/orders/{order.number}/review/"
    assert client.post(url, {"product": product.pk, "rating": 5}).status_code == 409
    delivered_order = delivered(product, buyer)
    url = f"/orders/{delivered_order.number}/review/"
    assert client.post(url, {"product": product.pk, "rating": 9}).status_code == 422
    other = ProductFactory()
    assert client.post(f"/orders/{delivered_order.number}/review/",
                       {"product": other.pk, "rating": 4}).status_code == 409
    assert Review.objects.count() == 0


def test_someone_else_cannot_review_through_your_order(client):
    product = ProductFactory()
    order = delivered(product, UserFactory())
    client.force_login(UserFactory())
    assert client.post(f"/orders/{order.number}/review/", {"product": product.pk, "rating": 5}).status_code == 404
    assert Review.objects.count() == 0


def test_product_reviews_average_and_count_in_fixed_queries(rf):
    product = ProductFactory(stock=100)
    for rating in (5, 4, 4):
        order = delivered(product, UserFactory())
        Review.objects.create(product=product, buyer=order.buyer, order=order, rating=rating, text="Ngon")
    with CaptureQueriesContext(connection) as ctx:
        context = product_reviews(product)
        html = render_to_string("orders/product_reviews.html", {"reviews_context": context}, request=rf.get("/"))
    assert (context["average"], context["count"], len(context["reviews"])) == (4.3, 3, 3)
    assert len(ctx) == 2
    assert "4,3" in html and "Ngon" in html  # Vietnamese decimal comma


def test_no_reviews_yet():
    assert product_reviews(ProductFactory()) | {"product": None} == {"reviews": [], "average": None, "count": 0,
                                                                     "product": None}
