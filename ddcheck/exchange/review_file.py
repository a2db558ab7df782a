"""The `.ddreview` file: an adviser's review of one dossier revision, versioned, fingerprinted.

The fingerprint is the SHA-256 of the canonical JSON of every other field, so a changed comment
or verdict is detected when the company loads the file. From format 2 on, the same canonical
JSON is signed with the adviser's workspace key (`signature`: certificate and value).
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
from ddcheck.exchange.signing import (
    SignatureError,
    Signer,
    SigningKey,
    check_signature_document,
    signature_document,
)

REVIEW_FORMAT = "ddcheck-review"
REVIEW_FORMAT_VERSION = 2  # 2: signed; 1 (unsigned) is still read
SUFFIX = ".ddreview"
MAX_REVIEW_BYTES = 16 * 1024 * 1024
MAX_REVIEW_ENTRIES = 20_000


class ReviewFileError(ExchangeError):
    """The bytes are not a review file this version of ddcheck can use."""


def review_file_bytes(review_file: ReviewFile, key: SigningKey | None = None) -> tuple[bytes, str]:
    """Return the file's bytes and its fingerprint (signed with `key` when given)."""
    body: dict[str, Any] = {
        "format": REVIEW_FORMAT,
        "format_version": REVIEW_FORMAT_VERSION if key is not None else 1,
        "dossier_id": review_file.dossier_id,
        "reviewed_fingerprint": review_file.reviewed_fingerprint,
        "company": review_file.company,
        "mission": review_file.mission,
        "generated_at": review_file.generated_at.isoformat(),
        "app_version": review_file.app_version,
        "review": review_file.review.model_dump(mode="json"),
    }
    signed = canonical_bytes(body)
    digest = fingerprint(signed)
    extra: dict[str, Any] = {"fingerprint": digest}
    if key is not None:
        extra["signature"] = signature_document(signed, key)
    text = json.dumps({**body, **extra}, sort_keys=True, indent=1, ensure_ascii=False)
    return text.encode("utf-8") + b"\n", digest


_Base64 = Annotated[str, StringConstraints(max_length=8000, pattern=r"^[A-Za-z0-9+/=]*$")]


class SignatureBlock(BaseModel):
    """The detached signature inside a review file (checked by `exchange.signing`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["ddcheck-signature"]
    format_version: Literal[1]
    algorithm: Literal["ecdsa-p256-sha256"]
    certificate: _Base64
    signature: _Base64


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
    signature: SignatureBlock | None = None

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
    """Return the review in `data`; raise ReviewFileError when it is malformed or was changed."""
    return read_review_file(data)[0]


def read_review_file(data: bytes) -> tuple[ReviewFile, Signer | None]:
    """Return the review in `data` and who signed it (None: unsigned); raise ReviewFileError.

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
    signature = document.pop("signature", None)
    body = canonical_bytes(document)
    digest = fingerprint(body)
    if stated != digest:
        raise ReviewFileError("the review file was changed after it was exported (fingerprint)")
    try:
        model = ReviewDocument.model_validate_json(data, strict=True)
    except ValidationError as error:
        raise ReviewFileError(f"the review file is malformed ({first_problem(error)})") from error
    signer = None
    if signature is not None:
        try:
            signer = check_signature_document(body, signature)
        except SignatureError as error:
            raise ReviewFileError(f"{error} (signature)") from error
    review_file = ReviewFile(
        dossier_id=model.dossier_id,
        reviewed_fingerprint=model.reviewed_fingerprint,
        company=model.company,
        mission=model.mission,
        review=model.review,
        generated_at=model.generated_at,
        app_version=model.app_version,
        fingerprint=digest,
    )
    return review_file, signer
