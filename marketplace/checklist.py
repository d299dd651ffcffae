"""The go-live checklist of a store: a store goes live only when the programme approved
it, its profile is complete, its owner completed the starter course, it publishes a
product and it gave payout details.

Whatever may complete a step calls `store_refresh_go_live` (a product published, the
store profile saved, payout details given); training announces a completed course
(`training.signals.course_completed`) and marketplace.apps re-checks the learner's stores.
The store becomes active by itself when the last step is done.
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
    return store_checklists([store])[store.pk]


def store_checklists(stores) -> dict[int, list[ChecklistStep]]:
    """{store pk: its checklist} for several stores (the status page lists every store of the
    user): one query per step, whatever the number of stores; the course step asks once per
    distinct owner."""
    from marketplace.models import Product, StoreMember
    from training.selectors import trained_users

    ids = [store.pk for store in stores]
    if not ids:
        return {}
    owners = {}
    # Newest first, so the oldest owner membership of each store is the one kept.
    for member in (StoreMember.objects.filter(store_id__in=ids, role=StoreMember.Role.OWNER)
                   .select_related("user").order_by("-pk")):
        owners[member.store_id] = member.user
    trained = set(trained_users().filter(user_id__in={user.pk for user in owners.values()})
                  .values_list("user_id", flat=True))
    published = set(Product.objects.filter(store_id__in=ids, status=Product.Status.PUBLISHED)
                    .order_by().values_list("store_id", flat=True).distinct())
    return {store.pk: _steps(store, approved=store.approved_at is not None, published=store.pk in published,
                             course=bool(store.pk in owners and owners[store.pk].pk in trained)) for store in stores}


def _steps(store, *, approved: bool, course: bool, published: bool) -> list[ChecklistStep]:
    profile = bool(store.logo_id and (store.story or "").strip() and store.province_code and store.ward_code
                   and (store.street or "").strip())
    return [
        ChecklistStep("application", _("Application approved"), approved, reverse("onboarding:status"),
                      _("See your application")),
        ChecklistStep("profile", _("Store profile completed (logo, story, address)"), profile,
                      reverse("seller:store_profile"), _("Complete the store profile")),
        ChecklistStep("course", _("Starter course “Bán hàng trực tuyến cơ bản” completed"), course, "/training/",
                      _("Take the course")),
        ChecklistStep("product", _("At least one product published"), published, reverse("seller:product_create"),
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
                  template="marketplace/emails/store_live.txt",
                  context={"store": store, "owner_name": owner.get_short_name()})


def user_stores_refresh_go_live(*, user) -> None:
    """Re-check every store `user` is a member of (after the user completed a course)."""
    from marketplace.models import Store

    for store in Store.objects.for_user(user):
        store_refresh_go_live(store=store)


def course_completed(sender, *, user, course, **kwargs) -> None:
    """training.signals.course_completed: the course may be the starter course."""
    user_stores_refresh_go_live(user=user)
