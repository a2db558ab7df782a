"""Every red flag comes with a short note for the RVO adviser: in the shipped checklists, and
printed in the adviser's review PDF next to the flagged answer."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
import yaml

from ddcheck.catalog import load_shipped_catalog
from ddcheck.domain.templates import Template
from ddcheck.services import SimpleCatalog, Workspace
from tests.factories import make_registry
from tests.services.conftest import TEMPLATES, Clock, load_template
from tests.services.exchange_helpers import filled

NOTE_EN = "Ask for an ESAP before the mission; no ESAP, no export credit insurance."
NOTE_NL = "Vraag vóór de missie om een ESAP; zonder ESAP geen exportkredietverzekering."


def test_every_shipped_item_that_can_be_a_red_flag_has_an_adviser_note() -> None:
    catalog = load_shipped_catalog()
    missing = [
        (template.id, item.id)
        for template in catalog.templates.values()
        for _, item in template.iter_items()
        if template.can_red_flag(item) and template.adviser_note_of(item) is None
    ]
    assert missing == []
    notes = [
        template.adviser_note_of(item)
        for template in catalog.templates.values()
        for _, item in template.iter_items()
        if template.can_red_flag(item)
    ]
    assert len(notes) >= 80
    for note in notes:
        assert note is not None and len(note.nl.split()) <= 70 and note.nl != note.en


def _catalog() -> SimpleCatalog:
    data = yaml.safe_load((TEMPLATES / "mini-v1.yaml").read_text(encoding="utf-8"))
    for section in data["sections"]:
        for item in section["items"]:
            if item["id"] == "ekv-esap":
                item["adviser_note"] = {"nl": NOTE_NL, "en": NOTE_EN}
    templates = [Template.model_validate(data), load_template("briefing-sa")]
    return SimpleCatalog.of(templates, make_registry())


@pytest.mark.parametrize(("lang", "note"), [("en", NOTE_EN), ("nl", NOTE_NL)])
def test_the_review_pdf_explains_each_red_flag_to_the_adviser(
    tmp_path: Path, lang: str, note: str
) -> None:
    catalog = _catalog()
    with (
        Workspace.open(tmp_path / "c", user="c", catalog=catalog, clock=Clock()) as company,
        Workspace.open(tmp_path / "a", user="a", catalog=catalog, clock=Clock()) as adviser,
    ):
        dossier = filled(company)  # answers 'no' on ekv-esap: a red flag
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="nl")
        received = adviser.import_file(tmp_path / "d.pdf").received_id
        adviser.set_verdict(received, "sufficient_with_actions", "", reviewer="J. Jansen")
        out = adviser.export_review_pdf(received, tmp_path / "review.pdf", lang=lang).path
    words = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).split())
    assert note in words
    heading = "what they mean for the mission" if lang == "en" else "wat ze betekenen voor de"
    assert heading in words
