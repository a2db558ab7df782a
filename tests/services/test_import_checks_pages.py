"""Import runs `verify`'s page check: a PDF whose pages do not match its data is refused."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from ddcheck.services import Workspace
from ddcheck.services.received_model import ImportRefused
from tests.services.exchange_helpers import dump, filled, open_workspace


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    pdf = tmp_path / "out.pdf"
    with open_workspace(tmp_path / "company") as company:
        company.export_pdf(filled(company).id, pdf, lang="en")
    return pdf


@pytest.fixture
def unsigned(tmp_path: Path) -> Path:
    """An export without a signature, so that only the page check can catch a change."""
    from ddcheck.services.export import export_pdf

    pdf = tmp_path / "unsigned.pdf"
    with open_workspace(tmp_path / "company-2") as company:
        export_pdf(company.snapshot(filled(company).id), pdf, lang="en")
    return pdf


@pytest.fixture
def adviser(tmp_path: Path):
    with open_workspace(tmp_path / "adviser", user="adviser") as ws:
        yield ws


def test_a_pdf_with_a_white_box_over_an_answer_is_refused_and_nothing_is_stored(
    unsigned: Path, adviser: Workspace, tmp_path: Path
) -> None:
    tampered = tmp_path / "tampered.pdf"
    with pikepdf.open(unsigned) as pdf:
        page = pdf.pages[2]
        font = next(iter(page.Resources.Font.keys())).encode()
        box = b"q 1 1 1 rg 56 300 480 40 re f Q BT 0 g " + font + b" 9 Tf 60 315 Td (Yes) Tj ET"
        page.contents_add(pikepdf.Stream(pdf, box), prepend=False)
        pdf.save(tampered)
    before = dump(adviser.paths.database)
    with pytest.raises(ImportRefused) as refusal:
        adviser.import_file(tampered)
    message = str(refusal.value)
    assert message == (
        "tampered.pdf was not imported: its pages do not show what its embedded data says "
        "(page 3 differs from what its data renders)."
    )
    assert "\n" not in message and "pagina's" in refusal.value.nl
    assert dump(adviser.paths.database) == before


def test_a_genuine_pdf_is_imported_as_checked_page_by_page(
    exported: Path, adviser: Workspace
) -> None:
    result = adviser.import_file(exported)
    assert result.status == "new" and not result.warnings
    assert adviser.received_revisions(result.received_id)[0].source_kind == "pdf"


def test_another_versions_pdf_is_imported_flagged(
    exported: Path, adviser: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ddcheck.services import rerender

    monkeypatch.setattr(rerender, "__version__", "9.9.9")  # as if a later ddcheck imports it
    result = adviser.import_file(exported)
    assert result.status == "new"
    assert result.warnings[0].en == (
        "Its pages were not compared with its data (made by ddcheck 0.1.0); only the text was "
        "checked."
    )
    revision = adviser.received_revisions(result.received_id)[0]
    assert revision.source_kind == "pdf-text"


def test_a_signed_pdf_saved_again_with_a_white_box_is_refused(
    exported: Path, adviser: Workspace, tmp_path: Path
) -> None:
    tampered = tmp_path / "tampered.pdf"
    with pikepdf.open(exported) as pdf:
        page = pdf.pages[2]
        page.contents_add(pikepdf.Stream(pdf, b"q 1 1 1 rg 56 300 480 40 re f Q"), prepend=False)
        pdf.save(tampered)
    before = dump(adviser.paths.database)
    with pytest.raises(ImportRefused, match="was not imported"):
        adviser.import_file(tampered)
    assert dump(adviser.paths.database) == before
