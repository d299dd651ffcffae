from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BodyBlock, FooterLinkBlock
from cms.choosers import product_chooser_viewset, store_chooser_viewset
from cms.news import NewsIndexPage, NewsPage, NewsPageTag  # noqa: F401  (models of this app)


class HomePage(Page):
    """The programme's front page: hero, intro, and slots later capabilities fill
    (featured products and stores, programme figures, news, the starter course)."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.CharField(_("hero text"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("hero image"),
    )
    hero_cta_label = models.CharField(_("button label"), max_length=60, blank=True)
    hero_cta_url = models.CharField(_("button link"), max_length=200, blank=True)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more content"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image"),
             FieldPanel("hero_cta_label"), FieldPanel("hero_cta_url")],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("featured_products", label=_("Product"), max_num=8),
             InlinePanel("featured_stores", label=_("Store"), max_num=6)],
            heading=_("Featured on the home page"),
            help_text=_("Left empty, the best rated products and stores are shown."),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    page_cache_shared = True  # the same for every visitor but the header's parts (core/cache.py)

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self)
        return context


class HomeFeaturedProduct(Orderable):
    """A product an editor puts on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey("marketplace.Product", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("product"))

    panels = [FieldPanel("product", widget=product_chooser_viewset.widget_class)]

    class Meta(Orderable.Meta):
        verbose_name = _("featured product")
        verbose_name_plural = _("featured products")


class HomeFeaturedStore(Orderable):
    """A store an editor puts on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stores")
    store = models.ForeignKey("marketplace.Store", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("store"))

    panels = [FieldPanel("store", widget=store_chooser_viewset.widget_class)]

    class Meta(Orderable.Meta):
        verbose_name = _("featured store")
        verbose_name_plural = _("featured stores")


def home_sections(page: HomePage) -> dict:
    """Live data for the home page slots, each a dict whose "template" renders it:
    featured products and stores, programme figures, latest news, the starter course.
    A fixed number of queries whatever the amount of data (cms/home.py)."""
    from cms.home import build_home_sections

    return build_home_sections(page)


class StandardPage(Page):
    """About, FAQ, policies: editorial pages built from the shared block set."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    page_cache_shared = True

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer links editors change without a developer."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    hotline = models.CharField(_("hotline"), max_length=30, blank=True)
    office_address = models.CharField(_("office address"), max_length=255, blank=True)
    office_name = models.CharField(_("programme office"), max_length=255, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True, verbose_name=_("footer links"))

    panels = [
        MultiFieldPanel([FieldPanel("office_name"), FieldPanel("office_address"), FieldPanel("contact_email"),
                         FieldPanel("hotline")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("facebook_url"), FieldPanel("zalo_url"), FieldPanel("youtube_url")],
                        heading=_("Social links")),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")
