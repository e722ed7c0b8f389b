"""Numbers as the site writes them (sscportal.reader_toolkit.numbers).

{% money amount currency %}   an amount with its currency
{% percent value %}           "40%", "40٪"
"""

from django import template

from sscportal.reader_toolkit import numbers

register = template.Library()


@register.simple_tag
def money(amount, currency):
    return numbers.money(amount, currency)


@register.simple_tag
def percent(value):
    return numbers.percentage(value)
