"""One small form per wizard step. Forms only check input; services save it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.phone import normalize_vn_phone
from core import divisions
from marketplace.models import Category, ProducerType
from onboarding.taxcode import normalize_tax_code


class ProducerTypeForm(forms.Form):
    producer_type = forms.ChoiceField(label=_("You sell as"), choices=ProducerType.choices, widget=forms.RadioSelect,
                                      error_messages={"required": _("Choose one.")})


class NamesForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=200,
                                 help_text=_("Exactly as on your registration certificate."))
    trading_name = forms.CharField(label=_("Trading name"), max_length=150,
                                   help_text=_("The name buyers will see on your store."))


class TaxForm(forms.Form):
    tax_code = forms.CharField(label=_("Tax code (mã số thuế)"), max_length=20, required=False,
                               widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                               help_text=_("10 digits, or 13 for a branch (0123456789-001). "
                                           "Household businesses without one may leave it empty."))
    registration_number = forms.CharField(label=_("Business registration number"), max_length=50,
                                          help_text=_("From your business, cooperative or household business "
                                                      "registration certificate."))

    def __init__(self, *args, producer_type: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.producer_type = producer_type

    def clean_tax_code(self):
        raw = self.cleaned_data["tax_code"].strip()
        if not raw:
            if self.producer_type != ProducerType.HOUSEHOLD:
                raise ValidationError(_("Cooperatives and enterprises must give their tax code."), code="required")
            return ""
        return normalize_tax_code(raw)

    def clean_registration_number(self):
        return " ".join(self.cleaned_data["registration_number"].split())


class ContactForm(forms.Form):
    representative_name = forms.CharField(label=_("Full name of the representative"), max_length=150)
    representative_phone = forms.CharField(label=_("Phone number"), max_length=20,
                                           widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))

    def clean_representative_phone(self):
        return normalize_vn_phone(self.cleaned_data["representative_phone"])


class ProvinceForm(forms.Form):
    province_code = forms.TypedChoiceField(label=_("Province or city"), coerce=int, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", _("Choose a province"))] + divisions.province_choices()


class AddressForm(forms.Form):
    """The second half of the address: the ward list depends on the province chosen in the
    step before, so it works without JavaScript."""

    ward_code = forms.TypedChoiceField(label=_("Ward or commune"), coerce=int, choices=())
    street = forms.CharField(label=_("House number, street, hamlet"), max_length=255)

    def __init__(self, *args, province_code: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward_code"].choices = [("", _("Choose a ward"))] + divisions.ward_choices(province_code)


class ProductsForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        label=_("What do you make?"), queryset=Category.objects.filter(parent__isnull=True),
        widget=forms.CheckboxSelectMultiple, error_messages={"required": _("Choose at least one product group.")})


class DocumentsForm(forms.Form):
    registration_certificate = forms.FileField(
        label=_("Business registration certificate"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/*"}),
        help_text=_("PDF or photo (JPEG, PNG, WebP), at most 10 MB."))
    representative_id = forms.FileField(
        label=_("ID card of the representative"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/*"}),
        help_text=_("PDF or photo (JPEG, PNG, WebP), at most 10 MB."))

    def __init__(self, *args, uploaded_kinds: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.uploaded_kinds = uploaded_kinds

    def clean(self):
        cleaned = super().clean()
        for kind in ("registration_certificate", "representative_id"):
            if not cleaned.get(kind) and kind not in self.uploaded_kinds and not self.has_error(kind):
                self.add_error(kind, ValidationError(_("Please upload this document."), code="required"))
        return cleaned


class SubmitForm(forms.Form):
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of the platform and confirm that the information given is true."),
        error_messages={"required": _("Please accept the terms of the platform to send your application.")})
