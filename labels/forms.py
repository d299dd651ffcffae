"""The label form of the seller dashboard: which product, how many stickers, which sheet,
and what to download (an A4 PDF sheet, or one sticker as PNG or SVG)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from labels.layouts import DEFAULT_LAYOUT, LAYOUTS
from labels.rendering import MAX_STICKERS
from marketplace.models import Product

FORMATS = {"pdf": _("A4 sheet (PDF)"), "png": _("One sticker (PNG)"), "svg": _("One sticker (SVG)")}


def printable_products(store):
    """The store's products a label may be printed for: not archived, and backed today by
    a verified, unexpired OCOP certificate (annotated `ocop_stars`, printed on the sticker).
    A label for a product without one would be the very counterfeit the label fights."""
    return (Product.objects.for_store(store).exclude(status=Product.Status.ARCHIVED).with_ocop_stars()
            .filter(ocop_stars__isnull=False).order_by("name", "pk"))


class ProductChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.ocop_stars}★)"


class LabelForm(forms.Form):
    product = ProductChoice(
        label=_("Product"), queryset=Product.objects.none(), empty_label=None,
        error_messages={"required": _("Choose the product."),
                        "invalid_choice": _("Choose one of your store's products with a verified OCOP certificate.")})
    count = forms.IntegerField(
        label=_("Number of stickers"), required=False, min_value=1, max_value=MAX_STICKERS,
        error_messages={"invalid": _("Write the number of stickers as a whole number, e.g. 24."),
                        "min_value": _("Print at least 1 sticker."),
                        "max_value": _("At most %(limit_value)s stickers at a time.")})
    size = forms.ChoiceField(label=_("Label paper"), choices=[(k, v.name) for k, v in LAYOUTS.items()],
                             initial=DEFAULT_LAYOUT,
                             error_messages={"invalid_choice": _("Choose one of the label papers listed.")})
    format = forms.ChoiceField(choices=list(FORMATS.items()), required=False, widget=forms.HiddenInput,
                               error_messages={"invalid_choice": _("Choose a PDF sheet, a PNG or an SVG.")})

    def __init__(self, *args, store, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = printable_products(store)
        self.fields["count"].help_text = _("For the A4 sheet: from 1 to %(max)s; a sheet that is not full keeps its "
                                           "other labels blank.") % {"max": MAX_STICKERS}

    def clean(self):
        data = super().clean()
        data["format"] = data.get("format") or "pdf"
        if data["format"] == "pdf" and data.get("count") is None and "count" not in self.errors:
            self.add_error("count", _("Write how many stickers to print, e.g. 24."))
        return data
