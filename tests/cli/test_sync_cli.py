"""`ddcheck sync FOLDER`: two advisers share a folder from the command line alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcheck.cli.main import main


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_two_advisers_sync_a_folder_and_see_the_conflict(capsys, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    company, anna, bram = (str(tmp_path / n) for n in ("company", "anna", "bram"))
    code, out, _ = run(capsys, "--data-dir", company, "demo", "--lang", "nl")
    dossier_id = out.split()[0]
    pdf = shared / "dossier.pdf"
    assert run(capsys, "--data-dir", company, "export", dossier_id, "-o", str(pdf))[0] == 0

    code, out, _ = run(capsys, "--data-dir", anna, "sync", str(shared))
    assert code == 0 and out.startswith("imported: dossier.pdf")
    code, out, _ = run(capsys, "--data-dir", anna, "sync", str(shared))
    assert code == 0 and out.startswith("nothing new in") and "1 file(s) synced before" in out
    assert run(capsys, "--data-dir", bram, "sync", str(shared))[0] == 0

    code, out, _ = run(capsys, "--data-dir", anna, "received", "show", dossier_id, "--json")
    key = sorted(json.loads(out)["rendered_answers"])[0]
    other = sorted(json.loads(out)["rendered_answers"])[1]
    for who, item, comment in (("anna", key, "Anna's question"), ("bram", other, "Bram's")):
        review = ["--data-dir", str(tmp_path / who), "review", dossier_id]
        assert run(capsys, *review, "assess", item, "question", "--comment", comment)[0] == 0
    for who, verdict in (("anna", "sufficient"), ("bram", "insufficient")):
        review = ["--data-dir", str(tmp_path / who), "review", dossier_id]
        assert run(capsys, *review, "verdict", verdict)[0] == 0
    for who in (anna, bram, anna):
        code, out, _ = run(capsys, "--data-dir", who, "sync", str(shared))
        assert code == 0
    for who in (anna, bram):
        code, out, _ = run(capsys, "--data-dir", who, "review", dossier_id, "show", "--json")
        comments = {
            i["template_id"] + "/" + i["item_id"]: i["comment"] for i in json.loads(out)["items"]
        }
        assert comments == {key: "Anna's question", other: "Bram's"}
        code, out, _ = run(capsys, "--data-dir", who, "review", dossier_id, "conflicts")
        assert code == 0 and "conflict:" in out and "verdict" in out
        assert "sufficient" in out and "insufficient" in out
        code, out, _ = run(capsys, "--data-dir", who, "received", "show", dossier_id)
        assert "conflict:" in out
    assert len(list((shared / "reviews").glob("*.ddreview"))) >= 2


def test_sync_refuses_a_folder_inside_the_workspace(capsys, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "inbox").mkdir(parents=True)
    code, _, err = run(capsys, "--data-dir", str(data), "sync", str(data / "inbox"))
    assert code == 2 and "inside one another" in err


def test_a_workspace_on_a_network_drive_gets_a_one_line_warning(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ddcheck.services.location as location

    monkeypatch.setattr(location, "network_reason", lambda path: "it is on a network (nfs)")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "list")
    assert code == 0
    assert len(err.strip().splitlines()) == 1 and "network" in err and "ddcheck sync" in err
