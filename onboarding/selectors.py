"""Reads of onboarding: who may see which application, document or certificate.

Every lookup by id goes through here and answers `Http404` when the user may not see the
object, so another applicant's application looks exactly like one that does not exist.
"""

from django.db.models import Case, Count, DateTimeField, F, IntegerField, Prefetch, Q, Value, When
from django.http import Http404

from accounts.roles import PROGRAMME_OFFICERS, user_in_group
from onboarding.models import (
    OPEN_STATUSES,
    ApplicationCertificate,
    ApplicationDocument,
    ApplicationStatus,
    OfficerScope,
    SellerApplication,
)


def is_programme_officer(user) -> bool:
    """Superusers count as officers (they may do everything)."""
    return user_in_group(user, PROGRAMME_OFFICERS)


def officer_province_codes(user) -> set[int] | None:
    """The provinces `user` reviews: `None` for every province (superusers, and officers
    without an OfficerScope row), otherwise the set of province codes (possibly empty).
    Non-officers get an empty set. The programme dashboard uses the same rule."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    if not is_programme_officer(user):
        return set()
    scope = OfficerScope.objects.filter(user=user).values_list("province_codes", flat=True).first()
    if scope is None:
        return None
    return {int(code) for code in scope}


def officer_covers_province(user, province_code: int | None) -> bool:
    codes = officer_province_codes(user)
    if codes is None:
        return is_programme_officer(user)
    return province_code is not None and int(province_code) in codes


# --- applicants --------------------------------------------------------------------------

def current_application(user) -> SellerApplication | None:
    """The applicant's open application (draft, in review, sent back or approved), if any."""
    if not user.is_authenticated:
        return None
    return SellerApplication.objects.filter(applicant=user, status__in=OPEN_STATUSES).first()


def latest_application(user) -> SellerApplication | None:
    """The open application, else the most recent rejected one."""
    if not user.is_authenticated:
        return None
    return current_application(user) or SellerApplication.objects.filter(applicant=user).order_by("-pk").first()


def application_for_applicant(user, pk: int) -> SellerApplication:
    try:
        return SellerApplication.objects.for_applicant(user).get(pk=pk)
    except SellerApplication.DoesNotExist as exc:
        raise Http404 from exc


def application_detail(application: SellerApplication) -> SellerApplication:
    """Reload with what the detail pages show, in a fixed number of queries."""
    return (SellerApplication.objects.select_related("applicant", "store")
            .prefetch_related("categories", "documents", "certificates",
                              Prefetch("events", queryset=_events()))
            .get(pk=application.pk))


def _events():
    from onboarding.models import ApplicationEvent

    return ApplicationEvent.objects.select_related("actor")


# --- officers ----------------------------------------------------------------------------

# The officer's work, in the order it is done: waiting for review, then sent back (the
# applicant is working on them). The queue shows these unless another state is asked for.
QUEUE_WORK = (ApplicationStatus.SUBMITTED, ApplicationStatus.CHANGES_REQUESTED)
QUEUE_ALL = "all"


def applications_for_officer(user, *, province_code: int | None = None, status: str = "", producer_type: str = ""):
    """The review queue in the officer's provinces (never drafts: they are the applicant's).

    `status` "" (the default): the work, applications waiting for review first, oldest sent
    first, then those sent back, oldest first; "all": every state, the work first and then
    the decided ones, latest decision first; a state: only that state."""
    if not is_programme_officer(user):
        return SellerApplication.objects.none()
    qs = (SellerApplication.objects.exclude(status=ApplicationStatus.DRAFT)
          .in_provinces(officer_province_codes(user))
          .select_related("applicant")
          .annotate(document_count=Count("documents", distinct=True),
                    pending_certificates=Count("certificates", distinct=True,
                                               filter=Q(certificates__status=ApplicationCertificate.Status.PENDING))))
    if province_code:
        qs = qs.filter(province_code=province_code)
    if not status:
        qs = qs.filter(status__in=QUEUE_WORK)
    elif status != QUEUE_ALL:
        qs = qs.filter(status=status)
    if producer_type:
        qs = qs.filter(producer_type=producer_type)
    work = Q(status__in=QUEUE_WORK)
    return qs.annotate(
        queue_rank=Case(*(When(status=s, then=Value(rank)) for rank, s in enumerate(QUEUE_WORK)),
                        default=Value(len(QUEUE_WORK)), output_field=IntegerField()),
        work_since=Case(When(work, then=F("submitted_at")), default=None, output_field=DateTimeField()),
    ).order_by("queue_rank", F("work_since").asc(nulls_last=True), F("decided_at").desc(nulls_last=True), "pk")


