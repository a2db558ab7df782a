"""Readiness: the figures of page 1 and the status they add up to."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.dossier import Action, Answer
from ddcheck.domain.readiness import readiness
from ddcheck.domain.scoring import summarize
from tests.factories import NOW, filled_dossier, make_dossier, synthetic_template


def _templates():
    template = synthetic_template()
    return {template.id: template}


def test_an_empty_dossier_is_a_draft() -> None:
    templates = _templates()
    r = readiness(make_dossier(templates), templates)
    assert r.answered == 0 and r.applicable > 0 and r.percent == 0
    assert r.is_draft and r.status == "draft"


def test_withheld_items_are_left_out_of_every_figure() -> None:
    templates = _templates()
    dossier = filled_dossier(templates)
    summary = summarize(dossier, templates)
    full = readiness(dossier, templates, summary=summary)
    answered = [e.key for e in summary.entries if e.key in summary.answers]
    withheld = frozenset(answered[:2])
    shown = readiness(dossier, templates, withheld, summary)
    assert shown.applicable == full.applicable - 2
    assert shown.answered == full.answered - 2
    assert shown.withheld == 2 and full.withheld == 0


def test_open_actions_count_by_priority_owner_and_due_date() -> None:
    templates = _templates()
    template = next(iter(templates.values()))
    item = template.sections[0].items[0]
    answer = Answer(template_id=template.id, item_id=item.id, value="no", updated_at=NOW)
    actions = [
        Action(id="a1", action="Fix", priority="high", item_keys=[answer.key]),
        Action(id="a2", action="Fix", priority="low", owner="Anna", due=dt.date(2027, 1, 1)),
        Action(id="a3", action="Done", priority="high", status="done"),
    ]
    dossier = make_dossier(templates, answers=[answer], actions=actions)
    r = readiness(dossier, templates)
    assert dict(r.open_actions) == {"high": 1, "medium": 0, "low": 1}
    assert (r.without_owner, r.without_due) == (1, 1)
    assert r.red_flags == 1 and r.red_flags_without_action == 0
    assert r.worst_red_flag == answer.key
