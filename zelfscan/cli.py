"""``zelfscan-cli``: the headless entry point over the same core as the app.

For content editors (validate, show, a preview report), for tests and for scripting. Exit
codes: 0 success, 1 bad input (message on stderr, never a traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from zelfscan import arguments
from zelfscan.cli_parser import build_parser
from zelfscan.core.answers import check_answers, load_answers_file, normalise_answers
from zelfscan.core.catalog import Catalog, builtin_dirs, discover, find
from zelfscan.core.errors import AnswersError, LoadError, QuestionnaireError
from zelfscan.core.evaluate import evaluate
from zelfscan.core.model import Questionnaire
from zelfscan.userdirs import user_dirs

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class BadInput(Exception):
    """A problem with the user's input: printed as is, exit code 1."""


def _dirs(home: Path | None) -> list[Path]:
    return [*builtin_dirs(), user_dirs(home).questionnaires]


def _catalog(home: Path | None) -> Catalog:
    """Every questionnaire (built-in ones from their compiled copies when up to date)."""
    return discover(_dirs(home))


def _one(home: Path | None, qid: str) -> Questionnaire:
    """Only the questionnaire ``qid`` (``catalog.find``): a report needs one, not all.

    Files that had to be loaded on the way and failed are reported on stderr; the command
    goes on with the questionnaire it needs."""
    catalog = find(_dirs(home), qid)
    if qid in catalog.questionnaires:
        _warn(catalog)
    return _questionnaire(catalog, qid)


def _warn(catalog: Catalog) -> None:
    for error in catalog.errors:
        print(error, file=sys.stderr)


def _questionnaire(catalog: Catalog, qid: str) -> Questionnaire:
    found = catalog.questionnaires.get(qid)
    if found is not None:
        return found
    broken = "\n".join(str(e) for e in catalog.errors)
    known = ", ".join(sorted(catalog.questionnaires)) or "geen"
    hint = f"\n{broken}" if broken else ""
    raise BadInput(f"onbekende vragenlijst '{qid}' (beschikbaar: {known}){hint}")


def _answers(q: Questionnaire, path: Path) -> dict[str, str | tuple[str, ...]]:
    qid, raw = load_answers_file(path)
    if qid != q.id:
        raise BadInput(f"{path}: dit antwoordbestand hoort bij '{qid}', niet bij '{q.id}'")
    problems = check_answers(q, raw)
    if problems:
        raise AnswersError(problems)
    return normalise_answers(q, raw)


def _persona_answers(q: Questionnaire, persona_id: str) -> dict[str, str | tuple[str, ...]]:
    """The answers of the questionnaire's persona ``persona_id`` (checked when it loaded)."""
    for persona in q.personas:
        if persona.id == persona_id:
            return normalise_answers(q, dict(persona.answers))
    known = ", ".join(p.id for p in q.personas) or "geen"
    raise BadInput(f"'{q.id}' heeft geen persona '{persona_id}' (wel: {known})")


def _cmd_list(args: argparse.Namespace) -> int:
    """Every questionnaire that loads, one per line; what does not load goes to stderr.

    Exit 0 as long as something could be listed: ``list`` answers "what can I use?", and a
    script reading its output (``zelfscan-cli list | cut -f1``) must not fail because a
    user's own file has an error; the errors still show on stderr, and ``validate`` is the
    command whose exit code says whether every file is valid. Exit 1 when nothing loads.
    """
    catalog = _catalog(args.home)
    for q in catalog.questionnaires.values():
        print(f"{q.id}\t{q.version}\t{q.title.get('nl')}")
    _warn(catalog)
    return EXIT_OK if catalog.questionnaires else EXIT_BAD_INPUT


def _cmd_validate(args: argparse.Namespace) -> int:
    from zelfscan.core.loader import validate_file

    warnings: list[LoadError] = []
    if args.files:
        errors = [e for path in args.files for e in validate_file(path, warnings)]
        ok = [str(p) for p in args.files if not any(e.file == str(p) for e in errors)]
    else:  # everything the app would load, clashes included; parsed, never a compiled copy
        catalog = discover(_dirs(args.home), use_compiled=False)
        errors = list(catalog.errors)
        if not catalog.questionnaires and not errors:
            raise BadInput("geen vragenlijsten gevonden")
        ok = [q.source for q in catalog.questionnaires.values()]
        own = user_dirs(args.home).questionnaires
        for source in ok:  # the user's own scans once more for their warnings (built-in
            if Path(source).parent == own:  # scans have none: a test keeps it so)
                validate_file(Path(source), warnings)
    for path in ok:
        print(f"{path}: ok")
    for error in [*warnings, *errors]:  # warnings (a valid file) do not change the exit code
        print(error, file=sys.stderr)
    return EXIT_BAD_INPUT if errors else EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from zelfscan.core.json_views import questionnaire_to_json

    q = _one(args.home, args.id)
    _print_json(questionnaire_to_json(q, args.lang))
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    from zelfscan.core.json_views import evaluation_to_json

    q = _one(args.home, args.id)
    result = evaluate(q, _answers(q, args.answers))
    data = evaluation_to_json(result, args.lang)
    if args.json:
        _print_json(data)
        return EXIT_OK
    _print_score(q, data, args.lang)
    return EXIT_OK


