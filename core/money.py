"""Money is VND in whole đồng: integers, no minor unit (docs/ARCHITECTURE.md, Domain rules)."""


def format_vnd(amount: int | None) -> str:
    """Format đồng the Vietnamese way: 125000 → "125.000 ₫"."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".") + " ₫"
