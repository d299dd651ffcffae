"""Writes: a product's label (its code), and counting a scan."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from labels import codes
from labels.models import LabelScanDay, ProductLabel
from marketplace.models import Product

# A fresh code collides with a stored one about once in 10**15 draws; a few retries are
# for a broken random source, which then fails loudly instead of looping.
_CODE_ATTEMPTS = 5


def label_for_product(*, product: Product) -> ProductLabel:
    """The product's label, made with a new code the first time. Two first prints at once
    both end with the same row (the one-to-one constraint decides)."""
    label = ProductLabel.objects.filter(product=product).first()
    if label is not None:
        return label
    for _attempt in range(_CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return ProductLabel.objects.create(product=product, code=codes.new_code())
        except IntegrityError:
            label = ProductLabel.objects.filter(product=product).first()
            if label is not None:  # made by a concurrent request
                return label
    raise RuntimeError("Could not draw an unused label code")


def scan_record(*, product_id: int, day: datetime.date | None = None) -> None:
    """Count one opening of the product's verification page today: one UPDATE … SET count =
    count + 1 (atomic under concurrency); the day's first scan inserts the row, and an
    insert that loses the race to another request's insert falls back to the UPDATE."""
    day = day or timezone.localdate()
    if LabelScanDay.objects.filter(product_id=product_id, day=day).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            LabelScanDay.objects.create(product_id=product_id, day=day, count=1)
    except IntegrityError:
        LabelScanDay.objects.filter(product_id=product_id, day=day).update(count=F("count") + 1)
