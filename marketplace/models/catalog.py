from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from core.text import fold, vietnamese_slugify
from marketplace.units import MAX_LENGTH as UNIT_MAX_LENGTH
from marketplace.units import Unit, unit_label


class Category(index.Indexed, models.Model):
    """A product group. An editable tree seeded with the six OCOP groups; editors may add
    sub-groups (e.g. "Mật ong" under "Thực phẩm")."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name=_("parent group"),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("product group")
        verbose_name_plural = _("product groups")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vietnamese_slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def folded_name(self) -> str:
        return fold(self.name)


class ProductQuerySet(models.QuerySet):
    def published(self):
        """What buyers see: published products of active stores."""
        from marketplace.models.stores import Store

        return self.filter(status=Product.Status.PUBLISHED, store__status=Store.Status.ACTIVE)

    def for_store(self, store):
        return self.filter(store=store)

    def in_stock(self):
        return self.filter(stock__gt=0)

    def with_ocop_stars(self, on=None):
        """Annotate `ocop_stars`: the best stars of a verified, unexpired certificate, or None.

        Stars are never stored on the product: they are only as good as the certificate
        behind them on the day the page is shown.
        """
        from marketplace.models.certificates import OcopCertificate

        best = (OcopCertificate.objects.valid(on).filter(product=models.OuterRef("pk"))
                .order_by("-stars").values("stars")[:1])
        return self.annotate(ocop_stars=models.Subquery(best, output_field=models.PositiveSmallIntegerField()))


class Product(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        # A context: Wagtail's "Published" (a page) is translated otherwise.
        PUBLISHED = "published", pgettext_lazy("product status", "Published")
        ARCHIVED = "archived", _("Archived")

    store = models.ForeignKey("marketplace.Store", on_delete=models.CASCADE, related_name="products",
                              verbose_name=_("store"))
    name = models.CharField(_("product name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Sanitised HTML."))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products",
                                 verbose_name=_("product group"))
    price = models.PositiveIntegerField(_("price (VND)"))
    stock = models.PositiveIntegerField(_("stock"), default=0)
    # Free text (marketplace/units.py): OCOP sells "tấm" mats, "bức" paintings and "đêm" homestay nights too.
    unit = models.CharField(_("unit"), max_length=UNIT_MAX_LENGTH, default=Unit.PIECE)
    weight_grams = models.PositiveIntegerField(_("weight (g)"), null=True, blank=True)
    sku = models.CharField(_("SKU"), max_length=64)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ProductQuerySet.as_manager()

    # Below this the product page says how many are left (and caps the quantity box at it);
    # above it, only "in stock": an order that leaves plenty changes nothing a visitor sees.
    LOW_STOCK = 10

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [models.UniqueConstraint(fields=["store", "sku"], name="unique_sku_per_store")]
        indexes = [
            # Exactly the catalogue's sort keys (marketplace.selectors.SORTS), tie-breaker
            # included, so a page of the newest or cheapest products is read off the index
            # instead of sorting every published product.
            models.Index(fields=["status", "-published_at", "-id"], name="product_newest"),
            models.Index(fields=["status", "price", "id"], name="product_price"),
            models.Index(fields=["category", "status"]),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/products/{self.slug}/"

    @property
    def folded_name(self) -> str:
        return fold(self.name)

    @property
    def unit_label(self) -> str:
        return unit_label(self.unit)

    @classmethod
    def stock_shown(cls, stock: int) -> int | None:
        """The stock as the product page shows it: the number when few are left, 0 when
        none, None ("in stock") otherwise."""
        return stock if stock < cls.LOW_STOCK else None

    @classmethod
    def stock_change_shown(cls, before: int, after: int) -> bool:
        """Whether the product page shows the stock going from `before` to `after`."""
        return cls.stock_shown(before) != cls.stock_shown(after)

    @property
    def few_left(self) -> int | None:
        """How many are left when few are (the product page says so), None when none or plenty."""
        return self.stock if 0 < self.stock < self.LOW_STOCK else None


class ProductPhoto(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(_("description of the photo"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")

    def __str__(self):
        return self.alt_text or f"{self.product} #{self.sort_order}"
