"""The cart: in the session for visitors, in CartItem rows for signed-in buyers, merged at
login. Quantities are capped by stock when added; checkout re-checks under lock."""

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.models import Product
from marketplace.orders.exceptions import OrderError
from marketplace.orders.models import CartItem

SESSION_KEY = "cart"
MAX_QUANTITY = 999


class Cart:
    """Quantities by product id, wherever they are stored."""

    def __init__(self, request):
        self.session = request.session
        self.user = request.user if request.user.is_authenticated else None

    def quantities(self) -> dict[int, int]:
        if self.user is not None:
            return dict(CartItem.objects.filter(user=self.user).values_list("product_id", "quantity"))
        return {int(pid): int(qty) for pid, qty in self.session.get(SESSION_KEY, {}).items()}

    def set(self, product_id: int, quantity: int) -> None:
        if self.user is not None:
            if quantity <= 0:
                CartItem.objects.filter(user=self.user, product_id=product_id).delete()
            else:
                CartItem.objects.update_or_create(user=self.user, product_id=product_id,
                                                  defaults={"quantity": quantity})
            return
        items = dict(self.session.get(SESSION_KEY, {}))
        if quantity <= 0:
            items.pop(str(product_id), None)
        else:
            items[str(product_id)] = quantity
        self.session[SESSION_KEY] = items

    def clear(self) -> None:
        if self.user is not None:
            CartItem.objects.filter(user=self.user).delete()
        self.session.pop(SESSION_KEY, None)


def _sellable(product_id: int) -> Product:
    product = Product.objects.published().filter(pk=product_id).first()
    if product is None:
        raise OrderError(_("This product is not on sale."))
    if product.stock <= 0:
        raise OrderError(_("%(name)s is out of stock.") % {"name": product.name})
    return product


def cart_add(*, cart: Cart, product_id: int, quantity: int) -> tuple[Product, int, bool]:
    """Add to the cart. Returns (product, quantity now in the cart, capped by stock?)."""
    if quantity < 1:
        raise OrderError(_("Choose a quantity of at least 1."))
    product = _sellable(product_id)
    wanted = cart.quantities().get(product.pk, 0) + quantity
    final = min(wanted, product.stock, MAX_QUANTITY)
    cart.set(product.pk, final)
    return product, final, final < wanted


def cart_update(*, cart: Cart, product_id: int, quantity: int) -> tuple[int, bool]:
    """Set a line's quantity (0 removes it). Returns (quantity now, capped by stock?)."""
    if quantity <= 0:
        cart.set(product_id, 0)
        return 0, False
    if product_id not in cart.quantities():
        raise OrderError(_("This product is not in your cart."))
    product = _sellable(product_id)
    final = min(quantity, product.stock, MAX_QUANTITY)
    cart.set(product.pk, final)
    return final, final < quantity


@transaction.atomic
def cart_merge_session(*, user, session) -> int:
    """At login: add the visitor's session cart to the buyer's saved cart (capped by
    stock) and empty the session cart. Returns the number of lines merged."""
    items = {int(pid): int(qty) for pid, qty in session.pop(SESSION_KEY, {}).items()}
    if not items:
        return 0
    saved = dict(CartItem.objects.select_for_update().filter(user=user).values_list("product_id", "quantity"))
    stock = dict(Product.objects.published().filter(pk__in=items).values_list("pk", "stock"))
    merged = 0
    for product_id, quantity in items.items():
        if product_id not in stock or stock[product_id] <= 0:
            continue
        final = min(saved.get(product_id, 0) + quantity, stock[product_id], MAX_QUANTITY)
        CartItem.objects.update_or_create(user=user, product_id=product_id, defaults={"quantity": final})
        merged += 1
    return merged
