from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from core import views as core_views
from core.cache import cache_anonymous_page

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("manifest.webmanifest", core_views.web_manifest, name="web_manifest"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("onboarding/", include("onboarding.urls.onboarding")),
    path("", include("marketplace.urls.catalog")),
    path("seller/", include("marketplace.urls.seller")),
    path("", include("marketplace.orders.urls")),
    path("", include("labels.urls")),  # /seller/tem-qr/, /xac-minh/<code>/
    path("payments/", include("marketplace.payments.urls")),
    path("certificates/", include("training.urls")),
    path("search/", include("search.urls")),
    path("api/v1/", api.urls),
    path("", include("cms.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves everything else (/, /training/, news, standard pages): keep it
# last. Its pages go through the anonymous page cache like the catalogue (saving any page
# bumps the cache's version; signed-in learners always get their own fresh page).
urlpatterns += [
    re_path(wagtail_urls.serve_pattern, cache_anonymous_page(wagtail_views.serve), name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
