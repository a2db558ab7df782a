"""Import refusals carry a Dutch sentence too (error.text('nl')); English stays str()."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.services import Workspace
from ddcheck.services.received_model import ImportRefused


@pytest.mark.parametrize(
    ("content", "english", "dutch"),
    [
        (
            b"plain text",
            "it is not a ddcheck PDF, .ddcheck bundle or .ddreview file",
            "het is geen ddcheck-PDF, .ddcheck-bundel of .ddreview-bestand",
        ),
        (b"%PDF-1.4 broken", "the PDF", "de PDF is beschadigd, onleesbaar of bevat geen"),
        (b"PK\x03\x04 broken", "ddcheck bundle", "de bundel is beschadigd of geen ddcheck-bundel"),
        (b"{}", "review", "het is geen bruikbaar ddcheck-beoordelingsbestand"),
    ],
)
def test_refusals_have_a_dutch_sentence(
    ws: Workspace, tmp_path: Path, content: bytes, english: str, dutch: str
) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as caught:
        ws.import_file(path)
    error = caught.value
    assert str(error).startswith("junk.bin was not imported: ") and english in str(error)
    assert error.text("en") == str(error)
    assert error.text("nl").startswith(f"junk.bin is niet geïmporteerd: {dutch}")
    assert error.text("nl").endswith(".") and "\n" not in error.text("nl")


def test_missing_file_and_folder_are_refused_in_dutch(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as missing:
        ws.import_file(tmp_path / "gone.pdf")
    assert missing.value.text("nl") == "gone.pdf is niet geïmporteerd: dat bestand bestaat niet."
    with pytest.raises(ImportRefused) as folder:
        ws.import_file(tmp_path)
    assert folder.value.text("nl") == f"{tmp_path.name} is niet geïmporteerd: het is een map."


def test_a_bad_template_is_refused_in_dutch(ws: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: my-list\nversion: one\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        ws.import_template(bad)
    count = len(caught.value.problems)
    assert count >= 1
    assert caught.value.text("nl").startswith("bad.yaml is niet geïmporteerd: ")
    assert "in de checklist (zie hieronder)." in caught.value.text("nl")
