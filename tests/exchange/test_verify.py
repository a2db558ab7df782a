"""`verify` accepts a fresh export and rejects one edited afterwards."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from ddcheck.exchange import NotADdcheckPdf, read_dossier_from_pdf, verify_pdf
from ddcheck.exchange.dossier_json import ATTACHMENT_NAME
from tests.factories import make_snapshot
from tests.report.hostile import hostile_snapshot
from tests.report.pdf_tools import export


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _ = export(make_snapshot(), tmp_path_factory.mktemp("verify"), lang="en")
    return path


def _copy(fresh: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.pdf"
    target.write_bytes(fresh.read_bytes())
    return target


def test_a_fresh_export_verifies(fresh: Path) -> None:
    result = verify_pdf(fresh)
    assert result.ok, result.problems
    assert result.document["format"] == "ddcheck-dossier"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hostile_text_exports_verify_too(tmp_path: Path, lang: str) -> None:
    path, _ = export(hostile_snapshot(), tmp_path, lang=lang, audience="internal")
    assert verify_pdf(path).ok, verify_pdf(path).problems


def test_read_dossier_from_pdf_returns_the_document(fresh: Path) -> None:
    document, fingerprint_ok = read_dossier_from_pdf(fresh)
    assert fingerprint_ok
    assert document["dossier"]["company"]["name"] == "Bouwmachines Zuid BV"


def test_an_edited_answer_in_the_page_text_is_a_mismatch(fresh: Path, tmp_path: Path) -> None:
    path = _copy(fresh, tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        changed = 0
        for page in pdf.pages:
            for stream in (
                page.get_contents_streams()
                if hasattr(page, "get_contents_streams")
                else [page.Contents]
            ):
                data = stream.read_bytes()
                if b"Partly" in data:
                    stream.write(data.replace(b"Partly", b"Yes"))
                    changed += 1
        assert changed
        pdf.save(path)
    result = verify_pdf(path)
    assert not result.ok
    assert any("the answer to item" in p for p in result.problems)
    _, fingerprint_ok = read_dossier_from_pdf(path)
    assert fingerprint_ok  # the data itself is intact; only the pages were edited


def test_edited_embedded_data_is_a_mismatch(fresh: Path, tmp_path: Path) -> None:
    path = _copy(fresh, tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        document = json.loads(pdf.attachments[ATTACHMENT_NAME].get_file().read_bytes())
        document["dossier"]["company"]["name"] = "Someone Else BV"
        data = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
        pdf.attachments[ATTACHMENT_NAME] = pikepdf.AttachedFileSpec(pdf, data)
        pdf.save(path)
    result = verify_pdf(path)
    assert not result.ok
    assert any("metadata" in p for p in result.problems)
    assert any("cover" in p for p in result.problems)
    assert read_dossier_from_pdf(path)[1] is False


def test_an_edited_note_is_a_mismatch(fresh: Path, tmp_path: Path) -> None:
    path = _copy(fresh, tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            stream = page.Contents
            data = stream.read_bytes()
            stream.write(
                data.replace(
                    b"we checked this with our supplier", b"we never checked anything at all"
                )
            )
        pdf.save(path)
    result = verify_pdf(path)
    assert any("the note on item" in p for p in result.problems)


def test_not_a_pdf_and_a_foreign_pdf_are_refused(tmp_path: Path, fresh: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a PDF at all")
    with pytest.raises(NotADdcheckPdf):
        verify_pdf(junk)
    foreign = tmp_path / "foreign.pdf"
    with pikepdf.open(fresh) as pdf:
        del pdf.Root.Names
        pdf.save(foreign)
    with pytest.raises(NotADdcheckPdf, match="no embedded ddcheck dossier"):
        verify_pdf(foreign)


def test_a_truncated_pdf_or_broken_embedded_data_is_refused(tmp_path: Path, fresh: Path) -> None:
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(fresh.read_bytes()[:20000])
    with pytest.raises(NotADdcheckPdf):
        verify_pdf(truncated)
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(fresh) as pdf:
        pdf.attachments[ATTACHMENT_NAME] = pikepdf.AttachedFileSpec(pdf, b"{not json")
        pdf.save(broken)
    with pytest.raises(NotADdcheckPdf, match="not valid JSON"):
        read_dossier_from_pdf(broken)


def test_text_problems_match_short_answers_exactly_and_long_ones_loosely() -> None:
    from ddcheck.exchange.verify import text_problems

    document = {
        "dossier": {"answers": []},
        "withheld": {"items": []},
        "rendered": {"answer_label": "Answer", "answers": {"t/a": "No", "t/b": "x" * 60}},
    }
    split = "x" * 35 + " " + "x" * 25
    good = f"ID t/a · OECD 1 Answer: No Note: fine ID t/b Answer: {split}"
    assert text_problems(document, good) == []
    edited = good.replace("Answer: No", "Answer: Not applicable")
    assert text_problems(document, edited) == [
        "the answer to item t/a in the report differs from the data"
    ]
    missing = good.replace("ID t/b", "")
    assert any(
        "item t/b is in the data but not in the report" in p
        for p in text_problems(document, missing)
    )


def test_text_problems_find_items_by_number_and_question_not_by_a_quote_of_them() -> None:
    from ddcheck.exchange.verify import text_problems

    document = {
        "dossier": {"answers": []},
        "withheld": {"items": []},
        "rendered": {
            "answer_label": "Answer",
            "answers": {"t/a": "No", "t/b": "Yes"},
            "headings": {
                "t/a": {"number": "1.1.1", "question": "Do you screen partners?"},
                "t/b": {"number": "1.1.2", "question": "Is there a policy?"},
            },
        },
    }
    summary = "Red flags 1.1.1 Do you screen partners? 1.1.2 Is there a policy? Answers "
    items = "1.1.1 Do you screen partners? OECD 1 Answer: No 1.1.2 Is there a policy? Answer: Yes"
    plan = " Action plan A1 1.1.1 Do you screen partners? Answer: Yes"
    assert text_problems(document, summary + items + plan) == []
    changed = summary + items.replace("Answer: Yes", "Answer: No") + plan
    assert text_problems(document, changed) == [
        "the answer to item t/b in the report differs from the data"
    ]
    gone = summary + items.replace("1.1.2 Is there", "Is there") + plan
    assert any(
        "t/b is in the data but not in the report (number 1.1.2)" in p
        for p in text_problems(document, gone)
    )
