"""Thin views: parse input, call a service or selector, turn domain errors into messages."""

from django.shortcuts import render


def refuse(request, message: str, *, status: int = 400, back: str = "/cart/"):
    """A refused action: the reason in the user's language and a 4xx, nothing changed."""
    return render(request, "orders/refused.html", {"message": message, "back": back}, status=status)
