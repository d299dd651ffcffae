def lockout_username(request, credentials=None) -> str:
    """The e-mail a login attempt names, lower-cased, so "Lan@" and "lan@" count together.

    Django's login form (and Wagtail's) posts it as `username` even though the user model
    signs in by e-mail.
    """
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()
