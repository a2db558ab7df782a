"""`ddcheck received trust ID`: accept a company's new key after checking with the company."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ddcheck.cli.main import main
from ddcheck.exchange.signing import SigningKey
from ddcheck.services import Workspace
from ddcheck.services.export import export_pdf


def _run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_trust_pins_the_new_key_says_so_in_one_line_and_is_in_the_history(
    tmp_path: Path, capsys
) -> None:
    company, adviser = tmp_path / "company", tmp_path / "adviser"
    code, out, err = _run(capsys, company, "new", "--company", "Van Dijk BV", "--kvk",
                          "12345678", "--mission", "Missie", "--destinations", "SA")  # fmt: skip
    assert code == 0, err
    dossier_id = out.splitlines()[0].strip()
    assert _run(capsys, company, "export", dossier_id, "-o", str(tmp_path / "v1.pdf"),
                "--force")[0] == 0  # fmt: skip
    later = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    new_laptop = SigningKey.create("Van Dijk BV\x1b]0;evil\x07", later)
    with Workspace.open(company, user="company") as ws:
        snapshot = ws.snapshot(dossier_id).model_copy(update={"generated_at": later})
    export_pdf(snapshot, tmp_path / "v2.pdf", lang="nl", key=new_laptop)

    assert _run(capsys, adviser, "import", str(tmp_path / "v1.pdf"))[0] == 0
    code, out, _ = _run(capsys, adviser, "import", str(tmp_path / "v2.pdf"))
    assert code == 0 and "another key" in out
    assert "[SIGNED WITH ANOTHER KEY]" in _run(capsys, adviser, "received", "list")[1]
    received_id = json.loads(_run(capsys, adviser, "received", "list", "--json")[1])[0][
        "received_id"
    ]
    code, out, err = _run(capsys, adviser, "received", "trust", received_id[:8])
    assert code == 0, err
    [said] = out.splitlines()
    assert "is now trusted" in said and "1 revision(s) no longer flagged" in said
    assert "\x1b" not in out and "\x07" not in out
    assert "[SIGNED WITH ANOTHER KEY]" not in _run(capsys, adviser, "received", "list")[1]
    shown = json.loads(_run(capsys, adviser, "received", "show", received_id, "--json")[1])
    assert shown["signature"] == "signed"
    history = _run(capsys, adviser, "review", received_id, "history")[1]
    assert "key_trusted" in history or "trusted" in history
    code, out, _ = _run(capsys, adviser, "received", "trust", received_id)
    assert code == 0 and "nothing changed" in out


def test_trust_refuses_an_unsigned_newest_revision_in_one_line(tmp_path: Path, capsys) -> None:
    company, adviser = tmp_path / "company", tmp_path / "adviser"
    code, out, _ = _run(capsys, company, "new", "--company", "Van Dijk BV", "--mission",
                        "Missie", "--destinations", "SA")  # fmt: skip
    dossier_id = out.splitlines()[0].strip()
    with Workspace.open(company, user="company") as ws:
        export_pdf(ws.snapshot(dossier_id), tmp_path / "old.pdf", lang="nl")
    assert _run(capsys, adviser, "import", str(tmp_path / "old.pdf"))[0] == 0
    received_id = json.loads(_run(capsys, adviser, "received", "list", "--json")[1])[0][
        "received_id"
    ]
    code, out, err = _run(capsys, adviser, "received", "trust", received_id)
    assert code != 0 and len(err.strip().splitlines()) == 1 and "not signed" in err
