"""StreamField blocks more than one app's pages use (editorial pages and lessons).

Every block and child block has a translated label: without one Wagtail shows the
Python name, in English, in the editor (docs/DECISIONS.md, "The admin in Vietnamese")."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))], default="info",
        label=_("Kind"),
    )
    title = blocks.CharBlock(required=False, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "cms/blocks/callout.html"
