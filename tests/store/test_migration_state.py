"""The schema state read with plain SQL agrees with sqlite-utils, which start-up never loads."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from ddcheck.paths import DataPaths
from ddcheck.store import migration_state, open_store, schema
from ddcheck.store.database import connect

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def test_plain_reads_agree_with_sqlite_utils_at_every_step(tmp_path: Path) -> None:
    conn = connect(tmp_path / "workspace.sqlite")
    db = Database(conn)
    assert migration_state.applied_names(conn) == []
    assert migration_state.pending_names(conn) == list(migration_state.MIGRATION_NAMES)
    for stop in (*migration_state.MIGRATION_NAMES[1:], None):
        schema.migrate(db, stop_before=stop)
        assert migration_state.applied_names(conn) == [
            m.name for m in schema.MIGRATIONS.applied(db)
        ]
        assert migration_state.pending_names(conn) == [
            m.name for m in schema.MIGRATIONS.pending(db)
        ]
    assert migration_state.pending_names(conn) == []
    conn.close()


def test_a_migration_from_a_newer_ddcheck_is_unknown(tmp_path: Path) -> None:
    store = open_store(DataPaths(tmp_path), NOW)
    try:
        store.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("ddcheck", "0099_from_the_future", "2027-01-01"),
        )
        store.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("another_tool", "0001_theirs", "2027-01-01"),
        )
        assert migration_state.unknown_names(store.conn) == ["0099_from_the_future"]
        assert migration_state.pending_names(store.conn) == []
    finally:
        store.close()


def test_opening_an_up_to_date_workspace_leaves_sqlite_utils_unloaded(tmp_path: Path) -> None:
    open_store(DataPaths(tmp_path), NOW).close()  # made and migrated: sqlite-utils ran here
    probe = (
        "import sys, datetime as dt; from pathlib import Path; "
        "from ddcheck.paths import DataPaths; from ddcheck.store import open_store; "
        "open_store(DataPaths(Path(sys.argv[1])), dt.datetime.now(dt.UTC)).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlite_utils', 'click')))"
    )
    env = dict(os.environ, HOME=str(tmp_path / "home"))
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert out.stdout.strip() == "[]"
