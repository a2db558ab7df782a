"""What the adviser's side shows: received dossiers, their revisions and import results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ddcheck.domain.dossier import Dossier, Review
from ddcheck.domain.text import Language, LocalizedText
from ddcheck.services.errors import InvalidInput

ImportStatus = Literal["new", "revision", "unchanged", "restored", "review_loaded"]
SourceKind = Literal["pdf", "bundle", "review"]


class Notice(LocalizedText):
    """A remark about an import in Dutch and English; `str()` is the English one (CLI, JSON)."""

    def __str__(self) -> str:
        return self.en

    def text(self, lang: Language) -> str:
        """Return the remark in `lang`."""
        return self.get(lang)


class ImportRefused(InvalidInput):
    """A file that cannot be imported; nothing in the workspace was changed.

    `str()` is one plain sentence; `problems` lists details (e.g. template errors with lines).
    """

    def __init__(
        self, message: str, problems: tuple[str, ...] = (), *, nl: str | None = None
    ) -> None:
        super().__init__(message, nl=nl)
        self.problems = problems


class InternalVersionRefused(ImportRefused):
    """A company's internal export (with its confidential answers) offered as a received dossier.

    Import it anyway with `accept_internal=True`; a bundle of one's own goes in with `as_own`.
    """


@dataclass(frozen=True)
class RevisionInfo:
    """One received version of a dossier (numbered from 1, oldest export first)."""

    number: int
    fingerprint: str
    generated_at: dt.datetime
    imported_at: dt.datetime
    source_name: str
    source_kind: str


@dataclass(frozen=True)
class ReceivedDossier:
    """A received dossier as of one revision: read-only, with what the company withheld."""

    id: str
    dossier: Dossier
    revision: RevisionInfo
    revisions: tuple[RevisionInfo, ...]
    audience: str
    lang: str
    withheld_items: tuple[str, ...]
    withheld_evidence: int
    withheld_actions: int
    rendered_answers: dict[str, str]
    evidence_with_contents: frozenset[str]
    review: Review | None

    @property
    def dossier_id(self) -> str:
        """Return the company's own id of the dossier."""
        return self.dossier.id

    @property
    def title(self) -> str:
        """Return company and mission."""
        return self.dossier.title

    @property
    def is_latest(self) -> bool:
        """Return whether this is the newest revision."""
        return self.revision.number == len(self.revisions)


@dataclass(frozen=True)
class ImportResult:
    """What importing one file did."""

    path: Path
    status: ImportStatus
    kind: SourceKind
    dossier_id: str
    fingerprint: str
    company: str = ""
    mission: str = ""
    received_id: str | None = None
    revision: int = 0
    withheld_items: int = 0
    evidence_files: int = 0
    warnings: tuple[Notice, ...] = ()

    @property
    def changed(self) -> bool:
        """Return whether the workspace changed."""
        return self.status != "unchanged"

    def as_json(self) -> dict[str, Any]:
        """Return the result as plain JSON data."""
        return {
            "path": str(self.path),
            "status": self.status,
            "kind": self.kind,
            "dossier_id": self.dossier_id,
            "received_id": self.received_id,
            "revision": self.revision,
            "fingerprint": self.fingerprint,
            "company": self.company,
            "mission": self.mission,
            "withheld_items": self.withheld_items,
            "evidence_files": self.evidence_files,
            "warnings": [str(w) for w in self.warnings],
        }


@dataclass(frozen=True)
class RevisionChange:
    """One difference between two revisions: an answer, evidence file, action or withheld item."""

    kind: Literal["answer", "evidence", "action", "withheld"]
    key: str
    what: str  # added, removed, or the name of the changed field
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class RevisionChanges:
    """What changed from one revision of a received dossier to the next."""

    received_id: str
    old: RevisionInfo | None
    new: RevisionInfo
    changes: tuple[RevisionChange, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of_kind(self, kind: str) -> tuple[RevisionChange, ...]:
        """Return the changes of one kind (answer, evidence, action, withheld)."""
        return tuple(c for c in self.changes if c.kind == kind)


def mission_key(name: str) -> str:
    """Return the key received dossiers are grouped by: mission name, case and spaces ignored."""
    return " ".join(name.split()).casefold()
