import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, ExpressionWrapper, Q
from django.utils.translation import gettext_lazy as _

from core.models import AddressFields


def _access_token() -> str:
    return secrets.token_urlsafe(24)


class OrderQuerySet(models.QuerySet):
    def for_buyer(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(buyer=user)

    def for_seller(self, user):
        """Orders of the stores `user` belongs to: the ownership check of every seller view."""
        from marketplace.models import Store

        return self.filter(store__in=Store.objects.for_user(user))

    @staticmethod
    def awaiting_seller_condition() -> Q:
        """The one definition of an order awaiting the seller: placed and payable (cash on
        delivery) or paid, not yet confirmed by the seller. The seller's filter "to confirm",
        the dashboard count and the badge on the seller's list all use it."""
        return Q(status__in=Order.SELLER_STATUSES, accepted_at__isnull=True)

    def awaiting_seller(self):
        return self.filter(self.awaiting_seller_condition())

    def with_awaiting_seller(self):
        """Each order with `awaits_seller` (True/False) by the same condition, in the same query."""
        return self.annotate(awaits_seller=ExpressionWrapper(self.awaiting_seller_condition(),
                                                             output_field=models.BooleanField()))

    def seller_counts(self) -> dict:
        """{"to_confirm", "to_ship", "shipped"} in one query; to_confirm is `awaiting_seller`."""
        return self.aggregate(
            to_confirm=Count("pk", filter=self.awaiting_seller_condition()),
            to_ship=Count("pk", filter=Q(status__in=Order.SELLER_STATUSES, accepted_at__isnull=False)),
            shipped=Count("pk", filter=Q(status=Order.Status.SHIPPED)),
        )

    def expired_unpaid(self, now):
        return self.filter(status=Order.Status.PENDING_PAYMENT, expires_at__lt=now)

    def for_listing(self):
        return self.select_related("store", "payment").prefetch_related("lines")


class Order(AddressFields, models.Model):
    """One store's part of a checkout. States (docs/ARCHITECTURE.md): card orders start at
    pending_payment → paid; cash-on-delivery orders start at confirmed; both then go
    shipped → delivered → completed. The seller "confirms" (accepts) an order before
    shipping it: that is `accepted_at`, recorded as an event, not a separate state."""

    class Status(models.TextChoices):
        PENDING_PAYMENT = "pending_payment", _("Waiting for payment")
        CONFIRMED = "confirmed", _("Confirmed (cash on delivery)")
        PAID = "paid", _("Paid")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    # The seller's turn: confirm the order, then ship it (see OrderQuerySet.awaiting_seller).
    SELLER_STATUSES = (Status.CONFIRMED, Status.PAID)

    number = models.CharField(_("order number"), max_length=20, unique=True, blank=True)
    access_token = models.CharField(max_length=40, default=_access_token, editable=False)
    store = models.ForeignKey("marketplace.Store", on_delete=models.PROTECT, related_name="orders",
                              verbose_name=_("store"))
    buyer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="orders", verbose_name=_("buyer"))
    payment = models.ForeignKey("payments.Payment", on_delete=models.PROTECT, related_name="orders")
    email = models.EmailField(_("e-mail"))
    contact_name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=15)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    subtotal = models.PositiveBigIntegerField(_("subtotal (VND)"))
    shipping_fee = models.PositiveBigIntegerField(_("shipping fee (VND)"))
    total = models.PositiveBigIntegerField(_("total (VND)"))
    carrier = models.CharField(_("carrier"), max_length=80, blank=True)
    tracking_code = models.CharField(_("tracking code"), max_length=80, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    accepted_at = models.DateTimeField(_("confirmed by the seller at"), null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Unpaid orders are cancelled after this.")
    paid_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # Set once when reserved stock goes back on the shelf: the guard that makes
    # cancel/expire/refund release stock exactly once (RELIABILITY 2).
    stock_released_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        indexes = [models.Index(fields=["store", "status", "-created_at"]),
                   models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return f"/orders/{self.number}/"

    @property
    def guest_url(self) -> str:
        """The secret link sent in the confirmation e-mail (guests have no account)."""
        return f"/orders/{self.number}/?t={self.access_token}"

    def get_status_display(self) -> str:
        """A VietQR order waits in pending_payment like a card order (same expiry and stock
        rules) but the buyer owes a bank transfer, not a card payment: its own label.
        Listings select_related("payment"), so this adds no query."""
        if self.status == self.Status.PENDING_PAYMENT and self.payment.is_bank_transfer:
            return str(_("Waiting for bank transfer"))
        return str(self.Status(self.status).label) if self.status in self.Status.values else self.status

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PENDING_PAYMENT, self.Status.CONFIRMED, self.Status.PAID)


class OrderLine(models.Model):
    """A snapshot of what was bought: name, SKU and price as they were at checkout."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey("marketplace.Product", null=True, on_delete=models.SET_NULL, related_name="+")
    product_name = models.CharField(_("product"), max_length=200)
    sku = models.CharField(_("SKU"), max_length=64)
    unit_price = models.PositiveBigIntegerField(_("unit price (VND)"))
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.quantity} × {self.product_name}"

    @property
    def line_total(self) -> int:
        return self.unit_price * self.quantity


class OrderEvent(models.Model):
    """Every transition and seller action: who, when, what, why."""

    class Action(models.TextChoices):
        PLACED = "placed", _("Order placed")
        ACCEPTED = "accepted", _("Confirmed by the seller")
        PAID = "paid", _("Payment received")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Payment time ran out")
        REFUNDED = "refunded", _("Refunded")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=12, choices=Action.choices)
    status = models.CharField(max_length=20, choices=Order.Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order} {self.action}"
