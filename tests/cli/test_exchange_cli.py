"""Done-when: two workspaces act out the round trip via the CLI; hostile files change nothing."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.services import Workspace
from tests.exchange.hostile_files import hostile_files
from tests.services.exchange_helpers import dump


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, Path]:
    found = {name: tmp_path / name for name in ("company", "adviser", "laptop", "files")}
    found["files"].mkdir()  # export writes into an existing folder only
    return found


def _company_dossier(capsys, company: Path) -> str:
    code, out, _ = run(capsys, "--data-dir", str(company), "demo", "--lang", "nl")
    assert code == 0
    return out.split()[0]


def test_round_trip_through_the_cli(capsys, dirs: dict[str, Path]) -> None:
    company, adviser, files = str(dirs["company"]), str(dirs["adviser"]), dirs["files"]
    dossier_id = _company_dossier(capsys, dirs["company"])
    pdf, bundle = files / "dossier.pdf", files / "dossier.ddcheck"
    assert (
        run(capsys, "--data-dir", company, "export", dossier_id, "-o", str(pdf), "--force")[0] == 0
    )
    code, out, _ = run(
        capsys, "--data-dir", company, "export", dossier_id[:6], "-o", str(bundle), "--force"
    )
    assert code == 0 and "evidence file(s)" in out and "adviser" in out

    code, out, _ = run(capsys, "--data-dir", adviser, "import", str(pdf), str(bundle), str(pdf))
    assert code == 0
    lines = out.splitlines()
    assert "new received dossier" in lines[0] and "revision 2" in lines[1]
    assert "nothing changed" in lines[2]
    received_id = lines[0].split("new received dossier ")[1].split()[0]

    code, out, _ = run(capsys, "--data-dir", adviser, "received", "changes", received_id[:5])
    assert code == 0 and "revision 1 → 2" in out

    a = ["--data-dir", adviser, "review", received_id[:8]]
    code, out, _ = run(capsys, "--data-dir", adviser, "received", "show", received_id, "--json")
    shown = json.loads(out)
    key = sorted(shown["rendered_answers"])[0]
    assert run(capsys, *a, "assess", key, "question", "--comment", "Welke leveranciers?")[0] == 0
    assert run(capsys, *a, "verdict", "sufficient_with_actions", "--reviewer", "J. Jansen")[0] == 0
    code, out, _ = run(capsys, *a, "agree", "Stel een ESAP op", "--due", "2027-03-01")
    assert code == 0 and out.strip() == "saved"
    assert run(capsys, *a, "export", "-o", str(files / "review.pdf"), "--lang", "en")[0] == 0
    code, out, _ = run(capsys, *a, "export", "-o", str(files / "review.ddreview"))
    assert code == 0 and (files / "review.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, *a, "history", "--json")
    logged = [(r["entity"], r["field"], r["new"]) for r in json.loads(out)]
    assert code == 0 and logged[:2] == [
        ("revision", "received", "dossier.pdf"),
        ("revision", "received", "dossier.ddcheck"),
    ]
    assert ("review", "assessment", "question: Welke leveranciers?") in logged
    assert ("agreed_action", "added", "Stel een ESAP op") in logged
    code, out, _ = run(capsys, *a, "history", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1 and "agreed_action" in out

    code, out, _ = run(
        capsys,
        "--data-dir",
        adviser,
        "overview",
        "--mission",
        shown["dossier"]["mission"]["name"].upper(),
        "--json",
        "--csv",
        str(files / "o.csv"),
        "--pdf",
        str(files / "o.pdf"),
    )
    overview = json.loads(out)
    assert code == 0 and overview["rows"][0]["verdict"] == "sufficient_with_actions"
    assert overview["rows"][0]["withheld_items"] >= 1
    rows = list(csv.DictReader((files / "o.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["verdict"] == "sufficient_with_actions"

    before_answers = _dossier(dirs["company"], dossier_id).answers
    code, out, _ = run(capsys, "--data-dir", company, "import", str(files / "review.ddreview"))
    assert code == 0 and "review loaded" in out
    after = _dossier(dirs["company"], dossier_id)
    assert after.answers == before_answers
    review = after.reviews[-1]
    assert [(i.key, i.comment) for i in review.items] == [(key, "Welke leveranciers?")]
    agreed = [a for a in after.actions if a.agreed_with_adviser]
    assert [(a.action, a.due.isoformat()) for a in agreed] == [("Stel een ESAP op", "2027-03-01")]
    snapshot = dump(dirs["company"] / "workspace.sqlite")
    code, out, _ = run(capsys, "--data-dir", company, "import", str(files / "review.ddreview"))
    assert code == 0 and "nothing changed" in out
    assert dump(dirs["company"] / "workspace.sqlite") == snapshot


def _dossier(data_dir: Path, dossier_id: str):
    with Workspace.open(data_dir) as ws:
        return ws.get_dossier(dossier_id)


def test_a_bundle_moves_a_dossier_to_a_new_laptop(capsys, dirs: dict[str, Path]) -> None:
    dossier_id = _company_dossier(capsys, dirs["company"])
    full = dirs["files"] / "full.ddcheck"
    args = ["--data-dir", str(dirs["company"]), "export", dossier_id, "-o", str(full)]
    assert run(capsys, *args, "--audience", "internal")[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(dirs["laptop"]), "import", "--as-own", str(full))
    assert code == 0 and "restored as your own dossier" in out
    original = _dossier(dirs["company"], dossier_id)
    moved = _dossier(dirs["laptop"], dossier_id)
    assert moved.answers_by_key() == original.answers_by_key()
    assert len(moved.evidence) == len(original.evidence) > 0


def test_an_internal_export_is_not_received_without_a_flag(capsys, dirs: dict[str, Path]) -> None:
    dossier_id = _company_dossier(capsys, dirs["company"])
    pdf = dirs["files"] / "internal.pdf"
    args = ["--data-dir", str(dirs["company"]), "export", dossier_id, "-o", str(pdf)]
    assert run(capsys, *args, "--audience", "internal")[0] == 0
    adviser = ["--data-dir", str(dirs["adviser"])]
    code, out, err = run(capsys, *adviser, "import", str(pdf))
    assert code == 2 and "confidential" in err and "--accept-internal" in err
    assert run(capsys, *adviser, "received", "list", "--json")[1].strip() == "[]"
    code, out, err = run(capsys, *adviser, "import", "--accept-internal", str(pdf))
    assert code == 0 and "new received dossier" in out


def test_hostile_files_are_refused_and_change_neither_workspace(
    capsys, dirs: dict[str, Path]
) -> None:
    company, adviser, files = dirs["company"], dirs["adviser"], dirs["files"]
    dossier_id = _company_dossier(capsys, company)
    pdf, bundle = files / "d.pdf", files / "d.ddcheck"
    run(capsys, "--data-dir", str(company), "export", dossier_id, "-o", str(pdf), "--force")
    run(capsys, "--data-dir", str(company), "export", dossier_id, "-o", str(bundle), "--force")
    run(capsys, "--data-dir", str(adviser), "import", str(pdf))
    hostile = hostile_files(pdf.read_bytes(), bundle.read_bytes(), files / "hostile")
    for data_dir in (company, adviser):
        before = dump(data_dir / "workspace.sqlite")
        names = [str(p) for p in hostile.values()]
        code, out, err = run(capsys, "--data-dir", str(data_dir), "import", *names)
        assert code == 2 and out == ""
        refusals = err.splitlines()
        assert len(refusals) == len(hostile), err
        for line, name in zip(refusals, hostile, strict=True):
            assert line.startswith(f"ddcheck: {name} was not imported: "), line
        code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "--as-own", *names[-7:])
        assert code == 2 and "Traceback" not in err
        assert dump(data_dir / "workspace.sqlite") == before
    assert not list(files.parent.glob("escape.txt"))


def test_templates_import_and_export(capsys, dirs: dict[str, Path], tmp_path: Path) -> None:
    adviser = str(dirs["adviser"])
    out_file = tmp_path / "briefing.yaml"
    code, _, _ = run(
        capsys,
        "--data-dir",
        adviser,
        "templates",
        "export",
        "briefing-saudi-gulf",
        "-o",
        str(out_file),
    )
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    assert "id: briefing-saudi-gulf" in text
    shipped = int(re.search(r"\nversion: (\d+)\n", text).group(1))  # type: ignore[union-attr]
    newer = tmp_path / "newer.yaml"
    newer.write_text(
        text.replace(f"\nversion: {shipped}\n", f"\nversion: {shipped + 1}\n", 1),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--data-dir", adviser, "templates", "import", str(newer))
    assert code == 2 and "built into ddcheck" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(
        capsys, "--data-dir", adviser, "templates", "import", "--replace-built-in", str(newer)
    )
    assert code == 0 and f"replacing v{shipped}" in out
    code, out, _ = run(capsys, "--data-dir", adviser, "templates", "list", "--json")
    listed = {t["id"]: t["version"] for t in json.loads(out)}
    assert listed["briefing-saudi-gulf"] == shipped + 1
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        text.replace(f"\nversion: {shipped}\n", "\nversion: three\n", 1), encoding="utf-8"
    )
    code, _, err = run(capsys, "--data-dir", adviser, "templates", "import", str(broken))
    assert code == 2 and "broken.yaml:" in err and "version" in err


def test_assessing_a_withheld_item_warns(capsys, dirs: dict[str, Path]) -> None:
    dossier_id = _company_dossier(capsys, dirs["company"])
    pdf = dirs["files"] / "d.pdf"
    company = ["--data-dir", str(dirs["company"])]
    assert run(capsys, *company, "export", dossier_id, "-o", str(pdf), "--force")[0] == 0
    adviser = ["--data-dir", str(dirs["adviser"])]
    assert run(capsys, *adviser, "import", str(pdf))[0] == 0
    shown = json.loads(run(capsys, *adviser, "received", "show", dossier_id, "--json")[1])
    withheld = shown["withheld_items"][0]
    visible = next(iter(shown["rendered_answers"]))
    code, out, _ = run(capsys, *adviser, "review", dossier_id, "assess", withheld, "question")
    assert code == 0 and "withheld" in out
    code, out, _ = run(capsys, *adviser, "review", dossier_id, "assess", visible, "accepted")
    assert code == 0 and "withheld" not in out
