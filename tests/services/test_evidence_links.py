"""Evidence that stays where it is: links and drive paths with dates, never fetched or leaked."""

from __future__ import annotations

import datetime as dt

import pytest

from ddcheck.domain.dossier import Company, Mission
from ddcheck.domain.redaction import redact
from ddcheck.exchange.workbook import dossier_workbook
from ddcheck.services import InvalidInput, Workspace
from ddcheck.services.evidence_links import check_location, location_name

START, END = dt.date(2027, 2, 14), dt.date(2027, 2, 18)


@pytest.fixture
def dossier_id(ws: Workspace) -> str:
    mission = Mission(name="Riyad 2027", destinations=["SA"], start=START, end=END)
    return ws.create_dossier(Company(name="Van Dijk BV", kvk_number="12345678"), mission, "en").id


@pytest.mark.parametrize(
    "location",
    [
        "https://sharepoint.example.com/sites/hr/Gedragscode%202026.pdf",
        "S:\\Beleid\\gedragscode.pdf",
        "\\\\fileserver\\hr\\audit 2026.pdf",
        "/mnt/company/audit.pdf",
        "file:///srv/share/audit.pdf",
    ],
)
def test_links_and_drive_paths_are_accepted(location: str) -> None:
    assert check_location(f"  {location}\n") == location


@pytest.mark.parametrize(
    "location", ["javascript:alert(1)", "data:text/html,x", "mailto:a@b.nl", "audit.pdf", ""]
)
def test_other_schemes_and_relative_names_are_refused(location: str) -> None:
    with pytest.raises(InvalidInput):
        check_location(location)


def test_a_link_is_recorded_once_with_its_dates_and_never_read(
    ws: Workspace, dossier_id: str
) -> None:
    url = "https://sharepoint.example.com/sites/hr/Gedragscode%202026.pdf"
    assert location_name(url) == "Gedragscode 2026.pdf"
    first = ws.attach_link(
        dossier_id,
        url,
        item_key="mini/policy",
        dated=dt.date(2026, 3, 1),
        valid_until=dt.date(2027, 3, 1),
    )
    again = ws.attach_link(dossier_id, url, item_key="mini/grievance")
    assert again.id == first.id and first.is_link and first.size == 0
    dossier = ws.get_dossier(dossier_id)
    assert [e.location for e in dossier.evidence] == [url]
    assert dossier.evidence[0].valid_until == dt.date(2027, 3, 1)
    assert dossier.answer("mini", "grievance").evidence_ids == [first.id]
    with pytest.raises(InvalidInput, match="keeps no copy"):
        ws.evidence_bytes(first.id)
    assert not ws.gate(dossier_id).warnings or all(
        w.code != "evidence_expired" for w in ws.gate(dossier_id).warnings
    )
    with pytest.raises(InvalidInput, match="before the document date"):
        ws.set_evidence_dates(
            dossier_id, first.id, dated=dt.date(2027, 1, 1), valid_until=dt.date(2026, 1, 1)
        )


def test_the_gate_warns_about_evidence_expiring_before_the_mission_ends(
    ws: Workspace, dossier_id: str
) -> None:
    path = "S:\\HR\\audit.pdf"
    evidence = ws.attach_link(dossier_id, path, item_key="mini/policy", valid_until=END)
    assert not [w for w in ws.gate(dossier_id).warnings if w.code == "evidence_expired"]
    changes = ws.set_evidence_dates(
        dossier_id, evidence.id, dated=None, valid_until=END - dt.timedelta(days=1)
    )
    assert [c.field for c in changes.changes] == ["valid_until"]
    expired = [w for w in ws.gate(dossier_id).warnings if w.code == "evidence_expired"]
    assert len(expired) == 1 and expired[0].item_key == "mini/policy"
    assert "audit.pdf" in expired[0].text("en") and "2027-02-17" in expired[0].text("en")
    assert "before the mission ends" in expired[0].text("en")
    mission = ws.get_dossier(dossier_id).mission
    ws.update_profile(dossier_id, mission=mission.model_copy(update={"end": None}))
    by_start = ws.set_evidence_dates(
        dossier_id, evidence.id, dated=None, valid_until=mission.start - dt.timedelta(days=1)
    )
    assert by_start.changes
    expired = [w for w in ws.gate(dossier_id).warnings if w.code == "evidence_expired"]
    assert "before the mission starts" in expired[0].text("en")
    assert "voor het begin van de missie" in expired[0].text("nl")
    rows = ws.history(dossier_id)
    assert any(r.entity == "evidence" and r.field == "valid_until" for r in rows)


def test_the_workbook_register_shows_what_each_evidence_supports_and_keeps_secrets(
    ws: Workspace, dossier_id: str
) -> None:
    ws.answer(dossier_id, "mini", "policy", value="yes")
    ws.attach_link(
        dossier_id,
        "https://intranet.example.com/code.pdf",
        item_key="mini/policy",
        dated=dt.date(2026, 5, 4),
        valid_until=dt.date(2028, 5, 4),
    )
    ws.answer(dossier_id, "mini", "remarks", value="secret", confidential=True)
    ws.attach_link(dossier_id, "S:\\Geheim\\leveranciers.xlsx", item_key="mini/remarks")
    snapshot = ws.snapshot(dossier_id)
    internal = dossier_workbook(redact(snapshot, "internal"), "en")[-1]
    assert internal.title == "Evidence register"
    by_name = {row[0]: row for row in internal.rows[1:]}
    code = by_name["code.pdf"]
    assert code[1] == "link or path (not copied)" and code[2].endswith("/code.pdf")
    assert code[3] == "2026-05-04" and code[4] == "2028-05-04"
    assert str(code[5]).startswith("1.1.1 ")
    assert "leveranciers.xlsx" in by_name
    adviser = dossier_workbook(redact(snapshot, "adviser"), "en")
    cells = [str(c) for sheet in adviser for row in sheet.rows for c in row]
    assert not any("Geheim" in c or "leveranciers" in c for c in cells)
    assert any("code.pdf" in c for c in cells)
