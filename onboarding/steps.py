"""The wizard's steps and the fields an officer may comment on, in one place: the wizard
walks STEPS, `application_submit` asks `missing_steps`, the review form lists REVIEW_FIELDS."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from marketplace.models import ProducerType


@dataclass(frozen=True)
class Step:
    slug: str
    title: str


STEPS: tuple[Step, ...] = (
    Step("type", _("Type of producer")),
    Step("names", _("Names")),
    Step("tax", _("Tax code and registration")),
    Step("contact", _("Representative")),
    Step("province", _("Province")),
    Step("address", _("Address")),
    Step("products", _("Products")),
    Step("certificates", _("OCOP certificates held")),
    Step("documents", pgettext_lazy("application", "Documents")),
    Step("submit", _("Check and send")),
)
STEP_SLUGS = tuple(step.slug for step in STEPS)
STEP_BY_SLUG = {step.slug: step for step in STEPS}

# Field (or group of fields) an officer may ask to change → (label, wizard step).
REVIEW_FIELDS: dict[str, tuple[str, str]] = {
    "producer_type": (_("Type of producer"), "type"),
    "legal_name": (_("Legal name"), "names"),
    "trading_name": (_("Trading name"), "names"),
    "tax_code": (_("Tax code"), "tax"),
    "registration_number": (_("Business registration number"), "tax"),
    "representative_name": (_("Representative"), "contact"),
    "representative_phone": (_("Representative's phone"), "contact"),
    "address": (_("Address"), "address"),
    "categories": (_("Product groups"), "products"),
    "certificates": (_("OCOP certificates held"), "certificates"),
    "registration_certificate": (_("Business registration certificate"), "documents"),
    "representative_id": (_("ID card of the representative"), "documents"),
}


def step_index(slug: str) -> int:
    return STEP_SLUGS.index(slug)


def next_step(slug: str) -> str | None:
    i = step_index(slug)
    return STEP_SLUGS[i + 1] if i + 1 < len(STEP_SLUGS) else None


def previous_step(slug: str) -> str | None:
    i = step_index(slug)
    return STEP_SLUGS[i - 1] if i > 0 else None


def notes_for_step(application, slug: str) -> list[tuple[str, str]]:
    """The officer's notes on the fields of step `slug`: [(field label, note)]."""
    return [(REVIEW_FIELDS[key][0], note) for key, note in (application.field_notes or {}).items()
            if key in REVIEW_FIELDS and REVIEW_FIELDS[key][1] == slug and note]


def missing_steps(application) -> list[str]:
    """Slugs of the steps still to do before the application can be sent (terms excluded)."""
    from onboarding.models import ApplicationDocument

    a = application
    done = {
        "type": bool(a.producer_type),
        "names": bool(a.legal_name and a.trading_name),
        "tax": bool(a.registration_number and (a.tax_code or a.producer_type == ProducerType.HOUSEHOLD)),
        "contact": bool(a.representative_name and a.representative_phone),
        "province": bool(a.province_code),
        "address": bool(a.ward_code and a.street),
        "products": a.categories.exists() if a.pk else False,
        "certificates": True,  # optional: many producers have no OCOP rating yet
        "documents": (a.documents.filter(kind__in=ApplicationDocument.Kind.values).values("kind").distinct().count()
                      == len(ApplicationDocument.Kind.values)) if a.pk else False,
        "submit": True,
    }
    return [slug for slug in STEP_SLUGS if not done[slug]]
