"""'Statements that mention X': the piece any page about a country, an
initiative or an organization uses, with templates/includes/mentioned_in.html.

    context["mentioned_in"] = mentioned_in(countries=country)
    {% include "includes/mentioned_in.html" %}
"""

from sscportal.caching.values import cached_count

from .models import Statement

# A page shows the newest ones; a much-mentioned country has hundreds.
MENTIONED_IN_PREVIEW = 10


def mentioned_in(**related):
    """Published statements mentioning one item: `countries=`, `initiatives=` or
    `organizations=` (the keys of the exchange format's `mentions`)."""
    statements = Statement.objects.published().mentioning(**related)
    count = cached_count(statements)
    return {
        "statements": statements.for_list().order_by("-delivered_on", "slug")[
            :MENTIONED_IN_PREVIEW
        ],
        "count": count,
        "more": count > MENTIONED_IN_PREVIEW,
    }
