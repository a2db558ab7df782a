"""Errors the workspace façade raises; `str()` of each is one plain sentence for the user."""

from __future__ import annotations

from ddcheck.store.errors import (
    NotFound,
    WorkspaceBusy,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceTooNew,
    WrongPassphrase,
)


class InvalidInput(WorkspaceError):
    """Input that does not fit: an unknown option, item or field, or a malformed value."""


class AmbiguousId(InvalidInput):
    """A shortened id that matches more than one dossier."""


class EvidenceTooLarge(InvalidInput):
    """An evidence file above the size limit."""


class DossierTrashed(InvalidInput):
    """A change to a dossier that is in the trash."""


__all__ = [
    "AmbiguousId",
    "DossierTrashed",
    "EvidenceTooLarge",
    "InvalidInput",
    "NotFound",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceLocked",
    "WorkspaceTooNew",
    "WrongPassphrase",
]
