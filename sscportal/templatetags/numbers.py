"""{% money amount currency %}: an amount as the site writes it (sscportal.numbers)."""

from django import template

from sscportal import numbers

register = template.Library()


@register.simple_tag
def money(amount, currency):
    return numbers.money(amount, currency)
