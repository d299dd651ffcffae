"""Domain errors of onboarding; views turn them into messages."""


class OnboardingError(Exception):
    """Base class: `message` is shown to the user as it is (already translated)."""

    def __init__(self, message="", **extra):
        super().__init__(str(message))
        self.message = message
        self.extra = extra


class ApplicationNotEditable(OnboardingError):
    """Only drafts and applications sent back for changes can be edited."""


class InvalidTransition(OnboardingError):
    """The requested state change is not allowed from the application's current state."""


class ApplicationIncomplete(OnboardingError):
    """Submitting an application with steps left to do; `missing` names the wizard steps."""

    def __init__(self, message="", *, missing: list[str]):
        super().__init__(message, missing=missing)
        self.missing = missing


class OpenApplicationExists(OnboardingError):
    """One open application per applicant."""


class NotAllowed(OnboardingError):
    """The user may not do this (not an officer, or outside the officer's provinces)."""
