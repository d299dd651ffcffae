"""GET filter forms of /products/ and /stores/: plain forms that work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import divisions
from marketplace.models import Category
from marketplace.selectors import CatalogueFilters

SORT_CHOICES = [("newest", _("Newest")), ("price_asc", _("Price: low to high")),
                ("price_desc", _("Price: high to low")), ("stars", _("Most OCOP stars"))]
STAR_CHOICES = [("", _("Any")), ("3", _("3 stars or more")), ("4", _("4 stars or more")), ("5", _("5 stars"))]


def province_field():
    return forms.TypedChoiceField(label=_("Province"), required=False, coerce=int, empty_value=None,
                                  choices=lambda: [("", _("All provinces")), *divisions.province_choices()])


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


class CatalogueFilterForm(forms.Form):
    group = forms.ChoiceField(label=_("Product group"), required=False, choices=group_choices)
    province = province_field()
    stars = forms.TypedChoiceField(label=_("OCOP stars"), required=False, coerce=int, empty_value=None,
                                   choices=STAR_CHOICES)
    min_price = forms.IntegerField(label=_("Price from (₫)"), required=False, min_value=0)
    max_price = forms.IntegerField(label=_("Price up to (₫)"), required=False, min_value=0)
    in_stock = forms.BooleanField(label=_("In stock only"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def clean(self):
        data = super().clean()
        low, high = data.get("min_price"), data.get("max_price")
        if low is not None and high is not None and low > high:
            self.add_error("max_price", _("The highest price must not be below the lowest price."))
        return data

    def filters(self, **extra) -> CatalogueFilters:
        """The filters of the valid fields; invalid ones are ignored (and shown as errors)."""
        data = self.cleaned_data if self.is_bound else {}
        return CatalogueFilters(group=data.get("group") or "", province=data.get("province"),
                                stars=data.get("stars"), min_price=data.get("min_price"),
                                max_price=data.get("max_price"), in_stock=bool(data.get("in_stock")),
                                sort=data.get("sort") or "newest", **extra)


class StoreFilterForm(forms.Form):
    province = province_field()
