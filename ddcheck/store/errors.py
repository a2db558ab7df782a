"""Errors the workspace store raises; each carries one plain sentence for the user."""

from __future__ import annotations

from pathlib import Path


class WorkspaceError(Exception):
    """A problem with the workspace the user can act on; `str()` is one plain sentence."""

    def __init__(self, message: str, *, nl: str | None = None) -> None:
        super().__init__(message)
        self.nl = nl

    def text(self, lang: str) -> str:
        """Return the sentence in `lang` ('nl' or 'en'); English when no Dutch one was given."""
        return self.nl if lang == "nl" and self.nl else str(self)


class NotFound(WorkspaceError):
    """A dossier, evidence file, action or backup that does not exist."""


class WorkspaceDamaged(WorkspaceError):
    """The workspace file is damaged or not a workspace; it was moved aside, never overwritten."""

    def __init__(
        self,
        message: str,
        moved_to: Path | None,
        newest_backup: Path | None,
        *,
        nl: str | None = None,
    ) -> None:
        super().__init__(message, nl=nl)
        self.moved_to = moved_to
        self.newest_backup = newest_backup

    @property
    def backup(self) -> Path | None:
        """Return the newest good backup (the same as `newest_backup`)."""
        return self.newest_backup


class WorkspaceTooNew(WorkspaceError):
    """The workspace was written by a newer ddcheck; it is left untouched."""


class WorkspaceBusy(WorkspaceError):
    """Another program kept the workspace locked for too long."""


class WorkspaceLocked(WorkspaceError):
    """The workspace is encrypted and no passphrase (or recovery key) was given."""


class WrongPassphrase(WorkspaceError):
    """The passphrase (or recovery key) does not open the workspace; nothing was changed."""
