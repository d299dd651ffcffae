"""Site-level URLs served before the Wagtail tree: sitemap.xml, robots.txt, /program/."""

from django.urls import include, path
from wagtail.contrib.sitemaps.views import sitemap

from cms.sitemaps import SITEMAPS
from cms.views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("program/", include("cms.program.urls")),
]
