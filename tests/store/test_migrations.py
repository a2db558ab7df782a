"""Every earlier schema version migrates to the current one, keeping what it held."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from ddcheck.paths import data_paths
from ddcheck.services import SimpleCatalog, Workspace, WorkspaceTooNew
from ddcheck.store.schema import MIGRATION_NAMES, SCHEMA_VERSION, migrate
from tests.services.conftest import Clock, load_template

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"
EARLIER = range(1, SCHEMA_VERSION)


@pytest.fixture
def catalog() -> SimpleCatalog:
    return SimpleCatalog.of([load_template("mini-v1"), load_template("briefing-sa")])


def _schema(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    conn.close()
    return {(name, " ".join(sql.split())) for name, sql in rows}


def _install(version: int, tmp_path: Path) -> Path:
    fixture = FIXTURES / f"schema-v{version}.db"
    assert fixture.is_file(), f"run tests/fixtures/store/make_fixtures.py to make {fixture.name}"
    paths = data_paths(tmp_path / "data")
    paths.root.mkdir(parents=True)
    shutil.copyfile(fixture, paths.database)
    return paths.database


def test_there_is_a_fixture_for_every_earlier_schema_version():
    assert {p.name for p in FIXTURES.glob("schema-v*.db")} >= set(
        f"schema-v{v}.db" for v in EARLIER
    )


@pytest.mark.parametrize("version", EARLIER)
def test_an_old_workspace_migrates_and_keeps_everything(version, tmp_path, catalog):
    database = _install(version, tmp_path)
    with Workspace.open(database.parent, catalog=catalog, clock=Clock()) as ws:
        dossier = ws.get_dossier("0f1e2d3c4b5a6978")
        assert dossier.company.name == "Fixture B.V."
        policy = dossier.answer("mini", "policy")
        assert (policy.value, policy.note, policy.evidence_ids) == ("yes", "Beleid 2025", ["ev1"])
        fees = dossier.answer("briefing-sa", "recruitment-fees")
        assert fees.confidential and fees.review and fees.risk.severity == 4
        assert ws.evidence_bytes("ev1") == b"%PDF-1.4 fixture evidence"
        assert [a.id for a in dossier.actions] == ["act1"]
        assert ws.history(dossier.id)[0].who == "fixture"
        assert ws.list_dossiers()[0].red_flags == 1
        problems = ws.check().problems
        if version >= 3:  # its received revision is a placeholder, which 'check' now reads back
            assert [p.split(":")[0] for p in problems] == [
                "received dossier rcv0000000000001 revision 1 does not validate"
            ]
        else:
            assert problems == ()
        if version >= 3:
            review = ws.review_of("rcv0000000000001")
            assert review.verdict == "sufficient_with_actions"
            assert review.items[0].comment == "Welk jaar?"
            ws.set_verdict("rcv0000000000001", "sufficient")
            [entry] = ws.review_history("rcv0000000000001")
            assert (entry.field, entry.old, entry.new) == (
                "verdict",
                "sufficient_with_actions",
                "sufficient",
            )
        [pre] = [b for b in ws.list_backups() if b.kind == "pre-migration"]
    backup = sqlite3.connect(pre.path)
    applied = [r[0] for r in backup.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    backup.close()
    assert applied == list(MIGRATION_NAMES[:version])


@pytest.mark.parametrize("version", EARLIER)
def test_a_migrated_schema_equals_a_fresh_one(version, tmp_path):
    database = _install(version, tmp_path)
    conn = sqlite3.connect(database, isolation_level=None)
    migrate(Database(conn, execute_plugins=False))
    conn.close()
    fresh = tmp_path / "fresh.db"
    conn = sqlite3.connect(fresh, isolation_level=None)
    migrate(Database(conn, execute_plugins=False))
    conn.close()
    assert _schema(database) == _schema(fresh)


def test_a_workspace_from_a_newer_ddcheck_is_left_untouched(tmp_path, catalog):
    database = _install(SCHEMA_VERSION - 1, tmp_path)
    conn = sqlite3.connect(database)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('ddcheck', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = database.read_bytes()
    with pytest.raises(WorkspaceTooNew, match="newer version"):
        Workspace.open(database.parent, catalog=catalog, clock=Clock())
    assert database.read_bytes() == before


def test_the_v2_fixture_template_upgrades_the_dossier_and_flags_changed_answers(tmp_path, catalog):
    if SCHEMA_VERSION < 3:
        pytest.skip("needs the schema-v2 fixture")
    database = _install(2, tmp_path)
    with Workspace.open(database.parent, catalog=catalog, clock=Clock()) as ws:
        dossier = ws.get_dossier("0f1e2d3c4b5a6978")
        assert dossier.templates[0].version == 2
        assert dossier.answer("mini", "workers").needs_reconfirmation
        assert dossier.answer("mini", "workers").value == 40.0


def test_company_reviews_keep_their_rows_when_bound_to_their_dossier(tmp_path, catalog):
    database = _install(4, tmp_path)
    conn = sqlite3.connect(database)
    review = {"id": "rev1", "verdict": "sufficient", "items": []}
    conn.execute(
        "INSERT INTO reviews (id, dossier_id, position, data) VALUES (?, ?, 0, ?)",
        ("rev1", "0f1e2d3c4b5a6978", json.dumps(review)),
    )
    conn.commit()
    conn.close()
    with Workspace.open(database.parent, catalog=catalog, clock=Clock()) as ws:
        [kept] = ws.get_dossier("0f1e2d3c4b5a6978").reviews
        assert (kept.id, kept.verdict) == ("rev1", "sufficient")
        pk = [r for r in ws._store.conn.execute("PRAGMA table_info(reviews)") if r[5]]
        assert sorted((r[5], r[1]) for r in pk) == [(1, "dossier_id"), (2, "id")]
