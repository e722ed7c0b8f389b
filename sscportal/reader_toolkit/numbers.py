"""How numbers are written on the site, in both languages.

Decision: Latin digits (0-9) in Arabic too, grouped by thousands with a comma
and with a full stop before decimals ("1,500,000.50"). UN Arabic documents and
most Arabic news sites write figures this way, the search folds Arabic-Indic
digits to Latin ones anyway, and one form lets a reader compare an English and
an Arabic page figure by figure. Dates follow the same rule (Arabic month
names, Latin digits). Django's own Arabic number format (a full stop between
thousands) would make "1.500" mean one and a half in English eyes, so amounts
do not go through it.
"""

import gettext
from decimal import Decimal

import pycountry
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext


def grouped(number):
    """1500000 -> "1,500,000"; cents are shown only when there are some."""
    number = Decimal(number)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,.2f}"


def currency_name(code):
    """The currency's name in the page's language (ISO 4217 names, translated by pycountry)."""
    currency = pycountry.currencies.get(alpha_3=code)
    if currency is None:
        return code
    # pycountry's names are English; its catalogues translate them (a language it
    # has no catalogue for keeps the English name).
    translations = gettext.translation(
        "iso4217", pycountry.LOCALES_DIR, languages=[get_language()], fallback=True
    )
    return translations.gettext(currency.name)


def money(amount, currency):
    """An amount with its ISO 4217 code, the code explained by its name.

    The code comes first in English ("USD 1,500,000") and after the amount in
    Arabic ("1,500,000 USD"), as each language writes currencies; the figure
    is isolated so that it never reorders inside right-to-left text.
    """
    code = format_html('<abbr title="{}">{}</abbr>', currency_name(currency), currency)
    figure = format_html('<bdi dir="ltr">{}</bdi>', grouped(amount))
    # Translators: how an amount and its currency code are ordered; keep both placeholders.
    pattern = pgettext("money", "%(currency)s %(amount)s")
    return format_html(
        pattern.replace("%(currency)s", "{currency}").replace("%(amount)s", "{amount}"),
        currency=code,
        amount=figure,
    )


def percentage(value):
    """40 -> "40%" in English, "40٪" in Arabic (the Arabic percent sign, after
    the figure, which keeps Latin digits as every figure on the site does)."""
    # Translators: a percentage; Arabic writes the Arabic percent sign ٪ (U+066A).
    return pgettext("percentage", "%(number)s%%") % {"number": grouped(value)}
