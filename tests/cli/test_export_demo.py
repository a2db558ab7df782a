"""Done-when flow: `ddcheck demo`, `ddcheck export`, read the PDF back, `ddcheck verify`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pikepdf
import pytest

from ddcheck.cli.main import main
from tests.report.pdf_tools import deep_scan, flat, pdf_text, requires_poppler

pytestmark = requires_poppler


def _loose(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def _json(capsys: pytest.CaptureFixture, *args: str) -> object:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_export_reads_back_complete_withholds_confidential_text_and_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture, lang: str
) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo", "--lang", lang]) == 0
    dossier_id = _json(capsys, "--data-dir", data, "list", "--json")[0]["id"]
    shown = _json(capsys, "--data-dir", data, "show", dossier_id, "--json")
    items = shown["items"]
    secrets = [i["note"] for i in items if i.get("confidential") and i.get("note")]
    assert secrets, "the demo marks at least one answer with a note confidential"

    adviser = tmp_path / "adviser.pdf"
    args = ["--data-dir", data, "export", dossier_id, "-o", str(adviser), "--force"]
    assert main([*args, "--lang", lang]) == 0
    text = flat(pdf_text(adviser))
    loose_text = _loose(text)  # pdftotext joins "bouw-" + "en" at a line end into "bouwen"
    for item in items:
        assert item["key"] not in text  # ids stay in the embedded data, off the page
        assert _loose(item["question"]) in loose_text
    scanned = deep_scan(adviser)
    for secret in secrets:
        fragment = secret[:40]
        assert fragment not in text
        assert fragment.encode() not in scanned
        assert fragment.encode() not in adviser.read_bytes()
    assert main(["verify", str(adviser)]) == 0

    internal = tmp_path / "internal.pdf"
    args = ["--data-dir", data, "export", dossier_id, "-o", str(internal), "--lang", lang]
    assert main([*args, "--audience", "internal"]) == 0
    assert flat(secrets[0])[:40] in flat(pdf_text(internal))

    edited = tmp_path / "edited.pdf"
    with pikepdf.open(adviser) as pdf:
        for page in pdf.pages:
            page.Contents.write(page.Contents.read_bytes().replace(b"Ja)", b"Nee)"))
            page.Contents.write(page.Contents.read_bytes().replace(b"Yes)", b"No)"))
        pdf.save(edited)
    capsys.readouterr()
    assert main(["verify", str(edited)]) == 1
