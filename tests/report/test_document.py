"""The report model: what the PDF will say, asserted without parsing a PDF."""

from __future__ import annotations

from tests.report import fixtures as fx
from tests.report.conftest import Rendered
from zelfscan.core.model import Level
from zelfscan.report.document import build_report


def test_top_three_follow_the_engine(worst: Rendered) -> None:
    assert [e.id for e in worst.doc.top] == [a.id for a in worst.evaluation.top]
    assert [e.number for e in worst.doc.top] == [1, 2, 3]


def test_every_advice_is_in_the_plan_and_in_a_theme_group(worst: Rendered) -> None:
    ids = [a.id for a in worst.evaluation.advice]
    assert [e.id for e in worst.doc.plan] == ids
    grouped = [e.id for g in worst.doc.groups for e in g.items]
    assert sorted(grouped) == sorted(ids)
    assert len(ids) == len(worst.questionnaire.advice)  # the worst case triggers them all


def test_reasons_name_question_and_answer(typical: Rendered) -> None:
    entry = typical.doc.plan[0]
    assert entry.reasons
    assert entry.reasons[0].question.startswith("Vraag")
    assert entry.reasons[0].answer in {"Nee", "Gedeeltelijk", "Weet ik niet"}


def test_role_variant_and_role_contacts() -> None:
    q = fx.questionnaire()
    mayor = fx.worst_answers(q, role="burgemeester")
    member = fx.worst_answers(q, role="raadslid")
    doc_mayor = build_report(q, mayor, fx.evaluated(q, mayor), "nl", created=fx.CREATED)
    doc_member = build_report(q, member, fx.evaluated(q, member), "nl", created=fx.CREATED)
    assert doc_mayor.plan[0].who == "Uw beveiligingsadviseur"
    assert "beveiligingsadvies" in {c.id for c in doc_mayor.contacts}
    assert "beveiligingsadvies" not in {c.id for c in doc_member.contacts}
    assert doc_member.contacts[0].urgent  # urgent help is listed first


def test_red_flags_give_an_urgent_block(worst: Rendered, typical: Rendered) -> None:
    assert worst.doc.urgent is not None
    assert any("112" in m for m in worst.doc.urgent.messages)
    assert {c.id for c in worst.doc.urgent.contacts} == {"politie", "steunpunt"}
    assert worst.doc.overall_level is Level.RISICO
    assert typical.doc.urgent is None


def test_notes_are_never_copied_into_the_model(worst: Rendered) -> None:
    assert fx.CANARY not in repr(worst.doc)


def test_find_out_tasks_and_thresholds(worst: Rendered) -> None:
    assert worst.doc.tasks
    assert worst.doc.tasks[0].task.startswith("Zoek uit")
    gezin = next(t for t in worst.doc.themes if t.section_id == "gezin")
    assert (gezin.thresholds.goed, gezin.thresholds.aandacht) == (75, 45)


def test_language_switches_fixed_words(typical: Rendered, typical_en: Rendered) -> None:
    assert typical.doc.created_label == "3 november 2026"
    assert typical_en.doc.created_label == "3 November 2026"
    assert typical.doc.plan[0].priority_word in {"Hoog", "Midden", "Laag"}
    assert typical_en.doc.plan[0].priority_word in {"High", "Medium", "Low"}


def test_progress_compares_scans_and_counts_plan_state() -> None:
    q = fx.questionnaire()
    before_answers = fx.worst_answers(q)
    after_answers = fx.typical_answers(q)
    before = fx.evaluated(q, before_answers)
    after = fx.evaluated(q, after_answers)
    first = after.advice[0].id
    state = {"advies-thuis-0": "gedaan", first: "gepland"}
    doc = build_report(
        q, after_answers, after, "nl", created=fx.CREATED, previous=before, plan_state=state
    )
    assert doc.progress is not None
    thuis = next(t for t in doc.progress.themes if t.section_id == "thuis")
    assert thuis.change == "beter"
    assert thuis.change_word == "beter"
    assert doc.progress.done == (q.advice[0].title.get("nl"),)
    assert doc.progress.planned == 1
    assert doc.plan[0].state == "gepland"
    assert build_report(q, after_answers, after, "nl").progress is None


def test_report_words_come_from_the_report_catalogue() -> None:
    # "Change" and "Level" are short ids another catalogue may translate differently.
    from zelfscan.report.document import translator

    _ = translator("nl")
    assert _("Change") == "Verandering"
    assert _("Level") == "Niveau"
    assert translator("en")("Change") == "Change"


def test_progress_names_advice_that_is_new_because_the_content_changed() -> None:
    q = fx.questionnaire()
    answers = fx.worst_answers(q)
    evaluation = fx.evaluated(q, answers)
    earlier = fx.evaluated(q, fx.typical_answers(q))
    before_ids = {a.id for a in earlier.advice}
    newcomer = next(a for a in evaluation.advice if a.id not in before_ids)
    older_content = [a.id for a in q.advice if a.id != newcomer.id]
    doc = build_report(
        q, answers, evaluation, "nl", previous=earlier, previous_advice_ids=older_content
    )
    assert doc.progress is not None
    assert doc.progress.new_by_content == (newcomer.title.get("nl"),)
    same_content = build_report(q, answers, evaluation, "nl", previous=earlier)
    assert same_content.progress is not None
    assert same_content.progress.new_by_content == ()
