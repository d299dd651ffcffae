from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import AddressFields


class ProducerType(models.TextChoices):
    HOUSEHOLD = "household", _("Household business")
    COOPERATIVE = "cooperative", _("Cooperative")
    ENTERPRISE = "enterprise", _("Enterprise")


class StoreQuerySet(models.QuerySet):
    def active(self):
        """Visible to buyers."""
        return self.filter(status=Store.Status.ACTIVE)

    def for_user(self, user):
        """Stores `user` is a member of: the ownership check for every seller view."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Store(AddressFields, models.Model):
    """A seller's storefront. Created (draft) when the seller's application is approved;
    active (visible to buyers) once the go-live checklist is complete."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    name = models.CharField(_("store name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    producer_type = models.CharField(_("producer type"), max_length=20, choices=ProducerType.choices)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("logo"))
    banner = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("banner"))
    story = models.TextField(_("our story"), blank=True, help_text=_("Sanitised HTML."))
    phone = models.CharField(_("public phone"), max_length=15, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    # Payout details: the platform pays sellers from the settlement ledger (no Stripe
    # Connect in Vietnam); VietQR transfers go straight to this account.
    payout_bank_bin = models.CharField(_("bank"), max_length=8, blank=True,
                                       help_text=_("NAPAS bank identification number (BIN)."))
    payout_account_number = models.CharField(_("account number"), max_length=30, blank=True)
    payout_account_holder = models.CharField(_("account holder"), max_length=100, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="StoreMember", related_name="stores")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the programme approved the application this store was opened for (the first
    # step of its go-live checklist); empty for a store made any other way.
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    went_live_at = models.DateTimeField(_("went live at"), null=True, blank=True)

    objects = StoreQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("store")
        verbose_name_plural = _("stores")
        indexes = [models.Index(fields=["status", "province_code"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/stores/{self.slug}/"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def has_payout_details(self) -> bool:
        return bool(self.payout_bank_bin and self.payout_account_number and self.payout_account_holder)


class StoreMember(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", pgettext_lazy("store member", "Owner")  # not a Wagtail page's owner
        STAFF = "staff", _("Staff")

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="store_memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.OWNER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "user"], name="unique_store_member")]
        verbose_name = _("store member")
        verbose_name_plural = _("store members")

    def __str__(self):
        return f"{self.user} @ {self.store}"



