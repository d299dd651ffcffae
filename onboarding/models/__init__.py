"""Seller applications and programme officers' scopes."""

from onboarding.models.applications import (
    OPEN_STATUSES,
    ApplicationCertificate,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationStatus,
    SellerApplication,
)
from onboarding.models.officers import OfficerScope

__all__ = [
    "OPEN_STATUSES", "ApplicationCertificate", "ApplicationDocument", "ApplicationEvent", "ApplicationStatus",
    "OfficerScope", "SellerApplication",
]
