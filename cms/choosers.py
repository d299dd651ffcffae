"""Admin chooser modals for the products and stores editors feature on the home page:
only what buyers can see (published products of active stores, active stores).

Registered in cms/wagtail_hooks.py. `register_widget = False`: the marketplace admin
decides its own widgets for foreign keys to its models; these are used only where our
panels ask for them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet


class _PublishedProducts:
    def get_object_list(self):
        from marketplace.models import Product

        return Product.objects.published().select_related("store")


class _ActiveStores:
    def get_object_list(self):
        from marketplace.models import Store

        return Store.objects.active()


class ProductChooserViewSet(ChooserViewSet):
    model = "marketplace.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    register_widget = False
    url_prefix = "cms-product-chooser"
    choose_view_class = type("ProductChooseView", (_PublishedProducts, chooser_views.ChooseView), {})
    choose_results_view_class = type("ProductChooseResultsView",
                                     (_PublishedProducts, chooser_views.ChooseResultsView), {})


class StoreChooserViewSet(ChooserViewSet):
    model = "marketplace.Store"
    icon = "home"
    choose_one_text = _("Choose a store")
    choose_another_text = _("Choose another store")
    register_widget = False
    url_prefix = "cms-store-chooser"
    choose_view_class = type("StoreChooseView", (_ActiveStores, chooser_views.ChooseView), {})
    choose_results_view_class = type("StoreChooseResultsView", (_ActiveStores, chooser_views.ChooseResultsView), {})


product_chooser_viewset = ProductChooserViewSet("cms_product_chooser")
store_chooser_viewset = StoreChooserViewSet("cms_store_chooser")
