from django.urls import path

from marketplace.payments import views
from marketplace.payments.providers.vietqr import views as vietqr_views

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<uuid:reference>/return/", views.payment_return, name="return"),
    path("<uuid:reference>/cancelled/", views.payment_cancelled, name="cancelled"),
    path("<uuid:reference>/pay/", views.payment_retry, name="pay"),
    path("vietqr/<str:number>/received/", vietqr_views.transfer_received, name="vietqr_received"),
    path("vietqr/<str:number>/qr.png", vietqr_views.transfer_qr_png, name="vietqr_png"),
]
