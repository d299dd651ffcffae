"""The OCOP certificate form, one for the seller dashboard (/seller/certificates/) and the
onboarding wizard's certificates step, and the dashboard's form attaching a verified
certificate to products. Forms only check input; services save it (and check the scan)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.models import OcopCertificate, Product


class CertificateForm(forms.Form):
    """With `store` (the seller dashboard) the certificate is for one of the store's products
    and gives its score; without (the wizard: the store does not exist yet) the product is
    named in words and no score is asked, as the declared certificate records none."""

    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none(), empty_label=None)
    product_name = forms.CharField(label=_("Product"), max_length=200)
    stars = forms.TypedChoiceField(label=_("Stars"), coerce=int, choices=OcopCertificate.Stars.choices)
    score = forms.IntegerField(label=_("Score (0–100)"), min_value=0, max_value=100)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60,
                                      help_text=_("As printed on the decision, e.g. 1234/QĐ-UBND."))
    decision_date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs={"type": "date"}))
    issuing_authority = forms.CharField(label=_("Issuing authority"), max_length=200,
                                        help_text=_("The province's People's Committee; the ministry for 5 stars."))
    scan = forms.FileField(label=_("Scan or photo of the certificate"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
                           help_text=_("A photo (JPEG, PNG, WebP) or a PDF."))

    def __init__(self, *args, store=None, **kwargs):
        super().__init__(*args, **kwargs)
        if store is None:
            del self.fields["product"], self.fields["score"]
        else:
            del self.fields["product_name"]
            self.fields["product"].queryset = Product.objects.for_store(store).exclude(status=Product.Status.ARCHIVED)

    def clean_decision_date(self):
        day = self.cleaned_data["decision_date"]
        if day > timezone.localdate():
            raise ValidationError(_("The decision date cannot be in the future."), code="future")
        return day


class CertificateAttachForm(forms.Form):
    """The products of the store a verified certificate should back (one step, no second
    verification: `marketplace.services.stores.certificate_attach`)."""

    products = forms.ModelMultipleChoiceField(
        label=_("Show on these products"), queryset=Product.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one product."),
                        "invalid_choice": _("Choose one of your store's products."),
                        "invalid_pk_value": _("Choose one of your store's products.")})

    def __init__(self, *args, store, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["products"].queryset = (Product.objects.for_store(store).exclude(status=Product.Status.ARCHIVED)
                                            .order_by("name", "pk"))
