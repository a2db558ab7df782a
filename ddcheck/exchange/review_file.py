"""The `.ddreview` file: an adviser's review of one dossier revision, versioned, fingerprinted.

The fingerprint is the SHA-256 of the canonical JSON of every other field, so a changed comment
or verdict is detected when the company loads the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ddcheck.domain.dossier import Review
from ddcheck.exchange.dossier_json import canonical_bytes, fingerprint
from ddcheck.exchange.errors import ExchangeError

REVIEW_FORMAT = "ddcheck-review"
REVIEW_FORMAT_VERSION = 1
SUFFIX = ".ddreview"
MAX_REVIEW_BYTES = 16 * 1024 * 1024


class ReviewFileError(ExchangeError):
    """The bytes are not a review file this version of ddcheck can use."""


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


def parse_review_file(data: bytes) -> ReviewFile:
    """Return the review in `data`; raise ReviewFileError when it is malformed or was changed."""
    if len(data) > MAX_REVIEW_BYTES:
        raise ReviewFileError("the file is larger than a review file can be")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ReviewFileError("the file is not a ddcheck review (not valid JSON)") from error
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
        texts = {k: document[k] for k in ("dossier_id", "reviewed_fingerprint", "company")}
        texts["mission"] = document["mission"]
        texts["app_version"] = document["app_version"]
        if not all(isinstance(v, str) for v in texts.values()):
            raise ReviewFileError("the review file is malformed")
        generated = dt.datetime.fromisoformat(str(document["generated_at"]))
        review = Review.model_validate(document["review"])
    except (KeyError, ValueError, TypeError) as error:
        if isinstance(error, ReviewFileError):
            raise
        where = ""
        if isinstance(error, ValidationError):
            first = error.errors()[0]
            where = " at review." + ".".join(str(p) for p in first["loc"])
        raise ReviewFileError(f"the review file is malformed{where}") from error
    return ReviewFile(review=review, generated_at=generated, fingerprint=digest, **texts)
