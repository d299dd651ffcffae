"""Admin: the course report (enrolments and completions, CSV/XLSX export) for trainers
(their own courses: page.owner) and programme officers (every course).

Built on Wagtail's ReportView, which brings the listing table and spreadsheet export.
https://docs.wagtail.org/en/stable/extending/adding_reports.html
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS, user_in_group
from core.csv import SafeSpreadsheetExportMixin
from training import review, selectors
from training.models import Certificate, CoursePage, Enrolment
from training.services import certificate_reinstate, certificate_revoke


def can_see_reports(user) -> bool:
    return user_in_group(user, TRAINERS) or user_in_group(user, PROGRAMME_OFFICERS)


class TrainingReportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CourseReportView(TrainingReportAccessMixin, SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Course enrolments")
    header_icon = "list-ol"
    index_url_name = "training_report"
    index_results_url_name = "training_report_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Course"), accessor="title",
               url_name="training_learners"),
        Column("live", label=_("Live on site"), accessor=lambda c: _("yes") if c.live else _("no")),
        Column("enrolled", label=_("Enrolled")),
        Column("completed", label=_("Completed")),
    ]
    list_export = ["title", "live_label", "enrolled", "completed", "completion_rate"]
    export_headings = {"title": _("Course"), "live_label": _("Live on site"), "enrolled": _("Enrolled"),
                       "completed": _("Completed"), "completion_rate": _("Completion rate (%)")}

    def get_filename(self):
        return "training-courses"

    def get_queryset(self):
        return selectors.course_report_rows(user=self.request.user)

    def decorate_paginated_queryset(self, object_list):
        for course in object_list:
            course.completion_rate = round(100 * course.completed / course.enrolled) if course.enrolled else 0
        return object_list

    def to_row_dict(self, item):
        item.live_label = _("yes") if item.live else _("no")
        item.completion_rate = round(100 * item.completed / item.enrolled) if item.enrolled else 0
        return super().to_row_dict(item)


class CourseLearnersView(TrainingReportAccessMixin, SafeSpreadsheetExportMixin, ReportView):
    """The learners of one course. Another trainer's course answers 404."""

    header_icon = "user"
    index_url_name = "training_learners"
    index_results_url_name = "training_learners_results"
    columns = [
        Column("learner", label=_("Learner"), accessor=lambda e: e.user.get_full_name()),
        DateColumn("enrolled_at", label=_("Enrolled at")),
        DateColumn("completed_at", label=_("Completed at")),
    ]
    list_export = ["user.full_name", "user.email", "enrolled_at", "completed_at"]
    export_headings = {"user.full_name": _("Learner"), "user.email": _("E-mail"),
                       "enrolled_at": _("Enrolled at"), "completed_at": _("Completed at")}

    @cached_property
    def course(self):
        courses = selectors.course_report_rows(user=self.request.user)
        return get_object_or_404(courses, pk=self.kwargs["pk"])

    def get_page_title(self):
        return self.course.title

    def get_filename(self):
        return f"training-learners-{self.course.pk}"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.course.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.course.pk])

    def get_queryset(self):
        return Enrolment.objects.filter(course=self.course).select_related("user").order_by("-enrolled_at")


@hooks.register("register_admin_urls")
def register_training_report_urls():
    return [
        path("reports/training/", CourseReportView.as_view(), name="training_report"),
        path("reports/training/results/", CourseReportView.as_view(results_only=True),
             name="training_report_results"),
        path("reports/training/<int:pk>/", CourseLearnersView.as_view(), name="training_learners"),
        path("reports/training/<int:pk>/results/", CourseLearnersView.as_view(results_only=True),
             name="training_learners_results"),
    ]


class CourseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_training_report_menu_item():
    return CourseReportMenuItem(_("Course enrolments"), reverse("training_report"), name="training-report",
                                icon_name="list-ol", order=900)




class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Learner names are the learners' own text: no formulas in the CSV export."""


