"""What importing a received file did, and why a file is refused (received dossiers: domain)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

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
    new_key: str = ""  # a review signed with another key than its adviser's: that key's id

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
            "new_key": self.new_key,
        }