_RED_FLAGS = {"nl": "rode vlaggen", "en": "red flags"}


def _print_score(q: Questionnaire, data: dict[str, Any], lang: str) -> None:
    """The text form of ``score``: every word in ``lang`` (the JSON keeps the ids), levels
    and priorities in the words of the report (:mod:`zelfscan.report.words`)."""
    from zelfscan.core.model import Level, Priority
    from zelfscan.report.words import level_word, priority_word

    def level(value: str) -> str:
        return level_word(Level(value), lang)

    overall = data["overall"]
    print(f"{q.title.get(lang)} {q.version}: {_fmt(overall['score'])} {level(overall['level'])}")
    for s in data["sections"]:
        print(f"  {s['title']}: {_fmt(s['score'])} {level(s['level'])}")
    if data["red_flags"]:
        print(f"{_RED_FLAGS[lang]}: " + ", ".join(data["red_flags"]))
    for i, a in enumerate(data["advice"], start=1):
        print(f"{i:>3}. [{priority_word(Priority(a['priority']), lang)}] {a['title']}")


def _print_json(data: object) -> None:
    """Print valid JSON or nothing: ``NaN``/``Infinity`` are not JSON, and a script must be
    able to parse whatever exit 0 comes with. Numbers are bounded when a file is read
    (zelfscan.core.numbers), so this is the last guard, not the check."""
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:
        raise BadInput("de uitkomst bevat een getal dat geen getal is; niets uitgevoerd") from None
    print(text)


def _fmt(score: float | None) -> str:
    return "–" if score is None else f"{score:.0f}"


def _cmd_report(args: argparse.Namespace) -> int:
    from zelfscan.report.build import build_report
    from zelfscan.report.output import ReportFormat, ReportFormatError, format_for, save_report

    try:
        fmt = format_for(args.out)
    except ReportFormatError as exc:
        raise BadInput(str(exc)) from exc
    if args.password_file and fmt is not ReportFormat.PDF:
        raise BadInput(f"{args.out}: een wachtwoord kan alleen een PDF beveiligen")
    q = _one(args.home, args.id)
    if args.persona is not None:
        answers = _persona_answers(q, args.persona)
    else:
        answers = _answers(q, args.answers)
    password = _read_password(args.password_file) if args.password_file else None
    demo = ""  # a demo person's report says VOORBEELD throughout, never "persoonlijk"
    if args.persona is not None:
        demo = next(p.name.get(args.lang) for p in q.personas if p.id == args.persona)
    doc = build_report(q, evaluate(q, answers), args.lang, demo=demo)
    save_report(
        doc,
        args.out,
        fmt=fmt,
        full=args.full,
        password=password,
        deterministic=args.deterministic,
    )
    print(args.out)
    return EXIT_OK


def _write_pdf_of(args: argparse.Namespace, render: Callable[..., bytes]) -> int:
    """``render(questionnaire, lang, deterministic=…)`` for ``args.id``, saved atomically."""
    from zelfscan.storage.atomic import atomic_write

    q = _one(args.home, args.id)
    atomic_write(args.out, render(q, args.lang, deterministic=args.deterministic))
    print(args.out)
    return EXIT_OK


def _cmd_blank(args: argparse.Namespace) -> int:
    from zelfscan.report.blank import render_blank

    return _write_pdf_of(args, render_blank)


def _cmd_new(args: argparse.Namespace) -> int:
    """A starting file for a new questionnaire (:mod:`zelfscan.core.starter`); never replaces
    a file that is there already."""
    from zelfscan.core.starter import BadId, starter_text

    try:
        text = starter_text(args.id)
    except BadId:
        raise BadInput(f"'{args.id}': een id bestaat alleen uit a-z, 0-9, '-' en '_'") from None
    out: Path = args.out or Path(f"{args.id}.yaml")
    try:
        with out.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise BadInput(f"{out}: bestaat al; kies een andere naam met --out") from None
    print(out)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    """The questionnaire format as JSON Schema (:mod:`zelfscan.core.schema`)."""
    from zelfscan.core.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def _cmd_trainer_pack(args: argparse.Namespace) -> int:
    from zelfscan.report.trainer_pack import render_trainer_pack

    return _write_pdf_of(args, render_trainer_pack)