class CertificateRevokeForm(forms.ModelForm):
    """One box: revoked or not. The services write the date (training.services)."""

    revoked = forms.BooleanField(label=_("Revoked"), required=False,
                                 help_text=_("The public verification page then says the certificate was revoked."))

    class Meta:
        model = Certificate
        fields: list[str] = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked"].initial = self.instance.revoked_at is not None


class CertificateEditView(EditView):
    def save_instance(self):
        certificate = self.form.instance
        if self.form.cleaned_data["revoked"]:
            return certificate_revoke(certificate=certificate)
        return certificate_reinstate(certificate=certificate)


class CertificateViewSet(ModelViewSet):
    """Programme officers find a certificate by code or name and revoke it if it was
    issued by mistake; the public page then says "revoked". Nobody adds or deletes
    certificates here: they are issued when a learner completes a course."""

    model = Certificate
    index_view_class = CertificateIndexView
    edit_view_class = CertificateEditView
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 950
    add_to_admin_menu = True
    list_display = ["code", "learner_name", "course_title", "issued_at", "revoked_at"]
    list_export = ["code", "learner_name", "course_title", "issued_at", "revoked_at"]
    search_fields = ["code", "learner_name", "course_title"]

    def get_form_class(self, for_update=False):
        return CertificateRevokeForm
    ordering = ["-issued_at"]


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("training_certificates")


# --- a whole course to review in one action (training/review.py) ----------------------


class CourseSubmitView(TemplateView):
    """GET: what would be sent (pages in tree order, those already waiting, those that
    cannot go yet); POST: send them. Someone else's course answers 404."""

    template_name = "training/admin/submit_course.html"

    def dispatch(self, request, *args, **kwargs):
        self.course = get_object_or_404(CoursePage, pk=kwargs["pk"])
        if not review.can_submit_course(request.user, self.course):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(course=self.course, **kwargs,
                                        plan=review.course_review_plan(course=self.course, user=self.request.user))

    def post(self, request, *args, **kwargs):
        try:
            pages = review.course_submit_for_review(course=self.course, user=request.user)
        except review.CourseReviewError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(request, _("“%(course)s”: pages submitted for review: %(count)d.") % {
            "count": len(pages), "course": self.course.title})
        return redirect("wagtailadmin_explore", self.course.pk)


def _course_submit_url(page) -> str | None:
    return reverse("training_course_submit", args=[page.pk])


def _is_course(page) -> bool:
    return page is not None and page.specific_class is CoursePage


class CourseSubmitButton(PageMenuItem):
    label = _("Submit the whole course for review")
    icon_name = "resubmit"

    def is_shown(self, user):
        return _is_course(self.page) and review.can_submit_course(user, self.page)

    @cached_property
    def url(self):
        return _course_submit_url(self.page)


class CourseSubmitMenuItem(ActionMenuItem):
    """In the course editor's action menu, next to "Submit to Training review" (one page)."""

    label = _("Submit the whole course for review")
    name = "action-submit-course"
    icon_name = "resubmit"

    def is_shown(self, context):
        page = context.get("page")
        return (context["view"] == "edit" and _is_course(page) and not context["locked_for_user"]
                and review.can_submit_course(context["request"].user, page))

    def get_url(self, parent_context):
        return _course_submit_url(parent_context["page"])


@hooks.register("register_admin_urls")
def register_course_submit_url():
    return [path("training/courses/<int:pk>/submit/", CourseSubmitView.as_view(), name="training_course_submit")]


@hooks.register("register_page_action_menu_item")
def register_course_submit_menu_item():
    return CourseSubmitMenuItem(order=65)


@hooks.register("register_page_header_buttons")
def course_submit_header_button(page, user, view_name, next_url=None):
    if _is_course(page):
        yield CourseSubmitButton(page=page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def course_submit_listing_button(page, user, next_url=None):
    if _is_course(page):
        yield CourseSubmitButton(page=page, priority=12)
