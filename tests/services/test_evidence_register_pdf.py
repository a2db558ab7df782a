"""The adviser's PDF lists every evidence item: where it is, its dates and what it supports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from ddcheck.domain.dossier import Company, Mission
from ddcheck.exchange.verify import verify_pdf
from ddcheck.services import Workspace
from tests.report.pdf_tools import deep_scan, flat, pdf_text, requires_poppler

pytestmark = requires_poppler

START, END = dt.date(2027, 2, 14), dt.date(2027, 2, 18)
LONG_URL = (
    "https://sharepoint.example.com/sites/hr/Shared%20Documents/Beleid/2026/"
    "Gedragscode-leveranciers-definitief-versie-3-ondertekend.pdf"
)
DRIVE = "S:\\HR\\Audits\\audit 2026.pdf"
MARKUP_URL = (
    "https://intranet.example.com/docs/view?id=17&name=<b>Audit</b>&lang=nl"
    "&very-long-parameter-name=some-very-long-value-that-wraps"
)
COPY_ENGLISH = ("Copy or location", "Valid until", "Supports the questions", "Link or path")


@pytest.fixture
def reports(ws: Workspace, tmp_path: Path) -> dict[str, Path]:
    """Export for the adviser, in Dutch and English, a dossier with links, a copy and a secret."""
    mission = Mission(name="Riyad 2027", destinations=["SA"], start=START, end=END)
    company = Company(name="Van Dijk BV", kvk_number="12345678")
    dossier_id = ws.create_dossier(company, mission, "nl").id
    ws.answer(dossier_id, "mini", "policy", value="yes")
    ws.answer(dossier_id, "mini", "grievance", value="meets")
    expired = ws.attach_link(
        dossier_id,
        LONG_URL,
        item_key="mini/grievance",
        dated=dt.date(2026, 3, 1),
        valid_until=dt.date(2027, 2, 1),
    )
    ws.link_evidence(dossier_id, expired.id, "mini/policy")
    ws.attach_link(
        dossier_id,
        DRIVE,
        item_key="mini/policy",
        dated=dt.date(2026, 9, 1),
        valid_until=dt.date(2028, 1, 1),
    )
    ws.attach_link(dossier_id, MARKUP_URL, item_key="mini/grievance", name="Audit & co")
    copy = tmp_path / "IMVO-beleid.pdf"
    copy.write_bytes(b"%PDF-1.4 policy")
    ws.attach_evidence(dossier_id, copy, item_key="mini/policy")
    ws.answer(dossier_id, "mini", "remarks", value="secret", confidential=True)
    ws.attach_link(dossier_id, "S:\\Geheim\\leveranciers-QZXV.xlsx", item_key="mini/remarks")
    found = {}
    for lang in ("nl", "en"):
        found[lang] = tmp_path / f"adviser-{lang}.pdf"
        ws.export_pdf(dossier_id, found[lang], lang=lang, audience="adviser")
    return found


def _register(path: Path) -> str:
    """Return the page text from the evidence register's heading to the sources part."""
    text = flat(pdf_text(path))
    start = max(text.rfind("Bewijsregister"), text.rfind("Evidence register"))
    end = max(text.rfind("Bronnen"), text.rfind("Sources"))
    assert 0 <= start < end
    return text[start:end]


def _compact(text: str) -> str:
    return "".join(text.split())


def test_a_link_shows_its_location_dates_and_questions_in_dutch(reports) -> None:
    register = _register(reports["nl"])
    assert _compact(LONG_URL) in _compact(register)  # wrapped over lines, never shortened
    assert DRIVE in register
    assert "Link of pad (niet gekopieerd):" in register
    assert "01-03-2026" in register and "01-02-2027" in register
    assert "verlopen vóór de missiedatum 18-02-2027" in register
    assert "01-09-2026" in register and "01-01-2028" in register
    assert "1.1.1 Heeft u een IMVO-beleid?" in register
    assert "1.1.2 Is er een klachtenmechanisme?" in register
    assert "Kopie in het dossier" in register and "Geldig tot" in register
    for english in (*COPY_ENGLISH, "expired", "Copy in the dossier"):
        assert english not in register


def test_a_link_shows_its_location_dates_and_questions_in_english(reports) -> None:
    register = _register(reports["en"])
    assert _compact(LONG_URL) in _compact(register)
    assert DRIVE in register
    assert "2026-03-01" in register and "2027-02-01" in register
    assert "expired by the mission date 2027-02-18" in register
    assert "1.1.1 Do you have an RBC policy?" in register
    assert "1.1.2 Is there a grievance mechanism?" in register
    assert all(words in register for words in COPY_ENGLISH)
    assert "Copy in the dossier" in register and "IMVO-beleid.pdf" in register


def test_an_item_names_its_link_without_the_hash_of_no_bytes(reports) -> None:
    text = flat(pdf_text(reports["en"]))
    assert "audit 2026.pdf (link or path, see the evidence register)" in text
    assert "e3b0c442" not in text  # the SHA-256 of nothing says nothing


def test_only_the_expired_link_is_marked(reports) -> None:
    register = _register(reports["en"])
    assert register.count("expired by the mission date") == 1
    marked = register.index("expired by the mission date")
    assert register.rfind("2027-02-01", 0, marked) > register.rfind("2028-01-01", 0, marked)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markup_in_a_name_or_location_is_shown_as_typed(reports, lang: str) -> None:
    register = _register(reports[lang])
    assert _compact(MARKUP_URL) in _compact(register)
    assert "Audit & co" in register


def test_pypdf_reads_the_same_register(reports) -> None:
    reader = PdfReader(reports["nl"])
    text = flat("\n".join(page.extract_text() or "" for page in reader.pages))
    assert DRIVE in text and "verlopen vóór de missiedatum 18-02-2027" in text
    assert "1.1.2 Is er een klachtenmechanisme?" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_register_keeps_secrets_and_internals_and_verify_accepts_it(reports, lang) -> None:
    path = reports[lang]
    text = flat(pdf_text(path))
    assert "QZXV" not in text and "Geheim" not in text
    assert b"QZXV" not in deep_scan(path)
    assert "mini/" not in text
    uris = [
        str((annotation.get_object().get("/A") or {}).get("/URI", ""))
        for page in PdfReader(path).pages
        for annotation in page.get("/Annots") or []
    ]
    assert not [u for u in uris if "sharepoint" in u or "Audits" in u]  # plain text, no link
    result = verify_pdf(path)
    assert result.ok, result.problems
    rendered = result.document["rendered"]
    assert set(rendered["answers"]) <= set(rendered["headings"])


def test_a_question_that_no_longer_applies_is_not_named(ws: Workspace, tmp_path: Path) -> None:
    mission = Mission(name="Riyad", start=START, end=END, export_credit_insurance=True)
    dossier_id = ws.create_dossier(Company(name="Van Dijk BV"), mission, "en").id
    ws.answer(dossier_id, "mini", "ekv-esap", value="yes")
    ws.attach_link(dossier_id, "S:\\ESAP\\plan.docx", item_key="mini/ekv-esap")
    shown = ws.get_dossier(dossier_id).mission
    ws.update_profile(
        dossier_id, mission=shown.model_copy(update={"export_credit_insurance": False})
    )
    out = tmp_path / "en.pdf"
    ws.export_pdf(dossier_id, out, lang="en", audience="adviser")
    text = flat(pdf_text(out))
    assert "plan.docx" in text and "linked to no question" in text
    assert "Is there an ESAP?" not in text  # neither in the items nor in the register
