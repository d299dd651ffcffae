from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in, dispatch_uid="orders-merge-cart")
def merge_cart_at_login(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    from marketplace.orders.services.cart import cart_merge_session

    cart_merge_session(user=user, session=request.session)
