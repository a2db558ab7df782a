"""What importing a received file did, and why a file is refused (received dossiers: domain)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Entry, Translatable, Wording, catalog_entry
from ddcheck.services.errors import InvalidInput

ImportStatus = Literal["new", "revision", "unchanged", "restored", "review_loaded"]
SourceKind = Literal["pdf", "bundle", "review"]


class Notice(Wording):
    """A remark about an import (catalog context "notice"); `str()` is the English one (CLI, JSON).

    Its sentences live in the word catalog under "notice": remarks that let an import go
    through, told apart from the "error" sentences of a refusal.
    """

    __slots__ = ()

    @property
    def nl(self) -> str:
        """Return the remark in Dutch."""
        return self.text("nl")

    @property
    def en(self) -> str:
        """Return the remark in English."""
        return self.text("en")

    def get(self, lang: Language) -> str:
        """Return the remark in `lang` (as LocalizedText.get does)."""
        return self.text(lang)


class ImportRefused(InvalidInput):
    """A file that cannot be imported; nothing in the workspace was changed.

    `str()` is one plain sentence; `problems` lists details (e.g. template errors with lines).
    """

    def __init__(
        self, message: Entry | Wording, problems: tuple[str, ...] = (), /, **fields: object
    ) -> None:
        super().__init__(message, **fields)
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


# The exchange layer words its errors in English only: in English the refusal gives that
# detail as it is, a translation puts the gist of the error type before it ("{detail}" in a
# context per error type, translated as "gist ({detail})").
_GIST = {
    "BundleError": catalog_entry("refused bundle", "{detail}"),
    "PackError": catalog_entry("refused mission pack", "{detail}"),
    "ReceivedPdfError": catalog_entry("refused PDF", "{detail}"),
    "UnreadablePdf": catalog_entry("unreadable PDF", "{detail}"),
    "NotADdcheckPdf": catalog_entry("not a ddcheck PDF", "{detail}"),
    "ReviewFileError": catalog_entry("refused review file", "{detail}"),
    "DossierFormatError": catalog_entry("damaged dossier data", "{detail}"),
}

_ANY_FILE = catalog_entry("refused file", "{detail}")


def refused(
    path: Path, reason: Exception | Entry | Translatable | str, /, **fields: object
) -> ImportRefused:
    """Return the one-sentence refusal of a file, for a reason given as a catalog entry.

    The reason may also say itself (a Wording, an UnreadableFile); an error the exchange layer
    words in English only is given as it is, after the gist of its type in other languages.
    """
    if isinstance(reason, tuple):
        reason = Wording(reason, **fields)
    elif not isinstance(reason, Translatable):
        gist = _GIST.get(type(reason).__name__, _ANY_FILE)
        reason = Wording(gist, detail=str(reason).rstrip("."))
    return ImportRefused(
        catalog_entry("error", "{file} was not imported: {reason}."), file=path.name, reason=reason
    )
