"""The small StreamField block set for editorial pages (about, FAQ, policies, news)."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from core.blocks import CalloutBlock  # shared with training's lessons; migrations name it here too

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock()
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False)
    items = blocks.ListBlock(FaqItemBlock())

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/faq.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="cms/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock(template="cms/blocks/image.html")
    callout = CalloutBlock()
    faq = FaqBlock()


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock()
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"
