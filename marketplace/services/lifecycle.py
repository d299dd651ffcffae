"""A store's life before it sells: opened when the programme approves its application,
payout details given by its owner; going live is the checklist's (marketplace.checklist).

Onboarding asks for a store here when an officer approves an application: it never writes
Store itself."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.banks import bank_for_bin
from core.text import vietnamese_slugify
from marketplace.checklist import store_refresh_go_live
from marketplace.models import Store, StoreMember


def unique_store_slug(name: str) -> str:
    base = vietnamese_slugify(name, max_length=150) or "cua-hang"
    slug, n = base, 1
    while Store.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def store_open_for_approved_application(*, owner, name: str, producer_type: str, province_code: int,
                                        ward_code: int, street: str, phone: str,
                                        approved_at: datetime.datetime) -> Store:
    """The draft store of an approved application, owned by its applicant; it goes live by
    itself once its checklist is complete."""
    store = Store(name=name, slug=unique_store_slug(name), producer_type=producer_type, province_code=province_code,
                  ward_code=ward_code, street=street, phone=phone, status=Store.Status.DRAFT, approved_at=approved_at)
    store.full_clean()
    store.save()
    StoreMember.objects.create(store=store, user=owner, role=StoreMember.Role.OWNER)
    return store


@transaction.atomic
def store_update_payout(*, store: Store, user, bank_bin: str, account_number: str, account_holder: str) -> Store:
    """Where the platform sends the seller's money (VietQR/NAPAS). Only an owner of `store`
    may change it (PermissionDenied otherwise; views answer 404 before that)."""
    if not StoreMember.objects.filter(store=store, user=user, role=StoreMember.Role.OWNER).exists():
        raise PermissionDenied(_("Only the owner of the store can change its payout details."))
    if bank_for_bin(bank_bin) is None:
        raise ValidationError({"payout_bank_bin": _("Choose a bank from the list.")})
    locked = Store.objects.select_for_update().get(pk=store.pk)
    locked.payout_bank_bin = bank_bin
    locked.payout_account_number = account_number
    locked.payout_account_holder = account_holder
    locked.full_clean()
    locked.save(update_fields=["payout_bank_bin", "payout_account_number", "payout_account_holder", "updated_at"])
    store_refresh_go_live(store=locked)
    return locked
