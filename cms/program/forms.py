from django import forms
from django.utils.translation import gettext_lazy as _

from cms.program.figures import Scope
from cms.program.periods import DEFAULT_PRESET, MAX_DAYS, PRESETS, Period, preset_period
from core import divisions

CUSTOM = "custom"


class DashboardFilterForm(forms.Form):
    """Period (a preset or two dates) and province. Officers limited to some provinces
    can only choose among those; "all" then means all of theirs."""

    preset = forms.ChoiceField(label=_("Period"), required=False,
                               choices=[*PRESETS.items(), (CUSTOM, _("Dates below"))])
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    province = forms.TypedChoiceField(label=_("Province"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, provinces: frozenset[int] | None, **kwargs):
        data = data.copy()
        if not data.get("preset"):
            data["preset"] = CUSTOM if (data.get("date_from") or data.get("date_to")) else DEFAULT_PRESET
        super().__init__(data, **kwargs)
        self.allowed = provinces
        choices = [(code, name) for code, name in divisions.province_choices()
                   if provinces is None or code in provinces]
        everything = _("All provinces") if provinces is None else _("All my provinces")
        self.fields["province"].choices = [("", everything), *choices]

    def clean(self):
        data = super().clean()
        if data.get("preset") == CUSTOM:
            start, end = data.get("date_from"), data.get("date_to")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates, or choose a period."), code="dates_missing")
            if start > end:
                raise forms.ValidationError(_("The start date must be on or before the end date."),
                                            code="dates_reversed")
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("Choose a period of at most one year."), code="period_too_long")
        return data

    def period(self) -> Period:
        data = self.cleaned_data
        if data["preset"] == CUSTOM:
            return Period(data["date_from"], data["date_to"])
        return preset_period(data["preset"])

    def scope(self) -> Scope:
        province = self.cleaned_data.get("province")
        provinces = frozenset({province}) if province else self.allowed
        return Scope(period=self.period(), provinces=provinces)