def _cmd_wipe(args: argparse.Namespace) -> int:
    """List (default) or delete (``--yes``) what "Alles wissen" deletes; one path a line."""
    from zelfscan.storage.wipe import WipeIncomplete, plan_wipe, vault_in_use, wipe_everything

    dirs = user_dirs(args.home)
    keep_questionnaires = not args.include_questionnaires
    if not args.yes:
        plan = plan_wipe(dirs, include_questionnaires=not keep_questionnaires)
        for path in plan.delete:
            print(path)
        return EXIT_OK
    if vault_in_use(dirs):
        raise BadInput("Zelfscan heeft de kluis nu open. Sluit Zelfscan en probeer het opnieuw.")
    try:
        removed = wipe_everything(dirs, include_questionnaires=not keep_questionnaires)
    except WipeIncomplete as exc:
        for path in exc.removed:
            print(path)
        for path in exc.failed:
            print(f"zelfscan-cli: niet gewist: {path}", file=sys.stderr)
        print(f"zelfscan-cli: {exc.message('nl')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for path in removed:
        print(path)
    return EXIT_OK


def _read_password(path: Path) -> str:
    """The checked password in ``path`` (:func:`~zelfscan.storage.pdf_password.read_password_file`:
    one line, only its line ending removed, at most 127 bytes as a PDF counts them)."""
    from zelfscan.storage.pdf_password import PasswordProblem, read_password_file

    try:
        return read_password_file(path)
    except PasswordProblem as exc:
        raise BadInput(f"{path}: {exc.message('nl')}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "geen UTF-8-tekst"
        raise BadInput(f"{path}: wachtwoordbestand niet te lezen ({reason})") from None


COMMANDS = {
    "list": _cmd_list,
    "validate": _cmd_validate,
    "show": _cmd_show,
    "score": _cmd_score,
    "report": _cmd_report,
    "blank": _cmd_blank,
    "trainer-pack": _cmd_trainer_pack,
    "wipe": _cmd_wipe,
    "schema": _cmd_schema,
    "new": _cmd_new,
}


def _skip_exit_collection() -> None:
    """At exit: no cyclic garbage collection while the interpreter tears down its modules.

    Those collections only free memory the operating system takes back anyway, and with the
    questionnaire model, two parsed fonts and reportlab's classes alive they took ~35 ms of a
    ~0.5 s ``zelfscan-cli report`` (docs/performance.md). Nothing is lost: output files are
    closed and synced before this (``atomic_write``), the interpreter flushes stdout and
    stderr after the exit handlers, and objects are still freed by reference counting; only
    objects in reference cycles are left to the operating system.
    """
    gc.freeze()


def _silence_stdout() -> None:
    """Point standard output at the null device after a closed pipe, so the interpreter's
    last flush at exit has nowhere to fail (the recipe of the Python documentation, "Note on
    SIGPIPE"). Not possible for a stream without a descriptor (a test's capture): then the
    flush at exit has nothing left to write anyway."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _output_never_fails_on_a_letter() -> None:
    """A letter the output's encoding lacks becomes "?" instead of a crash.

    Windows gives a redirected ``stdout`` the ANSI code page (cp1252 on Dutch and English
    systems), not UTF-8: ``zelfscan-cli report ... --out Łódź.pdf > log.txt`` wrote the PDF
    and then died with ``UnicodeEncodeError`` printing its path. The encoding stays what the
    system chose (a consumer of the pipe expects it; ``PYTHONUTF8=1`` selects UTF-8), only
    unencodable letters are replaced. ``stderr`` already uses ``backslashreplace``.
    """
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _output_never_fails_on_a_letter()
    # Only at exit, so an in-process caller (a test) keeps its collector while it runs.
    atexit.unregister(_skip_exit_collection)
    atexit.register(_skip_exit_collection)
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = arguments.help_language(argv)
    with arguments.parsing_in(lang):
        args = build_parser(lang).parse_args(argv)  # exits 2 on a usage error
    try:
        status = COMMANDS[args.command](args)
        sys.stdout.flush()  # so a reader that went away shows here, not at exit
        return status
    except BrokenPipeError:  # `zelfscan-cli list | head -1`: the reader has what it wanted
        _silence_stdout()
        return EXIT_OK
    except QuestionnaireError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
    except AnswersError as exc:
        where = getattr(args, "answers", None) or f"persona {getattr(args, 'persona', '')}"
        for message in exc.errors:
            print(f"{where}: {message}", file=sys.stderr)
    except BadInput as exc:
        print(f"zelfscan-cli: {exc}", file=sys.stderr)
    except OSError as exc:
        where = exc.filename or ""
        print(f"zelfscan-cli: {where}: {exc.strerror or exc.__class__.__name__}", file=sys.stderr)
    except RuntimeError as exc:
        if not _protection_failed(exc):
            raise
        print("zelfscan-cli: de PDF kon niet worden beveiligd; niets opgeslagen", file=sys.stderr)
    return EXIT_BAD_INPUT


def _protection_failed(exc: RuntimeError) -> bool:
    """Whether ``exc`` is an encrypted PDF that failed its own check. The password module
    (and ``secrets``, ``stringprep`` with it) is imported only then and when a password is
    given, not by every report."""
    from zelfscan.storage.pdf_password import ProtectionFailed

    return isinstance(exc, ProtectionFailed)


if __name__ == "__main__":
    sys.exit(main())
