"""Receiving dossiers: PDFs and bundles become read-only received dossiers with revisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.domain.dossier import Action
from ddcheck.services import Workspace
from ddcheck.services.received_model import ImportRefused, InternalVersionRefused
from tests.services.exchange_helpers import dump, filled, open_workspace


@pytest.fixture
def company(tmp_path: Path):
    with open_workspace(tmp_path / "company") as ws:
        yield ws


@pytest.fixture
def adviser(tmp_path: Path):
    with open_workspace(tmp_path / "adviser", user="adviser") as ws:
        yield ws


def test_a_pdf_becomes_a_received_dossier_apart_from_own_ones(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    pdf = tmp_path / "out.pdf"
    company.export_pdf(dossier.id, pdf, lang="nl")
    result = adviser.import_file(pdf)
    assert result.status == "new" and result.kind == "pdf" and result.revision == 1
    assert result.dossier_id == dossier.id and result.withheld_items == 1
    assert adviser.list_dossiers() == []
    received = adviser.get_received(result.received_id)
    assert received.dossier.company.name == "Van Dijk BV"
    assert received.withheld_items == ("mini/remarks",)
    assert received.dossier.answer("mini", "remarks").value is None
    assert received.rendered_answers["mini/policy"]
    assert "SECRET" not in received.dossier.model_dump_json()
    assert received.review is None and received.is_latest


def test_reimporting_the_same_file_changes_nothing(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    pdf = tmp_path / "out.pdf"
    company.export_pdf(dossier.id, pdf, lang="nl")
    first = adviser.import_file(pdf)
    before = dump(adviser.paths.database)
    again = adviser.import_file(pdf)
    assert again.status == "unchanged" and not again.changed
    assert again.received_id == first.received_id and again.revision == 1
    assert dump(adviser.paths.database) == before


def test_a_newer_export_becomes_a_revision_with_its_changes(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    company.answer(dossier.id, "mini", "grievance", value="meets", note="Hotline and NGO.")
    company.answer(dossier.id, "mini", "risk-map", value="m3")
    company.answer(dossier.id, "mini", "policy", confidential=True)
    company.add_action(dossier.id, Action(id="a2", action="Map the risks per country"))
    company.export_pdf(dossier.id, tmp_path / "v2.pdf", lang="nl")
    first = adviser.import_file(tmp_path / "v1.pdf")
    second = adviser.import_file(tmp_path / "v2.pdf")
    assert second.status == "revision" and second.revision == 2
    assert second.received_id == first.received_id
    assert [r.number for r in adviser.received_revisions(first.received_id)] == [1, 2]
    diff = adviser.changes_since_previous(first.received_id)
    answers = {(c.key, c.what) for c in diff.of_kind("answer")}
    assert ("mini/grievance", "value") in answers and ("mini/grievance", "note") in answers
    assert ("mini/risk-map", "added") in answers
    assert [c.key for c in diff.of_kind("withheld")] == ["mini/policy"]
    assert [c.what for c in diff.of_kind("action")] == ["added"]
    assert not adviser.changes_since_previous(first.received_id, revision=1)
    assert (
        adviser.get_received(first.received_id, revision=1).dossier.answer("mini", "policy").value
        == "yes"
    )


def test_revisions_are_numbered_by_receipt_and_an_earlier_export_received_later_says_so(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    # the order is the adviser's own (when files arrived), never a date a file claims
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "v1.pdf", lang="nl")
    company.answer(dossier.id, "mini", "grievance", value="meets")
    company.export_pdf(dossier.id, tmp_path / "v2.pdf", lang="nl")
    adviser.import_file(tmp_path / "v2.pdf")
    older = adviser.import_file(tmp_path / "v1.pdf")
    assert older.revision == 2
    assert any("exported before the revision received last" in str(w) for w in older.warnings)
    latest = adviser.get_received(older.received_id)
    assert latest.revision.number == 2
    assert latest.dossier.answer("mini", "grievance").value == "partly"


def test_a_bundle_carries_the_evidence_files(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    proof = tmp_path / "policy.pdf"
    proof.write_bytes(b"%PDF-1.4 the signed policy")
    evidence = company.attach_evidence(dossier.id, proof, item_key="mini/policy")
    result = company.export_bundle(dossier.id, tmp_path / "d.ddcheck")
    assert result.evidence_files == 1 and result.withheld_items == 1
    imported = adviser.import_file(tmp_path / "d.ddcheck")
    assert imported.kind == "bundle" and imported.evidence_files == 1
    received = adviser.get_received(imported.received_id)
    assert evidence.id in received.evidence_with_contents
    assert adviser.received_evidence_bytes(imported.received_id, evidence.id) == proof.read_bytes()


def test_resolve_and_delete_a_received_dossier(
    company: Workspace, adviser: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_bundle(dossier.id, tmp_path / "d.ddcheck")
    result = adviser.import_file(tmp_path / "d.ddcheck")
    assert adviser.resolve_received(result.received_id[:6]) == result.received_id
    assert adviser.resolve_received(dossier.id) == result.received_id
    adviser.delete_received(result.received_id)
    assert adviser.mission_overview().rows == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a ddcheck PDF"),
        (b"hello world", "not a ddcheck PDF"),
        (b"%PDF-1.4\n%%EOF", "damaged or unreadable"),
        (b"PK\x03\x04garbage", "not a ddcheck bundle"),
        (b'{"format": "something-else"}', "not a ddcheck review"),
    ],
)
def test_junk_files_are_refused_with_one_sentence(
    adviser: Workspace, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(content)
    before = dump(adviser.paths.database)
    with pytest.raises(ImportRefused, match=message) as caught:
        adviser.import_file(path)
    assert str(caught.value).startswith("junk.bin was not imported")
    assert "\n" not in str(caught.value)
    assert dump(adviser.paths.database) == before


def test_a_missing_file_or_folder_is_refused(adviser: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="no such file"):
        adviser.import_file(tmp_path / "nope.pdf")
    with pytest.raises(ImportRefused, match="folder"):
        adviser.import_file(tmp_path)


def test_importing_an_own_export_warns_and_keeps_them_apart(
    company: Workspace, tmp_path: Path
) -> None:
    dossier = filled(company)
    company.export_pdf(dossier.id, tmp_path / "own.pdf", lang="nl")
    result = company.import_file(tmp_path / "own.pdf")
    assert result.status == "new" and "your own dossiers" in str(result.warnings[0])
    assert "uw eigen dossiers" in result.warnings[0].text("nl")
    assert [d.id for d in company.list_dossiers()] == [dossier.id]


@pytest.mark.parametrize("kind", ["pdf", "bundle"])
def test_an_internal_export_is_refused_as_received_unless_accepted(
    company: Workspace, adviser: Workspace, tmp_path: Path, kind: str
) -> None:
    dossier = filled(company)
    path = tmp_path / f"internal.{'pdf' if kind == 'pdf' else 'ddcheck'}"
    if kind == "pdf":
        company.export_pdf(dossier.id, path, lang="en", audience="internal")
    else:
        company.export_bundle(dossier.id, path, audience="internal")
    before = dump(adviser.paths.database)
    with pytest.raises(InternalVersionRefused, match="confidential") as caught:
        adviser.import_file(path)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(path.name)
    assert dump(adviser.paths.database) == before
    accepted = adviser.import_file(path, accept_internal=True)
    assert accepted.status == "new" and accepted.withheld_items == 0
