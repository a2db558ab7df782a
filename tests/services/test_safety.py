"""Opening safely: daily backups, a damaged file set aside and reported, restore, check."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from ddcheck.paths import data_paths
from ddcheck.services import Workspace, WorkspaceDamaged, WorkspaceError


def _fill(tmp_path, catalog, clock, company, mission) -> str:
    with Workspace.open(tmp_path, user="t", catalog=catalog, clock=clock) as ws:
        dossier_id = ws.create_dossier(company, mission).id
        ws.answer(dossier_id, "mini", "policy", value="yes", note="bewaard")
    return dossier_id


def test_first_open_of_a_day_makes_one_backup(tmp_path, catalog, clock, company, mission):
    _fill(tmp_path, catalog, clock, company, mission)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert [b.kind for b in ws.list_backups()] == ["daily"]
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert len(ws.list_backups()) == 1
    clock.now += dt.timedelta(days=1)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert [b.kind for b in ws.list_backups()] == ["daily", "daily"]


def test_only_the_newest_backups_are_kept(tmp_path, catalog, clock, company, mission):
    _fill(tmp_path, catalog, clock, company, mission)
    for _ in range(13):
        clock.now += dt.timedelta(days=1)
        Workspace.open(tmp_path, catalog=catalog, clock=clock).close()
    assert len(list(data_paths(tmp_path).backups.glob("daily-*.sqlite"))) == 10


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"this is not a database at all" * 100), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:6000]), id="truncated"),
        pytest.param(
            lambda p: p.write_bytes(
                p.read_bytes()[:4096] + b"\x13" * 8192 + p.read_bytes()[12288:]
            ),
            id="overwritten-pages",
        ),
    ],
)
def test_a_damaged_file_is_set_aside_and_reported(
    tmp_path, catalog, clock, company, mission, damage
):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    paths = data_paths(tmp_path)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        ws.backup()
    damage(paths.database)
    broken = paths.database.read_bytes()

    with pytest.raises(WorkspaceDamaged) as caught:
        Workspace.open(tmp_path, catalog=catalog, clock=clock)

    error = caught.value
    assert error.moved_to is not None and error.moved_to.parent == paths.damaged
    assert error.moved_to.read_bytes() == broken
    assert not paths.database.exists()
    assert error.newest_backup is not None and error.backup == error.newest_backup
    assert "set aside unchanged" in str(error) and error.newest_backup.name in str(error)
    assert "ongewijzigd apart gezet" in error.text("nl") and error.text("en") == str(error)
    assert "\n" not in str(error)

    Workspace.restore(tmp_path)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert ws.get_dossier(dossier_id).answer("mini", "policy").note == "bewaard"
        assert ws.check().ok


def test_damage_without_any_backup_says_so(tmp_path, catalog, clock):
    paths = data_paths(tmp_path)
    paths.root.mkdir(parents=True, exist_ok=True)
    paths.database.write_bytes(b"\x00garbage" * 50)
    with pytest.raises(WorkspaceDamaged, match="no backup") as caught:
        Workspace.open(tmp_path, catalog=catalog, clock=clock)
    assert caught.value.newest_backup is None


def test_restore_on_an_open_workspace_keeps_the_current_state_as_a_backup(
    tmp_path, catalog, clock, company, mission
):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        backup = ws.backup()
        ws.answer(dossier_id, "mini", "policy", note="later veranderd")
        ws.restore(backup)
        assert ws.get_dossier(dossier_id).answer("mini", "policy").note == "bewaard"
        kinds = {b.kind for b in ws.list_backups()}
        assert "pre-restore" in kinds
        ws.answer(dossier_id, "mini", "policy", note="na herstel")
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert ws.get_dossier(dossier_id).answer("mini", "policy").note == "na herstel"


def test_backups_are_complete_sqlite_files(tmp_path, catalog, clock, company, mission):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        backup = ws.backup()
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (
        conn.execute("SELECT count(*) FROM answers WHERE dossier_id = ?", (dossier_id,)).fetchone()[
            0
        ]
        == 1
    )
    conn.close()


def test_check_reports_a_tampered_evidence_blob(tmp_path, catalog, clock, company, mission):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    (tmp_path / "f.txt").write_text("bewijs")
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        ws.attach_evidence(dossier_id, tmp_path / "f.txt")
        assert ws.check().ok
        assert ws.check().counts["answers"] == 1
    conn = sqlite3.connect(data_paths(tmp_path).database)
    conn.execute("UPDATE blobs SET data = ?", (b"vervalst",))
    conn.commit()
    conn.close()
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        report = ws.check()
        assert not report.ok
        assert "do not match their checksum" in report.problems[0]


def test_a_damaged_backup_is_refused_and_the_workspace_stays(
    tmp_path, catalog, clock, company, mission
):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        with pytest.raises(WorkspaceError, match="damaged too"):
            ws.restore(bad)
        assert ws.get_dossier(dossier_id).answer("mini", "policy").note == "bewaard"


def test_a_file_where_the_folder_should_be_is_a_plain_error(tmp_path, catalog):
    (tmp_path / "occupied").write_text("a file")
    with pytest.raises(WorkspaceError, match="cannot be used as the workspace folder"):
        Workspace.open(tmp_path / "occupied", catalog=catalog)


def test_pending_damage_for_the_app_until_restored_and_backups_survive_weeks(
    tmp_path, catalog, clock, company, mission
):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    Workspace.open(tmp_path, catalog=catalog, clock=clock).close()  # the daily backup
    paths = data_paths(tmp_path)
    with paths.database.open("r+b") as handle:
        handle.truncate(4096)
    with pytest.raises(WorkspaceDamaged):
        Workspace.open(tmp_path, catalog=catalog, clock=clock)
    good = next(paths.backups.glob("daily-*.sqlite"))
    for _ in range(14):  # two weeks in the new workspace, with a dossier, so daily backups run
        clock.now += dt.timedelta(days=1)
        with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
            pending = Workspace.pending_damage(tmp_path)
            assert pending is not None and pending.backup == good
            assert ws.pending_damage() == pending
            assert "beschadigd" in pending.text("nl") and good.name in str(pending)
            if not ws.list_dossiers():
                ws.create_dossier(company, mission)
    assert good.is_file()
    assert Workspace.restore(tmp_path) == good
    assert Workspace.pending_damage(tmp_path) is None
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert [d.id for d in ws.list_dossiers()] == [dossier_id]


def test_dismissing_the_damage_keeps_the_new_workspace(tmp_path, catalog, clock, company, mission):
    _fill(tmp_path, catalog, clock, company, mission)
    paths = data_paths(tmp_path)
    paths.database.write_bytes(b"x" * 5000)
    with pytest.raises(WorkspaceDamaged):
        Workspace.open(tmp_path, catalog=catalog, clock=clock)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert ws.pending_damage() is not None and ws.pending_damage().backup is None
        assert not ws.check().ok
        moved = ws.dismiss_damage()
        assert moved and ws.pending_damage() is None and ws.check().ok
    assert all(p.parent == paths.damaged / "resolved" for p in moved)


def test_restore_refuses_the_workspace_itself_and_files_that_are_no_backup(
    tmp_path, catalog, clock, company, mission
):
    dossier_id = _fill(tmp_path, catalog, clock, company, mission)
    paths = data_paths(tmp_path)
    text = tmp_path / "notes.sqlite"
    text.write_text("just some text, not a database")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(WorkspaceError, match="is the workspace itself"):
        Workspace.restore(tmp_path, paths.database)
    for bad in (text, other):
        with pytest.raises(WorkspaceError, match="not a ddcheck backup"):
            Workspace.restore(tmp_path, bad)
    assert not list(paths.backups.glob("pre-restore-*"))
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert [d.id for d in ws.list_dossiers()] == [dossier_id]


def test_restoring_twice_does_not_undo_itself_and_non_sqlite_files_are_not_listed(
    tmp_path, catalog, clock, company, mission
):
    _fill(tmp_path, catalog, clock, company, mission)
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        first = ws.backup()
        ws.create_dossier(company, mission)
        (ws.paths.backups / "daily-20991231-000000.sqlite").write_text("not a backup")
        assert first in [b.path for b in ws.list_backups()]
        assert all(b.path.read_bytes()[:6] == b"SQLite" for b in ws.list_backups())
    assert Workspace.restore(tmp_path, now=clock()) == first
    assert Workspace.restore(tmp_path, now=clock()) == first
    with Workspace.open(tmp_path, catalog=catalog, clock=clock) as ws:
        assert len(ws.list_dossiers()) == 1
