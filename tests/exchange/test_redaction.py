"""The adviser version withholds confidential items and what hangs only on them."""

from __future__ import annotations

import pytest

from ddcheck.domain.dossier import Action, Answer, Evidence
from ddcheck.domain.redaction import redact
from ddcheck.domain.templates import Template
from tests.factories import NOW, make_dossier, make_snapshot


def _template() -> Template:
    return Template.model_validate(
        {
            "id": "t",
            "version": 1,
            "title": {"nl": "T", "en": "T"},
            "description": {"nl": "T", "en": "T"},
            "sections": [
                {
                    "id": "s",
                    "title": {"nl": "S", "en": "S"},
                    "items": [
                        _item("a", "yes_no"),
                        _item("b", "status", applies_if={"answer": "a", "in": ["yes"]}),
                        _item("c", "status"),
                    ],
                }
            ],
        }
    )


def _item(item_id: str, scale: str, **extra: object) -> dict[str, object]:
    return {
        "id": item_id,
        "question": {"nl": f"Vraag {item_id}", "en": f"Question {item_id}"},
        "guidance": {"nl": "g", "en": "g"},
        "scale": scale,
        "refs": [{"source": "oecd-ddg-2018"}],
        **extra,
    }


def _evidence(ev_id: str) -> Evidence:
    return Evidence(id=ev_id, name=f"{ev_id}.pdf", size=1, sha256="0" * 64, added_at=NOW)


def _snapshot():
    template = _template()
    dossier = make_dossier({"t": template}).model_copy(
        update={
            "answers": [
                Answer(
                    template_id="t",
                    item_id="a",
                    value="yes",
                    note="secret a",
                    confidential=True,
                    evidence_ids=["ev-a", "ev-shared"],
                ),
                Answer(
                    template_id="t",
                    item_id="b",
                    value="no",
                    note="follows from a",
                    evidence_ids=["ev-b"],
                ),
                Answer(
                    template_id="t",
                    item_id="c",
                    value="yes",
                    note="open c",
                    evidence_ids=["ev-shared"],
                ),
            ],
            "evidence": [_evidence(i) for i in ("ev-a", "ev-b", "ev-shared", "ev-loose")],
            "actions": [
                Action(id="x1", item_keys=["t/a"], action="secret action"),
                Action(id="x2", item_keys=["t/a", "t/c"], action="shared action"),
                Action(id="x3", item_keys=[], action="general action"),
                Action(id="x4", item_keys=["t/b"], action="dependent action"),
            ],
        }
    )
    return make_snapshot(dossier, {"t": template})


def test_internal_keeps_everything() -> None:
    snapshot = _snapshot()
    redaction = redact(snapshot, "internal")
    assert redaction.snapshot == snapshot
    assert redaction.withheld_items == frozenset()
    assert redaction.is_confidential("t/a")


def test_adviser_strips_confidential_answers_to_a_stub() -> None:
    redaction = redact(_snapshot(), "adviser")
    answers = redaction.snapshot.dossier.answers_by_key()
    assert answers["t/a"].value is None and answers["t/a"].note == ""
    assert answers["t/a"].confidential and answers["t/a"].evidence_ids == []
    assert answers["t/c"].note == "open c"


def test_an_item_that_only_applies_because_of_a_withheld_answer_is_withheld_too() -> None:
    redaction = redact(_snapshot(), "adviser")
    assert redaction.withheld_items == {"t/a", "t/b"}
    assert "t/b" not in redaction.snapshot.dossier.answers_by_key()  # not even a stub
    assert not redaction.is_confidential("t/b")


def test_evidence_and_actions_touching_a_withheld_item_are_withheld_entirely() -> None:
    redaction = redact(_snapshot(), "adviser")
    dossier = redaction.snapshot.dossier
    assert [e.id for e in dossier.evidence] == ["ev-loose"]
    assert [a.id for a in dossier.actions] == ["x3"]
    assert dossier.answers_by_key()["t/c"].evidence_ids == []  # its link to ev-shared is cut


def test_unknown_audience_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown audience"):
        redact(_snapshot(), "public")  # type: ignore[arg-type]
