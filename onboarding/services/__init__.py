"""Writes of the onboarding app. Import from the module that owns a service
(`onboarding.services.applications`)."""
