"""Programme officers' review in the Wagtail admin: the application queue and the OCOP
certificates waiting for verification. Shown only to programme officers and superusers."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from onboarding.selectors import is_programme_officer, waiting_application_count
from onboarding.views import review

review_urls = [
    path("", review.queue, name="queue"),
    path("<int:pk>/", review.detail, name="detail"),
    path("<int:pk>/approve/", review.approve, name="approve"),
    path("<int:pk>/request-changes/", review.request_changes, name="request_changes"),
    path("<int:pk>/reject/", review.reject, name="reject"),
    path("<int:pk>/certificates/<int:certificate_pk>/", review.declared_certificate, name="declared_certificate"),
    path("ocop-certificates/", review.ocop_queue, name="ocop_queue"),
    path("ocop-certificates/<int:pk>/", review.ocop_decide, name="ocop_decide"),
]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("seller-applications/", include((review_urls, "onboarding_review"), namespace="onboarding_review"))]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_officer(request.user)


class QueueMenuItem(OfficerMenuItem):
    """"Seller applications (3)": how many wait for this officer's review (their provinces).
    Menu items are shared by every request, so the label is made per request, never stored."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = waiting_application_count(request.user)
        if waiting:
            component.label = _("%(label)s (%(count)s)") % {"label": self.label, "count": waiting}
        return component


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(_("Seller applications"), reverse("onboarding_review:queue"), name="seller-applications",
                         icon_name="form", order=205)


@hooks.register("register_admin_menu_item")
def register_ocop_menu_item():
    return OfficerMenuItem(_("Verify OCOP certificates"), reverse("onboarding_review:ocop_queue"),
                           name="ocop-certificates", icon_name="success", order=206)
