"""/sitemap.xml: every live public Wagtail page (home, standard pages, news, courses)
plus every product buyers can see and every active store.

Products and stores take their host from the Wagtail site, like the pages do, so the
whole sitemap names one host (the one editors set in Settings → Sites)."""

from functools import cached_property
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Site

from marketplace.models import Product, Store


class _OnWagtailSite(Sitemap):
    changefreq = "weekly"
    limit = 5000

    @cached_property
    def _root(self):
        site = Site.objects.filter(is_default_site=True).first()
        return urlsplit(site.root_url) if site else None

    def get_protocol(self, protocol=None):
        return self._root.scheme if self._root else super().get_protocol(protocol)

    def get_domain(self, site=None):
        return self._root.netloc if self._root else super().get_domain(site)

    def lastmod(self, obj):
        return obj.updated_at


class ProductSitemap(_OnWagtailSite):
    def items(self):
        return Product.objects.published().only("slug", "updated_at").order_by("pk")


class StoreSitemap(_OnWagtailSite):
    def items(self):
        return Store.objects.active().only("slug", "updated_at").order_by("pk")


SITEMAPS = {"pages": WagtailSitemap, "products": ProductSitemap, "stores": StoreSitemap}
