from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CartItem(models.Model):
    """A signed-in buyer's cart line. Anonymous carts live in the session and are merged
    into these rows at login (`services.cart.cart_merge_session`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cart_items")
    product = models.ForeignKey("marketplace.Product", on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField(_("quantity"))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "product"], name="unique_cart_product")]
        verbose_name = _("cart item")
        verbose_name_plural = _("cart items")

    def __str__(self):
        return f"{self.quantity} × {self.product_id}"
