"""The workspace façade the command line and the app both use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.paths import DataPaths, data_paths
from ddcheck.preferences import history_user, load_preferences, update_preferences
from ddcheck.services import encryption
from ddcheck.services.actions import ActionOps
from ddcheck.services.answers import AnswerOps
from ddcheck.services.catalogs import CatalogLike, default_catalog
from ddcheck.services.dossiers import DossierOps
from ddcheck.services.encryption import Keychain, unlock
from ddcheck.services.errors import InvalidInput, WrongPassphrase
from ddcheck.services.evidence_links import EvidenceLinkOps
from ddcheck.services.export import ExportResult, export_pdf
from ddcheck.services.handouts import HandoutOps
from ddcheck.services.imports import ExchangeOps
from ddcheck.services.key_trust import KeyTrustOps
from ddcheck.services.mission_packs import MissionPackOps
from ddcheck.services.mission_status import MissionStatusOps
from ddcheck.services.safety import SafetyOps
from ddcheck.services.sender_keys import SenderKeyOps
from ddcheck.services.sync import SyncOps
from ddcheck.services.travel import TravelOps
from ddcheck.store import open_store
from ddcheck.store.keys import DataKey


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Workspace(
    MissionPackOps,
    MissionStatusOps,
    TravelOps,
    SyncOps,
    KeyTrustOps,
    SenderKeyOps,
    ExchangeOps,
    SafetyOps,
    EvidenceLinkOps,
    ActionOps,
    HandoutOps,
    AnswerOps,
    DossierOps,
):
    """One open workspace: dossiers, answers, evidence, actions, history and backups."""

    @classmethod
    def open(
        cls,
        data_dir: Path | str | None = None,
        *,
        user: str | None = None,
        catalog: CatalogLike | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        passphrase: str | None = None,
        keychain: Keychain | None = None,
        key: DataKey | None = None,
    ) -> Workspace:
        """Open (or create) the workspace in `data_dir` (default: the user data folder).

        An encrypted workspace opens with its `passphrase` (or recovery key), or with the key
        remembered in `keychain`; otherwise WorkspaceLocked or WrongPassphrase is raised. `key`
        is the data key of a workspace already open (a second connection, for another thread).
        """
        paths = data_paths(data_dir)
        clock = clock or _utc_now
        key = key if key is not None else unlock(paths, passphrase, keychain)
        preferences = load_preferences(paths.preferences)
        catalog = catalog if catalog is not None else default_catalog()
        store = open_store(paths, clock(), keep=preferences.backups_to_keep, key=key)
        try:
            workspace = cls(
                store=store,
                paths=paths,
                catalog=catalog,
                templates=dict(catalog.templates),
                clock=clock,
                user=user or history_user(preferences),
            )
            workspace._reload_templates()
        except BaseException:
            store.close()
            raise
        return workspace

    @property
    def backups_made_on_open(self) -> list[Path]:
        """Return the backups opening the workspace made (daily, before a migration)."""
        return list(self._store.backups_made)

    def user_name(self) -> str:
        """Return the name the user gave for the history ('' when none: the OS user is used)."""
        return load_preferences(self._paths.preferences).user_name

    def set_user_name(self, name: str) -> str:
        """Record changes from now on under `name` ('' for the OS user); return the author."""
        name = " ".join(name.split())
        if len(name) > 200:
            raise InvalidInput(catalog_entry("error", "A name is at most 200 characters."))
        self._user = history_user(update_preferences(self._paths.preferences, user_name=name))
        return self._user

    def worker_opener(self) -> Callable[[], Workspace]:
        """Return how a worker thread opens this workspace again (SQLite stays per thread)."""
        root, user, catalog, key = self._paths.root, self._user, self._catalog, self._store.key
        return lambda: Workspace.open(root, user=user, catalog=catalog, key=key)

    def close(self) -> None:
        """Close the workspace file."""
        self._store.close()

    @property
    def encrypted(self) -> bool:
        """Return whether the workspace is encrypted."""
        return self._store.key is not None

    def _reopen_after(self, change: Callable[[], Any], passphrase: str) -> Any:
        """Close the file, run `change` on it, open it again (with the key `passphrase` opens)."""
        self._store.close()
        try:
            return change()
        finally:
            key = unlock(self._paths, passphrase)
            self._store = open_store(self._paths, self._now(), key=key)

    def encrypt(
        self, passphrase: str, *, keychain: Keychain | None = None, remember: bool = False
    ) -> str | None:
        """Encrypt this open workspace; return the recovery key (to show once)."""
        encryption.check_passphrase(passphrase)
        return self._reopen_after(
            lambda: encryption.encrypt_workspace(
                self._paths.root, passphrase, keychain=keychain, remember=remember
            ),
            passphrase,
        )

    def decrypt(self, passphrase: str) -> None:
        """Store this open workspace unencrypted again (the passphrase is asked once more)."""
        encryption.unlock(self._paths, passphrase)
        self._reopen_after(
            lambda: encryption.decrypt_workspace(self._paths.root, passphrase), passphrase
        )

    def change_passphrase(self, old: str, new: str) -> None:
        """Let `new` open this workspace instead of `old`."""
        encryption.change_passphrase(self._paths.root, old, new)

    def passphrase_fits(self, passphrase: str) -> bool:
        """Return whether `passphrase` (or the recovery key) opens this workspace."""
        try:
            return encryption.unlock(self._paths, passphrase) is not None
        except WrongPassphrase:
            return False

    def export_pdf(self, dossier_id: str, out_path: Path | str, **options: Any) -> ExportResult:
        """Write the dossier's signed report PDF; options as in `services.export.export_pdf`."""
        snapshot = self.snapshot(dossier_id)
        options.setdefault("key", self.signing_key(snapshot.dossier.company.name))
        return export_pdf(snapshot, out_path, **options)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


__all__ = ["DataPaths", "Workspace"]
