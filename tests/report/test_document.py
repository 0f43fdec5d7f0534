"""The report document: what every view will say, asserted without parsing a PDF."""

from __future__ import annotations

from tests.report import fixtures as fx
from tests.report.conftest import Rendered
from zelfscan.core.model import Level, Priority
from zelfscan.report.build import PreviousScan, build_report
from zelfscan.report.words import LEVELS, PRIORITIES


def test_top_three_follow_the_engine(worst: Rendered) -> None:
    assert [e.id for e in worst.doc.top] == [a.id for a in worst.evaluation.top]
    assert [e.number for e in worst.doc.top] == [1, 2, 3]


def test_every_advice_is_in_the_plan_in_a_priority_group_and_in_a_theme(worst: Rendered) -> None:
    ids = [a.id for a in worst.evaluation.advice]
    assert [e.id for e in worst.doc.plan] == ids
    assert [e.id for g in worst.doc.plan_groups for e in g.items] == ids  # plan order kept
    assert [g.priority for g in worst.doc.plan_groups] == list(Priority)
    assert sorted(e.id for g in worst.doc.theme_groups for e in g.items) == sorted(ids)
    assert len(ids) == len(worst.questionnaire.advice)  # the worst case triggers them all


def test_reasons_name_question_and_answer(typical: Rendered) -> None:
    entry = typical.doc.plan[0]
    assert entry.reasons
    assert entry.reasons[0].question.startswith("Vraag")
    assert entry.reasons[0].answer in {"Nee", "Gedeeltelijk", "Weet ik niet"}


def test_contacts_are_the_engines_urgent_first() -> None:
    q = fx.questionnaire()
    mayor = fx.worst_answers(q, role="burgemeester")
    member = fx.worst_answers(q, role="raadslid")
    doc_mayor = build_report(q, fx.evaluated(q, mayor), "nl", created=fx.CREATED)
    doc_member = build_report(q, fx.evaluated(q, member), "nl", created=fx.CREATED)
    assert doc_mayor.plan[0].who == "Uw beveiligingsadviseur"
    assert "beveiligingsadvies" in {c.id for c in doc_mayor.contacts}
    assert "beveiligingsadvies" not in {c.id for c in doc_member.contacts}
    evaluation = fx.evaluated(q, member)
    assert {c.id for c in doc_member.contacts} == {c.id for c in evaluation.contacts}
    urgent = [c.urgent for c in doc_member.contacts]
    assert urgent == sorted(urgent, reverse=True)  # urgent help is listed first


def test_contacts_are_not_checked_again() -> None:
    """The report shows exactly the engine's list: a contact the engine left out stays out."""
    q = fx.questionnaire()
    answers = fx.typical_answers(q)
    evaluation = fx.evaluated(q, answers)
    only_police = evaluation.__class__(
        **{
            **{f: getattr(evaluation, f) for f in evaluation.__dataclass_fields__},
            "contacts": tuple(c for c in evaluation.contacts if c.id == "politie"),
        }
    )
    doc = build_report(q, only_police, "nl", created=fx.CREATED)
    assert [c.id for c in doc.contacts] == ["politie"]


def test_red_flags_give_an_urgent_block_and_the_cap_reason(
    worst: Rendered, typical: Rendered
) -> None:
    assert worst.doc.urgent is not None
    assert any("112" in m for m in worst.doc.urgent.messages)
    assert {c.id for c in worst.doc.urgent.contacts} == {"politie", "steunpunt"}
    assert worst.doc.overall.level is Level.RISICO
    onderweg = next(t for t in worst.doc.themes if t.section_id == "onderweg")
    assert onderweg.rating.level is Level.RISICO
    assert "wat de score ook is" in onderweg.rating.reason
    assert "Nee" in onderweg.rating.reason
    assert typical.doc.urgent is None
    assert typical.doc.overall.reason == ""


def test_a_capped_overall_level_says_why() -> None:
    """Safe answers everywhere but the flag: the score says goed, the level says risico."""
    q = fx.questionnaire()
    answers = {**fx.typical_answers(q), "onderweg-0": "nee"}
    evaluation = fx.evaluated(q, answers)
    assert evaluation.overall_capped_by == ("dreiging",)
    doc = build_report(q, evaluation, "nl", created=fx.CREATED)
    assert doc.overall.level is Level.RISICO
    assert doc.overall.score is not None
    assert doc.overall.score >= 50
    assert doc.overall.reason.startswith("Risico, wat de score ook is")
    assert "‘Nee’ op ‘Vraag 1 over onderweg?’" in doc.overall.reason
    en = build_report(q, evaluation, "en", created=fx.CREATED)
    assert en.overall.reason.startswith("At risk whatever the score, because you answered")


