"""The dossier as format-versioned JSON, in canonical bytes so its SHA-256 is stable."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ddcheck.domain.answer_words import answer_text
from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.redaction import Redaction
from ddcheck.domain.text import Language
from ddcheck.exchange.border import BorderError, first_problem, load_json
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.received_document import (
    DOSSIER_FORMAT,
    DOSSIER_FORMAT_VERSION,
    DossierDocument,
)

FORMAT = DOSSIER_FORMAT
FORMAT_VERSION = DOSSIER_FORMAT_VERSION
ATTACHMENT_NAME = "ddcheck-dossier.json"
MEDIA_TYPE = "application/json"


class DossierFormatError(ExchangeError):
    """The bytes are not a dossier JSON this version of ddcheck can read."""


def rendered_answers(redaction: Redaction, lang: Language) -> dict[str, str]:
    """Return the answers as the report prints them, keyed by item key (withheld ones left out)."""
    snapshot = redaction.snapshot
    answers = snapshot.dossier.answers_by_key()
    rendered: dict[str, str] = {}
    for entry in applicable_items(snapshot.dossier, snapshot.templates):
        if redaction.is_withheld(entry.key):
            continue
        text = answer_text(entry.template, entry.item, answers.get(entry.key), lang)
        if text:
            rendered[entry.key] = text
    return rendered


def dossier_document(
    redaction: Redaction,
    lang: Language,
    answer_label: str = "Answer",
    headings: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """Return the JSON document for a redacted snapshot, as embedded in the report.

    `headings` (item key -> printed number and question) lets `verify` find each item on the
    pages without printing internal ids there.
    """
    snapshot = redaction.snapshot
    dossier = snapshot.dossier
    answers = rendered_answers(redaction, lang)
    rendered: dict[str, Any] = {"answer_label": answer_label, "answers": answers}
    if headings:  # only of the answers shown: which items apply may tell a withheld answer
        rendered["headings"] = {
            key: {"number": number, "question": question}
            for key, (number, question) in headings.items()
            if key in answers
        }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "audience": redaction.audience,
        "lang": lang,
        "app_version": snapshot.app_version,
        "generated_at": snapshot.generated_at.isoformat(),
        "templates": [{"id": use.id, "version": use.version} for use in dossier.templates],
        "dossier": dossier.model_dump(mode="json"),
        # Only the withheld items, never how many evidence files or actions went with them:
        # such counts would tell whether a hidden branch was filled in.
        "withheld": {"items": sorted(redaction.withheld_items)},
        "rendered": rendered,
    }


def canonical_bytes(document: dict[str, Any]) -> bytes:
    """Return the document as canonical UTF-8 JSON: sorted keys, fixed separators."""
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def fingerprint(data: bytes) -> str:
    """Return the SHA-256 of the bytes as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


def parse_dossier_json(data: bytes) -> dict[str, Any]:
    """Return the document in `data`, validated in full; raise DossierFormatError otherwise."""
    return read_dossier_json(data)[0]


def read_dossier_json(
    data: bytes, context: dict[str, Any] | None = None
) -> tuple[dict[str, Any], DossierDocument]:
    """Return the document in `data` as plain JSON and as its validated model.

    Everything is checked before anything is returned: the JSON's size, depth, text lengths,
    list counts and numbers (finite only) at the border, then every field's type and range in
    one strict model (`DossierDocument`). Raise DossierFormatError with one plain line.
    """
    try:
        document = load_json(data, "embedded data")
    except BorderError as error:
        raise DossierFormatError(str(error)) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DossierFormatError("the embedded data is not a ddcheck dossier")
    version = document.get("format_version")
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or not 1 <= version <= FORMAT_VERSION
    ):
        shown = version if isinstance(version, int | str) else type(version).__name__
        raise DossierFormatError(
            f"dossier format version {str(shown)[:20]!r} is not supported (this ddcheck reads "
            f"up to {FORMAT_VERSION})"
        )
    for key in ("dossier", "rendered", "withheld"):
        if not isinstance(document.get(key), dict):
            raise DossierFormatError(f"the embedded dossier lacks its '{key}' part")
    try:
        model = DossierDocument.model_validate_json(data, strict=True, context=context)
    except ValidationError as error:
        problem = first_problem(error, prefer=("rendered", "withheld", "dossier"))
        where = problem.partition(" at ")[2].partition(".")[0].partition(":")[0]
        what = {
            "rendered": "the embedded dossier's rendered answers are malformed",
            "withheld": "the embedded dossier's list of withheld items is malformed",
        }.get(where)
        message = f"{what} ({problem})" if what else f"the embedded dossier {problem}"
        raise DossierFormatError(message) from error
    return document, model
