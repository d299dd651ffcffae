"""The search parameters, validated once for the page and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import divisions
from search.params import KINDS, MAX_QUERY_LENGTH, SORTS, SearchParams

MAX_PAGE = 500  # Elasticsearch's max_result_window (10,000) / page size
MAX_PRICE = 1_000_000_000
TRUE, FALSE = ("1", "true", "on", "yes"), ("0", "false", "off", "no", "")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH,
                        error_messages={"max_length": _("The search text is too long (at most %(limit_value)d "
                                                        "characters).")})
    type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", "")] + [(k, k) for k in KINDS],
                             error_messages={"invalid_choice": _("Type must be product, store or course.")})
    group = forms.SlugField(label=_("Product group"), required=False, max_length=140,
                            error_messages={"invalid": _("Unknown product group.")})
    province = forms.TypedChoiceField(label=_("Province"), required=False, coerce=int, empty_value=None,
                                      error_messages={"invalid_choice": _("Unknown province.")})
    stars = forms.TypedChoiceField(label=_("OCOP stars"), required=False, coerce=int, empty_value=None,
                                   choices=[("", ""), ("3", "3"), ("4", "4"), ("5", "5")],
                                   error_messages={"invalid_choice": _("OCOP stars must be 3, 4 or 5.")})
    min_price = forms.IntegerField(label=_("Lowest price"), required=False, min_value=0, max_value=MAX_PRICE,
                                   error_messages={"invalid": _("Prices are whole numbers of đồng.")})
    max_price = forms.IntegerField(label=_("Highest price"), required=False, min_value=0, max_value=MAX_PRICE,
                                   error_messages={"invalid": _("Prices are whole numbers of đồng.")})
    in_stock = forms.CharField(label=_("In stock only"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=[("", "")] + [(s, s) for s in SORTS],
                             error_messages={"invalid_choice": _(
                                 "Sort must be relevance, newest, price_asc, price_desc or stars.")})
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE,
                              error_messages={"invalid": _("Page must be a whole number."),
                                              "min_value": _("Page must be 1 or more."),
                                              "max_value": _("Page must be %(limit_value)s or less.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", "")] + [(str(c), n) for c, n in divisions.province_choices()]

    def clean_in_stock(self) -> bool:
        value = (self.cleaned_data.get("in_stock") or "").strip().lower()
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise forms.ValidationError(_("in_stock must be true or false."))

    def clean(self):
        data = super().clean()
        low, high = data.get("min_price"), data.get("max_price")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(_("The lowest price must not be above the highest price."))
        return data

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
