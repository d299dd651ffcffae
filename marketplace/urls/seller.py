from django.urls import path

from marketplace.views import seller_products as products
from marketplace.views import seller_store as store

app_name = "seller"

urlpatterns = [
    path("", store.home, name="home"),
    path("store/pick/", store.store_pick, name="store_pick"),
    path("store/", store.store_profile, name="store_profile"),
    path("products/", products.product_list, name="products"),
    path("products/new/", products.product_create, name="product_create"),
    path("products/<int:pk>/", products.product_edit, name="product_edit"),
    path("products/<int:pk>/quick/", products.product_quick_edit, name="product_quick_edit"),
    path("products/<int:pk>/status/", products.product_status, name="product_status"),
    path("products/<int:pk>/photos/", products.photo_upload, name="photo_upload"),
    path("photos/<int:pk>/delete/", products.photo_delete, name="photo_delete"),
    path("photos/<int:pk>/move/", products.photo_move, name="photo_move"),
    path("photos/<int:pk>/alt/", products.photo_alt, name="photo_alt"),
    path("certificates/", store.certificate_list, name="certificates"),
    path("certificates/<int:pk>/scan/", store.certificate_scan, name="certificate_scan"),
    path("certificates/<int:pk>/attach/", store.certificate_attach_view, name="certificate_attach"),
    path("import/", store.catalogue_import_view, name="import"),
    path("import/template.csv", store.catalogue_template_view, name="import_template"),
    path("export.csv", store.catalogue_export_view, name="export"),
]
