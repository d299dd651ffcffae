"""GET filter forms of /products/ and /stores/: plain forms that work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.forms.filters import ProductFilterForm, province_field
from marketplace.selectors import CatalogueFilters

SORT_CHOICES = [("newest", _("Newest")), ("price_asc", _("Price: low to high")),
                ("price_desc", _("Price: high to low")), ("stars", _("Most OCOP stars"))]


class CatalogueFilterForm(ProductFilterForm):
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def filters(self, **extra) -> CatalogueFilters:
        """The filters of the valid fields; invalid ones are ignored (and shown as errors)."""
        data = self.cleaned_data if self.is_bound else {}
        return CatalogueFilters(group=data.get("group") or "", province=data.get("province"),
                                stars=data.get("stars"), min_price=data.get("min_price"),
                                max_price=data.get("max_price"), in_stock=bool(data.get("in_stock")),
                                sort=data.get("sort") or "newest", **extra)


class StoreFilterForm(forms.Form):
    province = province_field()
