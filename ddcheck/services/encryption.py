"""Encrypt a workspace, decrypt it, change its passphrase, and unlock it with a passphrase.

The passphrase is always passed in by the command line or the app; nothing here asks for it
or keeps it. Optionally the data key is remembered in the operating system's keychain
(`Keychain`, injected; the real one is `KeyringKeychain`).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Protocol

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.paths import DataPaths, data_paths
from ddcheck.services.errors import InvalidInput, WorkspaceError
from ddcheck.store import conversion, evidence_files
from ddcheck.store.database import file_problems
from ddcheck.store.errors import WorkspaceLocked, WrongPassphrase
from ddcheck.store.keys import (
    MIN_PASSPHRASE,
    DataKey,
    KeyFile,
    KeyFileError,
    new_recovery_key,
)

KEYCHAIN_SERVICE = "ddcheck"


class Keychain(Protocol):
    """Where a data key may be remembered: the operating system's keychain, or a fake."""

    def get(self, account: str) -> str | None:
        """Return the secret stored for `account`, or None."""

    def put(self, account: str, secret: str) -> None:
        """Store `secret` for `account`."""

    def forget(self, account: str) -> None:
        """Remove what is stored for `account` (nothing if there is none)."""


class KeyringKeychain:
    """The operating system's keychain through `keyring` (imported only when used)."""

    def get(self, account: str) -> str | None:
        """Return the secret stored for `account`, or None (also when no keychain works)."""
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYCHAIN_SERVICE, account)
        except KeyringError:
            return None

    def put(self, account: str, secret: str) -> None:
        """Store `secret` for `account`; raise WorkspaceError when there is no usable keychain."""
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(KEYCHAIN_SERVICE, account, secret)
        except KeyringError as error:
            raise WorkspaceError(
                catalog_entry(
                    "error", "The passphrase could not be remembered: no usable keychain ({error})."
                ),
                error=error,
            ) from error

    def forget(self, account: str) -> None:
        """Remove what is stored for `account`."""
        import keyring
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError):
            keyring.delete_password(KEYCHAIN_SERVICE, account)


def _account(paths: DataPaths) -> str:
    return str(paths.root.resolve())


def is_encrypted(data_dir: Path | str | None = None) -> bool:
    """Return whether the workspace in `data_dir` is encrypted (it has a key file)."""
    return data_paths(data_dir).keys.exists()


def _key_file(paths: DataPaths) -> KeyFile:
    try:
        return KeyFile.load(paths.keys)
    except KeyFileError as error:
        raise WorkspaceError(
            catalog_entry("error", "The workspace's key file cannot be used: {error}."), error=error
        ) from error


def unlock(
    paths: DataPaths, passphrase: str | None, keychain: Keychain | None = None
) -> DataKey | None:
    """Return the data key of an encrypted workspace (None for a plain one).

    Tries the passphrase (or recovery key) when given, else the keychain if the user asked to
    be remembered; raises WorkspaceLocked when neither is there, WrongPassphrase when it does
    not fit. Nothing is changed either way.
    """
    if not paths.keys.exists():
        return None
    keys = _key_file(paths)
    if passphrase is None and keys.keychain and keychain is not None:
        remembered = keychain.get(_account(paths))
        if remembered:
            try:
                return DataKey(bytes.fromhex(remembered))
            except ValueError:
                pass
    if passphrase is None:
        raise WorkspaceLocked(
            catalog_entry(
                "error", "The workspace is encrypted; its passphrase is needed to open it."
            )
        )
    key = keys.unlock(passphrase)
    if key is None:
        raise WrongPassphrase(
            catalog_entry(
                "error", "That passphrase does not open this workspace; nothing was changed."
            )
        )
    return key


