"""Programme news: an index page listing articles (paginated, filterable by tag) and
the articles themselves. Imported by cms/models.py so Django registers the models."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock

NEWS_COVER = "fill-640x360|format-webp"  # the rendition templates/cms/news/card.html shows


def with_covers(articles):
    """News pages with the card's cover rendition prefetched: a card costs no query."""
    return articles.prefetch_related(
        models.Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(NEWS_COVER)))

NEWS_PER_PAGE = 10


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsIndexPage(Page):
    """/tin-tuc/: the programme's news, newest first; `?tag=` narrows to one tag."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1
    page_cache_shared = True  # the same for every visitor but the header's parts (core/cache.py)

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return with_covers(NewsPage.objects.live().public().child_of(self)).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        tag = request.GET.get("tag", "").strip()
        if tag:
            articles = articles.filter(tags__slug=tag)
        paginator = Paginator(articles, NEWS_PER_PAGE)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        context["current_tag"] = Tag.objects.filter(slug=tag).first() if tag else None
        context["tags"] = Tag.objects.filter(cms_newspagetag_items__content_object__live=True).distinct() \
            .order_by("name")
        return context


class NewsPage(Page):
    """One news article: date, author, lead, body, cover image and tags."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=120, blank=True)
    lead = models.CharField(_("lead"), max_length=300,
                            help_text=_("One or two sentences shown in lists and search results."))
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("cover image"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author"), FieldPanel("tags")], heading=_("About")),
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []
    page_cache_shared = True

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["article_tags"] = list(self.tags.order_by("name"))
        return context