def waiting_application_count(user) -> int:
    """Applications waiting for the officer's review (submitted) in their provinces: the
    number on the admin menu item."""
    if not is_programme_officer(user):
        return 0
    return (SellerApplication.objects.filter(status=ApplicationStatus.SUBMITTED)
            .in_provinces(officer_province_codes(user)).count())


def application_for_officer(user, pk: int) -> SellerApplication:
    """An application (not a draft) in the officer's provinces, or 404."""
    if not is_programme_officer(user):
        raise Http404
    try:
        application = (SellerApplication.objects.exclude(status=ApplicationStatus.DRAFT)
                       .in_provinces(officer_province_codes(user)).get(pk=pk))
    except SellerApplication.DoesNotExist as exc:
        raise Http404 from exc
    return application_detail(application)


def pending_ocop_certificates_for_officer(user, status: str = "pending"):
    """Certificates of the officer's provinces in one state: by default those sellers added,
    waiting for verification (oldest first); "verified" lists the ones in force, most
    recently verified first, so that an officer can revoke one (refuse it with a reason)."""
    from marketplace.models import OcopCertificate

    if not is_programme_officer(user):
        return OcopCertificate.objects.none()
    order = ("-verified_at", "-pk") if status == OcopCertificate.Status.VERIFIED else ("created_at", "pk")
    qs = (OcopCertificate.objects.filter(status=status)
          .select_related("product", "store").order_by(*order))
    codes = officer_province_codes(user)
    if codes is not None:
        qs = qs.filter(store__province_code__in=codes)
    return qs


def ocop_certificate_for_officer(user, pk: int):
    from marketplace.models import OcopCertificate

    if not is_programme_officer(user):
        raise Http404
    qs = OcopCertificate.objects.select_related("product", "store")
    codes = officer_province_codes(user)
    if codes is not None:
        qs = qs.filter(store__province_code__in=codes)
    try:
        return qs.get(pk=pk)
    except OcopCertificate.DoesNotExist as exc:
        raise Http404 from exc


# --- private files -----------------------------------------------------------------------

def _may_see_application(user, application: SellerApplication) -> bool:
    if not user.is_authenticated:
        return False
    if application.applicant_id == user.pk:
        return True
    return (application.status != ApplicationStatus.DRAFT
            and officer_covers_province(user, application.province_code))


def document_for_user(user, pk: int) -> ApplicationDocument:
    document = ApplicationDocument.objects.select_related("application").filter(pk=pk).first()
    if document is None or not _may_see_application(user, document.application):
        raise Http404
    return document


def declared_certificate_for_user(user, pk: int) -> ApplicationCertificate:
    certificate = ApplicationCertificate.objects.select_related("application").filter(pk=pk).first()
    if certificate is None or not certificate.scan or not _may_see_application(user, certificate.application):
        raise Http404
    return certificate


def ocop_scan_for_user(user, pk: int):
    """A store certificate's scan: for the store's members and the officers of its province."""
    from marketplace.models import OcopCertificate, Store

    certificate = OcopCertificate.objects.select_related("store").filter(pk=pk).first()
    if certificate is None or not certificate.scan or not user.is_authenticated:
        raise Http404
    store = certificate.store
    if Store.objects.for_user(user).filter(pk=store.pk).exists():
        return certificate
    if officer_covers_province(user, store.province_code):
        return certificate
    raise Http404
