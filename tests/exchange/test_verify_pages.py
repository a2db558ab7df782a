"""`verify` renders the report again from its embedded data and compares every page with it."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.exchange.dossier_json import ATTACHMENT_NAME, fingerprint
from ddcheck.exchange.pdf_attachment import FINGERPRINT_KEY
from ddcheck.exchange.verify import PdfTooLarge, Renderer, VerifyResult, verify_pdf
from ddcheck.services.rerender import lookup_in, renderer
from tests.factories import make_dossier, make_snapshot, shipped_snapshot
from tests.report.pdf_tools import export

Edit = Callable[[pikepdf.Pdf], None]


def _renderer(snapshot: DossierSnapshot) -> Renderer:
    return renderer(lookup_in(snapshot.templates), snapshot.registry)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Renderer]:
    snapshot = shipped_snapshot()
    path, _ = export(snapshot, tmp_path_factory.mktemp("pages"), lang="en", invariant=False)
    return path, _renderer(snapshot)


def _edited(made: tuple[Path, Renderer], tmp_path: Path, edit: Edit) -> VerifyResult:
    source, render = made
    target = tmp_path / "edited.pdf"
    with pikepdf.open(source) as pdf:
        edit(pdf)
        pdf.save(target)
    return verify_pdf(target, render)


def _draw(pdf: pikepdf.Pdf, number: int, content: bytes) -> None:
    """Append `content` to a page, its /Fx the page's first font (no resource changes)."""
    page = pdf.pages[number - 1]
    font = next(iter(page.Resources.Font.keys())).encode()
    page.contents_add(pikepdf.Stream(pdf, content.replace(b"/Fx", font)), prepend=False)


def _answer_page(pdf: pikepdf.Pdf) -> int:
    for number, page in enumerate(pdf.pages, start=1):
        if b"(Partly)" in page.Contents.read_bytes() or b"Partly" in _page_bytes(page):
            return number
    raise AssertionError("no page shows a 'Partly' answer")


def _page_bytes(page: pikepdf.Page) -> bytes:
    contents = page.obj.Contents
    streams = contents if isinstance(contents, pikepdf.Array) else [contents]
    return b"".join(s.read_bytes() for s in streams)


@pytest.mark.parametrize(
    ("lang", "audience", "shipped"),
    [("en", "adviser", True), ("nl", "internal", True), ("nl", "adviser", False)],
)
def test_every_export_verifies_page_by_page(
    tmp_path: Path, lang: str, audience: str, shipped: bool
) -> None:
    snapshot = shipped_snapshot() if shipped else make_snapshot()
    path, _ = export(snapshot, tmp_path, lang=lang, audience=audience, invariant=False)
    result = verify_pdf(path, _renderer(snapshot))
    assert result.ok, result.problems
    assert result.checked == "pages"


def test_a_nearly_empty_dossier_verifies(tmp_path: Path) -> None:
    snapshot = make_snapshot(make_dossier())
    path, _ = export(snapshot, tmp_path, lang="nl")
    result = verify_pdf(path, _renderer(snapshot))
    assert (result.ok, result.checked) == (True, "pages"), result.problems


def test_the_export_is_the_same_in_any_time_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    snapshot = make_snapshot()
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: the export's day is another one
    time.tzset()
    try:
        path, _ = export(snapshot, tmp_path)
    finally:
        monkeypatch.setenv("TZ", "America/Adak")
        time.tzset()
    try:
        result = verify_pdf(path, _renderer(snapshot))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert result.ok, result.problems


def test_a_white_box_with_another_answer_on_top_is_a_mismatch(
    made: tuple[Path, Renderer], tmp_path: Path
) -> None:
    found: list[int] = []

    def cover_up(pdf: pikepdf.Pdf) -> None:
        found.append(_answer_page(pdf))
        box = b"q 1 1 1 rg 56 300 480 40 re f Q BT 0 0 0 rg /Fx 9 Tf 60 315 Td (Answer: Yes) Tj ET"
        _draw(pdf, found[0], box)

    result = _edited(made, tmp_path, cover_up)
    assert result.problems == (f"page {found[0]} differs from what its data renders",)


