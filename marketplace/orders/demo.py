"""Demo orders for seed_demo: a few orders in different states so the buyer, seller and
payout pages are not empty. Idempotent: orders are recognised by their demo street."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import BUYERS
from marketplace.models import Product
from marketplace.orders.checkout import DeliveryDetails, build_checkout_context
from marketplace.orders.models import Order
from marketplace.orders.services import orders as order_services
from marketplace.orders.services.checkout import checkout_place
from marketplace.payments import providers

DEMO_STREET = "Số 1 Lê Lợi (đơn hàng mẫu)"
DEMO_BUYER_EMAIL = "nguoimua@choso-ocop.vn"


def _buyer():
    """A demo buyer account (same demo password as the admin) to see /orders/."""
    User = get_user_model()  # noqa: N806
    buyer = User.objects.filter(email=DEMO_BUYER_EMAIL).first()
    if buyer is None:
        buyer = User.objects.create_user(email=DEMO_BUYER_EMAIL, password=settings.DEMO_ADMIN_PASSWORD,
                                         full_name="Nguyễn Thị Lan")
        buyer.groups.add(*Group.objects.filter(name=BUYERS))
    return buyer


def seed_orders(out) -> None:
    if Order.objects.filter(street=DEMO_STREET).exists():
        out("Demo orders: already there.")
        return
    products = list(Product.objects.published().in_stock().filter(stock__gte=3).select_related("store")
                    .order_by("store_id", "pk"))
    by_store = {}
    for product in products:
        by_store.setdefault(product.store_id, product)
    picks = list(by_store.values())[:4]
    if not picks:
        out("Demo orders: no products yet, skipped.")
        return
    buyer = _buyer()
    store = picks[0].store
    details = DeliveryDetails(email=buyer.email, contact_name=buyer.full_name or "Nguyễn Văn An", phone="0912345678",
                              province_code=store.province_code, ward_code=store.ward_code, street=DEMO_STREET)
    steps = ["new", "accepted", "shipped", "delivered"]
    made = []
    for i, product in enumerate(picks):
        payment = checkout_place(context=build_checkout_context({product.pk: 1 + i % 2}), details=details,
                                 method=providers.COD, buyer=buyer)
        order = payment.orders.get()
        seller = order.store.memberships.select_related("user").first()
        actor = seller.user if seller else None
        step = steps[i % len(steps)]
        if step != "new":
            order = order_services.order_accept(order=order, actor=actor)
        if step in ("shipped", "delivered"):
            order = order_services.order_ship(order=order, actor=actor, carrier="Viettel Post",
                                              tracking_code=f"VTP{order.pk:08d}")
        if step == "delivered":
            order = order_services.order_deliver(order=order, actor=actor)
        made.append(order.get_status_display())
    out(f"Demo orders: {len(made)} created ({', '.join(str(s) for s in made)}); buyer {DEMO_BUYER_EMAIL} / "
        f"{settings.DEMO_ADMIN_PASSWORD}")
