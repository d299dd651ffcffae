from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from marketplace.orders.exceptions import OrderError
from marketplace.orders.models import Order, Review


def review_create(*, buyer, order: Order, product_id: int, rating: int, text: str) -> Review:
    """Only the buyer of a delivered (or completed) order containing the product; once."""
    if order.buyer_id != buyer.pk or order.status not in (Order.Status.DELIVERED, Order.Status.COMPLETED):
        raise OrderError(_("You can review a product once your order has been delivered."))
    if not order.lines.filter(product_id=product_id).exists():
        raise OrderError(_("This product is not in this order."))
    review = Review(product_id=product_id, buyer=buyer, order=order, rating=rating, text=text.strip())
    review.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as exc:
        raise OrderError(_("You have already reviewed this product.")) from exc
    return review
