from django import template

from core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount):
    """{{ product.price|vnd }} → "125.000 ₫"."""
    return format_vnd(amount)
