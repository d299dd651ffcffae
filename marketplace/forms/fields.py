"""Form fields of the seller dashboard: a price as Vietnamese people type it and a unit of
sale with suggestions. Both read input with the same rules as the CSV import."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst

from core.money import MAX_PRICE, PriceError, format_vnd_number, parse_vnd
from marketplace.units import MAX_LENGTH, Unit, normalize_unit, unit_too_long


class PriceInput(forms.TextInput):
    """A text box with the phone's number pad: type=number would take "120.000" as 120 (the
    browser reads the dot as decimals) and cannot show "120.000" back."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false", **(attrs or {})})


class PriceField(forms.Field):
    """Whole đồng, read by `core.money.parse_vnd` ("120.000", "120,000", "120 000 ₫" → 120000;
    "120,5" refused as ambiguous) and shown back with dots between thousands."""

    widget = PriceInput

    def __init__(self, *, minimum: int = 1, maximum: int = MAX_PRICE, **kwargs):
        self.minimum, self.maximum = minimum, maximum
        kwargs.setdefault("error_messages", {"required": PriceError("empty").message})
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            return parse_vnd(str(value), minimum=self.minimum, maximum=self.maximum)
        except PriceError as exc:
            raise ValidationError(exc.message, code=exc.code) from None

    def prepare_value(self, value):
        return format_vnd_number(value) if isinstance(value, int) else value


class UnitInput(forms.TextInput):
    """Free text with the common units as suggestions (a <datalist>: a phone shows them above
    the keyboard; without support it is a plain text box)."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        attrs["list"] = list_id = f"{attrs.get('id') or self.attrs.get('id') or name}-suggestions"
        html = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}"{}>', (
            (value, format_html(' label="{}"', label) if str(label) != value else "")
            for value, label in Unit.choices))
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


class UnitField(forms.CharField):
    """A unit of sale: any short word, the common ones written one way (marketplace/units.py)."""

    widget = UnitInput

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": str(MAX_LENGTH)}

    def to_python(self, value):
        return normalize_unit(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        reason = unit_too_long(value)
        if reason:
            raise ValidationError(f"{capfirst(reason)}.", code="max_length")
