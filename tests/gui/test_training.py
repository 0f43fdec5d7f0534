"""Training mode: demo personas fill the scan, the presenter view follows the wizard,
"volgende deelnemer" forgets everything, the blank paper version is saved, and a whole
training run writes nothing to disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Questionnaire
from zelfscan.gui.labels import level_text, score_text
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.wizard import RESULTS_ID

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "questionnaires").glob("*.yaml"))


@pytest.fixture(scope="module")
def real() -> list[Questionnaire]:
    return [load_questionnaire(path) for path in REAL]


@pytest.fixture
def trainer_window(qtbot, real: list[Questionnaire]) -> MainWindow:
    window = MainWindow(real, training=True)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window.trainer.confirm = lambda _title, _text: True
    return window


def run_to_results(window: MainWindow) -> None:
    wizard = window.wizard
    assert wizard is not None
    while wizard.currentId() != RESULTS_ID:
        before = wizard.currentId()
        wizard.urgent.close()
        wizard.next()
        assert wizard.currentId() != before, f"stuck on page {before}"


ROLES = {
    "persoonlijke-veiligheid": {
        "burgemeester", "wethouder", "raadslid", "statenlid", "gedeputeerde",
        "waterschap-db", "waterschap-ab", "anders",
    },
    "veilige-woning": {
        "burgemeester", "wethouder", "raadslid", "statenlid", "gedeputeerde",
        "waterschapsbestuurder", "waterschap-ab", "anders",
    },
}  # fmt: skip


def test_demo_persons_cover_every_role_online_abuse_and_an_all_good_case(
    real: list[Questionnaire],
) -> None:
    for questionnaire in real:
        personas = questionnaire.personas
        assert len(personas) >= 6, questionnaire.id
        assert {p.answers["rol"] for p in personas} >= ROLES[questionnaire.id]
        descriptions = {p.id: p.description.get("nl") for p in personas}
        text = " ".join(descriptions.values())
        for function in ("Fractievoorzitter", "Commissielid", "Dijkgraaf", "Gedeputeerde"):
            assert function in text, (questionnaire.id, function)
        assert "sociale media" in text  # online abuse, which the notes stress
        levels = [
            evaluate(questionnaire, effective_answers(questionnaire, p.answers)).overall_level
            for p in personas
        ]
        assert "goed" in levels, questionnaire.id  # an all-good case
        assert len(set(levels)) >= 3, questionnaire.id
        for persona in personas:  # about the person, never instructions to the room
            for lang in ("nl", "en"):
                words = persona.description.get(lang).lower()
                for instruction in ("training", "laat zien", "panel", "paneel"):
                    assert instruction not in words, persona.id


def test_persona_click_fills_the_scan_and_results_match_the_engine(
    trainer_window: MainWindow, real: list[Questionnaire]
) -> None:
    window = trainer_window
    for questionnaire in real:
        for persona in questionnaire.personas:
            card = window.trainer.panel.cards[(questionnaire.id, persona.id)]
            assert card.description.text() == persona.description.get("nl")
            card.button.click()
            session, wizard = window.session, window.wizard
            assert session is not None
            assert wizard is not None
            assert dict(session.answers) == dict(persona.answers)
            assert wizard.currentId() == wizard.startId()
            assert persona.name.get("nl") in window.trainer.persona_label.text()
            first = wizard.currentPage()
            for qid, widget in first.questions.items():  # the page shows the filled answers
                if qid in persona.answers and isinstance(persona.answers[qid], str):
                    buttons = getattr(widget, "buttons", {})
                    if persona.answers[qid] in buttons:
                        assert buttons[persona.answers[qid]].isChecked(), qid
            run_to_results(window)
            expected = evaluate(questionnaire, effective_answers(questionnaire, persona.answers))
            assert wizard.results.evaluation == expected


def test_trainer_can_still_change_a_persona_answer(trainer_window: MainWindow, real) -> None:
    window = trainer_window
    questionnaire = real[0]
    persona = questionnaire.personas[0]
    window.trainer.start_with_persona(questionnaire.id, persona.id)
    session = window.session
    question = next(q for q in questionnaire.sections[0].questions if q.options)
    other = next(o.id for o in question.options if o.id != persona.answers.get(question.id))
    window.wizard.currentPage().questions[question.id].buttons[other].click()
    assert session.answers[question.id] == other


def test_presenter_view_follows_the_wizard(qtbot, trainer_window: MainWindow, real) -> None:
    """The room sees theme, result and the question to discuss, never the trainer notes; the
    console has the notes, every prompt, the key message and the next theme."""
    window = trainer_window
    questionnaire = next(q for q in real if q.id == "veilige-woning")
    persona = questionnaire.personas[0]
    window.trainer.start_with_persona(questionnaire.id, persona.id)
    window.trainer.presenter_action.trigger()  # F5
    presenter = window.trainer.presenter
    console = window.trainer.stage.console
    assert presenter.isVisible()
    qtbot.waitUntil(lambda: presenter.title.text() == questionnaire.sections[0].title.get("nl"))
    assert presenter.body.text() == persona.description.get("nl")  # profile page: who is this
    assert "VOORBEELD" in presenter.context.text()
    wizard = window.wizard
    evaluation = window.session.evaluate()
    for _step in range(3):
        wizard.urgent.close()
        window.trainer.stage.slides.go_next()  # the clicker / Page Down drives the wizard
        section = next(
            s for s in questionnaire.sections if wizard.section_ids[s.id] == wizard.currentId()
        )
        qtbot.waitUntil(lambda s=section: presenter.title.text() == s.title.get("nl"))
        result = evaluation.section(section.id)
        assert level_text(result.level) in presenter.result.text()
        assert score_text(result.score) in presenter.result.text()
        assert presenter.notes.isHidden()  # on one screen: hidden from the room by default
        if section.discussion is not None:
            assert presenter.discussion.text() == section.discussion.get("nl")
        brief = questionnaire.training.theme(section.id)
        if section.trainer_notes is not None:
            assert console.notes.text() == section.trainer_notes.get("nl")
        if brief is not None:
            assert brief.key_message.get("nl") in console.key_message.text()
            for prompt in brief.prompts:
                assert prompt.get("nl") in console.prompts.text()
            assert f"van {brief.minutes} min" in console.theme_time.text()
        assert console.next_label.text().startswith("Hierna: ")
    presenter.toggle_notes()  # N: the trainer peeks on a single screen
    assert presenter.notes.isVisibleTo(presenter)
    presenter.close()
    assert not window.trainer.presenter_action.isChecked()
    window.trainer.presenter_action.trigger()
    assert presenter.notes.isHidden()  # never the notes by surprise at the next F5


def test_next_participant_forgets_everything(qtbot, trainer_window: MainWindow, real) -> None:
    window = trainer_window
    questionnaire = real[0]
    window.trainer.start_with_persona(questionnaire.id, questionnaire.personas[1].id)
    session = window.session
    window.trainer.presenter_action.trigger()
    run_to_results(window)
    window.trainer.confirm = lambda _title, _text: False
    window.trainer.next_action.trigger()  # "no, go back" keeps the scan
    assert window.session is session
    window.trainer.confirm = lambda _title, _text: True
    window.trainer.next_action.trigger()
    assert session.answers == {}
    assert session.plan == {}
    assert window.session is None
    assert window.wizard is None
    assert window.stack.currentWidget() is window.start
    presenter = window.trainer.presenter
    assert window.trainer.stage.slides.session is None
    assert window.trainer.stage.slides.persona is None
    assert questionnaire.personas[1].name.get("nl") not in presenter.context.text()
    assert presenter.title.text() == "Volgende deelnemer"
    assert not window.trainer.persona_label.isVisible()
    assert window.trainer.panel.isVisible()


def test_blank_paper_version_from_the_start_screen(
    trainer_window: MainWindow, tmp_path: Path
) -> None:
    window = trainer_window
    target = tmp_path / "papier.pdf"
    window.trainer.blank.ask_path = lambda _parent, name: target if "veilige" in name else None
    card = next(c for c in window.start.cards if c.questionnaire.id == "veilige-woning")
    with_signal = []
    window.trainer.blank.saved.connect(with_signal.append)
    card.blank_button.click()
    assert with_signal == [target]
    assert target.read_bytes().startswith(b"%PDF")


def test_training_menu_only_in_training_mode(trainer_window: MainWindow) -> None:
    trainer = trainer_window.trainer
    assert trainer.menu.menuAction().isVisible()
    trainer_window.set_training(False)
    assert not trainer.menu.menuAction().isVisible()
    assert not trainer.panel.isVisible()
    assert not trainer.presenter_action.isEnabled()


def test_training_parts_are_built_when_training_mode_first_goes_on(qtbot, real) -> None:
    """A start outside training mode builds only the hidden menu; switched on, the menu is
    complete, F5 reaches the window, and no action's place in the macOS menu is guessed."""
    from PySide6.QtGui import QAction

    window = MainWindow(real)
    qtbot.addWidget(window)
    trainer = window.trainer
    assert not trainer._built
    assert trainer.menu.isEmpty()
    assert not trainer.menu.menuAction().isVisible()
    window.set_training(True)
    assert trainer._built
    assert trainer.menu.menuAction().isVisible()
    assert trainer.presenter_action.isEnabled()
    assert trainer.presenter_action in window.actions()  # F5 with the menu closed
    titles = [a.text() for a in trainer.menu.actions()]
    assert len(titles) == 8
    assert all(titles)
    assert list(trainer.blank_actions) == [q.id for q in real]
    guessed = [
        a.text()
        for a in window.findChildren(QAction)
        if a.menuRole() is QAction.MenuRole.TextHeuristicRole
    ]
    assert guessed == []


