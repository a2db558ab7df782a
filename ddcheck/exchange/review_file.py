"""The `.ddreview` file: an adviser's review of one dossier revision, versioned, fingerprinted.

The fingerprint is the SHA-256 of the canonical JSON of every other field, so a changed comment
or verdict is detected when the company loads the file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from ddcheck.domain.dossier import Review
from ddcheck.domain.received import ReviewFile
from ddcheck.exchange.border import BorderError, Limits, first_problem, load_json
from ddcheck.exchange.dossier_json import canonical_bytes, fingerprint
from ddcheck.exchange.errors import ExchangeError

REVIEW_FORMAT = "ddcheck-review"
REVIEW_FORMAT_VERSION = 1
SUFFIX = ".ddreview"
MAX_REVIEW_BYTES = 16 * 1024 * 1024
MAX_REVIEW_ENTRIES = 20_000


class ReviewFileError(ExchangeError):
    """The bytes are not a review file this version of ddcheck can use."""


def review_file_bytes(review_file: ReviewFile) -> tuple[bytes, str]:
    """Return the file's bytes and its fingerprint."""
    body: dict[str, Any] = {
        "format": REVIEW_FORMAT,
        "format_version": REVIEW_FORMAT_VERSION,
        "dossier_id": review_file.dossier_id,
        "reviewed_fingerprint": review_file.reviewed_fingerprint,
        "company": review_file.company,
        "mission": review_file.mission,
        "generated_at": review_file.generated_at.isoformat(),
        "app_version": review_file.app_version,
        "review": review_file.review.model_dump(mode="json"),
    }
    digest = fingerprint(canonical_bytes(body))
    text = json.dumps({**body, "fingerprint": digest}, sort_keys=True, indent=1, ensure_ascii=False)
    return text.encode("utf-8") + b"\n", digest


class ReviewDocument(BaseModel):
    """A review file as it comes from outside, validated in full (the fingerprint apart)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["ddcheck-review"]
    format_version: int = Field(ge=1, le=REVIEW_FORMAT_VERSION)
    dossier_id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    reviewed_fingerprint: Annotated[str, StringConstraints(max_length=64)]
    company: Annotated[str, StringConstraints(max_length=300)]
    mission: Annotated[str, StringConstraints(max_length=300)]
    generated_at: dt.datetime
    app_version: Annotated[str, StringConstraints(max_length=64)]
    review: Review
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

    @model_validator(mode="after")
    def _consistent(self) -> ReviewDocument:
        review = self.review
        if (
            len(review.items) > MAX_REVIEW_ENTRIES
            or len(review.agreed_actions) > MAX_REVIEW_ENTRIES
        ):
            raise ValueError(f"more than {MAX_REVIEW_ENTRIES:,} assessments or actions")
        keys = [i.key for i in review.items]
        actions = [a.id for a in review.agreed_actions]
        if len(set(keys)) != len(keys) or len(set(actions)) != len(actions):
            raise ValueError("the same item or agreed action appears twice")
        return self


def parse_review_file(data: bytes) -> ReviewFile:
    """Return the review in `data`; raise ReviewFileError when it is malformed or was changed.

    The whole file passes the border (size, depth, text lengths, finite numbers) and one strict
    model before anything of it is used.
    """
    if len(data) > MAX_REVIEW_BYTES:
        raise ReviewFileError("the file is larger than a review file can be")
    try:
        document = load_json(data, "review file", Limits(max_bytes=MAX_REVIEW_BYTES))
    except BorderError as error:
        if "not valid JSON" in str(error):
            raise ReviewFileError("the file is not a ddcheck review (not valid JSON)") from error
        raise ReviewFileError(str(error)) from error
    if not isinstance(document, dict) or document.get("format") != REVIEW_FORMAT:
        raise ReviewFileError("the file is not a ddcheck review")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReviewFileError("the review file has no valid format version")
    if version > REVIEW_FORMAT_VERSION:
        raise ReviewFileError(
            f"review format version {version} is newer than this ddcheck reads "
            f"({REVIEW_FORMAT_VERSION}); update ddcheck"
        )
    stated = document.pop("fingerprint", None)
    digest = fingerprint(canonical_bytes(document))
    if stated != digest:
        raise ReviewFileError("the review file was changed after it was exported (fingerprint)")
    try:
        model = ReviewDocument.model_validate_json(data, strict=True)
    except ValidationError as error:
        raise ReviewFileError(f"the review file is malformed ({first_problem(error)})") from error
    return ReviewFile(
        dossier_id=model.dossier_id,
        reviewed_fingerprint=model.reviewed_fingerprint,
        company=model.company,
        mission=model.mission,
        review=model.review,
        generated_at=model.generated_at,
        app_version=model.app_version,
        fingerprint=digest,
    )
