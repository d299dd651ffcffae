"""CSV import and export of a store's catalogue (the dashboard upload and
`manage.py import_products` both call `catalogue_import`).

Columns: sku,name,description,price,stock,unit,category. UTF-8 with or without BOM.
Upsert by SKU within the store, all-or-nothing: every row is checked first; one bad row
means nothing is written and every bad row is reported ("Dòng N: …"). Writes are bulk
(one INSERT batch, one UPDATE batch) and a row equal to what is stored is not written, so
importing the same file twice changes nothing. Text cells a spreadsheet would run as a
formula are exported with a leading "'" and read back without it (core/csv.py).
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import csv as safe_csv
from core.html import sanitize_html
from core.text import fold
from marketplace.models import Category, Product, Store, Unit
from marketplace.services.products import unique_product_slugs
from marketplace.signals import announce_products_changed

COLUMNS = ["sku", "name", "description", "price", "stock", "unit", "category"]
MAX_ROWS = 5000
MAX_PRICE = 2_000_000_000
FIELDS = ["name", "description", "price", "stock", "unit", "category_id"]


class CatalogueImportError(Exception):
    """The file was refused; `errors` lists every reason, one line each, for the seller."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skus: list[str] = field(default_factory=list)


def _unit_lookup() -> dict[str, str]:
    lookup = {}
    for value, label in Unit.choices:
        lookup[fold(value)] = value
        for lang in ("en", "vi"):
            with translation.override(lang):
                lookup[fold(str(label))] = value
    return lookup


def _category_lookup() -> dict[str, Category]:
    lookup = {}
    for category in Category.objects.all():
        lookup.setdefault(fold(category.slug), category)
        lookup[fold(category.name)] = category
    return lookup


def _parse_int(raw: str) -> int | None:
    """"150.000", "150,000", "150 000 ₫" → 150000 (VND has no minor unit)."""
    text = raw.strip().lower()
    for junk in (".", ",", " ", "\u00a0", "₫", "đ", "vnd"):
        text = text.replace(junk, "")
    return int(text) if text.isdigit() else None


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogueImportError([_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]) from None
    if "\x00" in text:  # a database text field cannot hold it (PostgreSQL refuses the write)
        raise CatalogueImportError([_("The file contains a null character (NUL), which a CSV file cannot have. "
                                      "Save it as “CSV UTF-8” and try again.")])
    return text


def parse_rows(data: bytes) -> list[dict]:
    """Check the whole file; return clean rows or raise CatalogueImportError listing every bad row."""
    reader = csv.DictReader(io.StringIO(_decode(data), newline=""))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CatalogueImportError([_("Missing columns: %(columns)s. The first line must be: %(header)s")
                                    % {"columns": ", ".join(missing), "header": ",".join(COLUMNS)}])
    reader.fieldnames = header
    units, categories = _unit_lookup(), _category_lookup()
    rows, errors, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        if len(rows) + len(errors) >= MAX_ROWS:
            raise CatalogueImportError([_("The file has more than %(max)s rows; split it into smaller files.")
                                        % {"max": MAX_ROWS}])
        # A cell the export neutralised ("'=…", core.csv) reads back as the text it was.
        values = {c: safe_csv.unescape_cell((record.get(c) or "").strip()) for c in COLUMNS}
        if not any(values.values()):
            continue
        reasons = []
        sku = values["sku"]
        if not sku:
            reasons.append(_("the SKU is empty"))
        elif len(sku) > 64:
            reasons.append(_("the SKU is longer than 64 characters"))
        elif sku in seen:
            reasons.append(_("SKU %(sku)s already appears on line %(line)s") % {"sku": sku, "line": seen[sku]})
        if not values["name"]:
            reasons.append(_("the product name is empty"))
        elif len(values["name"]) > 200:
            reasons.append(_("the product name is longer than 200 characters"))
        price = _parse_int(values["price"])
        if price is None or price <= 0 or price > MAX_PRICE:
            reasons.append(_("the price “%(value)s” is not a whole number of đồng above 0")
                           % {"value": values["price"]})
        stock = _parse_int(values["stock"]) if values["stock"] else 0
        if stock is None:
            reasons.append(_("the stock “%(value)s” is not a whole number") % {"value": values["stock"]})
        unit = units.get(fold(values["unit"])) if values["unit"] else Unit.PIECE
        if unit is None:
            reasons.append(_("unknown unit “%(value)s”") % {"value": values["unit"]})
        category = categories.get(fold(values["category"]))
        if category is None:
            reasons.append(_("unknown product group “%(value)s”") % {"value": values["category"]})
        if reasons:
            errors.append(_("Line %(line)s: %(reasons)s.")
                          % {"line": line, "reasons": "; ".join(str(r) for r in reasons)})
            continue
        seen[sku] = line
        rows.append({"sku": sku, "name": values["name"], "description": sanitize_html(values["description"]),
                     "price": price, "stock": stock, "unit": unit, "category_id": category.pk})
    if errors:
        raise CatalogueImportError(errors)
    if not rows:
        raise CatalogueImportError([_("The file has no product rows.")])
    return rows


def catalogue_import(*, store: Store, data: bytes) -> ImportResult:
    """Upsert the products of `data` into `store`, all or nothing."""
    rows = parse_rows(data)
    result = ImportResult(skus=[r["sku"] for r in rows])
    with transaction.atomic():
        existing = {p.sku: p for p in Product.objects.select_for_update().for_store(store)
                    .filter(sku__in=result.skus)}
        to_create, to_update, now = [], [], timezone.now()
        for row in rows:
            product = existing.get(row["sku"])
            if product is None:
                to_create.append(Product(store=store, sku=row["sku"], status=Product.Status.DRAFT,
                                         **{k: row[k] for k in FIELDS}))
            elif any(getattr(product, k) != row[k] for k in FIELDS):
                for k in FIELDS:
                    setattr(product, k, row[k])
                product.updated_at = now
                to_update.append(product)
            else:
                result.unchanged += 1
        for product, slug in zip(to_create, unique_product_slugs([p.name for p in to_create]), strict=True):
            product.slug = slug
        Product.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Product.objects.bulk_update(to_update, [*FIELDS, "updated_at"], batch_size=500)
        announce_products_changed(p.pk for p in (*to_create, *to_update))  # bulk writes send no post_save
    result.created, result.updated = len(to_create), len(to_update)
    return result


def catalogue_export(*, store: Store) -> str:
    """The store's products as CSV text in the import format (with a BOM so Excel reads UTF-8)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = safe_csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in Product.objects.for_store(store).select_related("category").order_by("sku"):
        writer.writerow([p.sku, p.name, p.description, p.price, p.stock, p.unit, p.category.name])
    return buffer.getvalue()
