"""Issue 17, robustness: empty or odd workspace files, stored rows that do not read back, demo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ddcheck.cli.main import main
from ddcheck.paths import data_paths
from ddcheck.services import Workspace
from ddcheck.services import demo as demo_module
from tests.services.received_files import as_bundle, changed, valid_document


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _demo(capsys, data_dir: Path) -> str:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "demo", "--lang", "en")
    assert code == 0
    return out.split()[0]


def test_a_zero_byte_workspace_is_damaged_and_the_backup_is_offered(capsys, tmp_path) -> None:
    data_dir = tmp_path / "data"
    dossier_id = _demo(capsys, data_dir)
    assert run(capsys, "--data-dir", str(data_dir), "list")[0] == 0  # makes the daily backup
    database = data_paths(data_dir).database
    for companion in (database.with_name(database.name + s) for s in ("-wal", "-shm")):
        companion.unlink(missing_ok=True)
    database.write_bytes(b"")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "damaged" in err and "newest good backup" in err and "restore" in err
    moved = list((data_dir / "damaged").glob("*.sqlite"))
    assert len(moved) == 1 and moved[0].stat().st_size == 0  # set aside unchanged
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore")
    assert code == 0, err
    assert dossier_id[:8] in run(capsys, "--data-dir", str(data_dir), "list")[1]


def test_a_zero_byte_workspace_without_backups_is_damaged_too(capsys, tmp_path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    data_paths(data_dir).database.write_bytes(b"")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 2 and "damaged" in err and "there is no backup" in err


def test_a_folder_named_like_the_workspace_file_gives_one_line(capsys, tmp_path) -> None:
    data_dir = tmp_path / "data"
    data_paths(data_dir).database.mkdir(parents=True)
    for command in (("list",), ("check",), ("received", "list")):
        code, out, err = run(capsys, "--data-dir", str(data_dir), *command)
        assert code == 2, (command, out, err)
        assert err.strip().splitlines() == [err.strip()] and "is a folder" in err
    assert data_paths(data_dir).database.is_dir()  # left where it is


def test_check_names_a_stored_row_that_is_not_valid_json(capsys, tmp_path) -> None:
    data_dir = tmp_path / "data"
    dossier_id = _demo(capsys, data_dir)
    conn = sqlite3.connect(data_paths(data_dir).database)
    with conn:
        conn.execute(
            "UPDATE answers SET risk = '{not json' WHERE rowid = (SELECT min(rowid) FROM answers)"
        )
    conn.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1
    assert f"dossier {dossier_id}" in out + err and "cannot be read" in out + err


def test_check_names_a_received_revision_that_does_not_validate(capsys, tmp_path) -> None:
    data_dir = tmp_path / "adviser"
    document = valid_document(tmp_path)
    path = tmp_path / "valid.ddcheck"
    path.write_bytes(as_bundle(changed(document, lambda d: None)))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(path))
    assert code == 0
    received_id = out.split("new received dossier ")[1].split()[0]
    bad = changed(document, lambda d: d["withheld"].update(evidence="many"))
    conn = sqlite3.connect(data_paths(data_dir).database)
    with conn:
        conn.execute("UPDATE received_revisions SET document = ?", (bad,))
    conn.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1
    assert f"received dossier {received_id} revision 1 does not validate" in out + err
    for command in (("received", "list"), ("overview",), ("received", "show", received_id)):
        code, out, err = run(capsys, "--data-dir", str(data_dir), *command)
        assert "Traceback" not in err
        assert code in (0, 2) and len(err.strip().splitlines()) <= 1, (command, err)


def test_a_failing_demo_leaves_no_dossier(monkeypatch, tmp_path) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("killed half-way")

    monkeypatch.setattr(demo_module, "_add_actions", broken)
    with Workspace.open(tmp_path / "data", user="tester") as ws:
        with pytest.raises(RuntimeError):
            demo_module.build_demo(ws, lang="en")
        assert ws.list_dossiers(include_trashed=True) == []
