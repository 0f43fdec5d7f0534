"""Command-line help and usage errors in the user's language, for ``zelfscan`` and ``zelfscan-cli``.

Dutch by default; English with ``--lang en`` anywhere on the command line or with an English
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set, as POSIX orders them).

Our own help texts come from the ``cli`` catalogue (English msgids, Dutch in
``resources/locale/nl/LC_MESSAGES/cli.po``). argparse's own words ("usage:", "options", its
error lines) are translated the way the argparse documentation describes: argparse looks them
up with :func:`gettext.gettext`, in gettext's global text domain, so while a parser is built
and used, :func:`parsing_in` points that domain at the same ``cli`` catalogue in the chosen
language and puts everything back afterwards. Nothing of argparse itself is patched.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import os
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence

from zelfscan.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, gettext_for
from zelfscan.paths import locale_dir

DOMAIN = "cli"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
)
"""The texts argparse (Python 3.11) asks gettext for that our commands can show; the ``cli``
catalogue translates them. A newer Python may word one differently: that text then stays
English until it is added here and to the catalogue."""


def help_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language for help and usage errors: ``--lang`` if given, else the locale's."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def translator(lang: str) -> Callable[[str], str]:
    """``_`` for our own help texts in ``lang``."""
    return gettext_for(lang, DOMAIN).gettext


@contextlib.contextmanager
def parsing_in(lang: str) -> Iterator[None]:
    """Let argparse speak ``lang`` while parsers are built and used inside this block.

    gettext finds the language of its global domain in ``LANGUAGE`` before the locale
    variables, so that is set for the block; English has no catalogue and keeps argparse's
    own words. The domain, its folder and the variable are restored on the way out, also when
    argparse exits (``--help``, ``--version``, a usage error).
    """
    old_domain = gettext.textdomain()
    old_dir = gettext.bindtextdomain(DOMAIN)
    old_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(old_domain)
        gettext.bindtextdomain(DOMAIN, old_dir)
        if old_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = old_language


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of descriptions and epilogs (the examples), wraps the rest."""


def wrap(text: str) -> str:
    """A description wrapped as argparse wraps help (the formatter keeps it as given)."""
    return textwrap.fill(text, width=78)


def add_version(parser: argparse.ArgumentParser, version: str, _: Callable[[str], str]) -> None:
    parser.add_argument(
        "--version",
        action="version",
        version=f"zelfscan {version}",
        help=_("print the version number and exit"),
    )
