"""No control, escape or bidi character from received or user text reaches the terminal."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.cli.terminal import line, neutralise
from ddcheck.domain.dossier import Action, Company, Mission
from ddcheck.services import Workspace

HOSTILE = (
    "ACME\x1b[2J\x1b]0;pwned\x07\rEVIL\bX\x9b31m\u202etxt.exe\u200b\u2028"
    "\nFORGED ROW\x00\x7f\u2066end"
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def test_line_and_stream_neutralise_every_control() -> None:
    one = line(HOSTILE)
    assert not UNSAFE.search(one) and "\n" not in one and "\t" not in line("a\tb")
    assert "\\u001b[2J" in one and "\\u202e" in one and "\\u009b" in one
    kept = neutralise("a\tb\nc\x1bd")
    assert kept == "a\tb\nc\\u001bd"


@pytest.fixture
def hostile_pdf(tmp_path: Path) -> Path:
    company = tmp_path / "company"
    with Workspace.open(company) as ws:
        dossier = ws.create_dossier(
            Company(name=HOSTILE, kvk_number="12345678"),
            Mission(name=HOSTILE, destinations=["SA"], start=dt.date(2027, 3, 1)),
            "en",
        )
        key = next(iter(ws.summary(dossier.id).entries)).key
        template_id, item_id = key.split("/")
        ws.answer(dossier.id, template_id, item_id, value="yes", note=HOSTILE)
        ws.add_action(dossier.id, Action(id="act1", action=HOSTILE, owner=HOSTILE, item_keys=[key]))
    pdf = tmp_path / "hostile.pdf"
    assert main(["--data-dir", str(company), "export", dossier.id, "-o", str(pdf), "--force"]) == 0
    return pdf


def _check(out: str) -> None:
    assert not UNSAFE.search(out), repr(out[:300])
    assert not any(row.startswith("FORGED") for row in out.splitlines())


def test_every_command_prints_hostile_text_safely(
    tmp_path: Path, hostile_pdf: Path, capsys: pytest.CaptureFixture
) -> None:
    company = ["--data-dir", str(tmp_path / "company")]
    adviser = ["--data-dir", str(tmp_path / "adviser")]
    capsys.readouterr()

    def run(*argv: str) -> str:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert code in (0, 2), (argv, err)
        _check(out)
        _check(err)
        return out

    assert "\\u001b" in run(*adviser, "import", str(hostile_pdf))
    listed = run(*adviser, "received", "list")
    received_id = listed.split()[0]
    run(*adviser, "received", "show", received_id)
    run(*adviser, "received", "show", received_id, "--json")
    run(*adviser, "overview")
    key = run(*adviser, "received", "show", received_id).splitlines()[3].split(":")[0].strip()
    run(*adviser, "review", received_id, "assess", key, "question", "--comment", HOSTILE)
    run(*adviser, "review", received_id, "show")
    run(*adviser, "review", received_id, "history")
    run(*company, "list")
    dossier_id = run(*company, "list").splitlines()[1].split()[0]
    run(*company, "show", dossier_id)
    run(*company, "actions", dossier_id)
    run(*company, "history", dossier_id)
