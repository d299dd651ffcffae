"""The seller's label page under the seller dashboard, and the public page a sticker opens."""

from django.urls import path

from labels import views

app_name = "labels"

urlpatterns = [
    path("seller/tem-qr/", views.label_page, name="seller"),
    path("seller/tem-qr/tai-ve/", views.label_download, name="download"),
    path("xac-minh/<str:code>/", views.verify, name="verify"),
]
