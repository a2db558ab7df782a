"""The review-changes file: written and read back alike; anything off is refused in one line."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ddcheck.domain.review_merge import ReviewEdit
from ddcheck.exchange.dossier_json import canonical_bytes, fingerprint
from ddcheck.exchange.review_changes import changes_file_bytes, parse_changes_file
from ddcheck.exchange.review_file import ReviewFileError

AT = dt.datetime(2027, 1, 5, 9, 30, tzinfo=dt.UTC)


def _edit(field: str = "comment", value: object = "Which suppliers?", **more: object) -> ReviewEdit:
    entity = "review" if field.startswith("verdict") else "item"
    values = {
        "id": "a" * 16,
        "author": "b" * 16,
        "author_name": "Anna",
        "at": AT,
        "entity": entity,
        "key": "" if entity == "review" else "mini/policy",
        "field": field,
        "value": value,
        "parents": ("c" * 16,),
    }
    return ReviewEdit(**{**values, **more})  # type: ignore[arg-type]


def _bytes(*edits: ReviewEdit) -> bytes:
    return changes_file_bytes("d1", "Van Dijk BV", "Riyad", list(edits), AT, "1.0")[0]


def _resigned(data: bytes, change) -> bytes:
    body = json.loads(data)
    body.pop("fingerprint")
    change(body)
    return json.dumps({**body, "fingerprint": fingerprint(canonical_bytes(body))}).encode()


def test_edits_come_back_as_written() -> None:
    edits = [_edit(), _edit("verdict", "insufficient", id="e" * 16, parents=())]
    document, parsed = parse_changes_file(_bytes(*edits))
    assert parsed == edits and document.author_name == "Anna"


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b["edits"][0].update(value=7),
        lambda b: b["edits"][0].update(field="assessment", value="great"),
        lambda b: b["edits"][0].update(key="../../etc"),
        lambda b: b["edits"][0].update(at="2027-01-05T09:30:00"),  # no time zone
        lambda b: b["edits"][0].update(parents=["not-an-id"]),
        lambda b: b.update(edits=[b["edits"][0], b["edits"][0]]),
        lambda b: b.update(edits=[]),
        lambda b: b.update(extra=1),
        lambda b: b.update(format_version=2),
    ],
)
def test_a_bad_file_is_refused_even_with_a_matching_fingerprint(change) -> None:
    with pytest.raises(ReviewFileError) as raised:
        parse_changes_file(_resigned(_bytes(_edit()), change))
    assert "\n" not in str(raised.value)


def test_a_changed_byte_breaks_the_fingerprint() -> None:
    data = _bytes(_edit()).replace(b"Which", b"Whose")
    with pytest.raises(ReviewFileError, match="fingerprint"):
        parse_changes_file(data)
