import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.banks import bank_choices
from core.text import fold


class PayoutForm(forms.Form):
    bank_bin = forms.ChoiceField(label=_("Bank"), choices=())
    account_number = forms.CharField(label=_("Account number"), max_length=30,
                                     widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    account_holder = forms.CharField(label=_("Account holder"), max_length=100,
                                     help_text=_("As printed by the bank, e.g. NGUYEN THI LAN."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank_bin"].choices = [("", _("Choose your bank"))] + bank_choices()

    def clean_account_number(self):
        number = re.sub(r"[\s.-]", "", self.cleaned_data["account_number"])
        if not re.fullmatch(r"\d{6,19}", number):
            raise forms.ValidationError(_("An account number has 6 to 19 digits."), code="account_number")
        return number

    def clean_account_holder(self):
        # Banks hold names in capitals without diacritics; VietQR transfers show it that way.
        holder = " ".join(fold(self.cleaned_data["account_holder"]).upper().split())
        if not re.fullmatch(r"[A-Z ]{2,100}", holder):
            raise forms.ValidationError(_("Write the account holder's name with letters only."), code="holder")
        return holder
