"""Compiled copies of the built-in questionnaires: the same model as the loader, or not used."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from zelfscan import paths
from zelfscan.core import catalog as catalog_module
from zelfscan.core import codec, compiled
from zelfscan.core.catalog import builtin_dirs, discover, find, start_up
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Addition, Questionnaire, Text, TextList, Variant
from zelfscan.core.summary import Summary

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "questionnaires" / "mini.yaml"
BUILTINS = sorted((ROOT / "questionnaires").glob("*.yaml"))
HEAVY = (
    "yaml",
    "zelfscan.core.loader",
    "zelfscan.core.fields",
    "zelfscan.core.items",
    "zelfscan.core.questions",
    "zelfscan.core.yamlsafe",
    "zelfscan.core.reachability",
)


def round_trip(q: Questionnaire) -> Questionnaire:
    text = json.dumps(codec.to_data(q), ensure_ascii=False)
    return codec.from_data(json.loads(text), q.source)


def assert_identical(a: Questionnaire, b: Questionnaire) -> None:
    assert a == b
    assert codec.same_types(a, b)  # 1 == 1.0 and a list == a tuple would pass ==
    assert a.source == b.source
    assert dict(a.questions) == dict(b.questions)


@pytest.mark.parametrize("path", [*BUILTINS, MINI], ids=lambda p: p.name)
def test_round_trip_is_exact(path: Path) -> None:
    q = load_questionnaire(path)
    assert_identical(round_trip(q), q)


def test_round_trip_with_every_optional_field_set() -> None:
    """The built-ins leave a few optional texts empty; set them all."""
    q = load_questionnaire(MINI)
    t = Text({"nl": "één", "en": "one"})
    steps = TextList({"nl": ("a", "b"), "en": ("c",)})
    when = q.advice[0].when
    addition = Addition("alles", frozenset({"x", "y"}), when, t, steps, t, t, t, ("c1",), 7)
    variant = Variant(when, t, steps, t, t, t, ("c1", "c2"))
    advice = dataclasses.replace(q.advice[0], variants=(variant, *q.advice[0].variants))
    full = dataclasses.replace(q, additions=(addition,), advice=(advice, *q.advice[1:]))
    assert_identical(round_trip(full), full)


def test_every_model_type_has_a_json_form() -> None:
    codec._codecs.cache_clear()
    codec._codecs()  # raises TypeError for an annotation it can not store


# --- a built-in folder with compiled copies -----------------------------------------------


@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data root whose built-in folder holds the mini fixture and a copy of one built-in."""
    root = tmp_path / "data"
    folder = root / "questionnaires"
    folder.mkdir(parents=True)
    (root / "resources").symlink_to(paths.resources_dir(), target_is_directory=True)
    shutil.copy(MINI, folder / "mini.yaml")
    shutil.copy(BUILTINS[0], folder / BUILTINS[0].name)
    monkeypatch.setenv(paths.DATA_ROOT_ENV, str(root))
    assert builtin_dirs() == [folder]
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the catalog parses (instead of using a compiled copy)."""
    names: list[str] = []
    real = catalog_module._load

    def spy(path: Path) -> Questionnaire:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(catalog_module, "_load", spy)
    return names


def test_build_writes_a_copy_per_valid_file(builtin: Path) -> None:
    outcomes = compiled.build(builtin)
    assert [(o.path.name, o.status) for o in outcomes] == [
        ("mini.yaml", "written"),
        (BUILTINS[0].name, "written"),
    ]
    assert sorted(p.name for p in (builtin / ".compiled").iterdir()) == [
        "mini.yaml.json",
        f"{BUILTINS[0].name}.json",
    ]  # nothing else: the temporary files are gone
    assert [o.status for o in compiled.build(builtin)] == ["up to date"] * 2
    assert [o.status for o in compiled.build(builtin, check=True)] == ["up to date"] * 2


def test_discover_and_find_use_the_copies(builtin: Path, parsed: list[str]) -> None:
    expected = discover(builtin_dirs(), use_compiled=False)
    assert parsed == ["mini.yaml", BUILTINS[0].name]
    parsed.clear()
    compiled.build(builtin)
    found = discover(builtin_dirs())
    assert parsed == []
    assert list(found.questionnaires) == list(expected.questionnaires)
    assert found.files == expected.files
    assert found.errors == expected.errors == []
    for qid, q in expected.questionnaires.items():
        assert_identical(found.questionnaires[qid], q)
    one = find(builtin_dirs(), "mini")
    assert list(one.questionnaires) == ["mini"]
    assert_identical(one.questionnaires["mini"], expected.questionnaires["mini"])
    assert parsed == []


def test_a_changed_byte_makes_the_copy_stale(builtin: Path, parsed: list[str]) -> None:
    compiled.build(builtin)
    path = builtin / "mini.yaml"
    path.write_bytes(path.read_bytes().replace(b"Miniscan", b"Minisca.", 1))
    found = discover(builtin_dirs())
    assert parsed == ["mini.yaml"]
    assert_identical(found.questionnaires["mini"], load_questionnaire(path))
    assert found.questionnaires["mini"].title.get("nl").startswith("Minisca.")
    assert [o.status for o in compiled.build(builtin, check=True)] == ["stale", "up to date"]
    assert compiled.main(["--check", str(builtin)]) == 1


def _mangle(text: str, key: str, value: object) -> str:
    """Set ``key`` of the copy's header (its first line)."""
    head, data = text.split("\n", 1)
    header = json.loads(head)
    header[key] = value
    return json.dumps(header) + "\n" + data


