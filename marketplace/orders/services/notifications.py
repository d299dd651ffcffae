"""E-mails to buyer and seller on each order step, through core's after-commit queue.
Keys name the event ("order-42-shipped-buyer"), so a step notifies once."""

from django.utils.translation import gettext_lazy as _

from core.services import email_enqueue

SUBJECTS = {
    "placed": _("Order %(number)s received"),
    "paid": _("Order %(number)s is paid"),
    "accepted": _("Order %(number)s confirmed by the seller"),
    "shipped": _("Order %(number)s is on its way"),
    "delivered": _("Order %(number)s delivered"),
    "completed": _("Order %(number)s completed"),
    "cancelled": _("Order %(number)s cancelled"),
    "expired": _("Order %(number)s cancelled: payment time ran out"),
    "refunded": _("Order %(number)s refunded"),
}


def order_notify(*, order, step: str) -> None:
    subject = SUBJECTS[step] % {"number": order.number}
    context = {"order": order, "step": step}
    email_enqueue(key=f"order-{order.pk}-{step}-buyer", to=order.email, subject=subject,
                  template="orders/emails/buyer.txt", context=context)
    for member in order.store.memberships.select_related("user"):
        email_enqueue(key=f"order-{order.pk}-{step}-seller-{member.user_id}", to=member.user.email, subject=subject,
                      template="orders/emails/seller.txt", context=context)
