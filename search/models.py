from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PRODUCT = "product", _("Products")
    STORE = "store", _("Stores")
    COURSE = "course", _("Courses")


class SearchEntry(models.Model):
    """One searchable thing, denormalised: the database search backend's index.

    Written only by the indexing tasks (search.indexing), one row per published product of
    an active store, active store and live course page. Text is kept twice: lower-cased
    with its diacritics (`*_exact`, so "đậu" ranks "đậu" above "dầu") and folded by
    core.text.fold (`*_folded`, so "dau" finds both). Folded columns are space-padded word
    lists (" nuoc mam phu quoc "): a word is `" w "`, a word prefix `" w"`.
    """

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    name_exact = models.CharField(max_length=260)
    name_folded = models.CharField(max_length=260)
    text_exact = models.TextField(help_text="name, description, store, group and province, lower-cased")
    text_folded = models.TextField()
    description = models.TextField(blank=True, help_text="plain text, for the highlighted extract")
    url = models.CharField(max_length=300)
    price = models.PositiveIntegerField(null=True, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)
    group = models.CharField(max_length=140, blank=True, help_text="slug of the top-level product group")
    province_code = models.PositiveSmallIntegerField(null=True, blank=True)
    store_name = models.CharField(max_length=150, blank=True)
    store_slug = models.CharField(max_length=160, blank=True)
    in_stock = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")]
        indexes = [
            models.Index(fields=["kind", "-published_at"]),
            models.Index(fields=["kind", "price"]),
            models.Index(fields=["kind", "stars"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.name}"
