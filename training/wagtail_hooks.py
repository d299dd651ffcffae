"""Admin: the course report (enrolments and completions, CSV/XLSX export) for trainers
(their own courses: page.owner) and programme officers (every course).

Built on Wagtail's ReportView, which brings the listing table and spreadsheet export.
https://docs.wagtail.org/en/stable/extending/adding_reports.html
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS, user_in_group
from core.csv import SafeSpreadsheetExportMixin
from training import selectors
from training.models import Certificate, Enrolment
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
