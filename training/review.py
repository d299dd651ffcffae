"""A whole course sent to the "Training review" workflow in one action.

Trainers build a course as many pages (the course, its modules, their lessons) and each
page goes through the programme officers' review (training/setup.py). Submitting them one
by one is easy to get wrong: a lesson left out stays a draft while the rest goes live.
`course_submit_for_review` sends every page of the course that has something to review,
in tree order (the officers' queue then reads course → module → lesson), through
Wagtail's own workflow API, exactly as the editor's "Submit to Training review" does for
one page: a new workflow, or the one that asked for changes resumed.

All or nothing: if one page cannot go (content incomplete, locked by someone else, not
editable by this user), nothing is sent and the trainer is told which page and why.
https://docs.wagtail.org/en/stable/extending/workflows.html
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import Page, WorkflowState

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS, user_in_group
from training.models import CoursePage


class CourseReviewError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class CourseReviewPlan:
    """What one submission of `course` would do: the pages to send (in tree order), those
    already waiting for an officer, those live with nothing new, and those that cannot go
    as they are (page, reason)."""

    course: CoursePage
    to_submit: list[Page] = field(default_factory=list)
    waiting: list[Page] = field(default_factory=list)
    unchanged: list[Page] = field(default_factory=list)
    problems: list[tuple[Page, str]] = field(default_factory=list)
    resume: dict[int, WorkflowState] = field(default_factory=dict)  # page id → the state that asked for changes

    @property
    def ready(self) -> bool:
        return bool(self.to_submit) and not self.problems


def can_submit_course(user, course: CoursePage) -> bool:
    """Programme officers (and superusers) for every course; trainers for the courses they own."""
    if not user.is_active:
        return False
    roles = getattr(user, "_course_review_roles", None)
    if roles is None:  # asked once per course row of the explorer: the groups are read once per request
        roles = user._course_review_roles = (user.is_superuser or user_in_group(user, PROGRAMME_OFFICERS),
                                             user_in_group(user, TRAINERS))
    officer, trainer = roles
    return officer or (trainer and course.owner_id == user.pk)


def _content_problem(page: Page) -> str | None:
    """Why the page's latest draft could not be submitted from its edit form (the fields
    to complete), or None. Autosaved drafts skip required fields and block checks."""
    draft = page.get_latest_revision_as_object()
    invalid: list[str] = []
    try:
        draft.full_clean()
    except ValidationError as error:
        invalid += list(error.message_dict) if hasattr(error, "error_dict") else ["__all__"]
    for model_field in draft._meta.get_fields():
        if isinstance(model_field, StreamField) and model_field.name not in invalid:
            try:
                model_field.stream_block.clean(getattr(draft, model_field.name))
            except ValidationError:
                invalid.append(model_field.name)
    if not invalid:
        return None
    labels = [str(draft._meta.get_field(name).verbose_name) for name in invalid if name != "__all__"]
    if labels:
        return _("to complete: %(fields)s") % {"fields": ", ".join(labels)}
    return _("content to complete")


def course_review_plan(*, course: CoursePage, user) -> CourseReviewPlan:
    plan = CourseReviewPlan(course=course)
    pages = list(Page.objects.filter(path__startswith=course.path).order_by("path").specific())
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active().filter(
            base_content_type_id=course.get_base_content_type().pk,
            object_id__in=[str(page.pk) for page in pages])
    }
    for page in pages:
        state = states.get(page.pk)
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            plan.waiting.append(page)
            continue
        if page.live and not page.has_unpublished_changes and state is None:
            plan.unchanged.append(page)
            continue
        permissions = page.permissions_for_user(user)
        if not permissions.can_edit():
            plan.problems.append((page, _("you may not edit it")))
        elif permissions.page_locked():
            plan.problems.append((page, _("it is locked")))
        elif not page.has_workflow:
            plan.problems.append((page, _("it has no review workflow")))
        elif (problem := _content_problem(page)) is not None:
            plan.problems.append((page, problem))
        else:
            plan.to_submit.append(page)
            if state is not None:
                plan.resume[page.pk] = state
    return plan


def course_submit_for_review(*, course: CoursePage, user) -> list[Page]:
    """Send every page of `course` with something to review to the review workflow, in one
    transaction. Raises CourseReviewError (nothing sent) when a page cannot go or when
    there is nothing to send. Returns the pages sent."""
    if not can_submit_course(user, course):
        raise CourseReviewError(_("Only the course's owner or a programme officer can submit it for review."))
    with transaction.atomic():
        plan = course_review_plan(course=course, user=user)
        if plan.problems:
            raise CourseReviewError(_("Nothing was submitted. Fix these pages first: %(pages)s.") % {
                "pages": "; ".join(f"“{page.get_admin_display_title()}” ({reason})" for page, reason in plan.problems)})
        if not plan.to_submit:
            raise CourseReviewError(_("Nothing to submit: every page of the course is live without changes "
                                      "or already waiting for review."))
        for page in plan.to_submit:
            if page.latest_revision_id is None:  # made outside the editor: review needs a revision
                page.save_revision(user=user, log_action=True)
            if page.pk in plan.resume:
                plan.resume[page.pk].resume(user)
            else:
                page.get_workflow().start(page, user)
    return plan.to_submit
