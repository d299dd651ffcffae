"""The search parameters, validated once for the page and the API. The product filters
(group, province, stars, prices, in stock) are the catalogue's: `ProductFilterForm`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.forms.filters import ProductFilterForm
from search.params import KINDS, MAX_QUERY_LENGTH, SORTS, SearchParams

MAX_PAGE = 500  # Elasticsearch's max_result_window (10,000) / page size


class SearchForm(ProductFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH,
                        error_messages={"max_length": _("The search text is too long (at most %(limit_value)d "
                                                        "characters).")})
    type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", "")] + [(k, k) for k in KINDS],
                             error_messages={"invalid_choice": _("Type must be product, store or course.")})
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=[("", "")] + [(s, s) for s in SORTS],
                             error_messages={"invalid_choice": _(
                                 "Sort must be relevance, newest, price_asc, price_desc or stars.")})
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE,
                              error_messages={"invalid": _("Page must be a whole number."),
                                              "min_value": _("Page must be 1 or more."),
                                              "max_value": _("Page must be %(limit_value)s or less.")})

    field_order = ["q", "type", *ProductFilterForm.base_fields, "sort", "page"]

    def params(self, *, default_type: str | None = None, page_size: int | None = None) -> SearchParams:
        """SearchParams from a valid form."""
        data = self.cleaned_data
        extra = {"page_size": page_size} if page_size else {}
        return SearchParams(
            text=" ".join((data.get("q") or "").split()), type=data.get("type") or default_type,
            group=data.get("group") or "", province=data.get("province"), stars=data.get("stars"),
            min_price=data.get("min_price"), max_price=data.get("max_price"), in_stock=data.get("in_stock", False),
            sort=data.get("sort") or "relevance", page=data.get("page") or 1, **extra,
        )

    def error_message(self) -> str:
        """All errors in one sentence-per-error line."""
        return " ".join(str(e) for errors in self.errors.values() for e in errors)