def test_a_whole_training_run_writes_nothing(tmp_path: Path) -> None:
    """Start, persona, every page, results, presenter view, next participant: in a separate
    process through the real entry point, with an empty home and an empty temp folder."""
    home = tmp_path / "home"
    temp = tmp_path / "tmp"
    user_home = tmp_path / "user"
    for folder in (home, temp, user_home):
        folder.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ZELFSCAN_HOME": str(home),
        "TMPDIR": str(temp),
        "HOME": str(user_home),
        "XDG_CONFIG_HOME": str(user_home / ".config"),
        "XDG_CACHE_HOME": str(user_home / ".cache"),
        "XDG_DATA_HOME": str(user_home / ".local" / "share"),
    }
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("training_run.py"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "training run ok" in result.stdout
    assert sorted(p.relative_to(home) for p in home.rglob("*")) == []
    assert sorted(p.relative_to(temp) for p in temp.rglob("*")) == []
    written = [p for p in user_home.rglob("*") if p.is_file() and "fontconfig" not in p.parts]
    assert written == []


def _press(qtbot, widget, key) -> None:
    """A key as it really arrives: at the focus widget of the window that has it."""
    widget.setFocus()
    assert widget.hasFocus() or widget.window().focusWidget() is widget
    qtbot.keyClick(widget, key)


def test_clicker_keys_work_whatever_has_focus(qtbot, trainer_window: MainWindow, real) -> None:
    """Page Down/Up, arrows and Space drive the scan from the wizard's radio buttons, the
    urgent-help panel and the audience view's scroll area alike; B blacks out; Esc leaves."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    window = trainer_window
    questionnaire = real[0]
    window.trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
    wizard = window.wizard
    wizard.urgent.close()
    window.trainer.presenter_action.setChecked(True)
    presenter = window.trainer.presenter
    scroll = presenter.findChild(QScrollArea)
    radio = next(b for b in wizard.currentPage().findChildren(QAbstractButton) if b.isCheckable())
    answers = dict(window.session.answers)
    steps = [
        (radio, Qt.Key.Key_PageDown, +1),
        (scroll, Qt.Key.Key_PageDown, +1),
        (wizard.urgent.hide_button, Qt.Key.Key_PageUp, -1),
        (scroll, Qt.Key.Key_Right, +1),
        (radio, Qt.Key.Key_Left, -1),
        (scroll, Qt.Key.Key_Space, +1),
    ]
    for widget, key, step in steps:
        if widget is radio:
            radio = next(
                b for b in wizard.currentPage().findChildren(QAbstractButton) if b.isCheckable()
            )
            widget = radio
        before = len(wizard.visitedIds())
        _press(qtbot, widget, key)
        assert len(wizard.visitedIds()) == before + step, (widget, key)
    assert dict(window.session.answers) == answers  # no key changed an answer on the way
    _press(qtbot, scroll, Qt.Key.Key_B)
    assert presenter.black.isVisible()
    _press(qtbot, radio, Qt.Key.Key_B)
    assert not presenter.black.isVisible()
    _press(qtbot, wizard.urgent.hide_button, Qt.Key.Key_Escape)
    assert not presenter.isVisible()
    assert not window.trainer.presenter_action.isChecked()
    page = wizard.currentId()
    _press(qtbot, scroll, Qt.Key.Key_PageDown)  # closed: the keys are the app's own again
    assert wizard.currentId() == page


def test_typing_in_a_text_field_keeps_its_keys(qtbot, mini) -> None:
    """Letters, arrows and Space type; only a clicker's Page Down moves on."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    window = MainWindow([mini], training=True)
    qtbot.addWidget(window)
    window.show()
    window.start_scan(mini.id)
    wizard = window.wizard
    from zelfscan.core.model import QuestionType

    for question in mini.questions.values():  # answer everything, so Next is allowed
        if question.options:
            first = question.options[0].id
            multiple = question.type is QuestionType.MULTIPLE
            window.session.set_answer(question.id, (first,) if multiple else first)
    window.trainer.stage.lock_action.setChecked(False)  # an own scan may go on the screen
    window.trainer.presenter_action.setChecked(True)
    assert window.trainer.presenter.isVisible()
    edit = None
    while edit is None:
        edit = next(iter(wizard.currentPage().findChildren(QLineEdit)), None)
        if edit is None:
            page = wizard.currentId()
            wizard.urgent.close()
            wizard.next()
            assert wizard.currentId() != page, "mini has no text question"
    page = wizard.currentId()
    edit.setFocus()
    qtbot.keyClicks(edit, "b n")
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    assert edit.text() == "b n"
    assert wizard.currentId() == page
    assert not window.trainer.presenter.black.isVisible()
    assert not wizard.currentPage().missing()
    qtbot.keyClick(edit, Qt.Key.Key_PageDown)
    assert wizard.currentId() != page


def test_f5_works_from_the_urgent_help_panel_and_the_audience_view(
    qtbot, trainer_window: MainWindow, real
) -> None:
    """F5 is an application shortcut: it opens the audience view with the focus on the
    urgent-help panel's button, and closes it again while the audience view is the active
    window (a window shortcut of the main window would not reach it there)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = trainer_window
    flagged = next(p for p in real[0].personas if p.answers.get("dreiging-nu") == "ja")
    window.trainer.start_with_persona(real[0].id, flagged.id)
    urgent = window.wizard.urgent
    window.wizard.show_urgent_help()
    assert urgent.isVisible()
    window.activateWindow()
    _press(qtbot, urgent.hide_button, Qt.Key.Key_F5)
    assert window.trainer.presenter_action.isChecked()
    presenter = window.trainer.presenter
    presenter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presenter)
    qtbot.keyClick(presenter.scroll_area, Qt.Key.Key_F5)
    assert not window.trainer.presenter_action.isChecked()


def test_training_controls_are_named_and_follow_the_language(
    qtbot, trainer_window: MainWindow, real
) -> None:
    from tests.gui.test_accessibility import unnamed

    window = trainer_window
    trainer = window.trainer
    assert unnamed(trainer.panel) == []
    window.trainer.start_with_persona(real[0].id, real[0].personas[0].id)
    trainer.presenter_action.setChecked(True)
    qtbot.waitUntil(lambda: bool(trainer.presenter.title.text()))
    assert unnamed(trainer.presenter) == []
    window.set_language("en")
    assert trainer.menu.title() == "T&raining"
    assert trainer.presenter.close_button.text() == "Close (F5)"
    assert real[0].personas[0].name.get("en") in trainer.persona_label.text()
    assert trainer.presenter.title.text() == real[0].sections[0].title.get("en")
    window.set_language("nl")
    assert trainer.presenter.close_button.text() == "Sluiten (F5)"
    trainer.stage.console_action.setChecked(True)
    assert unnamed(trainer.stage.console) == []


def test_own_scan_never_goes_on_the_projector(qtbot, trainer_window: MainWindow, real) -> None:
    """'Alleen voorbeeldpersonen': F5 refuses during an own scan; an own scan opened while the
    audience view is up shows a neutral slide; nothing of it reaches the room."""
    window = trainer_window
    trainer = window.trainer
    questionnaire = real[0]
    window.start_scan(questionnaire.id)  # someone's own scan, no demo person
    trainer.presenter_action.trigger()  # F5
    assert not trainer.presenter_action.isChecked()
    assert "eigen scan" in window.statusBar().currentMessage().lower()
    trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
    trainer.presenter_action.trigger()
    presenter = trainer.presenter
    assert presenter.isVisible()
    window.start_scan(questionnaire.id)  # the trainer starts an own scan behind it
    wizard = window.wizard
    while wizard.currentId() != RESULTS_ID:
        wizard.urgent.close()
        trainer.stage.slides.refresh()
        shown = " ".join(
            label.text() for label in (presenter.title, presenter.result, presenter.body)
        )
        assert presenter.title.text() == "Eigen scan: niet op het scherm", shown
        assert "van 100" not in shown
        before = wizard.currentId()
        wizard.next()
        if wizard.currentId() == before:
            break
    trainer.stage.lock_action.setChecked(False)  # the trainer decides otherwise
    assert presenter.title.text() != "Eigen scan: niet op het scherm"


def test_urgent_help_stays_in_the_wizard_not_on_the_audience_view(
    qtbot, trainer_window: MainWindow, real
) -> None:
    window = trainer_window
    trainer = window.trainer
    questionnaire, persona = next(
        (q, p)
        for q in real
        for p in q.personas
        if evaluate(q, effective_answers(q, p.answers)).red_flags
    )
    trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
    trainer.presenter_action.trigger()
    trainer.fill(persona)  # the red flag's answers arrive while the room looks
    urgent = window.wizard.urgent
    assert urgent.window() is window  # part of the laptop's wizard page, never a pop-up
    assert trainer.presenter.isVisible()


def test_two_screens_audience_on_the_projector_console_on_the_laptop(tmp_path: Path) -> None:
    """Laptop plus projector as an extended desktop (two virtual 1920×1080 screens)."""
    config = tmp_path / "screens.json"
    config.write_text(
        '{"screens": ['
        '{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},'
        '{"name": "projector", "x": 1920, "y": 0, "width": 1920, "height": 1080,'
        ' "logicalDpi": 96}]}',
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("training_screens.py"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "two screens ok" in result.stdout


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_no_scroll_bar_where_the_slide_fits(qtbot, trainer_window: MainWindow, real, size) -> None:
    """Every step of a session with a demo person, results included, fits the projector."""
    window = trainer_window
    trainer = window.trainer
    for questionnaire in real:
        trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
        trainer.presenter_action.setChecked(True)
        presenter = trainer.presenter
        presenter.showNormal()
        presenter.resize(*size)
        wizard = window.wizard
        while True:
            wizard.urgent.close()
            trainer.stage.slides.refresh()
            qtbot.wait(1)
            bar = presenter.scroll_area.verticalScrollBar()
            assert not bar.isVisible(), (questionnaire.id, presenter.title.text())
            assert presenter.title.text()
            if wizard.currentId() == RESULTS_ID:
                break
            trainer.stage.slides.go_next()
        trainer.presenter_action.setChecked(False)


def test_a_demo_persons_results_and_pdf_say_voorbeeld(trainer_window: MainWindow, real) -> None:
    window = trainer_window
    questionnaire = real[0]
    persona = questionnaire.personas[0]
    window.trainer.start_with_persona(questionnaire.id, persona.id)
    run_to_results(window)
    results = window.wizard.results
    assert results.heading.text() == "Voorbeeldresultaat"
    request = results.report_request()
    assert request is not None
    assert request.demo == persona.name.get("nl")
    assert request.document().demo == persona.name.get("nl")
    window.trainer.next_participant()
    window.start_scan(questionnaire.id)  # someone's own scan after the demo
    window.session.load_answers(persona.answers)
    run_to_results(window)
    assert window.wizard.results.heading.text() == "Uw resultaten"
    assert window.wizard.results.report_request().demo == ""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_training_menu_mnemonics_are_unique(trainer_window: MainWindow, lang: str) -> None:
    trainer_window.set_language(lang)
    keys = []
    for action in trainer_window.trainer.menu.actions():
        text = action.text()
        assert text.count("&") == 1, text
        keys.append(text[text.index("&") + 1].lower())
    assert len(keys) == len(set(keys)), keys


def test_trainer_pack_from_the_menu(trainer_window: MainWindow, tmp_path: Path) -> None:
    window = trainer_window
    target = tmp_path / "pakket.pdf"
    window.trainer.pack.ask_path = lambda _parent, name: (
        target if "trainerspakket" in name else None
    )
    saved = []
    window.trainer.pack.saved.connect(saved.append)
    window.trainer.pack_actions["persoonlijke-veiligheid"].trigger()
    assert saved == [target]
    assert target.read_bytes().startswith(b"%PDF")


def test_room_poll_counts_on_the_projector_and_forgotten(
    qtbot, trainer_window: MainWindow, real
) -> None:
    """One question at a time; the counts typed by the trainer go on the audience view as
    bars next to the demo persons' answers, and are gone at close and at the next
    participant."""
    from PySide6.QtCore import Qt

    window = trainer_window
    trainer = window.trainer
    questionnaire = real[0]
    trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
    trainer.presenter_action.setChecked(True)
    presenter = trainer.presenter
    trainer.poll_action.trigger()
    poll = trainer.poll
    first = questionnaire.training.polls[0].question
    assert poll.question.text() == questionnaire.questions[first].text.get("nl")
    spins = list(poll.spins.values())
    spins[0].setFocus()
    spins[0].selectAll()
    qtbot.keyClicks(spins[0], "12")  # the trainer types what the room showed
    spins[1].setValue(3)
    poll.on_screen.setChecked(True)
    assert presenter.title.text() == questionnaire.questions[first].text.get("nl")
    assert "15 antwoorden uit de zaal" in presenter.result.text()
    # aligned bars on the projector; the same in words for screen readers (and the console)
    assert presenter.chart.isVisible()
    assert not presenter.body.isVisible()
    rows = presenter.chart.rows
    assert [r.answers for r in rows[:2]] == [12, 3]
    assert any(r.examples.startswith("voorbeeldpersonen: ") for r in rows)  # the examples
    assert " 12" in presenter.chart.accessibleName()
    qtbot.keyClick(poll.next_button, Qt.Key.Key_Space)  # next question: counts start at 0
    assert poll.counts == {} or set(poll.counts.values()) == {0}
    assert "0 antwoorden" in presenter.result.text()
    spins = list(poll.spins.values())
    spins[0].setValue(4)
    poll.close()
    assert poll.counts == {}
    assert presenter.title.text() != questionnaire.questions[first].text.get("nl")
    trainer.poll_action.trigger()
    assert set(poll.counts.values()) <= {0}
    next(iter(poll.spins.values())).setValue(7)
    trainer.next_participant()
    assert not poll.isVisible()
    assert set(poll.counts.values()) <= {0}


def test_poll_chart_puts_long_answers_above_their_bars(qtbot) -> None:
    """Short answers share one column with the bars beside them; an answer too long for
    that column gets its own line, so no bar or count is pushed off the projector."""
    from zelfscan.gui.training.poll_chart import PollChart
    from zelfscan.report.slides import PollRow

    chart = PollChart()
    qtbot.addWidget(chart)
    chart.resize(1200, 400)
    chart.set_rows((PollRow("Ja", 4, "voorbeeldpersonen: 2"), PollRow("Nee", 0)), "Ja: 4")
    short = chart.heightForWidth(1200)
    assert not chart.grab().isNull()
    long_label = "Ja, op elke deur en elk raam zit een slot met het keurmerk, ook achter"
    chart.set_rows((PollRow(long_label, 4), PollRow("Nee", 0)), "…")
    assert chart.heightForWidth(1200) == 2 * short
    assert chart.accessibleName() == "…"
    assert not chart.grab().isNull()


def test_enter_on_a_persona_button_starts_the_scan(qtbot, trainer_window: MainWindow, real) -> None:
    from PySide6.QtCore import Qt

    window = trainer_window
    questionnaire = real[0]
    persona = questionnaire.personas[1]
    button = window.trainer.panel.cards[(questionnaire.id, persona.id)].button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None)
    assert dict(window.session.answers) == dict(persona.answers)


def test_next_participant_names_the_pdfs_that_were_saved(
    trainer_window: MainWindow, real, tmp_path: Path
) -> None:
    window = trainer_window
    questionnaire = real[0]
    window.trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
    run_to_results(window)
    target = tmp_path / "advies.pdf"
    window.wizard.report_actions.ask_path = lambda _parent, _name: target
    window.wizard.report_actions.ask_password = lambda _parent: (True, None)
    window.wizard.results.save_button.click()
    assert target.exists()
    asked: list[str] = []
    window.trainer.confirm = lambda _title, text: asked.append(text) or False
    window.trainer.next_participant()
    assert str(target) in asked[0]
    window.trainer.confirm = lambda _title, _text: True
    window.trainer.next_participant()
    assert window.trainer.saved_files == []
