"""Payout details of a store: where the platform sends the seller's money (VietQR/NAPAS)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.banks import bank_for_bin
from marketplace.models import Store, StoreMember
from onboarding.checklist import store_refresh_go_live
from onboarding.exceptions import NotAllowed


@transaction.atomic
def store_update_payout(*, store: Store, user, bank_bin: str, account_number: str, account_holder: str) -> Store:
    """Only an owner of `store` may change where its money goes."""
    if not StoreMember.objects.filter(store=store, user=user, role=StoreMember.Role.OWNER).exists():
        raise NotAllowed(_("Only the owner of the store can change its payout details."))
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
