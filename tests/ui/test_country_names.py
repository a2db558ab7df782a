"""Every country reads the same in the app's country picker and in the exported PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from ddcheck.domain.formatting import country_names
from ddcheck.ui.widgets.country_picker import CountryPicker


@pytest.fixture(scope="module")
def every_country_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Return the text of a report (nl and en) whose mission goes to every country."""
    from ddcheck.services.demo import build_demo
    from ddcheck.services.export import export_pdf
    from ddcheck.services.workspace import Workspace

    folder = tmp_path_factory.mktemp("countries")
    with Workspace.open(folder / "ws") as ws:
        snapshot = ws.snapshot(build_demo(ws, lang="nl").id)
    dossier = snapshot.dossier
    mission = dossier.mission.model_copy(update={"destinations": sorted(country_names("en"))})
    snapshot = snapshot.model_copy(
        update={"dossier": dossier.model_copy(update={"mission": mission})}
    )
    texts = {}
    for lang in ("nl", "en"):
        out = Path(folder / f"every-{lang}.pdf")
        export_pdf(snapshot, out, lang=lang, audience="adviser", invariant=True)
        texts[lang] = re.sub(r"\s+", " ", " ".join(_body(p) for p in PdfReader(out).pages[:3]))
    return texts


def _body(page: PageObject) -> str:
    """Return a page's text without its running head (which ends with "Page n of m")."""
    text = page.extract_text()
    head = re.search(r"(Page|Pagina) \d+ (of|van)\s*\d+\s", text[:300])
    return text[head.end() :] if head else text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_picker_and_the_pdf_name_every_country_alike(qtbot, every_country_pdfs, lang) -> None:
    picker = CountryPicker(lang)
    qtbot.addWidget(picker)
    codes = sorted(country_names(lang))
    picker.set_codes(codes)
    shown = [picker.chosen.item(row).text() for row in range(picker.chosen.count())]
    assert len(shown) == len(codes) == 249
    listed = every_country_pdfs[lang]
    missing = []
    for code, text in zip(codes, shown, strict=True):
        own = country_names(lang)[code]
        assert text == own or text.startswith(f"{own} ("), (code, text)
        if own not in listed:
            missing.append((code, own))
    assert missing == []


def test_the_names_that_used_to_differ_now_agree(every_country_pdfs) -> None:
    assert (
        "Zuid-Korea" in every_country_pdfs["nl"]
        and "Korea, Republiek" not in every_country_pdfs["nl"]
    )
    assert "Palestijnse gebieden" in every_country_pdfs["nl"]
    assert "Saoedi-Arabië" in every_country_pdfs["nl"]
    assert "South Korea" in every_country_pdfs["en"]
