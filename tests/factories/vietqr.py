"""Stores that take VietQR transfers (payout details given)."""

from tests.factories.marketplace import StoreFactory

BANK_BIN = "970436"  # Vietcombank
ACCOUNT = "0071000123456"
HOLDER = "HTX MAT ONG NAM DONG"


def transfer_store(**kwargs):
    """An active store with its bank account, so buyers can pay it by VietQR."""
    kwargs.setdefault("payout_bank_bin", BANK_BIN)
    kwargs.setdefault("payout_account_number", ACCOUNT)
    kwargs.setdefault("payout_account_holder", HOLDER)
    return StoreFactory(**kwargs)
