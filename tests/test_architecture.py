"""The core, report, storage and CLI stay Qt-free, so they run and test without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

QT_FREE = [
    "zelfscan.core.evaluate",
    "zelfscan.core.loader",
    "zelfscan.core.catalog",
    "zelfscan.core.codec",
    "zelfscan.core.json_views",
    "zelfscan.core.compiled",
    "zelfscan.core.answers",
    "zelfscan.cli",
    "zelfscan.about",
    "zelfscan.paths",
    "zelfscan.report.pdf",
    "zelfscan.report.document",
    "zelfscan.report.blank",
    "zelfscan.report.build",
    "zelfscan.report.html",
    "zelfscan.report.output",
    "zelfscan.report.words",
    "zelfscan.storage.vault",
    "zelfscan.storage.settings",
    "zelfscan.storage.pdf_password",
    "zelfscan.core.numbers",
    "zelfscan.safe_read",
]


@pytest.mark.parametrize("module", QT_FREE)
def test_module_imports_without_pyside6(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}"
        " or m.startswith('zelfscan.gui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.stdout.strip() == ""


def test_no_module_outside_gui_mentions_pyside6() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "zelfscan"
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "gui" not in p.relative_to(root).parts[:1]
        and p.name != "__main__.py"
        and "PySide6" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


# --- the main window and its neighbours ------------------------------------------------------

GUI = Path(__file__).resolve().parents[1] / "zelfscan" / "gui"
CONTROLLERS = ["privacy.py", "vault/flow.py", "screen_lock.py", "training/controller.py"]
WINDOW_STATE = {"questionnaires", "training", "session", "wizard", "text_scale", "geometry"}
"""Plain state of the window its neighbours may read (``geometry``: the window's own place on
the screen, kept at quit); everything else they use must be a
method or signal of :class:`zelfscan.gui.shell.Shell` itself."""


def _shell_interface() -> set[str]:
    """The public methods and signals defined in the Shell class body."""
    tree = ast.parse((GUI / "shell.py").read_text(encoding="utf-8"))
    shell = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Shell")
    names: set[str] = set()
    for node in shell.body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return {n for n in names if not n.startswith("_")}


def _window_uses(source: str) -> list[str]:
    """Every ``X`` in ``self.window.X``, or in ``window.X`` where ``window`` is the shell (a
    parameter annotated ``Shell`` or a local bound to ``self.window``)."""

    def is_self_window(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Attribute)
            and node.attr == "window"
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
        )

    uses: list[str] = []
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, ast.FunctionDef):
            continue
        local = any(
            a.arg == "window" and isinstance(a.annotation, ast.Name) and a.annotation.id == "Shell"
            for a in func.args.args + func.args.kwonlyargs
        )
        for node in ast.walk(func):
            if isinstance(node, ast.Assign):
                pairs = [(t, node.value) for t in node.targets]
                if isinstance(node.value, ast.Tuple) and isinstance(node.targets[0], ast.Tuple):
                    pairs = list(zip(node.targets[0].elts, node.value.elts, strict=True))
                for target, value in pairs:
                    if isinstance(target, ast.Name) and target.id == "window":
                        local = local or is_self_window(value)
        for node in ast.walk(func):
            if isinstance(node, ast.Attribute) and (
                is_self_window(node.value)
                or (local and isinstance(node.value, ast.Name) and node.value.id == "window")
            ):
                uses.append(node.attr)
    return uses


@pytest.mark.parametrize("controller", CONTROLLERS)
def test_controllers_use_only_the_windows_interface(controller: str) -> None:
    """No reaching into the window's child widgets and menus: they can change freely."""
    allowed = _shell_interface() | WINDOW_STATE
    uses = _window_uses((GUI / controller).read_text(encoding="utf-8"))
    assert uses, "the check found no use of the window at all: it is looking wrong"
    assert sorted(set(uses) - allowed) == []


def _imports(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_the_window_frame_imports_none_of_its_neighbours() -> None:
    """The controllers depend on the frame, never the other way round (not even for types)."""
    frame = _imports(GUI / "shell.py")
    neighbours = {
        "zelfscan.gui.privacy",
        "zelfscan.gui.screen_lock",
        "zelfscan.gui.main_window",
        "zelfscan.gui.vault.flow",
        "zelfscan.gui.training.controller",
    }
    assert frame & neighbours == set()
    for controller in CONTROLLERS:
        assert "zelfscan.gui.main_window" not in _imports(GUI / controller), controller


def test_the_compiled_copies_do_not_import_the_catalog() -> None:
    """The catalog uses the copies; the copies' builder gets its files from zelfscan.paths."""
    core = GUI.parent / "core"
    assert "zelfscan.core.catalog" not in _imports(core / "compiled.py")
    assert "zelfscan.core.compiled" in _imports(core / "catalog.py")
