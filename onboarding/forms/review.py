"""Programme officers' forms in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import divisions
from marketplace.models import ProducerType
from onboarding.models import ApplicationStatus
from onboarding.selectors import QUEUE_ALL
from onboarding.steps import REVIEW_FIELDS


class QueueFilterForm(forms.Form):
    province = forms.TypedChoiceField(label=_("Province"), coerce=int, required=False, empty_value=None, choices=())
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())
    producer_type = forms.ChoiceField(label=_("Type of producer"), required=False, choices=())

    def __init__(self, *args, province_codes: set[int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = divisions.province_choices()
        if province_codes is not None:
            provinces = [(code, name) for code, name in provinces if code in province_codes]
        self.fields["province"].choices = [("", _("All provinces"))] + provinces
        # Default: the work (waiting for review, then sent back); decided ones behind a choice.
        statuses = [(v, label) for v, label in ApplicationStatus.choices if v != ApplicationStatus.DRAFT]
        self.fields["status"].choices = ([("", _("To do: waiting for review, then sent back"))] + statuses
                                         + [(QUEUE_ALL, _("All states"))])
        self.fields["producer_type"].choices = [("", _("All types"))] + list(ProducerType.choices)


class ApproveForm(forms.Form):
    note = forms.CharField(label=_("Note to the applicant (optional)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class RequestChangesForm(forms.Form):
    """A note per field; the applicant sees each one on the wizard step where the field is."""

    note = forms.CharField(label=_("General note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, (label, _step) in REVIEW_FIELDS.items():
            self.fields[f"field_{key}"] = forms.CharField(label=label, required=False, max_length=500,
                                                          widget=forms.Textarea(attrs={"rows": 1}))

    def field_notes(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"field_{key}", "") for key in REVIEW_FIELDS}


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the applicant reads it)"), widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give the reason for the rejection: the applicant reads it.")})


class CertificateDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=(("verify", _("Verify")), ("refuse", _("Refuse"))))
    reason = forms.CharField(label=_("Reason for refusal"), required=False, max_length=300)
