"""The go-live checklist of a store (DESIGN.md: a store goes live only when its application
is approved and its owner completed the starter course, ...).

Other capabilities call `store_refresh_go_live` after anything that may complete a step
(a product published, the store profile saved, the starter course completed, payout
details given); the store becomes active by itself when the last step is done.
"""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ChecklistStep:
    key: str
    label: str
    done: bool
    url: str
    action: str


def _owner(store):
    from marketplace.models import StoreMember

    member = (StoreMember.objects.filter(store=store, role=StoreMember.Role.OWNER).select_related("user")
              .order_by("pk").first())
    return member.user if member else None


def store_checklist(store) -> list[ChecklistStep]:
    """The five steps, each done or to do, with where to do it (a fixed number of queries)."""
    from marketplace.models import Product
    from onboarding.models import ApplicationStatus, SellerApplication
    from training.selectors import user_completed_starter_course

    owner = _owner(store)
    approved = SellerApplication.objects.filter(store=store, status=ApplicationStatus.APPROVED).exists()
    profile = bool(store.logo_id and (store.story or "").strip() and store.province_code and store.ward_code
                   and (store.street or "").strip())
    course = bool(owner and user_completed_starter_course(owner))
    product = Product.objects.filter(store=store, status=Product.Status.PUBLISHED).exists()
    return [
        ChecklistStep("application", _("Application approved"), approved, reverse("onboarding:status"),
                      _("See your application")),
        ChecklistStep("profile", _("Store profile completed (logo, story, address)"), profile,
                      reverse("seller:store_profile"), _("Complete the store profile")),
        ChecklistStep("course", _("Starter course “Bán hàng trực tuyến cơ bản” completed"), course, "/training/",
                      _("Take the course")),
        ChecklistStep("product", _("At least one product published"), product, reverse("seller:product_create"),
                      _("Add a product")),
        ChecklistStep("payout", _("Payout details given (bank, account number, holder)"), store.has_payout_details,
                      reverse("onboarding:payout_store", args=[store.slug]), _("Give payout details")),
    ]


def store_refresh_go_live(*, store) -> bool:
    """Activate `store` if every step is done; return whether it is active.

    Only a draft store goes live by itself: a suspended store stays suspended.
    """
    from marketplace.models import Store

    if store.status != Store.Status.DRAFT:
        return store.status == Store.Status.ACTIVE
    if not all(step.done for step in store_checklist(store)):
        return False
    with transaction.atomic():
        locked = Store.objects.select_for_update().get(pk=store.pk)
        if locked.status != Store.Status.DRAFT:
            return locked.status == Store.Status.ACTIVE
        locked.status = Store.Status.ACTIVE
        locked.went_live_at = timezone.now()
        locked.save(update_fields=["status", "went_live_at", "updated_at"])
        _notify_live(locked)
    store.status, store.went_live_at = locked.status, locked.went_live_at
    return True


def _notify_live(store) -> None:
    from core.services import email_enqueue

    owner = _owner(store)
    if owner is None:
        return
    email_enqueue(key=f"store-{store.pk}-went-live", to=owner.email, subject=_("Your store is live"),
                  template="onboarding/emails/store_live.txt",
                  context={"store": store, "owner_name": owner.get_short_name()})


def user_stores_refresh_go_live(*, user) -> None:
    """Re-check every store `user` is a member of (after the user completed a course)."""
    from marketplace.models import Store

    for store in Store.objects.for_user(user):
        store_refresh_go_live(store=store)