def test_invisible_text_is_a_mismatch(made: tuple[Path, Renderer], tmp_path: Path) -> None:
    result = _edited(
        made, tmp_path, lambda pdf: _draw(pdf, 3, b"BT 3 Tr /Fx 9 Tf 60 315 Td (Yes) Tj ET")
    )
    assert result.problems == ("page 3 differs from what its data renders",)


def test_an_added_annotation_is_a_mismatch(made: tuple[Path, Renderer], tmp_path: Path) -> None:
    def annotate(pdf: pikepdf.Pdf) -> None:
        note = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.FreeText,
            Rect=[56, 300, 536, 340],
            Contents=pikepdf.String("Answer: Yes"),
            DA=pikepdf.String("/Helv 9 Tf 0 g"),
        )
        page = pdf.pages[1]
        if "/Annots" not in page.obj:
            page.obj.Annots = pikepdf.Array()
        page.obj.Annots.append(pdf.make_indirect(note))

    result = _edited(made, tmp_path, annotate)
    assert result.problems == ("page 2 has 1 annotation(s) its data does not render",)


def test_a_deleted_page_is_a_mismatch(made: tuple[Path, Renderer], tmp_path: Path) -> None:
    def delete_summary(pdf: pikepdf.Pdf) -> None:
        del pdf.pages[1]

    result = _edited(made, tmp_path, delete_summary)
    assert not result.ok
    with pikepdf.open(made[0]) as pdf:
        pages = len(pdf.pages)
    assert result.problems[0] == f"the file has {pages - 1} pages; its data renders {pages}"
    assert "page 2 is page 3 of what its data renders" in result.problems[1]


def test_swapped_pages_are_a_mismatch(made: tuple[Path, Renderer], tmp_path: Path) -> None:
    def swap(pdf: pikepdf.Pdf) -> None:
        second, third = pdf.pages[1], pdf.pages[2]
        pdf.pages[1], pdf.pages[2] = third, second

    result = _edited(made, tmp_path, swap)
    assert [p.split(" (")[0] for p in result.problems] == [
        "page 2 is page 3 of what its data renders",
        "page 3 is page 2 of what its data renders",
    ]


def test_a_changed_digit_is_a_mismatch(made: tuple[Path, Renderer], tmp_path: Path) -> None:
    changed: list[int] = []

    def change_digit(pdf: pikepdf.Pdf) -> None:
        for number, page in enumerate(pdf.pages, start=1):
            data = page.obj.Contents.read_bytes()
            found = re.search(rb"\((?:[^()\\]|\\.)*?(\d)", data)
            if found and number > 1:
                at = found.start(1)
                digit = str((int(data[at : at + 1]) + 1) % 10).encode()
                page.obj.Contents.write(data[:at] + digit + data[at + 1 :])
                changed.append(number)
                return

    result = _edited(made, tmp_path, change_digit)
    assert result.problems == (f"page {changed[0]} differs from what its data renders",)


def test_an_embedded_answer_changed_with_fingerprints_recomputed_is_a_mismatch(
    made: tuple[Path, Renderer], tmp_path: Path
) -> None:
    def change_answer(pdf: pikepdf.Pdf) -> None:
        data = pdf.attachments[ATTACHMENT_NAME].get_file().read_bytes()
        document = json.loads(data)
        answer = next(a for a in document["dossier"]["answers"] if a.get("value") == "partly")
        answer["value"] = "yes"
        key = f"{answer['template_id']}/{answer['item_id']}"
        document["rendered"]["answers"][key] = "Yes"
        new = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        pdf.attachments[ATTACHMENT_NAME] = pikepdf.AttachedFileSpec(pdf, new.encode())
        pdf.docinfo[FINGERPRINT_KEY] = fingerprint(new.encode())

    result = _edited(made, tmp_path, change_answer)
    assert not result.ok
    assert "page 1 differs from what its data renders" in result.problems  # the fingerprint
    assert len(result.problems) >= 2  # and the page that shows the answer


