"""The mission overview: one row per received dossier, sortable, filterable, CSV and PDF."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdf
import pytest

from ddcheck.services import InvalidInput
from ddcheck.services.overview import overview_csv
from tests.services.exchange_helpers import filled, open_workspace


@pytest.fixture
def adviser(tmp_path: Path):
    with open_workspace(tmp_path / "company") as company:
        specs = [
            ("Van Dijk BV", "Missie Riyad 2027", True),
            ("=cmd|' /C calc'!A0", "missie riyad  2027", False),
            ("Bakker Tech", "Mission Shanghai", False),
        ]
        for n, (name, mission, full) in enumerate(specs):
            dossier = filled(company, name, mission)
            if not full:
                company.clear_answer(dossier.id, "mini", "ekv-esap")
            company.export_pdf(dossier.id, tmp_path / f"{n}.pdf", lang="en")
    with open_workspace(tmp_path / "adviser") as ws:
        for n in range(len(specs)):
            ws.import_file(tmp_path / f"{n}.pdf")
        yield ws


def test_missions_group_names_ignoring_case_and_spaces(adviser) -> None:
    groups = {g.key: g.dossiers for g in adviser.missions()}
    assert groups == {"missie riyad 2027": 2, "mission shanghai": 1}


def test_the_overview_lists_completion_red_flags_actions_withheld_and_verdict(adviser) -> None:
    overview = adviser.mission_overview("MISSIE RIYAD 2027")
    assert overview.mission in ("Missie Riyad 2027", "missie riyad  2027")
    rows = {r.company: r for r in overview.rows}
    assert set(rows) == {"Van Dijk BV", "=cmd|' /C calc'!A0"}
    full = rows["Van Dijk BV"]
    assert full.red_flags == 1 and full.open_high_actions == 1 and full.withheld_items == 1
    assert 0 < full.completion <= 100 and full.verdict is None
    assert rows["=cmd|' /C calc'!A0"].red_flags == 0
    adviser.set_verdict(full.received_id, "insufficient")
    assert adviser.mission_overview("missie riyad 2027", verdict="insufficient").rows[0] == (
        adviser.overview_row(adviser.get_received(full.received_id))
    )
    assert len(adviser.mission_overview().rows) == 3


def test_sort_and_filter(adviser) -> None:
    by_flags = adviser.mission_overview(sort="red_flags", descending=True).rows
    assert by_flags[0].red_flags == 1
    names = [r.company for r in adviser.mission_overview(sort="company").rows]
    assert names == sorted(names, key=str.casefold)
    assert [r.company for r in adviser.mission_overview(text="bakker").rows] == ["Bakker Tech"]
    assert [r.company for r in adviser.mission_overview(red_flags_only=True).rows] == [
        "Van Dijk BV"
    ]
    with pytest.raises(InvalidInput, match="Cannot sort"):
        adviser.mission_overview(sort="colour")


def test_csv_export_is_spreadsheet_safe(adviser, tmp_path: Path) -> None:
    out = adviser.export_overview_csv(adviser.mission_overview(), tmp_path / "o.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert {r["company"] for r in rows} == {"Van Dijk BV", "'=cmd|' /C calc'!A0", "Bakker Tech"}
    assert {r["red_flags"] for r in rows} == {"0", "1"}


def test_pdf_export_shows_every_company(adviser, tmp_path: Path) -> None:
    out = adviser.export_overview_pdf(
        adviser.mission_overview("missie riyad 2027"), tmp_path / "o.pdf", "en"
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages)
    assert "Mission overview" in text and "Van Dijk BV" in text
    assert "=cmd|' /C calc'!A0" in text and "Bakker Tech" not in text
    assert "Answered" in text and "Required open" in text and "Withheld" in text
    for row in adviser.mission_overview("missie riyad 2027").rows:
        assert f"{row.answered} of {row.total} ({row.completion} %)" in text


def test_each_row_counts_the_required_questions_left_open(adviser) -> None:
    rows = {r.company: r for r in adviser.mission_overview("missie riyad 2027").rows}
    cleared = rows["=cmd|' /C calc'!A0"]  # its ekv-esap answer was cleared before export
    assert cleared.required_unanswered == rows["Van Dijk BV"].required_unanswered + 1


def test_pdf_lists_what_needs_attention_first_with_the_apps_verdict_words(
    adviser, tmp_path: Path
) -> None:
    overview = adviser.mission_overview("missie riyad 2027")
    flagged = max(overview.rows, key=lambda r: r.red_flags)
    adviser.set_verdict(flagged.received_id, "sufficient")
    out = adviser.export_overview_pdf(
        adviser.mission_overview("missie riyad 2027"), tmp_path / "o.pdf", "en"
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages)
    others = [r for r in overview.rows if r.received_id != flagged.received_id]
    assert all(text.index(r.company) < text.index(flagged.company) for r in others)
    assert "Sufficient" in text and "Not reviewed yet" in text


def test_the_overview_counts_overdue_and_soon_due_actions_per_company(tmp_path: Path) -> None:
    import datetime as dt

    from ddcheck.domain.dossier import Action

    with open_workspace(tmp_path / "company") as company:
        dossier = filled(company)
        today = company._now().astimezone().date()
        for n, days in enumerate((-2, 0, 14, 15)):
            due = today + dt.timedelta(days=days)
            company.add_action(dossier.id, Action(id=f"d{n}", action="Act", due=due))
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="en")
    with open_workspace(tmp_path / "adviser") as ws:
        ws.import_file(tmp_path / "d.pdf")
        overview = ws.mission_overview()
        row = overview.rows[0]
        assert (row.overdue_actions, row.due_soon_actions) == (1, 2)
        table = list(csv.DictReader(io.StringIO(ws_csv := overview_csv(overview))))
        assert table[0]["overdue_actions"] == "1" and table[0]["due_within_14_days"] == "2", ws_csv