def _mangle_data(text: str, change: Callable[[list[object]], object]) -> str:
    """Change the copy's questionnaire (its second line)."""
    head, data = text.split("\n", 1)
    return head + "\n" + json.dumps(change(json.loads(data))) + "\n"


BROKEN: dict[str, Callable[[str], str]] = {
    "not JSON": lambda text: "{" + text,
    "truncated": lambda text: text[: len(text) // 2],
    "empty": lambda text: "",
    "a list": lambda text: "[]",
    "old format": lambda text: _mangle(text, "format", compiled.FORMAT - 1),
    "other model": lambda text: _mangle(text, "model", "0" * 64),
    "other code": lambda text: _mangle(text, "code", "0" * 64),
    "other source": lambda text: _mangle(text, "source", "0" * 64),
    "no questionnaire": lambda text: _mangle_data(text, lambda _data: None),
    "one line": lambda text: text.split("\n", 1)[0],
    "a field short": lambda text: _mangle_data(text, lambda data: data[:-1]),
    "a wrong enum": lambda text: text.replace('"single"', '"enkel"'),
    "another id": lambda text: _mangle(text, "id", "andere"),
    "not UTF-8": lambda text: text.replace("Miniscan", "Mini\udcffscan"),
}

SUMMARY_BROKEN: dict[str, Callable[[str], str]] = {
    "no summary": lambda text: _mangle(text, "summary", None),
    "a summary of another id": lambda text: _mangle(
        text, "summary", {**json.loads(text.split("\n", 1)[0])["summary"], "id": "andere"}
    ),
    "a summary without minutes": lambda text: _mangle(
        text, "summary", {**json.loads(text.split("\n", 1)[0])["summary"], "minutes": "7"}
    ),
}


@pytest.mark.parametrize("how", BROKEN, ids=list(BROKEN))
def test_a_broken_copy_is_never_used(
    builtin: Path, parsed: list[str], how: str, caplog: pytest.LogCaptureFixture
) -> None:
    compiled.build(builtin)
    copy = compiled.compiled_path(builtin / "mini.yaml")
    broken = BROKEN[how](copy.read_text(encoding="utf-8"))
    copy.write_bytes(broken.encode("utf-8", "surrogateescape"))
    with caplog.at_level(logging.DEBUG, logger="zelfscan.core.compiled"):
        found = discover(builtin_dirs())
        one = find(builtin_dirs(), "mini")
        scans = start_up(builtin_dirs())  # the summary, if usable; the file, once
        scans.load()
    assert parsed == ["mini.yaml", "mini.yaml", "mini.yaml"]
    fresh = load_questionnaire(builtin / "mini.yaml")
    assert_identical(found.questionnaires["mini"], fresh)
    assert_identical(one.questionnaires["mini"], fresh)
    assert_identical(scans["mini"], fresh)
    assert scans.summary("mini") == Summary.of(fresh)
    assert found.errors == scans.errors == []
    messages = [r.getMessage() for r in caplog.records]
    assert any("mini.yaml not used" in m for m in messages)
    assert not any("Miniscan" in m for m in messages)  # file names and reasons, no content


@pytest.mark.parametrize("how", SUMMARY_BROKEN, ids=list(SUMMARY_BROKEN))
def test_a_broken_summary_is_never_used(builtin: Path, parsed: list[str], how: str) -> None:
    """Without a usable summary the start loads the questionnaire at once (here from its
    copy, which is fine), as before summaries existed."""
    compiled.build(builtin)
    copy = compiled.compiled_path(builtin / "mini.yaml")
    copy.write_text(SUMMARY_BROKEN[how](copy.read_text(encoding="utf-8")), encoding="utf-8")
    assert compiled.read_summary(builtin / "mini.yaml") is None
    scans = start_up(builtin_dirs())
    assert not scans.loaded  # the other built-in waits for its first use
    assert "mini" in scans._loaded
    fresh = load_questionnaire(builtin / "mini.yaml")
    assert scans.summary("mini") == Summary.of(fresh)
    assert_identical(scans["mini"], fresh)
    assert parsed == []


def test_a_missing_yaml_file_removes_its_copy(builtin: Path) -> None:
    compiled.build(builtin)
    (builtin / "mini.yaml").unlink()
    assert [o.status for o in compiled.build(builtin, check=True)][-1] == "stale"
    outcomes = compiled.build(builtin)
    assert [(o.path.name, o.status) for o in outcomes][-1] == ("mini.yaml.json", "removed")
    assert not compiled.compiled_path(builtin / "mini.yaml").exists()


def test_an_invalid_file_gets_no_copy(builtin: Path) -> None:
    compiled.build(builtin)
    path = builtin / "mini.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: yesno", "type: x", 1), encoding="utf-8"
    )
    outcomes = compiled.build(builtin)
    assert (outcomes[0].path.name, outcomes[0].status) == ("mini.yaml", "not valid")
    assert not compiled.compiled_path(path).exists()  # the stale copy is gone too
    found = discover(builtin_dirs())
    assert "mini" not in found.questionnaires
    assert [Path(e.file).name for e in found.errors] == ["mini.yaml"]


