"""The PDF read back: every item's text, languages, metadata, outline, bytes, hostile text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from ddcheck.domain.applicability import applicable_items
from tests.factories import make_snapshot
from tests.report.hostile import LONG_WORD, hostile_snapshot
from tests.report.pdf_tools import export, flat, pdf_text, requires_poppler

pytestmark = requires_poppler


def test_english_report_contains_every_applicable_item(tmp_path: Path) -> None:
    snapshot = make_snapshot()
    path, result = export(snapshot, tmp_path, lang="en")
    text = flat(pdf_text(path))
    for entry in applicable_items(snapshot.dossier, snapshot.templates):
        assert flat(entry.item.question.en) in text
        assert entry.key not in text  # ids stay in the embedded data, off the page
    assert f"Page 1 of {result.pages}" in text
    assert f"Page {result.pages} of {result.pages}" in text
    assert "Withheld by the company" in text


def test_dutch_report_has_dutch_questions_and_labels(tmp_path: Path) -> None:
    snapshot = make_snapshot()
    path, result = export(snapshot, tmp_path, lang="nl")
    text = flat(pdf_text(path))
    for entry in applicable_items(snapshot.dossier, snapshot.templates):
        assert flat(entry.item.question.nl) in text
    assert f"Pagina 2 van {result.pages}" in text
    assert "Samenvatting" in text and "Achtergehouden door het bedrijf" in text


def test_metadata_language_and_outline(tmp_path: Path) -> None:
    path, result = export(make_snapshot(), tmp_path, lang="nl")
    reader = PdfReader(path)
    info = reader.metadata
    assert info.title.startswith("IMVO due-diligencedossier: Bouwmachines Zuid BV")
    assert info.author == "Bouwmachines Zuid BV"
    assert info.subject
    assert f"ddcheck-sha256:{result.fingerprint}" in info["/Keywords"]
    assert info["/DdcheckFingerprint"] == result.fingerprint
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles == [
        "Samenvatting",
        "Antwoorden per checklist",
        "Actieplan (ESAP)",
        "Bewijsregister",
        "Bronnen",
        "Begrippen",
        "Over dit document",
    ]
    outline = reader.outline
    answers_at = next(
        i for i, o in enumerate(outline) if getattr(o, "title", "").startswith("Antw")
    )
    nested = outline[answers_at + 1]
    assert nested[0].title == "1 Synthetische checklist"
    sections = nested[1]
    pages = [reader.get_destination_page_number(s) for s in sections]
    assert pages == sorted(pages) and pages[0] < pages[-1]


def test_same_snapshot_gives_the_same_bytes_with_invariant(tmp_path: Path) -> None:
    snapshot = make_snapshot()
    first, _ = export(snapshot, tmp_path, "a.pdf")
    second, _ = export(snapshot, tmp_path, "b.pdf")
    assert first.read_bytes() == second.read_bytes()


def test_hostile_text_renders_literally_without_links_or_images(tmp_path: Path) -> None:
    path, _ = export(hostile_snapshot(), tmp_path, audience="internal")
    text = flat(pdf_text(path))
    assert '<img src="/etc/passwd"/>' in text
    assert '<font color="white" size="1">HIDDEN</font>' in text
    assert '<a href="javascript:app.alert(1)">click</a>' in text
    assert "&amp; and &lt; stay literal" in text
    assert "R&D dept" in text and "R&D; dept" not in text
    assert "unclosed <b>bold and a<b and c>d" in text
    assert "<b>Evil</b> & Co" in text
    assert "αβγ" in text and "жизнь" in text and "\ufffd" in text
    assert "مرحبا بالعالم" in unicodedata.normalize("NFKC", text)  # shaped, read back in order
    furniture = {
        "<b>Evil</b> & Co <img src='x'/>",
        "Trade mission Riyadh 2027",
        "2026-11-23",
        "INTERNAL — contains confidential items",
    }
    body = [
        line
        for line in pdf_text(path).replace("\f", "\n").splitlines()
        if line.strip() not in furniture and not re.fullmatch(r"Page \d+ of \d+", line.strip())
    ]
    assert LONG_WORD in "".join("".join(body).split())
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            assert "/Annots" not in page
            xobjects = page.Resources.get("/XObject", {})
            for name in xobjects.keys():  # noqa: SIM118 - pikepdf dictionaries
                assert xobjects[name].get("/Subtype") != "/Image"
    assert re.search(r"Page \d+ of \d+", text)


def test_an_empty_dossier_and_one_without_checklists_still_export(tmp_path: Path) -> None:
    from tests.factories import make_dossier, synthetic_template

    template = synthetic_template()
    empty = make_snapshot(make_dossier({template.id: template}), {template.id: template})
    path, result = export(empty, tmp_path, "empty.pdf")
    text = flat(pdf_text(path))
    assert "NOT ANSWERED" in text and "There are no actions." in text
    bare = make_snapshot(make_dossier({}), {})
    path, result = export(bare, tmp_path, "bare.pdf", lang="nl")
    assert result.pages >= 2 and "Samenvatting" in pdf_text(path)


def test_bytes_do_not_depend_on_the_process_or_its_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path\n"
        "from tests.factories import make_snapshot\n"
        "from tests.report.pdf_tools import export\n"
        "export(make_snapshot(), Path(sys.argv[1]), sys.argv[2])\n"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path), f"{seed}.pdf"],
            check=True,
            env=env,
            cwd=Path(__file__).parents[2],
            timeout=120,
        )
    assert (tmp_path / "1.pdf").read_bytes() == (tmp_path / "2.pdf").read_bytes()
