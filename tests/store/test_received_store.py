"""Schema 3: received dossiers; a schema-2 workspace with dossiers migrates and keeps them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from ddcheck.paths import DataPaths
from ddcheck.store import NotFound, open_store, schema
from ddcheck.store import received as rows
from ddcheck.store.database import connect, transaction

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def test_a_schema_2_workspace_migrates_to_3_and_keeps_its_dossiers(tmp_path: Path) -> None:
    conn = connect(tmp_path / "workspace.sqlite")
    schema.migrate(Database(conn), stop_before="0003_received")
    conn.execute(
        "INSERT INTO dossiers (id, company, mission, created_at, updated_at)"
        " VALUES ('d1', '{}', '{}', 'x', 'y')"
    )
    conn.close()
    store = open_store(DataPaths(tmp_path), NOW)
    try:
        assert "0003_received" in schema.applied_names(store.db)
        assert store.conn.execute("SELECT id FROM dossiers").fetchall() == [("d1",)]
        assert any("pre-migration" in p.name for p in store.backups_made)
        assert "received_revisions" in store.db.table_names()
    finally:
        store.close()


def test_rows_round_trip_and_delete_cascades(tmp_path: Path) -> None:
    store = open_store(DataPaths(tmp_path), NOW)
    conn = store.conn
    try:
        with transaction(conn):
            rows.insert_received(
                conn, rows.ReceivedRow("r1", "d1", "Van Dijk", "Missie", "missie", NOW)
            )
            revision = rows.insert_revision(
                conn, rows.RevisionRow(0, "r1", "f" * 64, b"{}", NOW, NOW, "a.pdf", "pdf")
            )
            rows.put_blob(conn, "a" * 64, b"evidence")
            rows.link_evidence(conn, revision, "ev1", "a" * 64)
        assert rows.by_dossier_id(conn, "d1").id == "r1"
        assert rows.ids_starting_with(conn, "d") == ["r1"]
        assert rows.evidence_blob(conn, revision, "ev1") == b"evidence"
        assert rows.revision_by_fingerprint(conn, "f" * 64).source_name == "a.pdf"
        with transaction(conn):
            rows.delete_received(conn, "r1")
        assert conn.execute("SELECT count(*) FROM received_blobs").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM received_revisions").fetchone() == (0,)
        with pytest.raises(NotFound):
            rows.get_received(conn, "r1")
    finally:
        store.close()
