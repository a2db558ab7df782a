"""Nothing of a confidential answer reaches the adviser, by any artefact or by any count.

A real company workspace on the shipped checklists marks the Saudi briefing's workforce question
confidential. Its note, an evidence file linked to it and to an open item, an action linked to it
and to an open item, and everything in the branch it controls carry a marker; the marker must
appear nowhere in the adviser's PDF (page text by pdftotext and pypdf, every decompressed object,
the document info, XMP, outline, the embedded JSON) nor in any member of the bundle. And whether
the hidden answer is "yes" or "no", the adviser's files must list the same withheld items.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ddcheck.domain.dossier import Action, Company, Mission
from ddcheck.services import Workspace
from tests.report.pdf_tools import deep_scan, flat, pdf_text, requires_poppler
from tests.services.conftest import Clock

MARK = "QZXV-LEAK-7731"
BRIEFING = "briefing-saudi-gulf"
WORKFORCE = f"{BRIEFING}/role-workforce"
OPEN_ITEM = "role-position"  # an open item of the same briefing, not in the workforce branch
LINK_NAME = "Werving-audit-2026.pdf"  # a link on the confidential item (and an open one)


def _company(root: Path, workforce: str) -> tuple[Workspace, str]:
    """Return a company workspace whose confidential workforce answer is `workforce`."""
    ws = Workspace.open(root / f"company-{workforce}", user="tester", clock=Clock())
    d = ws.create_dossier(
        Company(name="Van Dijk Bouw BV", kvk_number="12345678", sector="construction"),
        Mission(
            name="Handelsmissie Riyad 2027",
            destinations=["SA"],
            activities=["export", "project"],
            export_credit_insurance=True,
        ),
        "en",
    )
    ws.answer(
        d.id, BRIEFING, "role-workforce", value=workforce, note=f"{MARK} note", confidential=True
    )
    ws.answer(d.id, BRIEFING, OPEN_ITEM, value="main_contractor", note="We lead the consortium.")
    secret_file = root / f"{MARK}-contract-{workforce}.pdf"
    secret_file.write_bytes(f"%PDF-1.4 {MARK} contents".encode())
    shared = ws.attach_evidence(d.id, secret_file, item_key=WORKFORCE)
    ws.update_evidence(d.id, shared.id, note=f"{MARK} evidence note")
    ws.link_evidence(d.id, shared.id, f"{BRIEFING}/{OPEN_ITEM}")
    link = ws.attach_link(
        d.id,
        f"https://intranet.example.com/hr/{MARK}/workforce-audit.pdf",
        item_key=WORKFORCE,
        name=LINK_NAME,
        dated=dt.date(2026, 1, 5),
        valid_until=dt.date(2026, 6, 30),
    )
    ws.link_evidence(d.id, link.id, f"{BRIEFING}/{OPEN_ITEM}")
    open_file = root / "public-policy.pdf"
    open_file.write_bytes(b"%PDF-1.4 public policy")
    ws.attach_evidence(d.id, open_file, item_key=f"{BRIEFING}/{OPEN_ITEM}")
    ws.add_action(
        d.id,
        Action(
            id=f"shared-{workforce}",
            action=f"{MARK} action on both",
            item_keys=[WORKFORCE, f"{BRIEFING}/{OPEN_ITEM}"],
        ),
    )
    ws.add_action(d.id, Action(id=f"general-{workforce}", action="Publish a human-rights policy"))
    # The branch the hidden answer opens is filled in, with its own evidence and action.
    branch = "rec-fees-paid" if workforce == "yes" else "role-client-labour"
    ws.answer(d.id, BRIEFING, branch, value="no", note=f"{MARK} branch note")
    branch_file = root / f"branch-{workforce}.txt"
    branch_file.write_text(f"{MARK} branch evidence")
    ws.attach_evidence(d.id, branch_file, item_key=f"{BRIEFING}/{branch}")
    ws.add_action(
        d.id,
        Action(
            id=f"branch-{workforce}", action=f"{MARK} branch", item_keys=[f"{BRIEFING}/{branch}"]
        ),
    )
    return ws, d.id


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Export the adviser PDF and bundle for a hidden "yes" and a hidden "no"."""
    root = tmp_path_factory.mktemp("leaks")
    found: dict[str, dict[str, Any]] = {}
    for value in ("yes", "no"):
        ws, dossier_id = _company(root, value)
        with ws:
            pdf, bundle = root / f"adviser-{value}.pdf", root / f"adviser-{value}.ddcheck"
            result = ws.export_pdf(dossier_id, pdf, lang="en", audience="adviser")
            packed = ws.export_bundle(dossier_id, bundle, audience="adviser", lang="en")
            internal = root / f"internal-{value}.pdf"
            ws.export_pdf(dossier_id, internal, lang="en", audience="internal")
        found[value] = {"pdf": pdf, "bundle": bundle, "result": result, "packed": packed}
        found[value]["internal"] = internal
    return found


