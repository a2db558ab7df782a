"""The workspace schema as sqlite-utils migrations, one function per schema version."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from ddcheck.store import migration_state
from ddcheck.store.migration_state import MIGRATION_NAMES, SCHEMA_VERSION

MIGRATIONS = Migrations(migration_state.MIGRATION_SET)


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    """Schema 1: dossiers, their templates, answers, evidence, actions, reviews and history."""
    db.executescript(
        """
        CREATE TABLE dossiers (
            id TEXT PRIMARY KEY,
            company TEXT NOT NULL,
            mission TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'nl',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            trashed_at TEXT
        );
        CREATE TABLE dossier_templates (
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            template_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (dossier_id, template_id)
        );
        CREATE TABLE answers (
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            template_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            value TEXT,
            note TEXT NOT NULL DEFAULT '',
            confidential INTEGER NOT NULL DEFAULT 0,
            review INTEGER NOT NULL DEFAULT 0,
            risk TEXT NOT NULL DEFAULT '{}',
            needs_reconfirmation INTEGER NOT NULL DEFAULT 0,
            item_fingerprint TEXT NOT NULL DEFAULT '',
            updated_at TEXT,
            updated_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (dossier_id, template_id, item_id)
        );
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE evidence (
            id TEXT PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL REFERENCES blobs(sha256),
            added_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX evidence_dossier ON evidence(dossier_id);
        CREATE INDEX evidence_sha256 ON evidence(sha256);
        CREATE TABLE evidence_links (
            evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            PRIMARY KEY (evidence_id, item_key)
        );
        CREATE INDEX evidence_links_dossier ON evidence_links(dossier_id);
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX actions_dossier ON actions(dossier_id, position);
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        );
        CREATE INDEX history_dossier ON history(dossier_id, id);
        """
    )


@MIGRATIONS(name="0002_templates_and_stats")
def _templates_and_stats(db: Database) -> None:
    """Schema 2: workspace templates, cached list statistics, and a key-value meta table."""
    db.table("custom_templates").create(
        {"id": str, "version": int, "body": str, "added_at": str},
        pk=("id", "version"),
        not_null={"body", "added_at"},
    )
    db.table("dossiers").add_column("stats", str)
    db.table("meta").create({"key": str, "value": str}, pk="key")


@MIGRATIONS(name="0003_received")
def _received(db: Database) -> None:
    """Schema 3: dossiers received from companies (revisions, evidence) and the adviser's review."""
    script = """
        CREATE TABLE received_dossiers (
            id TEXT PRIMARY KEY,
            dossier_id TEXT NOT NULL UNIQUE,
            company TEXT NOT NULL,
            mission TEXT NOT NULL,
            mission_key TEXT NOT NULL,
            received_at TEXT NOT NULL
        );
        CREATE INDEX received_dossiers_mission ON received_dossiers(mission_key);
        CREATE TABLE received_revisions (
            id INTEGER PRIMARY KEY,
            received_id TEXT NOT NULL REFERENCES received_dossiers(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL UNIQUE,
            document BLOB NOT NULL,
            generated_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            source_name TEXT NOT NULL,
            source_kind TEXT NOT NULL
        );
        CREATE INDEX received_revisions_dossier ON received_revisions(received_id, generated_at);
        CREATE TABLE received_blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE received_evidence (
            revision_id INTEGER NOT NULL REFERENCES received_revisions(id) ON DELETE CASCADE,
            evidence_id TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES received_blobs(sha256),
            PRIMARY KEY (revision_id, evidence_id)
        );
        CREATE TABLE received_reviews (
            received_id TEXT PRIMARY KEY REFERENCES received_dossiers(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    _execute_each(db, script)


@MIGRATIONS(name="0004_review_history")
def _review_history(db: Database) -> None:
    """Schema 4: the adviser's review changes and received revisions get a history of their own."""
    script = """
        CREATE TABLE received_history (
            id INTEGER PRIMARY KEY,
            received_id TEXT NOT NULL REFERENCES received_dossiers(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        );
        CREATE INDEX received_history_dossier ON received_history(received_id, id);
        """
    _execute_each(db, script)


@MIGRATIONS(name="0005_evidence_locations")
def _evidence_locations(db: Database) -> None:
    """Schema 5: evidence may be a link or path (kept where it is), with its date and validity."""
    script = """
        ALTER TABLE evidence ADD COLUMN location TEXT NOT NULL DEFAULT '';
        ALTER TABLE evidence ADD COLUMN dated TEXT;
        ALTER TABLE evidence ADD COLUMN valid_until TEXT
        """
    _execute_each(db, script)


