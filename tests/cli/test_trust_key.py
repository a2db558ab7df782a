"""`ddcheck trust-key`: the company accepts the adviser's new key, as the import told it how."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from ddcheck.cli.main import main


def _run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _review(capsys, adviser: Path, pdf: Path, out: Path) -> Path:
    code, text, err = _run(capsys, adviser, "import", str(pdf), "--json")
    assert code == 0, err
    received_id = json.loads(text)[0]["received_id"]
    assert _run(capsys, adviser, "review", received_id, "verdict", "sufficient")[0] == 0
    assert _run(capsys, adviser, "review", received_id, "export", "-o", str(out))[0] == 0
    return out


def test_the_import_names_the_command_and_trust_key_accepts_the_new_key(
    tmp_path: Path, capsys
) -> None:
    company = tmp_path / "company"
    code, out, err = _run(capsys, company, "new", "--company", "Van Dijk BV", "--kvk",
                          "12345678", "--mission", "Missie", "--destinations", "SA")  # fmt: skip
    assert code == 0, err
    dossier_id = out.splitlines()[0].strip()
    pdf = tmp_path / "d.pdf"
    assert _run(capsys, company, "export", dossier_id, "-o", str(pdf), "--force")[0] == 0
    old = _review(capsys, tmp_path / "old-laptop", pdf, tmp_path / "a.ddreview")
    new = _review(capsys, tmp_path / "new-laptop", pdf, tmp_path / "b.ddreview")
    assert _run(capsys, company, "import", str(old))[0] == 0
    code, out, _ = _run(capsys, company, "import", str(new))
    assert code == 0 and "another key" in out
    [hint] = [t for t in out.splitlines() if "ddcheck trust-key" in t]
    command = shlex.split(hint.split("): ", 1)[1])
    assert command[:4] == ["ddcheck", "trust-key", "--dossier", dossier_id]

    code, out, err = _run(capsys, company, *command[1:])
    assert code == 0, err
    assert len(out.splitlines()) == 1 and "is now trusted instead of" in out
    code, out, _ = _run(capsys, company, "import", str(new))
    assert code == 0 and "another key" not in out and "trust-key" not in out
    code, out, _ = _run(capsys, company, *command[1:], "--json")
    assert json.loads(out)["changed"] is False


def test_a_key_nobody_sent_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    company = tmp_path / "company"
    code, out, _ = _run(capsys, company, "new", "--company", "A", "--mission", "M")
    dossier_id = out.splitlines()[0].strip()
    code, out, err = _run(capsys, company, "trust-key", "--dossier", dossier_id,
                          "AAAA BBBB CCCC DDDD")  # fmt: skip
    assert code != 0 and "nothing to accept" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as usage:  # --dossier or --mission is required
        main(["--data-dir", str(company), "trust-key", "AAAABBBBCCCCDDDD"])
    assert usage.value.code == 2
