from django.urls import path

from onboarding.views import status, wizard

app_name = "onboarding"
urlpatterns = [
    path("", wizard.start, name="start"),
    path("step/<slug:slug>/", wizard.step, name="step"),
    path("status/", status.status, name="status"),
    path("status/<slug:slug>/", status.store_checklist_view, name="store_checklist"),
    path("applications/<int:pk>/", status.application_view, name="application"),
    path("payout/", status.payout, name="payout"),
    path("payout/<slug:slug>/", status.payout, name="payout_store"),
    path("documents/<int:pk>/", status.document_file, name="document"),
    path("certificate-scans/<int:pk>/", status.certificate_scan, name="certificate_scan"),
    path("ocop-scans/<int:pk>/", status.ocop_scan, name="ocop_scan"),
]
