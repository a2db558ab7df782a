"""Received names: a look-alike of a company already received is flagged; bidi overrides and
zero-width characters show visibly in the adviser's PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.domain.lookalike import lookalike, skeleton
from ddcheck.domain.visible import visible_controls
from tests.report.pdf_tools import pdf_text, requires_poppler
from tests.services.exchange_helpers import filled, open_workspace

GENUINE = "Van Dijk BV"
FORGED = "Vаn Dijk B.V."  # a Cyrillic a, and B.V. for BV


def test_skeletons_fold_case_space_accents_and_homoglyphs() -> None:
    assert skeleton(FORGED) == skeleton(GENUINE) == skeleton("VAN  DIJK\u200b bv")
    assert lookalike(FORGED, [GENUINE, "Bakker Tech"]) == GENUINE
    assert lookalike(GENUINE, [GENUINE]) is None and lookalike("Bakker", [GENUINE]) is None


def test_invisible_characters_are_shown() -> None:
    assert visible_controls("invoice\u202efdp.exe\u200b") == "invoice⟨U+202E⟩fdp.exe⟨U+200B⟩"
    assert visible_controls("Gewoon één naam") == "Gewoon één naam"


@pytest.fixture
def adviser_with_two(tmp_path: Path):
    with open_workspace(tmp_path / "adviser", user="adviser") as adviser:
        for name in (GENUINE, FORGED + "\u202e"):
            folder = tmp_path / skeleton(name) / str(len(name))
            with open_workspace(folder) as company:
                dossier = filled(company, company=name)
                company.export_pdf(dossier.id, folder / "d.pdf", lang="en")
            imported = adviser.import_file(folder / "d.pdf")
        yield adviser, imported


def test_a_look_alike_company_is_flagged_on_import_and_in_received_list(
    adviser_with_two, tmp_path: Path, capsys
) -> None:
    adviser, second = adviser_with_two
    assert any("looks like that of another received dossier" in str(w) for w in second.warnings)
    assert main(["--data-dir", str(adviser.paths.root), "received", "list"]) == 0
    out = capsys.readouterr().out
    assert out.count("[looks like: ") == 2 and "\\u202e" in out and "\u202e" not in out


@requires_poppler
def test_bidi_overrides_show_visibly_in_the_review_and_overview_pdfs(
    adviser_with_two, tmp_path: Path
) -> None:
    adviser, second = adviser_with_two
    adviser.assess_item(second.received_id, "mini/policy", "question", "zie\u200b bijlage\u202e")
    review = adviser.export_review_pdf(second.received_id, tmp_path / "r.pdf", lang="en").path
    text = pdf_text(review)
    assert "⟨U+202E⟩" in text and "⟨U+200B⟩" in text and "\u202e" not in text
    overview = adviser.export_overview_pdf(adviser.mission_overview(), tmp_path / "o.pdf", "en")
    assert "⟨U+202E⟩" in pdf_text(overview)
