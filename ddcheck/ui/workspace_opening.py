"""Open the workspace for the app: ask for a passphrase, offer a backup when it is damaged."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from ddcheck import paths
from ddcheck.ui import i18n
from ddcheck.ui.errors import error_text
from ddcheck.ui.prompts import Prompts
from ddcheck.ui.recovery import RESTORE, START_EMPTY


def open_workspace(data_dir: Path, prompts: Prompts, catalog: Any = None) -> Any | None:
    """Open the workspace; while a damage is pending, offer its backup or starting empty.

    None means: quit. A damage stays pending (and is mentioned on every start) until the user
    restores the backup or chooses to start empty.
    """
    from ddcheck.paths import data_paths
    from ddcheck.services import Workspace, WorkspaceDamaged, WorkspaceError
    from ddcheck.services.encryption import KeyringKeychain, unlock

    if catalog is None:
        from ddcheck.catalog.cache import shipped_catalog

        catalog = shipped_catalog(paths.cache_dir())
    lang = i18n.language()
    keychain = KeyringKeychain()
    try:
        secret = _ask_until_it_fits(data_dir, prompts, keychain)
        if secret is False:
            return None
        opening = {"catalog": catalog, "passphrase": secret, "keychain": keychain}
        try:
            workspace = Workspace.open(data_dir, **opening)
            found = ""
        except WorkspaceDamaged as damage:  # set aside; from now on it is a pending damage
            workspace, found = None, damage.text(lang)
        key = unlock(data_paths(data_dir), secret, keychain)
        pending = Workspace.pending_damage(data_dir, key)
        if pending is None and workspace is not None:
            return workspace
        if workspace is not None:
            workspace.close()
        text, backup = (pending.text(lang), pending.backup) if pending else (found, None)
        choice = prompts.damaged_workspace(None, text, backup)
        if choice == RESTORE and backup is not None:
            Workspace.restore(data_dir, backup, key=key)
        elif choice == START_EMPTY:
            Workspace.dismiss_damage(data_dir)
        else:
            return None
        return Workspace.open(data_dir, **opening)
    except WorkspaceError as error:
        prompts.error(None, i18n.tr("ddcheck cannot open your workspace"), error.text(lang))
        return None
    except OSError as error:
        prompts.error(None, i18n.tr("ddcheck cannot open your workspace"), error_text(error, lang))
        return None


def _ask_until_it_fits(
    data_dir: Path, prompts: Prompts, keychain: Any
) -> str | Literal[False] | None:
    """Return the passphrase of an encrypted workspace (None: plain or remembered; False: quit)."""
    from ddcheck.paths import data_paths
    from ddcheck.services import WorkspaceLocked, WrongPassphrase
    from ddcheck.services.encryption import unlock

    paths = data_paths(data_dir)
    secret: str | None = None
    problem = ""
    while True:
        try:
            unlock(paths, secret, keychain)
            return secret
        except WorkspaceLocked:
            pass
        except WrongPassphrase as wrong:
            problem = wrong.text(i18n.language())
        secret = prompts.passphrase(
            None,
            i18n.tr("This workspace is encrypted. Type its passphrase (or the recovery key)."),
            problem,
        )
        if secret is None:
            return False
