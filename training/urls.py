"""Certificates (/certificates/): the learner's list and the public verification page.
Courses live in the Wagtail tree under /training/."""

from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("", views.my_certificates, name="my_certificates"),
    path("<str:code>/", views.certificate_detail, name="certificate"),
]