def _embedded(path: Path) -> dict[str, Any]:
    attachments = PdfReader(path).attachments
    assert list(attachments) == ["ddcheck-dossier.json"]
    (data,) = attachments["ddcheck-dossier.json"]
    return json.loads(data)


def _outline_titles(path: Path) -> list[str]:
    titles: list[str] = []

    def walk(entries: list[Any]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(str(entry.title))

    walk(PdfReader(path).outline)
    return titles


def _bundle_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@requires_poppler
@pytest.mark.parametrize("value", ["yes", "no"])
def test_adviser_pdf_holds_nothing_of_the_confidential_answer(exports, value: str) -> None:
    path = exports[value]["pdf"]
    reader = PdfReader(path)
    pypdf_text = "\n".join(page.extract_text() or "" for page in reader.pages)
    metadata = repr(reader.metadata) + repr(reader.xmp_metadata and reader.xmp_metadata.rdf_root)
    for text in (flat(pdf_text(path)), flat(pypdf_text), metadata, " ".join(_outline_titles(path))):
        assert MARK not in text  # also in the shared evidence file's name
    assert MARK.encode() not in path.read_bytes()
    assert MARK.encode() not in deep_scan(path)
    assert MARK not in json.dumps(_embedded(path), ensure_ascii=False)
    assert LINK_NAME not in flat(pdf_text(path)) and LINK_NAME not in pypdf_text
    assert LINK_NAME.encode() not in deep_scan(path)
    assert LINK_NAME not in json.dumps(_embedded(path), ensure_ascii=False)


@requires_poppler
def test_page_one_counts_only_the_evidence_the_adviser_sees(exports) -> None:
    adviser = flat(pdf_text(exports["yes"]["pdf"]).split("\f")[0])
    internal = flat(pdf_text(exports["yes"]["internal"]).split("\f")[0])
    assert "1 evidence file " in adviser  # public-policy.pdf: every other file is withheld
    assert "4 evidence files" in internal


@requires_poppler
def test_the_internal_pdf_does_hold_it(exports) -> None:
    text = flat(pdf_text(exports["yes"]["internal"]))
    assert f"{MARK} note" in text and f"{MARK} action on both" in text
    assert LINK_NAME in text and "intranet.example.com" in text


@pytest.mark.parametrize("value", ["yes", "no"])
def test_adviser_bundle_holds_nothing_of_the_confidential_answer(exports, value: str) -> None:
    path = exports[value]["bundle"]
    members = _bundle_members(path)
    assert MARK.encode() not in path.read_bytes()
    for name, data in members.items():
        assert MARK not in name
        assert MARK.encode() not in data, name
    document = json.loads(members["dossier.json"])
    dossier = document["dossier"]
    assert [e["name"] for e in dossier["evidence"]] == ["public-policy.pdf"]
    assert [a["action"] for a in dossier["actions"]] == ["Publish a human-rights policy"]
    assert exports[value]["packed"].evidence_files == 1


def _adviser_view(document: dict[str, Any]) -> dict[str, Any]:
    """Return what the adviser reads in a dossier JSON, without ids and clock times."""
    dossier = document["dossier"]
    return {
        "withheld": document["withheld"],
        "rendered": document["rendered"],
        "answers": sorted(
            (a["template_id"], a["item_id"], a["value"], a["note"], a["confidential"])
            for a in dossier["answers"]
        ),
        "evidence": sorted((e["name"], e["note"], e["sha256"]) for e in dossier["evidence"]),
        "actions": sorted((a["action"], tuple(a["item_keys"])) for a in dossier["actions"]),
    }


def test_the_withheld_list_is_the_same_for_a_hidden_yes_and_a_hidden_no(exports) -> None:
    yes, no = (_embedded(exports[v]["pdf"]) for v in ("yes", "no"))
    assert WORKFORCE in yes["withheld"]["items"]
    assert f"{BRIEFING}/rec-fees-paid" in yes["withheld"]["items"]  # the "yes" branch
    assert f"{BRIEFING}/role-client-labour" in yes["withheld"]["items"]  # and the "no" branch
    assert set(yes["withheld"]) == {"items"}  # no evidence or action counts that could tell
    assert _adviser_view(yes) == _adviser_view(no)
    bundles = [
        json.loads(_bundle_members(exports[v]["bundle"])["dossier.json"]) for v in ("yes", "no")
    ]
    assert _adviser_view(bundles[0]) == _adviser_view(bundles[1]) == _adviser_view(yes)
    assert exports["yes"]["result"].withheld_items == exports["no"]["result"].withheld_items
    assert exports["yes"]["result"].pages == exports["no"]["result"].pages


@requires_poppler
def test_the_adviser_pdfs_for_yes_and_no_read_the_same(exports) -> None:
    """Page for page, word for word: only the fingerprint (of other ids and times) differs."""

    def text(value: str) -> str:
        return re.sub(r"\b[0-9a-f]{8}\b", "#", pdf_text(exports[value]["pdf"]))

    assert text("yes") == text("no")
    assert "Withheld: 42 questions." in flat(text("yes"))
