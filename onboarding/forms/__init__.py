from onboarding.forms.accounts import EmailAuthenticationForm, QueuedPasswordResetForm, SignupForm

__all__ = ["EmailAuthenticationForm", "QueuedPasswordResetForm", "SignupForm"]
