"""The product filters, defined once: group, province, OCOP stars, price range and in stock,
with one wording and one price check. The catalogue (/products/, a storefront) and search
(/search/, /api/v1/search) build their forms on `ProductFilterForm`; a bad value is refused
with the same message everywhere (400 on a page, 422 in the API)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import divisions
from marketplace.forms.fields import PriceField
from marketplace.models import Category

# The highest price a product may have (the CSV import and quick edit allow 2,000,000,000 ₫).
MAX_PRICE = 2_000_000_000
TRUE, FALSE = ("1", "true", "on", "yes"), ("0", "false", "off", "no", "")
STAR_CHOICES = [("", _("Any")), ("3", _("3 stars or more")), ("4", _("4 stars or more")), ("5", _("5 stars"))]


def group_choices():
    """Groups with their sub-groups indented under them (one query)."""
    categories = list(Category.objects.only("slug", "name", "parent_id", "sort_order"))
    children: dict = {}
    for c in categories:
        children.setdefault(c.parent_id, []).append(c)
    choices = [("", _("All groups"))]

    def walk(parent_id, depth):
        for c in children.get(parent_id, []):
            choices.append((c.slug, f"{'— ' * depth}{c.name}"))
            walk(c.pk, depth + 1)

    walk(None, 0)
    return choices


def province_field():
    return forms.TypedChoiceField(label=_("Province"), required=False, coerce=int, empty_value=None,
                                  choices=lambda: [("", _("All provinces")), *divisions.province_choices()],
                                  error_messages={"invalid_choice": _("Unknown province.")})


def price_field(label):
    """A price as people type it ("120.000", "120 000 ₫"), read like the seller's price box
    (`PriceField`, core.money.parse_vnd) and shown back with dots between thousands."""
    return PriceField(label=label, required=False, minimum=0, maximum=MAX_PRICE)


def parse_flag(value) -> bool | None:
    """"1", "true", "on", "yes" → True; "0", "false", "off", "no", "" or nothing → False;
    anything else → None (not a yes or a no)."""
    if isinstance(value, bool):
        return value
    text = (value or "").strip().lower()
    return True if text in TRUE else False if text in FALSE else None


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox handing its field the raw value, so "maybe" is refused, not read as ticked."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: parse_flag(value) is True)

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def format_value(self, value):
        return None  # a ticked box sends "on"


class FlagField(forms.Field):
    """A yes/no query parameter: a checkbox on a page, true/false (or 1/0) in the API."""

    widget = FlagCheckbox

    def to_python(self, value) -> bool:
        flag = parse_flag(value)
        if flag is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return flag


class ProductFilterForm(forms.Form):
    group = forms.ChoiceField(label=_("Product group"), required=False, choices=group_choices,
                              error_messages={"invalid_choice": _("Unknown product group.")})
    province = province_field()
    stars = forms.TypedChoiceField(label=_("OCOP stars"), required=False, coerce=int, empty_value=None,
                                   choices=STAR_CHOICES,
                                   error_messages={"invalid_choice": _("OCOP stars must be 3, 4 or 5.")})
    min_price = price_field(_("Price from (₫)"))
    max_price = price_field(_("Price up to (₫)"))
    in_stock = FlagField(label=_("In stock only"), required=False,
                         error_messages={"invalid": _("in_stock must be true or false.")})

    def clean(self):
        data = super().clean()
        low, high = data.get("min_price"), data.get("max_price")
        if low is not None and high is not None and low > high:
            self.add_error("max_price", _("The highest price must not be below the lowest price."))
        return data
