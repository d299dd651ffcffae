"""Writes of the onboarding app. Import from the module that owns a service
(`onboarding.services.applications`); accounts' services are re-exported here."""

from onboarding.services.accounts import user_sign_up

__all__ = ["user_sign_up"]
