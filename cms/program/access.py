"""Who may open /program/ and which provinces they see."""

from django.http import Http404

from accounts.roles import PROGRAMME_OFFICERS, user_in_group
from onboarding.selectors import officer_province_codes


def is_programme_officer(user) -> bool:
    return user_in_group(user, PROGRAMME_OFFICERS)


def require_officer(user) -> frozenset[int] | None:
    """The provinces a signed-in officer sees (None: every province, an empty set: none);
    anyone else gets a 404 (not a 403 that tells a stranger the dashboard exists). The
    province assignment is onboarding's OfficerScope, the same rule as application review."""
    if not is_programme_officer(user):
        raise Http404
    codes = officer_province_codes(user)
    return None if codes is None else frozenset(codes)
