"""CSV import and export of a store's catalogue (the dashboard upload and
`manage.py import_products` both call `catalogue_import`).

Columns: sku,name,description,price,stock,unit,category (or their Vietnamese names: mã, tên,
mô tả, giá, tồn kho, đơn vị tính, nhóm). The file may be UTF-8 with or without BOM, or the
Windows code page Excel writes on Vietnamese Windows (1258), separated by commas, semicolons
(Excel where the list separator is ";", as on Vietnamese Windows) or tabs
(marketplace/services/catalogue_file.py reads it). Prices are read by `core.money.parse_vnd`,
as in the product form; units are free text (marketplace/units.py); product groups match
ignoring diacritics, case and punctuation, by the official OCOP names too.

Upsert by SKU within the store, all-or-nothing: every row is checked first; one bad row
means nothing is written and every bad row is reported ("Dòng N: …"). Writes are bulk
(one INSERT batch, one UPDATE batch) and a row equal to what is stored is not written, so
importing the same file twice changes nothing. Text cells a spreadsheet would run as a
formula are exported with a leading "'" and read back without it (core/csv.py).
"""

import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import csv as safe_csv
from core.html import sanitize_html
from core.money import PriceError, format_vnd_number, parse_vnd, parse_whole_number
from core.text import fold_tokens
from marketplace.models import Category, Product, Store
from marketplace.services.catalogue_file import COLUMNS, CatalogueImportError, read_records
from marketplace.services.products import unique_product_slugs
from marketplace.signals import announce_products_changed
from marketplace.units import Unit, normalize_unit, unit_too_long

__all__ = ["COLUMNS", "CatalogueImportError", "ImportResult", "catalogue_export", "catalogue_import",
           "catalogue_template", "parse_rows"]

MAX_ROWS = 5000
FIELDS = ["name", "description", "price", "stock", "unit", "category_id"]

# The six OCOP groups (seeded by migration 0002) under their official names, long and short,
# as catalogues from the provinces write them: Decision 148/QĐ-TTg (2023) and, for older
# files, Decision 1048/QĐ-TTg (2019). A group's own name, slug and short name (before the
# first comma) match too, so a renamed or added group needs no entry here.
OCOP_GROUP_NAMES = {
    "vai-may-mac": ["Vải và may mặc"],
    "luu-niem-noi-that-trang-tri": ["Lưu niệm - nội thất - trang trí"],
    "dich-vu-du-lich-nong-thon": [
        "Dịch vụ du lịch cộng đồng, du lịch nông thôn và điểm du lịch", "Dịch vụ du lịch cộng đồng",
        "Du lịch cộng đồng", "Du lịch nông thôn", "Dịch vụ du lịch nông thôn và bán hàng",
        "Dịch vụ du lịch nông thôn, bán hàng",
    ],
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skus: list[str] = field(default_factory=list)


def group_key(name: str) -> str:
    """How a group name is compared: folded words, so diacritics, case, dashes, commas and
    spacing do not count, nor does "và" ("Vải, may mặc" is "Vải và may mặc")."""
    return " ".join(word for word in fold_tokens(name) if word != "va")


def _category_lookup() -> dict[str, Category]:
    categories = list(Category.objects.all())
    lookup: dict[str, Category] = {}
    by_slug = {c.slug: c for c in categories}
    for slug, names in OCOP_GROUP_NAMES.items():
        for name in names:
            if slug in by_slug:
                lookup[group_key(name)] = by_slug[slug]
    for category in categories:
        lookup.setdefault(group_key(category.slug), category)
        lookup.setdefault(group_key(category.name.split(",")[0]), category)
    for category in categories:  # a group's own name wins over any other way of writing one
        lookup[group_key(category.name)] = category
    return lookup


def _check_row(values: dict, categories: dict) -> tuple[dict, list]:
    """The clean row and the reasons it is refused (both may be partial)."""
    reasons, row = [], {}
    sku = values["sku"]
    if not sku:
        reasons.append(_("the SKU is empty"))
    elif len(sku) > 64:
        reasons.append(_("the SKU is longer than 64 characters"))
    if not values["name"]:
        reasons.append(_("the product name is empty"))
    elif len(values["name"]) > 200:
        reasons.append(_("the product name is longer than 200 characters"))
    try:
        row["price"] = parse_vnd(values["price"])
    except PriceError as exc:
        reasons.append(exc.fragment)
    row["stock"] = parse_whole_number(values["stock"]) if values["stock"] else 0
    if row["stock"] is None:
        reasons.append(_("the stock “%(value)s” is not a whole number") % {"value": values["stock"]})
    row["unit"] = normalize_unit(values["unit"]) or Unit.PIECE.value
    if unit_too_long(row["unit"]):
        reasons.append(unit_too_long(row["unit"]))
    category = categories.get(group_key(values["category"]))
    if category is None:
        reasons.append(_("unknown product group “%(value)s”") % {"value": values["category"]})
    else:
        row["category_id"] = category.pk
    return row, reasons


def parse_rows(data: bytes) -> list[dict]:
    """Check the whole file; return clean rows or raise CatalogueImportError listing every bad row."""
    categories = _category_lookup()
    rows, errors, seen = [], [], {}
    for line, record in read_records(data):
        if len(rows) + len(errors) >= MAX_ROWS:
            raise CatalogueImportError([_("The file has more than %(max)s rows; split it into smaller files.")
                                        % {"max": MAX_ROWS}])
        # A cell the export neutralised ("'=…", core.csv) reads back as the text it was.
        values = {c: safe_csv.unescape_cell((record.get(c) or "").strip()) for c in COLUMNS}
        if not any(values.values()):
            continue
        row, reasons = _check_row(values, categories)
        sku = values["sku"]
        if sku in seen:
            reasons.insert(0, _("SKU %(sku)s already appears on line %(line)s") % {"sku": sku, "line": seen[sku]})
        if reasons:
            errors.append(_("Line %(line)s: %(reasons)s.")
                          % {"line": line, "reasons": "; ".join(str(r) for r in reasons)})
            continue
        seen[sku] = line
        rows.append({"sku": sku, "name": values["name"], "description": sanitize_html(values["description"]),
                     **row})
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


def catalogue_template() -> str:
    """The file the import page offers to start from: the header and two example lines, with
    semicolons and a BOM, as Excel on Vietnamese Windows opens and saves a CSV file."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = safe_csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerow(["MO-500", "Mật ong rừng U Minh 500 ml", "Mật ong nguyên chất, khai thác tự nhiên",
                     format_vnd_number(185000), 40, Unit.BOTTLE.value, "Thực phẩm"])
    writer.writerow(["CHIEU-01", "Chiếu cói Kim Sơn 1,6 m", "Dệt tay từ cói Kim Sơn, Ninh Bình",
                     format_vnd_number(350000), 12, Unit.SHEET.value, "Lưu niệm - nội thất - trang trí"])
    return buffer.getvalue()


def catalogue_export(*, store: Store) -> str:
    """The store's products as CSV text in the import format (with a BOM so Excel reads UTF-8)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = safe_csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in Product.objects.for_store(store).select_related("category").order_by("sku"):
        writer.writerow([p.sku, p.name, p.description, p.price, p.stock, p.unit, p.category.name])
    return buffer.getvalue()
