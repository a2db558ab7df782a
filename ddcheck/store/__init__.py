"""The workspace file: SQLite through sqlite-utils; all SQL of ddcheck lives in this package."""

from ddcheck.store.errors import (
    NotFound,
    WorkspaceBusy,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceTooNew,
    WrongPassphrase,
)
from ddcheck.store.opening import Store, open_store

__all__ = [
    "NotFound",
    "Store",
    "WorkspaceBusy",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceLocked",
    "WorkspaceTooNew",
    "WrongPassphrase",
    "open_store",
]
