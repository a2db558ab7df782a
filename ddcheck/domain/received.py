"""A received dossier as the adviser reads it: its revisions and what changed between them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from ddcheck.domain.dossier import Dossier, Review

# The source kind stored for a PDF whose pages could not be rendered again and compared with
# its data (another ddcheck version made it, or a checklist was missing), only its text.
TEXT_CHECKED_PDF = "pdf-text"


@dataclass(frozen=True)
class RevisionInfo:
    """One received version of a dossier (numbered from 1 in the order they were received).

    `signature` is "signed" (by the key pinned for this company, or the first key seen),
    "other_key" (signed, but by another key than earlier files from this company) or
    "unsigned" (no signature: an older ddcheck, or a file whose signature was removed).
    """

    number: int
    fingerprint: str
    generated_at: dt.datetime
    imported_at: dt.datetime
    source_name: str
    source_kind: str
    signature: str = "unsigned"
    signer: str = ""

    @property
    def text_only(self) -> bool:
        """Return whether only the PDF's text, not its pages, was compared with its data."""
        return self.source_kind == TEXT_CHECKED_PDF


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


@dataclass(frozen=True)
class ReviewFile:
    """A review of the company's dossier `dossier_id` as of revision `reviewed_fingerprint`."""

    dossier_id: str
    reviewed_fingerprint: str
    company: str
    mission: str
    review: Review
    generated_at: dt.datetime
    app_version: str
    fingerprint: str = ""