def remembered(paths: DataPaths) -> bool:
    """Return whether the user asked to keep this workspace's key in the keychain."""
    try:
        return KeyFile.load(paths.keys).keychain
    except KeyFileError:
        return False


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that is too short to protect anything."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise InvalidInput(
            catalog_entry(
                "error",
                "The passphrase must have at least {count} characters; a few words make a good "
                "one.",
            ),
            count=MIN_PASSPHRASE,
        )


def _refuse_damage(paths: DataPaths, key: DataKey | None) -> None:
    if paths.database.is_file() and file_problems(paths.database, key=key):
        raise WorkspaceError(
            catalog_entry(
                "error", "The workspace file is damaged; open ddcheck to restore a backup first."
            )
        )


def encrypt_workspace(
    data_dir: Path | str | None,
    passphrase: str,
    *,
    keychain: Keychain | None = None,
    remember: bool = False,
) -> str | None:
    """Encrypt the workspace, its backups and its evidence; return the new recovery key.

    Returns None when this finished an earlier, interrupted encryption (the recovery key was
    shown then). The workspace must be closed.
    """
    paths = data_paths(data_dir)
    if paths.keys.exists():
        key = unlock(paths, passphrase)
        assert key is not None
        done = conversion.convert_workspace(paths, old=None, new=key)
        done += evidence_files.convert_folder(paths.evidence, old=None, new=key)
        if not done:
            raise InvalidInput(catalog_entry("error", "The workspace is encrypted already."))

        return None
    check_passphrase(passphrase)
    _refuse_damage(paths, None)
    paths.root.mkdir(parents=True, exist_ok=True)
    key, recovery = DataKey.new(), new_recovery_key()
    keys = KeyFile.create(passphrase, key, recovery)
    if remember and keychain is not None:
        keychain.put(_account(paths), key.raw.hex())
        keys = keys.with_keychain(True)
    keys.save(paths.keys)
    conversion.convert_workspace(paths, old=None, new=key)
    evidence_files.convert_folder(paths.evidence, old=None, new=key)
    return recovery


def decrypt_workspace(
    data_dir: Path | str | None, passphrase: str | None, *, keychain: Keychain | None = None
) -> None:
    """Store the workspace, its backups and its evidence unencrypted again; forget the key."""
    paths = data_paths(data_dir)
    if not paths.keys.exists():
        raise InvalidInput(catalog_entry("error", "The workspace is not encrypted."))
    key = unlock(paths, passphrase, keychain)
    if paths.database.is_file() and not conversion.is_plain(paths.database):
        _refuse_damage(paths, key)
    conversion.convert_workspace(paths, old=key, new=None)
    evidence_files.convert_folder(paths.evidence, old=key, new=None)
    if _key_file(paths).keychain and keychain is not None:
        keychain.forget(_account(paths))
    paths.keys.unlink()


def change_passphrase(
    data_dir: Path | str | None, old: str, new: str, *, keychain: Keychain | None = None
) -> None:
    """Let `new` open the workspace instead of `old` (the recovery key keeps working)."""
    paths = data_paths(data_dir)
    if not paths.keys.exists():
        raise InvalidInput(catalog_entry("error", "The workspace is not encrypted."))
    key = unlock(paths, old)
    assert key is not None
    check_passphrase(new)
    _key_file(paths).with_passphrase(new, key).save(paths.keys)


def remember(data_dir: Path | str | None, key: DataKey, keychain: Keychain, on: bool) -> None:
    """Keep the workspace's key in the keychain (or forget it); note that in the key file."""
    paths = data_paths(data_dir)
    if on:
        keychain.put(_account(paths), key.raw.hex())
    else:
        keychain.forget(_account(paths))
    _key_file(paths).with_keychain(on).save(paths.keys)


def strength(passphrase: str) -> int:
    """Return a rough strength from 0 (weak) to 4 (strong): length and kinds of characters."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE:
        return 0
    kinds = sum(
        any(test(ch) for ch in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(text.split())
    score = 1 + (len(text) >= 12) + (len(text) >= 16 or words >= 4) + (kinds >= 3)
    return min(score, 4)