def test_levels_and_priorities_carry_word_and_symbol(typical: Rendered) -> None:
    for theme in typical.doc.themes:
        word = LEVELS[theme.rating.level]
        assert theme.rating.symbol == word.symbol
        assert theme.rating.text == f"{word.symbol} {theme.rating.word}"
    entry = typical.doc.plan[0]
    assert entry.priority_symbol == PRIORITIES[entry.priority].symbol
    assert entry.priority_word in {"Hoog", "Midden", "Laag"}


def test_notes_are_never_copied_into_the_document(worst: Rendered) -> None:
    assert fx.CANARY not in repr(worst.doc)


def test_find_out_tasks_and_thresholds(worst: Rendered) -> None:
    assert worst.doc.tasks
    assert worst.doc.tasks[0].task.startswith("Zoek uit")
    gezin = next(t for t in worst.doc.themes if t.section_id == "gezin")
    assert (gezin.goed, gezin.aandacht) == (75, 45)
    rows = worst.doc.method.thresholds
    assert (rows[0].goed, rows[0].aandacht) == (80, 50)
    assert [r.title for r in rows[1:]] == [gezin.title]  # only themes with their own


def test_language_switches_fixed_words(typical: Rendered, typical_en: Rendered) -> None:
    assert typical.doc.created_label == "3 november 2026"
    assert typical_en.doc.created_label == "3 November 2026"
    assert typical.doc.headings.plan == "Uw actieplan"
    assert typical_en.doc.headings.plan == "Your action plan"
    assert typical_en.doc.plan[0].priority_word in {"High", "Medium", "Low"}


def test_progress_compares_scans_and_counts_plan_state() -> None:
    q = fx.questionnaire()
    before = fx.evaluated(q, fx.worst_answers(q))
    after = fx.evaluated(q, fx.typical_answers(q))
    first = after.advice[0].id
    state = {first: "gepland", after.advice[1].id: "gedaan"}
    previous = PreviousScan(before, None, {"advies-thuis-0": "gedaan"})
    doc = build_report(q, after, "nl", created=fx.CREATED, previous=previous, plan_state=state)
    assert doc.progress is not None
    thuis = next(t for t in doc.progress.themes if t.section_id == "thuis")
    assert (thuis.change, thuis.change_word, thuis.change_symbol) == ("beter", "Beter", "▲")
    assert thuis.before is not None
    assert thuis.before.level is Level.RISICO
    assert doc.progress.done_before == (q.advice[0].title.get("nl"),)
    assert (doc.progress.done, doc.progress.planned) == (1, 1)
    assert doc.plan[0].state == "gepland"
    assert doc.plan[0].state_word == "Gepland"
    assert "Gepland" in doc.plan[0].plan_note
    assert build_report(q, after, "nl").progress is None


def test_report_words_come_from_the_report_catalogue() -> None:
    # "Change" and "Level" are short ids another catalogue may translate differently.
    from zelfscan.report.words import translator

    _ = translator("nl")
    assert _("Change") == "Verandering"
    assert _("Level") == "Niveau"
    assert translator("en")("Change") == "Change"


def test_progress_names_advice_that_is_new_because_the_content_changed() -> None:
    q = fx.questionnaire()
    evaluation = fx.evaluated(q, fx.worst_answers(q))
    earlier = fx.evaluated(q, fx.typical_answers(q))
    before_ids = {a.id for a in earlier.advice}
    newcomer = next(a for a in evaluation.advice if a.id not in before_ids)
    older_content = [a.id for a in q.advice if a.id != newcomer.id]
    doc = build_report(q, evaluation, "nl", previous=PreviousScan(earlier, older_content))
    assert doc.progress is not None
    assert doc.progress.new_by_content == (newcomer.title.get("nl"),)
    same_content = build_report(q, evaluation, "nl", previous=PreviousScan(earlier))
    assert same_content.progress is not None
    assert same_content.progress.new_by_content == ()
