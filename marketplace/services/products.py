"""Products and their photos, as the seller dashboard and the CSV import change them."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.html import sanitize_html
from core.storage import files_deleted_on_error
from core.text import vietnamese_slugify
from core.uploads import clean_image_upload, wagtail_image_from_clean
from marketplace.models import Product, ProductPhoto, Store
from marketplace.signals import announce_products_changed

MAX_PHOTOS = 10
EDITABLE_FIELDS = ("name", "description", "category", "price", "stock", "unit", "weight_grams", "sku")


class ProductActionError(Exception):
    """A refused change to a product; `message` is shown to the seller."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def unique_product_slugs(names: Iterable[str], *, exclude_pk: int | None = None) -> list[str]:
    """One unused slug per name ("mat-ong-rung", then "mat-ong-rung-2"...), in two queries
    whatever the number of names (the CSV import slugs 1,000 products at once)."""
    bases = [vietnamese_slugify(name, max_length=200) or "san-pham" for name in names]
    existing = Product.objects.exclude(pk=exclude_pk) if exclude_pk else Product.objects.all()
    taken = set(existing.filter(slug__in=set(bases)).values_list("slug", flat=True))
    clashing = {b for b in bases if b in taken} | {b for b in bases if bases.count(b) > 1}
    for base in clashing:
        taken |= set(existing.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _next_sku(store: Store) -> str:
    count = Product.objects.for_store(store).count()
    while True:
        count += 1
        sku = f"SP-{count:04d}"
        if not Product.objects.for_store(store).filter(sku=sku).exists():
            return sku


def _check_sku(product: Product) -> None:
    clash = Product.objects.for_store(product.store).filter(sku=product.sku).exclude(pk=product.pk).exists()
    if clash:
        raise ValidationError({"sku": _("Another product of this store already has this SKU.")})


@transaction.atomic
def product_create(*, store: Store, name: str, category, price: int, stock: int = 0, unit: str = "cái",
                   description: str = "", weight_grams: int | None = None, sku: str = "") -> Product:
    product = Product(store=store, name=name.strip(), description=sanitize_html(description), category=category,
                      price=price, stock=stock, unit=unit, weight_grams=weight_grams,
                      sku=(sku or "").strip() or _next_sku(store), status=Product.Status.DRAFT)
    product.slug = unique_product_slugs([product.name])[0]
    _check_sku(product)
    product.full_clean()
    product.save()
    return product


@transaction.atomic
def product_update(*, product: Product, **fields) -> Product:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if "description" in fields:
        fields["description"] = sanitize_html(fields["description"])
    for name, value in fields.items():
        setattr(product, name, value.strip() if isinstance(value, str) and name != "description" else value)
    _check_sku(product)
    product.full_clean()
    product.save()
    return product


@transaction.atomic
def product_quick_update(*, product: Product, price: int, stock: int) -> Product:
    product.price, product.stock = price, stock
    product.full_clean()
    product.save(update_fields=["price", "stock", "updated_at"])
    return product


@transaction.atomic
def product_set_status(*, product: Product, status: str) -> Product:
    """Publish, unpublish (back to draft) or archive. Publishing needs a photo and a price."""
    from marketplace.checklist import store_refresh_go_live

    if status not in Product.Status.values:
        raise ProductActionError(_("Unknown status."))
    if status == Product.Status.PUBLISHED:
        if not product.photos.exists():
            raise ProductActionError(_("Add at least one photo before publishing: buyers want to see the product."))
        if product.price <= 0:
            raise ProductActionError(_("Set a price before publishing."))
        product.published_at = product.published_at or timezone.now()
    product.status = status
    product.save(update_fields=["status", "published_at", "updated_at"])
    if status == Product.Status.PUBLISHED:
        store_refresh_go_live(store=product.store)
    return product


def product_photos_add(*, product: Product, files: list, user=None) -> list[ProductPhoto]:
    """Check every file first: one bad file refuses the whole upload and stores nothing."""
    if not files:
        raise ValidationError(_("Choose at least one photo."), code="no_files")
    have = product.photos.count()
    if have + len(files) > MAX_PHOTOS:
        raise ValidationError(_("A product can have at most %(max)s photos.") % {"max": MAX_PHOTOS}, code="too_many")
    errors, cleaned = [], []
    for upload in files:
        try:
            cleaned.append(clean_image_upload(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    with files_deleted_on_error() as written, transaction.atomic():
        start = (product.photos.aggregate(m=Max("sort_order"))["m"] or 0) + 1
        photos = []
        for offset, clean in enumerate(cleaned):
            image = wagtail_image_from_clean(clean, title=f"{product.name} ({offset + have + 1})", user=user,
                                             written=written)
            photos.append(ProductPhoto.objects.create(product=product, image=image, alt_text=product.name[:200],
                                                      sort_order=start + offset))
    return photos


@transaction.atomic
def product_photo_delete(*, photo: ProductPhoto) -> None:
    """Delete the photo, and its image file unless something else still shows it (demo
    data shares images; deleting a shared image would cascade to other stores' photos)."""
    image = photo.image
    photo.delete()
    in_use = (ProductPhoto.objects.filter(image=image).exists()
              or Store.objects.filter(models.Q(logo=image) | models.Q(banner=image)).exists())
    if not in_use:
        image.delete()


@transaction.atomic
def product_photo_move(*, photo: ProductPhoto, direction: str) -> None:
    """Swap `photo` with its neighbour ("up": earlier, "down": later); renumber 1..n."""
    photos = list(ProductPhoto.objects.select_for_update().filter(product_id=photo.product_id)
                  .order_by("sort_order", "pk"))
    index = next(i for i, p in enumerate(photos) if p.pk == photo.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(photos):
        photos[index], photos[target] = photos[target], photos[index]
    for order, p in enumerate(photos, start=1):
        p.sort_order = order
    ProductPhoto.objects.bulk_update(photos, ["sort_order"])
    announce_products_changed([photo.product_id])  # the first photo is the card's; bulk_update sends no post_save


@transaction.atomic
def product_photo_set_alt(*, photo: ProductPhoto, alt_text: str) -> None:
    photo.alt_text = alt_text.strip()[:200]
    photo.save(update_fields=["alt_text"])