@MIGRATIONS(name="0006_missions")
def _missions(db: Database) -> None:
    """Schema 6: missions with a stable id (defined here or from a pack); received dossiers'."""
    script = """
        CREATE TABLE missions (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            origin TEXT NOT NULL,
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        ALTER TABLE received_dossiers ADD COLUMN mission_id TEXT;
        CREATE INDEX received_dossiers_mission_id ON received_dossiers(mission_id);
        """
    _execute_each(db, script)


@MIGRATIONS(name="0007_review_binding")
def _review_binding(db: Database) -> None:
    """Schema 7: a company's stored reviews are keyed by (dossier, review id), not the review id.

    With a global key, a review file addressed to one dossier but carrying the id of another
    dossier's review replaced that other review. Rows are copied as they are.
    """
    script = """
        CREATE TABLE reviews_bound (
            id TEXT NOT NULL,
            dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (dossier_id, id)
        );
        INSERT INTO reviews_bound (id, dossier_id, position, data)
            SELECT id, dossier_id, position, data FROM reviews;
        DROP TABLE reviews;
        ALTER TABLE reviews_bound RENAME TO reviews
        """
    _execute_each(db, script)


@MIGRATIONS(name="0008_signing")
def _signing(db: Database) -> None:
    """Schema 8: the workspace's signing key, pinned keys of senders, receipt order and signer.

    Received revisions are ordered by a receipt number (not by the export date a file claims);
    existing revisions keep the order they had (by export date) as their receipt numbers.
    """
    script = """
        CREATE TABLE signing_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            private_key BLOB NOT NULL,
            certificate BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE pinned_keys (
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            key_id TEXT NOT NULL,
            name TEXT NOT NULL,
            certificate BLOB NOT NULL,
            pinned_at TEXT NOT NULL,
            PRIMARY KEY (kind, subject)
        );
        ALTER TABLE received_revisions ADD COLUMN receipt INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE received_revisions ADD COLUMN signature TEXT NOT NULL DEFAULT 'unsigned';
        ALTER TABLE received_revisions ADD COLUMN signer TEXT NOT NULL DEFAULT '';
        UPDATE received_revisions SET receipt = (
            SELECT count(*) FROM received_revisions AS earlier
            WHERE (earlier.generated_at, earlier.id)
                <= (received_revisions.generated_at, received_revisions.id)
        );
        CREATE INDEX received_revisions_receipt ON received_revisions(received_id, receipt)
        """
    _execute_each(db, script)


@MIGRATIONS(name="0009_review_sync")
def _review_sync(db: Database) -> None:
    """Schema 9: review edits shared through a mission folder, and the folder's files seen."""
    script = """
        CREATE TABLE review_edits (
            id TEXT PRIMARY KEY,
            dossier_id TEXT NOT NULL,
            author TEXT NOT NULL,
            author_name TEXT NOT NULL,
            at TEXT NOT NULL,
            entity TEXT NOT NULL,
            key TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            parents TEXT NOT NULL,
            written INTEGER NOT NULL
        );
        CREATE INDEX review_edits_dossier ON review_edits(dossier_id, written);
        CREATE TABLE review_sync_state (
            dossier_id TEXT PRIMARY KEY,
            synced TEXT NOT NULL
        );
        CREATE TABLE sync_files (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            outcome TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """
    _execute_each(db, script)


def _execute_each(db: Database, script: str) -> None:
    """Run the statements of `script` one by one (executescript would commit the transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


if tuple(m.name for m in MIGRATIONS._migrations) != MIGRATION_NAMES:  # one list, kept in step
    raise RuntimeError("ddcheck.store.migration_state.MIGRATION_NAMES differs from MIGRATIONS")

__all__ = ["MIGRATIONS", "MIGRATION_NAMES", "SCHEMA_VERSION", "migrate"]


def applied_names(db: Database) -> list[str]:
    """Return the names of the migrations already applied to `db`."""
    return migration_state.applied_names(db.conn)


def pending_names(db: Database) -> list[str]:
    """Return the names of the migrations `db` still needs."""
    return migration_state.pending_names(db.conn)


def unknown_names(db: Database) -> list[str]:
    """Return applied migrations this version of ddcheck does not know (a newer workspace)."""
    return migration_state.unknown_names(db.conn)


def migrate(db: Database, *, stop_before: str | None = None) -> None:
    """Apply every pending migration (each in its own transaction)."""
    MIGRATIONS.apply(db, stop_before=stop_before)
