"""The state machine of a seller application, in one function every service goes through:
the transition is checked, recorded as an ApplicationEvent and e-mailed to the applicant
after commit (core.services.email_enqueue)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.services import email_enqueue
from onboarding.exceptions import InvalidTransition
from onboarding.models import ApplicationEvent, ApplicationStatus, SellerApplication

S = ApplicationStatus
ALLOWED: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.CHANGES_REQUESTED, S.REJECTED}),
    S.CHANGES_REQUESTED: frozenset({S.SUBMITTED}),
    S.APPROVED: frozenset(),
    S.REJECTED: frozenset(),
}

SUBJECTS = {
    S.SUBMITTED: _("We received your seller application"),
    S.APPROVED: _("Your seller application is approved"),
    S.CHANGES_REQUESTED: _("Your seller application needs changes"),
    S.REJECTED: _("Your seller application was not accepted"),
}


def can_transition(application: SellerApplication, to: str) -> bool:
    return to in ALLOWED.get(application.status, frozenset())


@transaction.atomic
def application_transition(*, application: SellerApplication, to: str, actor, note: str = "",
                           field_notes: dict | None = None) -> SellerApplication:
    """Move `application` to `to` under a row lock, record who/when/why, notify the applicant.

    Raises InvalidTransition (and changes nothing) for a move the state machine forbids,
    also when another officer decided a moment earlier.
    """
    locked = SellerApplication.objects.select_for_update().select_related("applicant").get(pk=application.pk)
    if not can_transition(locked, to):
        raise InvalidTransition(
            _("This application is “%(status)s”: it cannot become “%(target)s”.")
            % {"status": locked.get_status_display(), "target": ApplicationStatus(to).label})
    from_status = locked.status
    locked.status = to
    locked.save(update_fields=["status", "updated_at"])
    event = ApplicationEvent.objects.create(application=locked, actor=actor, from_status=from_status, to_status=to,
                                            note=note.strip(), field_notes=field_notes or {})
    _notify(locked, event)
    return locked


def _notify(application: SellerApplication, event: ApplicationEvent) -> None:
    notes = event.labelled_field_notes
    email_enqueue(
        key=f"seller-application-{application.pk}-event-{event.pk}",
        to=application.applicant.email,
        subject=SUBJECTS[event.to_status],
        template="onboarding/emails/application_event.txt",
        context={"application": application, "event": event, "field_notes": notes,
                 "applicant_name": application.applicant.get_short_name()},
    )
