"""{% money amount currency %}: an amount as the site writes it (sscportal.reader_toolkit.numbers)."""

from django import template

from sscportal.reader_toolkit import numbers

register = template.Library()


@register.simple_tag
def money(amount, currency):
    return numbers.money(amount, currency)
