"""Property tests: any sequence of answers, notes and clears reads back exactly as a model says."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddcheck.services import InvalidInput, Workspace
from ddcheck.services.values import MAX_TEXT

ITEMS = {
    "policy": st.sampled_from(["yes", "partly", "no", "na"]),
    "risk-map": st.sampled_from(["m0", "m3", "m5", "na"]),
    "remarks": st.text(
        st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=200
    ).filter(str.strip),
    "workers": st.integers(min_value=-(10**9), max_value=10**9),
}
NOTES = st.text(max_size=300)
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(sorted(ITEMS)),
        st.sampled_from(["value", "note", "clear"]),
        st.data(),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=OPERATIONS)
def test_answers_read_back_as_written(ws: Workspace, company, mission, operations):
    dossier_id = ws.create_dossier(company, mission).id
    model: dict[str, dict] = {}
    for item, kind, data in operations:
        if kind == "clear":
            ws.clear_answer(dossier_id, "mini", item)
            model.pop(item, None)
        elif kind == "note":
            note = data.draw(NOTES)
            ws.answer(dossier_id, "mini", item, note=note)
            kept = note.replace("\r\n", "\n").replace("\r", "\n")
            kept = "".join(c for c in kept if c in "\t\n" or not 0 <= ord(c) < 32)
            model.setdefault(item, {"value": None, "note": ""})["note"] = kept
        else:
            value = data.draw(ITEMS[item])
            ws.answer(dossier_id, "mini", item, value=value)
            stored = float(value) if item == "workers" else value
            model.setdefault(item, {"value": None, "note": ""})["value"] = stored
    dossier = ws.get_dossier(dossier_id)
    read = {
        a.item_id: {"value": a.value, "note": a.note}
        for a in dossier.answers
        if a.value is not None or a.note
    }
    assert read == {k: v for k, v in model.items() if v["value"] is not None or v["note"]}
    assert ws.check().ok


def test_control_characters_are_dropped_from_notes_and_text(ws: Workspace, company, mission):
    dossier_id = ws.create_dossier(company, mission).id
    ws.answer(dossier_id, "mini", "policy", note="a\x00b\x1b[31mc\td\r\ne\x07")
    ws.answer(dossier_id, "mini", "remarks", value="x\x08y")
    dossier = ws.get_dossier(dossier_id)
    assert dossier.answer("mini", "policy").note == "ab[31mc\td\ne"
    assert dossier.answer("mini", "remarks").value == "xy"


def test_text_that_is_not_valid_unicode_is_refused(ws: Workspace, company, mission):
    dossier_id = ws.create_dossier(company, mission).id
    with pytest.raises(InvalidInput, match="not valid text"):
        ws.answer(dossier_id, "mini", "policy", note="bad \udcff byte")
    with pytest.raises(InvalidInput, match="too long"):
        ws.answer(dossier_id, "mini", "remarks", value="x" * (MAX_TEXT + 1))
    assert ws.get_dossier(dossier_id).answers == []
