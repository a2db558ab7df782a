"""The review-changes file: one adviser's batch of review edits for a shared mission folder.

It is a `.ddreview` file of its own format: never the full review, only the fields this adviser
changed since the last file, each naming the edits it replaced, so reviews of one dossier by
several advisers merge per field. Fingerprinted like a review file, and validated in full.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ddcheck.domain.dossier import Action, ItemAssessment, Verdict
from ddcheck.domain.review_merge import ReviewEdit
from ddcheck.exchange.border import BorderError, Limits, first_problem, load_json
from ddcheck.exchange.dossier_json import canonical_bytes, fingerprint
from ddcheck.exchange.review_file import MAX_REVIEW_BYTES, MAX_REVIEW_ENTRIES, ReviewFileError

CHANGES_FORMAT = "ddcheck-review-changes"
CHANGES_FORMAT_VERSION = 1
MAX_TEXT = 100_000

Id = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,64}$")]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Name = Annotated[str, StringConstraints(max_length=300)]
ItemKey = Annotated[str, StringConstraints(min_length=3, max_length=300, pattern=r"^[^/]+/[^/]+$")]


class _Edit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    at: AwareDatetime
    parents: list[Id] = Field(max_length=1000)


class _Assessment(_Edit):
    entity: Literal["item"]
    key: ItemKey
    field: Literal["assessment"]
    value: ItemAssessment | None


class _Comment(_Edit):
    entity: Literal["item"]
    key: ItemKey
    field: Literal["comment"]
    value: Text


class _Verdict(_Edit):
    entity: Literal["review"]
    key: Literal[""]
    field: Literal["verdict"]
    value: Verdict | None


class _VerdictNote(_Edit):
    entity: Literal["review"]
    key: Literal[""]
    field: Literal["verdict_note"]
    value: Text


class _AgreedAction(_Edit):
    entity: Literal["action"]
    key: Id
    field: Literal["action"]
    value: Action | None


AnyEdit = Annotated[
    _Assessment | _Comment | _Verdict | _VerdictNote | _AgreedAction,
    Field(discriminator="field"),
]


class ChangesDocument(BaseModel):
    """A review-changes file as it comes from outside, validated in full."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["ddcheck-review-changes"]
    format_version: int = Field(ge=1, le=CHANGES_FORMAT_VERSION)
    dossier_id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    company: Name
    mission: Name
    author: Id
    author_name: Name
    generated_at: AwareDatetime
    app_version: Annotated[str, StringConstraints(max_length=64)]
    edits: list[AnyEdit] = Field(min_length=1, max_length=MAX_REVIEW_ENTRIES)
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


def is_changes_file(data: bytes) -> bool:
    """Return whether review-file bytes claim to be a review-changes file (cheap look)."""
    return f'"format": "{CHANGES_FORMAT}"'.encode() in data[:4096]


def changes_file_bytes(
    dossier_id: str,
    company: str,
    mission: str,
    edits: list[ReviewEdit],
    generated_at: dt.datetime,
    app_version: str,
) -> tuple[bytes, str]:
    """Return the bytes of a review-changes file holding `edits` (one author's) and its digest."""
    author = edits[0]
    body: dict[str, Any] = {
        "format": CHANGES_FORMAT,
        "format_version": CHANGES_FORMAT_VERSION,
        "dossier_id": dossier_id,
        "company": company,
        "mission": mission,
        "author": author.author,
        "author_name": author.author_name,
        "generated_at": generated_at.isoformat(),
        "app_version": app_version,
        "edits": [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "entity": e.entity,
                "key": e.key,
                "field": e.field,
                "value": e.value,
                "parents": list(e.parents),
            }
            for e in edits
        ],
    }
    digest = fingerprint(canonical_bytes(body))
    text = json.dumps({**body, "fingerprint": digest}, indent=1, ensure_ascii=False)
    return text.encode("utf-8") + b"\n", digest


def parse_changes_file(data: bytes) -> tuple[ChangesDocument, list[ReviewEdit]]:
    """Return the document and its edits; raise ReviewFileError when malformed or changed."""
    try:
        document = load_json(data, "review file", Limits(max_bytes=MAX_REVIEW_BYTES))
    except BorderError as error:
        raise ReviewFileError(str(error)) from error
    if not isinstance(document, dict) or document.get("format") != CHANGES_FORMAT:
        raise ReviewFileError("the file is not a ddcheck review-changes file")
    version = document.get("format_version")
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version > CHANGES_FORMAT_VERSION
    ):
        raise ReviewFileError(
            f"review-changes format version {version} is newer than this ddcheck reads "
            f"({CHANGES_FORMAT_VERSION}); update ddcheck"
        )
    stated = document.pop("fingerprint", None)
    if stated != fingerprint(canonical_bytes(document)):
        raise ReviewFileError("the review file was changed after it was written (fingerprint)")
    try:
        model = ChangesDocument.model_validate_json(data, strict=True)
    except ValidationError as error:
        raise ReviewFileError(f"the review file is malformed ({first_problem(error)})") from error
    ids = [e.id for e in model.edits]
    if len(set(ids)) != len(ids):
        raise ReviewFileError("the review file holds the same edit twice")
    edits = [
        ReviewEdit(
            id=e.id,
            author=model.author,
            author_name=model.author_name,
            at=e.at,
            entity=e.entity,
            key=e.key,
            field=e.field,
            value=e.value.model_dump(mode="json") if isinstance(e.value, Action) else e.value,
            parents=tuple(e.parents),
        )
        for e in model.edits
    ]
    return model, edits
