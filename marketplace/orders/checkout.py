"""The typed context of the cart and checkout pages (STYLE.md "Do" 2): built once from the
cart's quantities with one query, then passed to templates and to `checkout_place`."""

from dataclasses import dataclass, field

from django.conf import settings

from marketplace.models import Product, Store


@dataclass(frozen=True)
class CartLine:
    product: Product
    quantity: int

    @property
    def unit_price(self) -> int:
        return self.product.price

    @property
    def line_total(self) -> int:
        return self.product.price * self.quantity

    @property
    def available(self) -> bool:
        """Still on sale with enough stock for the quantity asked."""
        product = self.product
        return (product.status == Product.Status.PUBLISHED and product.store.status == Store.Status.ACTIVE
                and product.stock >= self.quantity)


@dataclass
class StoreGroup:
    store: Store
    lines: list[CartLine] = field(default_factory=list)
    shipping_fee: int = 0

    @property
    def subtotal(self) -> int:
        return sum(line.line_total for line in self.lines)

    @property
    def total(self) -> int:
        return self.subtotal + self.shipping_fee


@dataclass
class CheckoutContext:
    groups: list[StoreGroup]

    @property
    def lines(self) -> list[CartLine]:
        return [line for group in self.groups for line in group.lines]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def subtotal(self) -> int:
        return sum(g.subtotal for g in self.groups)

    @property
    def shipping_total(self) -> int:
        return sum(g.shipping_fee for g in self.groups)

    @property
    def total(self) -> int:
        return self.subtotal + self.shipping_total

    @property
    def unavailable(self) -> list[CartLine]:
        return [line for line in self.lines if not line.available]


@dataclass(frozen=True)
class DeliveryDetails:
    email: str
    contact_name: str
    phone: str
    province_code: int
    ward_code: int
    street: str


def build_checkout_context(quantities: dict[int, int]) -> CheckoutContext:
    """One query whatever the number of lines (products with their stores)."""
    if not quantities:
        return CheckoutContext(groups=[])
    products = Product.objects.filter(pk__in=quantities).select_related("store").order_by("store__name", "store_id",
                                                                                          "name", "pk")
    groups: dict[int, StoreGroup] = {}
    for product in products:
        group = groups.get(product.store_id)
        if group is None:
            group = groups[product.store_id] = StoreGroup(store=product.store,
                                                          shipping_fee=settings.ORDERS_SHIPPING_FEE_VND)
        group.lines.append(CartLine(product=product, quantity=quantities[product.pk]))
    return CheckoutContext(groups=list(groups.values()))
