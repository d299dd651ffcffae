from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from accounts.models import User
from accounts.phone import normalize_vn_phone


class SignupForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(
        label=_("Phone number (optional)"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail already exists. Sign in or reset your password."),
                code="email_taken",
            )
        return email

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        return normalize_vn_phone(phone) if phone else ""

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", forms.ValidationError(_("The two passwords do not match."), code="mismatch"))
        if p1 and not self.has_error("password2"):
            candidate = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, labelled for e-mail sign-in. The field stays `username` so
    django-axes tracks it."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or password is not correct."),
        "inactive": _("This account is inactive."),
    }


class AdminLoginForm(WagtailLoginForm):
    """The Wagtail admin's sign-in form with translated labels: Wagtail leaves the password
    field unlabelled, so Django shows its English field name ("Password")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
        self.fields["remember"].label = _("Remember me")


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail goes through the Celery e-mail queue."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        from core.services import email_enqueue

        email_enqueue(
            key=f"password-reset-{context['uid']}-{context['token']}",
            to=to_email,
            subject=_("Reset your Chợ Số OCOP password"),
            template=email_template_name,
            context=context,
        )
