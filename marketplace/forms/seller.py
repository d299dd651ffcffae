"""Seller dashboard forms. They only check input; services do the writing."""

import html
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.phone import normalize_vn_phone
from core import divisions
from marketplace.forms.fields import PriceField, UnitField
from marketplace.models import Category, ProducerType, Product, Unit


def html_to_plain(value: str) -> str:
    """Paragraph-only HTML ("<p>a</p><p>b<br>c</p>") as the text a seller types on a phone;
    anything richer is left as HTML so nothing is lost when it is edited."""
    rest = re.sub(r"</?p>|<br\s*/?>", "", value or "")
    if "<" in rest:
        return value
    text = re.sub(r"</p>\s*<p>", "\n\n", value.strip())
    text = re.sub(r"<br\s*/?>", "\n", text.removeprefix("<p>").removesuffix("</p>"))
    return html.unescape(text)


def plain_to_html(value: str) -> str:
    """Typed text → paragraphs (blank line) and line breaks; HTML input is kept as is
    (the service sanitises it either way)."""
    value = (value or "").strip()
    if not value or "<" in value:
        return value
    paragraphs = re.split(r"\n\s*\n", value.replace("\r\n", "\n"))
    return "".join(f"<p>{html.escape(p.strip(), quote=False).replace(chr(10), '<br>')}</p>" for p in paragraphs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos in one input (a phone's gallery picker); each is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*", "multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultiplePhotoField, self).clean(f, initial) for f in files]


def photo_input(**attrs):
    return forms.ClearableFileInput(attrs={"accept": "image/*", **attrs})


def price_field():
    return PriceField(label=_("Price (₫)"), help_text=_("In whole đồng, as you write it: 120.000 or 120000."))


class ProductForm(forms.ModelForm):
    price = price_field()
    unit = UnitField(label=_("Unit"), initial=Unit.PIECE, help_text=_(
        "How you sell it: chai, hộp, kg, tấm, bức, vé, đêm… Type your own if it is not suggested."))

    class Meta:
        model = Product
        fields = ["name", "category", "price", "unit", "stock", "weight_grams", "sku", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6}),
                   "stock": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})}
        help_texts = {"description": _("Leave a blank line between paragraphs."),
                      "sku": _("Your own product code. Leave empty and we number it for you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sku"].required = False
        self.fields["category"].queryset = Category.objects.order_by("sort_order", "name")
        self.fields["category"].empty_label = None
        if self.instance.pk and not self.is_bound:
            self.initial["description"] = html_to_plain(self.instance.description)

    def clean_description(self):
        return plain_to_html(self.cleaned_data["description"])

    def _post_clean(self):
        # Uniqueness and the sanitised description are the service's job: skip ModelForm's
        # model validation so the service is the only writer.
        pass


class QuickEditForm(forms.Form):
    price = price_field()
    stock = forms.IntegerField(label=_("Stock"), min_value=0, max_value=1_000_000,
                               widget=forms.NumberInput(attrs={"inputmode": "numeric"}))


class PhotoUploadForm(forms.Form):
    photos = MultiplePhotoField(label=_("Add photos"), help_text=_(
        "JPEG, PNG, WebP or HEIC from your phone's camera or gallery; several at once."))


class StoreProfileForm(forms.Form):
    """Without JavaScript the address is two steps: pick the province ("Show wards"), then
    the ward list holds only that province's wards."""

    name = forms.CharField(label=_("Store name"), max_length=150)
    producer_type = forms.ChoiceField(label=_("Producer type"), choices=ProducerType.choices)
    story = forms.CharField(label=_("Our story"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
                            help_text=_("Who makes your products, where and how. Leave a blank line between "
                                        "paragraphs."))
    phone = forms.CharField(label=_("Public phone"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}))
    province_code = forms.TypedChoiceField(label=_("Province"), coerce=int, choices=divisions.province_choices)
    ward_code = forms.TypedChoiceField(label=_("Ward"), coerce=int, choices=(), error_messages={
        "invalid_choice": _("This ward is not in the chosen province.")})
    street = forms.CharField(label=_("Street, hamlet"), max_length=255)
    logo = forms.FileField(label=_("Logo"), required=False, widget=photo_input())
    banner = forms.FileField(label=_("Banner"), required=False, widget=photo_input())

    def __init__(self, *args, province_code=None, **kwargs):
        super().__init__(*args, **kwargs)
        if province_code is None:
            raw = self.data.get("province_code") if self.is_bound else self.initial.get("province_code")
            try:
                province_code = int(raw) if raw else None
            except (TypeError, ValueError):
                province_code = None
        self.fields["ward_code"].choices = [("", _("Choose a ward")), *divisions.ward_choices(province_code)]

    # Images are checked by core.uploads (decoded, EXIF stripped), not by Django's
    # ImageField, so the messages and limits are the same everywhere.
    def clean_logo(self):
        return self.files.get("logo") or None

    def clean_banner(self):
        return self.files.get("banner") or None

    def clean_story(self):
        return plain_to_html(self.cleaned_data["story"])

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return normalize_vn_phone(phone) if phone else ""

    def clean(self):
        data = super().clean()
        province, ward = data.get("province_code"), data.get("ward_code")
        if province and ward:
            try:
                divisions.validate_ward_in_province(ward, province)
            except ValidationError as exc:
                self.add_error("ward_code", exc)
        return data


class CatalogueImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("The file is too large (at most 5 MB)."))
        return upload

