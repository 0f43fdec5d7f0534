"""gettext for UI and report strings (Qt-free, so the core and the PDF can use it too).

Message ids are English; Dutch is the default language. Each part of the app keeps its own
catalogue (domain) in ``resources/locale/<lang>/LC_MESSAGES/<domain>.po``, looked up on its
own: a short id like "Change" may be a button in the GUI and a column heading in the report.
Questionnaire content is not translated here: it carries both languages in its YAML.
"""

from __future__ import annotations

import gettext
from functools import cache

from zelfscan.paths import locale_dir

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
DOMAINS = ("gui", "report", "cli", "about")

_current = DEFAULT_LANGUAGE


@cache
def translation(lang: str, domain: str = "gui") -> gettext.NullTranslations:
    """The catalogue of ``domain`` in ``lang``; English (the message ids) needs none."""
    try:
        return gettext.translation(domain, localedir=locale_dir(), languages=[lang])
    except OSError:  # no catalogue for this domain and language: the English ids stand
        return gettext.NullTranslations()


def set_language(lang: str) -> None:
    """Switch the language used by :func:`_` (the GUI re-labels itself after calling this)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    _current = lang


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """Translate a GUI ``message`` into the current language."""
    return translation(_current, "gui").gettext(message)


def gettext_for(lang: str, domain: str = "report") -> gettext.NullTranslations:
    """A translator bound to one language, for code that renders in a language it is given."""
    return translation(lang, domain)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet."""
    return message
