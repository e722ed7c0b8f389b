"""Converters for values written as standard codes: M49 regions, ISO 4217 budgets,
and the decimal shares (percentages) IATI gives sectors."""

import re
from decimal import Decimal, InvalidOperation

import pycountry

from .fields import MISSING, Field, Reference, show

_M49 = re.compile(r"^[0-9]{3}$")
_AMOUNT = re.compile(r"^[0-9]{1,16}(\.[0-9]{1,2})?$")


class M49Reference(Reference):
    """An M49 code as the standard writes it, three digits ("002" for Africa).

    Stored as the number (2); a string keeps the leading zeros that "002"
    and "419" are known by, and keeps 2 apart from a typo.
    """

    def load_value(self, value, path, report, context):
        if not isinstance(value, str) or not _M49.match(value):
            report.error(path, f'{show(value)} is not an M49 code (three digits, e.g. "002")')
            return MISSING
        if int(value) not in context.known[self.kind]:
            report.error(path, f"unknown {self.noun} {show(value)}")
            return MISSING
        return int(value)

    def key_of(self, related):
        return f"{super().key_of(related):03d}"

    def value_schema(self):
        return {"type": "string", "pattern": _M49.pattern, "description": f"the {self.noun}"}


class M49Code(Field):
    """A region's or country's own M49 code, written like M49Reference ("004")."""

    def load_value(self, value, path, report, context):
        if not isinstance(value, str) or not _M49.match(value):
            report.error(path, f'{show(value)} is not an M49 code (three digits, e.g. "002")')
            return MISSING
        return int(value)

    def dump(self, value):
        return f"{value:03d}"

    def value_schema(self):
        return {"type": "string", "pattern": _M49.pattern}


def is_currency(code):
    # pycountry's lookup ignores case; the format writes codes in capitals only.
    return (
        isinstance(code, str)
        and code.isupper()
        and pycountry.currencies.get(alpha_3=code) is not None
    )


class Budget(Field):
    """{"amount": "1500000.00", "currency": "USD"}, stored as `<name>_amount` and `<name>_currency`.

    The amount is a decimal string, never a JSON number: a float would round
    amounts that a re-user has to be able to add up to the cent.
    """

    def empty(self):
        return None

    def load_value(self, value, path, report, context):
        if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
            report.error(path, 'must be {"amount": "1500000.00", "currency": "USD"} or null')
            return MISSING
        amount, currency = value["amount"], value["currency"]
        ok = True
        if not isinstance(amount, str) or not _AMOUNT.match(amount):
            report.error(
                f"{path}.amount",
                f"{show(amount)} is not an amount (a string of digits, at most two decimals)",
            )
            ok = False
        if not is_currency(currency):
            report.error(f"{path}.currency", f"{show(currency)} is not an ISO 4217 currency code")
            ok = False
        if not ok:
            return MISSING
        try:
            return {"amount": Decimal(amount), "currency": currency}
        except InvalidOperation:  # pragma: no cover - the pattern already refused it
            report.error(f"{path}.amount", f"{show(amount)} is not an amount")
            return MISSING

    def write(self, instance, name, value, resolve):
        setattr(instance, f"{name}_amount", value["amount"] if value else None)
        setattr(instance, f"{name}_currency", value["currency"] if value else "")

    def read(self, instance, name):
        amount = getattr(instance, f"{name}_amount")
        if amount is None:
            return None
        return {"amount": f"{amount:.2f}", "currency": getattr(instance, f"{name}_currency")}

    def value_schema(self):
        return {
            "type": "object",
            "properties": {
                "amount": {"type": "string", "pattern": _AMOUNT.pattern},
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            },
            "required": ["amount", "currency"],
            "additionalProperties": False,
        }


_PERCENTAGE = re.compile(r"^[0-9]{1,3}(\.[0-9]{1,2})?$")


class Percentage(Field):
    """A share in percent, more than 0 and at most 100, as a decimal string ("33.33"):
    shares are added up to 100 and a float would miss by a rounding error."""

    def load_value(self, value, path, report, context):
        if not isinstance(value, str) or not _PERCENTAGE.match(value):
            report.error(
                path, f'{show(value)} is not a percentage (a string such as "25" or "33.33")'
            )
            return MISSING
        share = Decimal(value)
        if not 0 < share <= 100:
            report.error(path, f"{show(value)} is not more than 0 and at most 100")
            return MISSING
        return share

    def dump(self, value):
        return None if value is None else f"{value:.2f}"

    def value_schema(self):
        return {"type": "string", "pattern": _PERCENTAGE.pattern}


def shares_add_up(name, key="percentage"):
    """A rule: the `key` of the entries of the list `name`, when given for every
    entry, add up to 100 (IATI's rule for sectors and recipients)."""

    def rule(data, path, report):
        shares = [entry[key] for entry in data[name]]
        if shares and None not in shares and sum(shares) != 100:
            report.error(
                f"{path}.{name}", f"the percentages add up to {sum(shares).normalize():f}, not 100"
            )
            return False
        return True

    return rule
