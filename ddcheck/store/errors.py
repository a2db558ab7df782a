"""Errors the workspace store raises; each carries one plain sentence for the user.

The sentences live in the word catalog (resources/i18n/nl.po) under the context "error":
one context for every refusal and failure the user reads (and the clauses they hold), so a
translator finds them together and an error's wording never collides with a button or status
written alike. Raise one with `catalog_entry("error", "English text with {fields}.")` and the
fields as keywords; values go in as fields, never into the catalog text. Only an English text
too bare to translate alone gets a context of its own that says what it is ("{file}: {error}"
is a "participants error"; an exchange error's "{detail}" is e.g. a "refused bundle"). Remarks
that let an import go through are "notice"s (services/received_model.py). A programming
error no user reads is a ValueError or TypeError, not a WorkspaceError.
"""

from __future__ import annotations

from pathlib import Path

from ddcheck.domain.vocabulary import Entry, Wording


class WorkspaceError(Exception):
    """A problem with the workspace the user can act on; `str()` is one plain sentence.

    Give a catalog entry and its fields (`text(lang)` translates it) or a ready Wording. A plain
    str is refused by mypy and by tests/test_one_vocabulary.py (Dutch would show it in English);
    one that slips through anyway is shown as it is rather than crash.
    """

    def __init__(self, message: Entry | Wording, /, **fields: object) -> None:
        if isinstance(message, tuple):
            message = Wording(message, **fields)
        self.wording = message if isinstance(message, Wording) else None
        super().__init__(str(message))

    def text(self, lang: str) -> str:
        """Return the sentence in `lang` ('nl' or 'en'); a str that slipped through as it is."""
        return self.wording.text(lang) if self.wording is not None else str(self)

    @property
    def nl(self) -> str:
        """Return the Dutch sentence."""
        return self.text("nl")


class NotFound(WorkspaceError):
    """A dossier, evidence file, action or backup that does not exist."""


class WorkspaceDamaged(WorkspaceError):
    """The workspace file is damaged or not a workspace; it was moved aside, never overwritten."""

    def __init__(
        self,
        message: Entry | Wording,
        /,
        moved_to: Path | None,
        newest_backup: Path | None,
        **fields: object,
    ) -> None:
        super().__init__(message, **fields)
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
