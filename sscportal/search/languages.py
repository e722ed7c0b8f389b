"""How text in each site language is indexed and queried, from settings.SEARCH_LANGUAGES.

Every column, query and snippet takes its languages from here, so a language
added to LANGUAGES is searched with its own configuration.
"""

import re
from dataclasses import dataclass

from django.conf import settings

# Names that go into SQL as written: configurations and function names only.
_SQL_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class SearchLanguage:
    code: str
    configuration: str = "simple"
    normalize: str | None = None

    def __post_init__(self):
        for name in filter(None, (self.configuration, self.normalize)):
            if not _SQL_NAME.match(name):
                raise ValueError(f"SEARCH_LANGUAGES[{self.code!r}]: {name!r} is not an SQL name")

    @property
    def stems(self):
        """Its configuration stems words and drops stop words (unlike "simple")."""
        return self.configuration != "simple"

    def text_sql(self, placeholder="%s"):
        """SQL for a query word as this language's columns were indexed."""
        if self.normalize:
            return f"{self.normalize}(lower({placeholder}))"
        return placeholder


def search_languages():
    """One SearchLanguage per site language, in the order of settings.LANGUAGES."""
    configured = getattr(settings, "SEARCH_LANGUAGES", {})
    return [SearchLanguage(code, **configured.get(code, {})) for code, _name in settings.LANGUAGES]
