from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.phone import normalize_vn_phone
from core import divisions
from marketplace.orders.models import Order, Review
from marketplace.payments import gateway, providers


class QuantityForm(forms.Form):
    product = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=0, max_value=999)


class CheckoutForm(forms.Form):
    """Without JavaScript the address is two steps: choose the province and press
    "Show wards", then the ward list is that province's."""

    email = forms.EmailField(label=_("E-mail"), help_text=_("We send the order confirmation and its link here."))
    contact_name = forms.CharField(label=_("Recipient's name"), max_length=120)
    phone = forms.CharField(label=_("Phone"), max_length=20)
    province_code = forms.TypedChoiceField(label=_("Province / city"), coerce=int)
    ward_code = forms.TypedChoiceField(label=_("Ward / commune"), coerce=int, required=False)
    street = forms.CharField(label=_("House number, street, hamlet"), max_length=255)
    method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)
    # One-time key of this form: sent twice, it is one order (see checkout_place).
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, stores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", _("Choose a province"))] + divisions.province_choices()
        province = self.data.get("province_code") or self.initial.get("province_code")
        try:
            province = int(province) if province else None
        except (TypeError, ValueError):
            province = None
        self.fields["ward_code"].choices = [("", _("Choose a ward"))] + divisions.ward_choices(province)
        # Only methods every store of the cart accepts (VietQR needs each store's bank account).
        self.fields["method"].choices = [(p.code, p.label) for p in gateway.available_methods(stores)]
        self.fields["method"].initial = providers.COD

    def clean_phone(self):
        return normalize_vn_phone(self.cleaned_data["phone"])

    def error_summary(self) -> list[tuple[str, str]]:
        """The refused form's errors for the summary at the top of the page, in the page's
        order: (id of the field to jump to, message). The form's own errors (short stock, a
        payment refused) and a hidden field's have no field to jump to: id "". A choice of
        radio buttons jumps to its first button."""
        items = [("", str(error)) for error in self.non_field_errors()]
        for bound in self:
            if not bound.errors:
                continue
            anchor = "" if bound.is_hidden else (bound.id_for_label or bound.subwidgets[0].id_for_label)
            label = "" if bound.is_hidden else f"{bound.label}: "
            items += [(anchor, f"{label}{error}") for error in bound.errors]
        return items

    def clean(self):
        data = super().clean()
        province, ward = data.get("province_code"), data.get("ward_code")
        if province and not ward:
            if "ward_code" not in self.errors:  # a ward not of the list already says so: one message
                self.add_error("ward_code", _("Choose a ward."))
        elif province and ward:
            try:
                divisions.validate_ward_in_province(ward, province)
            except ValidationError as exc:
                self.add_error("ward_code", exc)
        return data


class ShipForm(forms.Form):
    carrier = forms.CharField(label=_("Carrier"), max_length=80,
                              widget=forms.TextInput(attrs={"placeholder": "GHN, GHTK, Viettel Post…"}))
    tracking_code = forms.CharField(label=_("Tracking code"), max_length=80)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class SellerOrderFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All")), ("to_confirm", _("To confirm"))] + list(Order.Status.choices))


class ReviewForm(forms.ModelForm):
    product = forms.IntegerField(widget=forms.HiddenInput)
    rating = forms.TypedChoiceField(label=_("Rating"), coerce=int, choices=[(i, f"{i} ★") for i in range(5, 0, -1)])

    class Meta:
        model = Review
        fields = ["rating", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}


class PayoutBatchForm(forms.Form):
    period_start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