def test_another_versions_pdf_is_compared_by_text_and_says_so(tmp_path: Path) -> None:
    snapshot = make_snapshot(app_version="0.0.9")
    path, _ = export(snapshot, tmp_path)
    result = verify_pdf(path, _renderer(snapshot))
    assert (result.ok, result.checked) == (True, "text"), result.problems
    assert result.why_text == "made by ddcheck 0.0.9"


def test_a_missing_checklist_falls_back_to_text(made: tuple[Path, Renderer]) -> None:
    result = verify_pdf(made[0], renderer(lookup_in({}), make_snapshot().registry))
    assert result.checked == "text" and result.ok, result.problems
    assert "is not available here" in result.why_text


def test_oversize_and_too_many_pages_are_refused(
    made: tuple[Path, Renderer], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ddcheck.exchange import verify

    monkeypatch.setattr(verify, "MAX_PDF_PAGES", 3)
    with pytest.raises(PdfTooLarge, match=r"pages, more than ddcheck checks \(3\)"):
        verify_pdf(made[0], made[1])
    monkeypatch.setattr(verify, "MAX_PDF_BYTES", 1000)
    with pytest.raises(PdfTooLarge, match="larger than ddcheck checks"):
        verify_pdf(made[0], made[1])


def _incremental(source: Path, target: Path, change: Callable[[object], None]) -> None:
    """Append a revision to the file (as a signature does), made by `change` on a pypdf writer."""
    from pypdf import PdfWriter

    writer = PdfWriter(str(source), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())
    assert target.read_bytes().startswith(source.read_bytes())


def _signature_field(writer: object, rect: list[int]) -> None:
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    w = writer  # a PdfWriter
    page = w.pages[0]  # type: ignore[attr-defined]
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Sig"),
            NameObject("/T"): TextStringObject("Signature1"),
            NameObject("/Rect"): ArrayObject([NumberObject(v) for v in rect]),
            NameObject("/F"): NumberObject(132),
        }
    )
    reference = w._add_object(field)  # type: ignore[attr-defined]
    annots = page.get("/Annots")
    if annots is None:
        page[NameObject("/Annots")] = ArrayObject([reference])
    else:
        annots.get_object().append(reference)
    w._root_object[NameObject("/AcroForm")] = DictionaryObject(  # type: ignore[attr-defined]
        {NameObject("/Fields"): ArrayObject([reference]), NameObject("/SigFlags"): NumberObject(3)}
    )


def test_a_later_revision_that_adds_only_an_invisible_signature_field_verifies(
    made: tuple[Path, Renderer], tmp_path: Path
) -> None:
    target = tmp_path / "signed.pdf"
    _incremental(made[0], target, lambda w: _signature_field(w, [0, 0, 0, 0]))
    result = verify_pdf(target, made[1])
    assert result.ok, result.problems


def test_a_later_revision_with_a_visible_field_or_other_pages_is_a_mismatch(
    made: tuple[Path, Renderer], tmp_path: Path
) -> None:
    visible = tmp_path / "visible.pdf"
    _incremental(made[0], visible, lambda w: _signature_field(w, [56, 300, 536, 340]))
    assert verify_pdf(visible, made[1]).problems == (
        "page 1 has 1 annotation(s) its data does not render",
    )
    reordered = tmp_path / "reordered.pdf"

    def drop_last(writer: object) -> None:
        writer.remove_page(len(writer.pages) - 1)  # type: ignore[attr-defined]

    _incremental(made[0], reordered, drop_last)
    assert not verify_pdf(reordered, made[1]).ok
