"""Use cases over the workspace: one façade, `Workspace`, for the command line and the app."""

from ddcheck.services.answers import UNSET
from ddcheck.services.catalogs import CatalogLike, SimpleCatalog
from ddcheck.services.changes import Change, Changes, HistoryEntry
from ddcheck.services.dossiers import DossierInfo
from ddcheck.services.errors import (
    AmbiguousId,
    DossierTrashed,
    EvidenceTooLarge,
    InvalidInput,
    NotFound,
    WorkspaceBusy,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceTooNew,
    WrongPassphrase,
)
from ddcheck.services.workspace import Workspace

__all__ = [
    "UNSET",
    "AmbiguousId",
    "CatalogLike",
    "Change",
    "Changes",
    "DossierInfo",
    "DossierTrashed",
    "EvidenceTooLarge",
    "HistoryEntry",
    "InvalidInput",
    "NotFound",
    "SimpleCatalog",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceLocked",
    "WorkspaceTooNew",
    "WrongPassphrase",
]
