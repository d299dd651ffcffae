from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.commit import after_commit
from marketplace.orders.models import CartItem
from marketplace.orders.selectors import cart_count_key


@receiver(user_logged_in, dispatch_uid="orders-merge-cart")
def merge_cart_at_login(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    from marketplace.orders.services.cart import cart_merge_session

    cart_merge_session(user=user, session=request.session)


@receiver(post_save, sender=CartItem, dispatch_uid="orders-cart-count-saved")
@receiver(post_delete, sender=CartItem, dispatch_uid="orders-cart-count-deleted")
def forget_cart_count(sender, instance, **kwargs):
    """The buyer's header count (`selectors.cart_item_count`) is forgotten once the change
    commits: a rolled-back change keeps it, and a cache error never fails the write. Every
    cart write of the app sends these — `Cart.set`/`clear`, the merge at login — and so do
    cascades (a product or user deleted): with a receiver connected, Django sends
    post_delete for each row a queryset or cascade deletes. `bulk_create` and queryset
    `update` send nothing: a caller of those must delete `cart_count_key` itself."""
    after_commit(cache.delete, cart_count_key(instance.user_id))