def _plant(path: Path, valid: Path) -> None:
    """A copy of the valid file ``valid`` that claims to belong to ``path`` (a forgery: the
    build never writes one)."""
    q = load_questionnaire(valid)
    header = compiled._header(path.read_bytes())
    content = {**header, "id": q.id, "summary": Summary.of(q).to_data()}
    target = compiled.compiled_path(path)
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(content) + "\n" + json.dumps(codec.to_data(q)), encoding="utf-8")


def test_validate_always_parses(builtin: Path, zelfscan_home: Path) -> None:
    path = builtin / "mini.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: yesno", "type: x", 1), encoding="utf-8"
    )
    _plant(path, MINI)
    assert "mini" in discover(builtin_dirs()).questionnaires  # the app would trust it
    env = {**os.environ, "ZELFSCAN_HOME": str(zelfscan_home)}
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", "validate"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 1
    assert f"{path}:" in result.stderr
    assert "'slot'" in result.stderr


def test_user_folders_never_use_a_copy(
    builtin: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    user.mkdir()
    other = MINI.read_text(encoding="utf-8").replace("id: mini\n", "id: andere\n", 1)
    (user / "andere.yaml").write_text(other, encoding="utf-8")
    compiled.build(builtin)
    compiled.build(user)  # a user could make one; it is still not read
    assert compiled.compiled_path(user / "andere.yaml").exists()
    read: list[str] = []
    real = compiled.read

    def spy(path: Path) -> compiled.Compiled | None:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(compiled, "read", spy)
    found = discover([*builtin_dirs(), user])
    assert sorted(found.questionnaires) == sorted(["mini", "andere", load_id(BUILTINS[0])])
    assert parsed == ["andere.yaml"]
    assert read == ["mini.yaml", BUILTINS[0].name]
    read.clear()
    assert list(find([*builtin_dirs(), user], "andere").questionnaires) == ["andere"]
    assert read == ["mini.yaml", BUILTINS[0].name]


def load_id(path: Path) -> str:
    return load_questionnaire(path).id


def test_a_frozen_bundle_skips_only_the_code_check(
    builtin: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle has no sources to hash; its copies were built with its code."""
    compiled.build(builtin)
    compiled.code_fingerprint.cache_clear()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    try:
        assert compiled.code_fingerprint() is None
        assert "mini" in discover(builtin_dirs()).questionnaires
        assert parsed == []
        path = builtin / "mini.yaml"
        path.write_bytes(path.read_bytes() + b"\n")
        assert "mini" in discover(builtin_dirs()).questionnaires
        assert parsed == ["mini.yaml"]  # the source check still holds
    finally:
        compiled.code_fingerprint.cache_clear()  # computed again once sys.frozen is gone


def test_the_model_fingerprint_follows_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from zelfscan.core import model

    before = compiled.model_fingerprint()
    compiled.model_fingerprint.cache_clear()
    extra = dataclasses.make_dataclass("Extra", [("x", "int")])
    monkeypatch.setattr(model, "Extra", extra, raising=False)
    try:
        assert compiled.model_fingerprint() != before
    finally:
        monkeypatch.delattr(model, "Extra")
        compiled.model_fingerprint.cache_clear()
    assert compiled.model_fingerprint() == before


# --- start-up without the YAML layer -------------------------------------------------------

_PROBE = """
import sys
from zelfscan.core.catalog import builtin_dirs, discover, find
catalog = discover(builtin_dirs()) if sys.argv[1] == "discover" else find(builtin_dirs(), "mini")
assert "mini" in catalog.questionnaires and not catalog.errors, catalog.errors
heavy = {heavy!r}
print(",".join(m for m in heavy if m in sys.modules))
"""


def _python(code: str, *args: str) -> str:
    """What a fresh interpreter running ``code`` prints (modules already imported here do
    not count there)."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        cwd=ROOT,
        timeout=120,
        check=True,
        encoding="utf-8",
    )
    return result.stdout


def _imported(how: str) -> list[str]:
    return [m for m in _python(_PROBE.format(heavy=HEAVY), how).strip().split(",") if m]


@pytest.mark.parametrize("how", ["discover", "find"])
def test_with_copies_the_yaml_layer_is_never_imported(builtin: Path, how: str) -> None:
    assert _imported(how) == list(HEAVY)  # no copies yet: the probe sees the imports
    compiled.build(builtin)
    assert _imported(how) == []


# --- the app's start: summaries first ------------------------------------------------------


def test_start_up_lists_what_discover_finds_without_loading_it(
    builtin: Path, parsed: list[str]
) -> None:
    compiled.build(builtin)
    expected = discover(builtin_dirs())
    scans = start_up(builtin_dirs())
    assert parsed == []
    assert not scans.loaded
    assert list(scans) == list(expected.questionnaires)
    assert len(scans) == 2
    assert scans.summaries() == [Summary.of(q) for q in expected.questionnaires.values()]
    assert "mini" in scans
    assert "andere" not in scans
    assert_identical(scans["mini"], expected.questionnaires["mini"])  # a lookup loads them all
    assert scans.loaded
    for qid, q in expected.questionnaires.items():
        assert_identical(scans[qid], q)
    assert parsed == []
    assert scans.errors == []


def test_start_up_parses_user_files_at_once_with_discovers_rules(
    builtin: Path, tmp_path: Path, parsed: list[str]
) -> None:
    """Their errors (and a clash with a built-in id) show on the start screen at once."""
    user = tmp_path / "user"
    user.mkdir()
    other = MINI.read_text(encoding="utf-8").replace("id: mini\n", "id: andere\n", 1)
    (user / "andere.yaml").write_text(other, encoding="utf-8")
    shutil.copy(MINI, user / "zelfde.yaml")  # the id of a built-in: refused
    (user / "kapot.yaml").write_text("id: [\n", encoding="utf-8")
    compiled.build(builtin)
    expected = discover([*builtin_dirs(), user])
    parsed.clear()
    scans = start_up([*builtin_dirs(), user])
    assert parsed == ["andere.yaml", "kapot.yaml", "zelfde.yaml"]
    assert list(scans) == list(expected.questionnaires)
    assert scans.errors == expected.errors
    assert len(scans.errors) == 2
    assert_identical(scans["andere"], expected.questionnaires["andere"])


def test_a_questionnaire_that_does_not_load_after_all_leaves_with_its_errors(
    builtin: Path,
) -> None:
    """Its summary was shown; the file went away before the load after the first paint."""
    compiled.build(builtin)
    scans = start_up(builtin_dirs())
    told: list[object] = []
    scans.on_late_errors = told.extend
    (builtin / "mini.yaml").unlink()
    scans.load()
    assert "mini" not in scans
    assert list(scans) == [load_id(BUILTINS[0])]
    assert [Path(e.file).name for e in scans.errors] == ["mini.yaml"]
    assert told == scans.errors
    with pytest.raises(KeyError):
        scans["mini"]


def test_start_up_does_not_import_the_model(builtin: Path) -> None:
    probe = (
        "import sys\n"
        "from zelfscan.core.catalog import builtin_dirs, start_up\n"
        "scans = start_up(builtin_dirs())\n"
        "print(len(scans), 'zelfscan.core.model' in sys.modules, scans.loaded)\n"
        "scans.load()\n"
        "print('zelfscan.core.model' in sys.modules, scans.loaded)\n"
    )
    compiled.build(builtin)
    assert _python(probe).split() == ["2", "False", "False", "True", "True"]


def test_shared_texts_decode_to_the_same_model_with_one_object_per_text(builtin: Path) -> None:
    """What the app keeps: the same model, each repeated string (labels, ids) stored once."""
    compiled.build(builtin)
    copy = compiled.read(builtin / BUILTINS[0].name)
    assert copy is not None
    plain, shared = copy.questionnaire(), copy.questionnaire(share_texts=True)
    assert plain is not None
    assert shared is not None
    assert_identical(shared, plain)

    def texts(q: Questionnaire) -> tuple[int, int]:
        values = [o.label.get("nl") for question in q.questions.values() for o in question.options]
        return len(values), len({id(v) for v in values})

    count, distinct_plain = texts(plain)
    _, distinct_shared = texts(shared)
    assert distinct_plain == count  # every occurrence its own object
    assert distinct_shared < count / 2
