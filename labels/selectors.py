"""Reads: what a label's page says today, and the scan counts the dashboards show.

Every read here is a fixed number of queries whatever the number of products or days."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone

from labels.models import LabelScanDay, ProductLabel
from marketplace.models import OcopCertificate, Product, Store

RECENT_DAYS = 30


class State:
    """What the page says about the product's OCOP certificate, decided at request time."""

    VALID = "valid"  # verified by the programme office and not expired today
    EXPIRED = "expired"  # was verified; its 36 months are over
    REVOKED = "revoked"  # was verified, then withdrawn by the programme office
    REFUSED = "refused"  # the programme office refused it
    PENDING = "pending"  # sent, not verified yet
    NONE = "none"  # the product has no OCOP certificate on record


@dataclass(frozen=True)
class Verification:
    label: ProductLabel
    product: Product
    store: Store
    state: str
    certificate: OcopCertificate | None  # the one the state is about (None: State.NONE)
    on_sale: bool  # published by an active store: the page links to buy it

    @property
    def verified(self) -> bool:
        return self.state == State.VALID


def _state(certificates: list[OcopCertificate], today: datetime.date) -> tuple[str, OcopCertificate | None]:
    valid = [c for c in certificates if c.is_valid_on(today)]
    if valid:  # the best one backs the stars, as on the product page
        return State.VALID, max(valid, key=lambda c: (c.stars, c.decision_date))
    if not certificates:
        return State.NONE, None
    latest = max(certificates, key=lambda c: (c.decision_date, c.created_at))
    if latest.status == OcopCertificate.Status.VERIFIED:
        return State.EXPIRED, latest
    if latest.status == OcopCertificate.Status.REFUSED:
        return (State.REVOKED if latest.verified_at else State.REFUSED), latest
    return State.PENDING, latest


def verification(code: str, today: datetime.date | None = None) -> Verification | None:
    """What the page of label `code` says on `today` (None: no such label). Two queries."""
    label = ProductLabel.objects.select_related("product__store").filter(code=code).first()
    if label is None:
        return None
    product = label.product
    state, certificate = _state(list(OcopCertificate.objects.filter(product=product)), today or timezone.localdate())
    on_sale = product.status == Product.Status.PUBLISHED and product.store.is_active
    return Verification(label=label, product=product, store=product.store, state=state, certificate=certificate,
                        on_sale=on_sale)


def recent_since(today: datetime.date) -> datetime.date:
    """The first day of "the last 30 days" ending `today` (today included)."""
    return today - datetime.timedelta(days=RECENT_DAYS - 1)


def store_label_products(store: Store, today: datetime.date | None = None) -> list[Product]:
    """The store's products that are not archived, each annotated with `ocop_stars` (None:
    no valid certificate, so no label to print), `scans_recent` (last 30 days, today
    included) and `scans_total`, with its label (`qr_label`, if one was made). One query."""
    today = today or timezone.localdate()
    recent = Q(label_scan_days__day__gte=recent_since(today))
    return list(Product.objects.for_store(store).exclude(status=Product.Status.ARCHIVED).with_ocop_stars(today)
                .select_related("qr_label")
                .annotate(scans_recent=Sum("label_scan_days__count", filter=recent, default=0),
                          scans_total=Sum("label_scan_days__count", default=0))
                .order_by("name", "pk"))


def store_scan_summary(store: Store, today: datetime.date | None = None, top: int = 3) -> dict:
    """{"recent": scans in the last 30 days, "total": all scans, "top": the `top` products
    scanned most in the last 30 days, as dicts of name and scans}. Two queries."""
    today = today or timezone.localdate()
    since = recent_since(today)
    days = LabelScanDay.objects.filter(product__store=store)
    totals = days.aggregate(total=Sum("count", default=0), recent=Sum("count", filter=Q(day__gte=since), default=0))
    best = list(days.filter(day__gte=since).values("product_id", "product__name").annotate(scans=Sum("count"))
                .order_by("-scans", "product__name")[:top])
    return {**totals, "top": [{"name": row["product__name"], "scans": row["scans"]} for row in best]}


def top_scanned_products(*, start: datetime.date, end: datetime.date, province_codes=None, limit: int = 10) -> dict:
    """The programme's view: {"total": scans from `start` to `end` (both included) in the
    provinces (None: all), "products": the `limit` products scanned most, as dicts of
    product, store, province_code and scans}. Two queries."""
    days = LabelScanDay.objects.filter(day__gte=start, day__lte=end)
    if province_codes is not None:
        days = days.filter(product__store__province_code__in=sorted(province_codes))
    total = days.aggregate(total=Sum("count", default=0))["total"]
    rows = (days.values("product_id", "product__name", "product__store__name", "product__store__province_code")
            .annotate(scans=Sum("count")).order_by("-scans", "product__name", "product_id")[:limit])
    return {"total": total, "products": [
        {"product": row["product__name"], "store": row["product__store__name"],
         "province_code": row["product__store__province_code"], "scans": row["scans"]} for row in rows]}
