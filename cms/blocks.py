"""The small StreamField block set for editorial pages (about, FAQ, policies, news)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from core.blocks import CalloutBlock  # shared with training's lessons; migrations name it here too

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Answer"))

    class Meta:
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "cms/blocks/faq.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="cms/blocks/heading.html",
                               label=_("Heading"))
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = ImageBlock(template="cms/blocks/image.html", label=_("Image"))
    callout = CalloutBlock()
    faq = FaqBlock()


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Web address"))

    class Meta:
        icon = "link"
        label = _("Link")
