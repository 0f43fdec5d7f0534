"""The arguments of ``zelfscan-cli``: every one described, with examples, in the user's language.

Build and use the parser inside :func:`zelfscan.arguments.parsing_in`, so argparse's own words
are in the same language as ours. Test-only options are hidden from ``--help``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zelfscan import __version__, arguments
from zelfscan.i18n import LANGUAGES

ANSWERS_EXAMPLE = """\
  questionnaire: veilige-woning
  answers:
    woningtype: eengezinswoning
    maatregelen-voordeur: [skg3, kerntrekbeveiliging]"""


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (build and use it inside ``arguments.parsing_in``)."""
    _ = arguments.translator(lang)
    parser = argparse.ArgumentParser(
        prog="zelfscan-cli",
        description=arguments.wrap(
            _(
                "Zelfscan without a window: check, show and score questionnaires, and make "
                "the advice report."
            )
        ),
        epilog=_(
            "examples:\n"
            "  zelfscan-cli list\n"
            "  zelfscan-cli validate my-scan.yaml\n"
            "  zelfscan-cli report veilige-woning --answers answers.yaml --out advice.pdf\n"
            "  zelfscan-cli report veilige-woning --answers answers.yaml --out advice.pdf "
            "--lang en\n\n"
            "Help for one command: zelfscan-cli COMMAND --help\n"
            "Exit codes: 0 done, 1 bad input (the message says what and where), 2 usage error."
        ),
        formatter_class=arguments.HelpFormatter,
    )
    arguments.add_version(parser, __version__, _)
    parser.add_argument(
        "--home",
        type=Path,
        metavar=_("FOLDER"),
        help=_(
            "folder for your own files (settings, vault, your own questionnaires); "
            "default: ZELFSCAN_HOME or the usual folders for your user"
        ),
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar=_("COMMAND"), title=_("commands")
    )

    def command(name: str, summary: str, epilog: str = "") -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=summary,
            description=arguments.wrap(summary),
            epilog=epilog or None,
            formatter_class=arguments.HelpFormatter,
        )

    def questionnaire(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "id", metavar="ID", help=_("the questionnaire's ID (see: zelfscan-cli list)")
        )

    def language(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--lang",
            choices=LANGUAGES,
            default="nl",
            help=_("language of the output: nl (Dutch, the default) or en (English)"),
        )

    def answers(p: argparse.ArgumentParser, persona: bool = False) -> None:
        # With a persona (for editors): its answers instead of a file, one of the two.
        add = p.add_mutually_exclusive_group(required=True).add_argument if persona else None
        (add or p.add_argument)(
            "--answers",
            type=Path,
            required=not persona,
            metavar=_("FILE"),
            help=_("answers file, YAML or JSON: the questionnaire's ID and an answer per question"),
        )
        if add is not None:
            add(
                "--persona",
                metavar=_("PERSONA"),
                help=_(
                    "use the answers of one of the questionnaire's personas (its id) instead "
                    "of an answers file; nothing is written but the output"
                ),
            )

    def hidden_deterministic(p: argparse.ArgumentParser) -> None:
        # For tests: a fixed date and fixed document ids, so two runs give the same bytes.
        p.add_argument("--deterministic", action="store_true", help=argparse.SUPPRESS)

    command("list", _("one line per questionnaire: ID, version and title, separated by tabs"))

    p = command(
        "validate",
        _("check questionnaire files and point to every error as FILE:LINE:COL"),
        _("example:\n  zelfscan-cli validate questionnaires/veilige-woning.yaml"),
    )
    p.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar=_("FILE"),
        help=_("questionnaire files (YAML); default: every built-in and your own"),
    )

    p = command(
        "show",
        _("the questionnaire as the app sees it, as JSON"),
        _("example:\n  zelfscan-cli show veilige-woning --lang en"),
    )
    questionnaire(p)
    p.add_argument(
        "--json", action="store_true", help=_("print JSON (always done; allowed for scripts)")
    )
    language(p)

    answers_help = _("An answers file (YAML or JSON) looks like this:")
    p = command(
        "score",
        _("the results per theme and the advice, without a PDF"),
        f"{answers_help}\n{ANSWERS_EXAMPLE}\n\n"
        + _("example:\n  zelfscan-cli score veilige-woning --answers answers.yaml --json"),
    )
    questionnaire(p)
    answers(p)
    p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    language(p)

    p = command(
        "report",
        _("the personal advice as a PDF or an HTML file"),
        f"{answers_help}\n{ANSWERS_EXAMPLE}\n\n"
        + _(
            "examples:\n"
            "  zelfscan-cli report veilige-woning --answers answers.yaml --out advice.pdf\n"
            "  zelfscan-cli report veilige-woning --answers answers.yaml --out advice.html --full\n"
            "  zelfscan-cli report veilige-woning --answers answers.yaml --out advice.pdf "
            "--password-file password.txt"
        ),
    )
    questionnaire(p)
    answers(p, persona=True)
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=_("FILE"),
        help=_(
            "where to save the advice: a name ending in .pdf gives a PDF, one ending in .html "
            "a web page that screen readers can read (an existing file is replaced)"
        ),
    )
    language(p)
    p.add_argument(
        "--full",
        action="store_true",
        help=_(
            "the full report: also explains every measure (why, how, effort, cost, who can "
            "help); without it the advice fits in a few pages"
        ),
    )
    p.add_argument(
        "--password-file",
        type=Path,
        metavar=_("FILE"),
        help=_(
            "encrypt the PDF with AES-256; it then opens only with the password. FILE is a "
            "text file (UTF-8) that holds only the password; a line break at the end is "
            "ignored. Delete the file or keep it somewhere safe afterwards"
        ),
    )
    hidden_deterministic(p)

    p = command(
        "blank",
        _("the blank paper version as a PDF: every question with tick boxes"),
        _("example:\n  zelfscan-cli blank persoonlijke-veiligheid --out paper.pdf"),
    )
    questionnaire(p)
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=_("FILE.pdf"),
        help=_("where to save the PDF (an existing file is replaced)"),
    )
    language(p)
    hidden_deterministic(p)

    p = command(
        "new",
        _(
            "write a small, valid starting file for a new questionnaire, with every kind of "
            "element and comments that explain them"
        ),
        _(
            "example:\n  zelfscan-cli new mijn-scan\n  zelfscan-cli validate mijn-scan.yaml\n\n"
            "The guide to the format is questionnaires/README.md."
        ),
    )
    p.add_argument("id", metavar="ID", help=_("the new questionnaire's ID (a-z, 0-9, - and _)"))
    p.add_argument(
        "--out",
        type=Path,
        metavar=_("FILE"),
        help=_("where to write it (default: ID.yaml in this folder); an existing file is kept"),
    )

    command(
        "schema",
        _(
            "the questionnaire format as JSON Schema (draft 2020-12), for autocompletion "
            "and checks as you type in your editor"
        ),
        _(
            "example:\n  zelfscan-cli schema > schema.json\n\n"
            "Then put this line first in your questionnaire file:\n"
            "  # yaml-language-server: $schema=schema.json"
        ),
    )

    p = command(
        "trainer-pack",
        _(
            "the trainer pack as a PDF: a 90-minute session script, notes and prompts per "
            "theme, demo person cards, the contacts and the slides of the audience view"
        ),
        _("example:\n  zelfscan-cli trainer-pack persoonlijke-veiligheid --out pack.pdf"),
    )
    questionnaire(p)
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=_("FILE.pdf"),
        help=_("where to save the PDF (an existing file is replaced)"),
    )
    language(p)
    hidden_deterministic(p)

    p = command(
        "wipe",
        _(
            "delete everything Zelfscan stored for this user: the vault, its backup, the "
            "settings and the log (the app's Privacy > Delete everything)"
        ),
        _(
            "examples:\n"
            "  zelfscan-cli wipe          only show what would be deleted\n"
            "  zelfscan-cli wipe --yes    delete it\n\n"
            "The uninstallers run this when you choose to delete your data. PDFs you saved "
            "are not touched."
        ),
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help=_("really delete; without it the paths are only listed"),
    )
    p.add_argument(
        "--include-questionnaires",
        action="store_true",
        help=_("also delete the questionnaires you added yourself"),
    )
    return parser
