from django.urls import path

from cms.program import views

app_name = "program"

urlpatterns = [path("", views.dashboard, name="dashboard")]
