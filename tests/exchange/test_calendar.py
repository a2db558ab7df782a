"""The action plan as .ics: open actions with a due date, all-day on the due day, text escaped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.exchange.calendar import actions_ics


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_open_actions_with_a_due_date_become_all_day_events(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo", "--lang", "en"]) == 0
    dossier_id = capsys.readouterr().out.split()[0]
    out = tmp_path / "plan.ics"
    assert main(["--data-dir", data, "actions", dossier_id, "--json", "--ics", str(out)]) == 0
    actions = json.loads(capsys.readouterr().out)
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = _unfold(raw.decode("utf-8"))
    due = [a for a in actions if a["due"] and a["status"] not in ("done", "dropped")]
    assert due and lines.count("BEGIN:VEVENT") == len(due)
    for action in due:
        assert f"UID:{action['id']}@{dossier_id}.ddcheck" in lines
        day = action["due"].replace("-", "")
        assert f"DTSTART;VALUE=DATE:{day}" in lines


def test_text_is_escaped_and_control_characters_dropped() -> None:
    from tests.factories import filled_dossier, synthetic_template

    template = synthetic_template()
    dossier = filled_dossier({template.id: template})
    action = dossier.actions[0].model_copy(
        update={
            "action": "Pay; check, then\nreport\x1b[31m",
            "due": dt.date(2027, 1, 31),
            "status": "open",
        }
    )
    dossier = dossier.model_copy(update={"actions": [action]})
    lines = _unfold(actions_ics(dossier, dt.datetime(2026, 12, 4, tzinfo=dt.UTC)))
    assert "SUMMARY:Pay\\; check\\, then\\nreport[31m" in lines
    assert "DTEND;VALUE=DATE:20270201" in lines
