"""The dossier JSON: format-versioned, canonical bytes, redacted like the report."""

from __future__ import annotations

import json

import pytest

from ddcheck.domain.redaction import redact
from ddcheck.exchange.dossier_json import (
    FORMAT_VERSION,
    DossierFormatError,
    canonical_bytes,
    dossier_document,
    fingerprint,
    parse_dossier_json,
)
from tests.factories import SECRET, make_snapshot


def test_document_has_format_audience_templates_and_rendered_answers() -> None:
    document = dossier_document(redact(make_snapshot(), "adviser"), "nl", "Antwoord")
    assert document["format"] == "ddcheck-dossier"
    assert document["format_version"] == FORMAT_VERSION
    assert document["audience"] == "adviser" and document["lang"] == "nl"
    assert document["templates"] == [{"id": "synthetic", "version": 1}]
    assert document["rendered"]["answer_label"] == "Antwoord"
    assert document["rendered"]["answers"]["synthetic/q1-1"] in {
        "Ja",
        "Gedeeltelijk",
        "Nee",
        "Niet van toepassing",
    }
    assert document["withheld"]["items"]
    assert not set(document["withheld"]["items"]) & set(document["rendered"]["answers"])


def test_canonical_bytes_are_stable_and_sorted() -> None:
    snapshot = make_snapshot()
    first = canonical_bytes(dossier_document(redact(snapshot, "adviser"), "en"))
    second = canonical_bytes(dossier_document(redact(snapshot, "adviser"), "en"))
    assert first == second
    assert fingerprint(first) == fingerprint(second)
    assert (
        first
        == json.dumps(
            json.loads(first), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    )


def test_adviser_json_has_no_confidential_text_and_internal_has_it() -> None:
    snapshot = make_snapshot()
    assert SECRET.encode() not in canonical_bytes(
        dossier_document(redact(snapshot, "adviser"), "en")
    )
    assert SECRET.encode() in canonical_bytes(dossier_document(redact(snapshot, "internal"), "en"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe", "not valid JSON"),
        (b"[1, 2]", "not a ddcheck dossier"),
        (b'{"format": "other"}', "not a ddcheck dossier"),
        (b'{"format": "ddcheck-dossier", "format_version": 99}', "not supported"),
        (b'{"format": "ddcheck-dossier", "format_version": 1}', "lacks its 'dossier'"),
        (
            b'{"format": "ddcheck-dossier", "format_version": 1, "dossier": {}, "withheld": {},'
            b' "rendered": {"answers": {"a/b": 3}}}',
            "rendered answers are malformed",
        ),
        (
            b'{"format": "ddcheck-dossier", "format_version": 1, "dossier": {}, "withheld":'
            b' {"items": "x"}, "rendered": {"answers": {}}}',
            "withheld items is malformed",
        ),
        (
            b'{"format": "ddcheck-dossier", "format_version": 1, "dossier": {"id": 1},'
            b' "withheld": {}, "rendered": {"answers": {}}}',
            "the embedded dossier is invalid at",
        ),
    ],
)
def test_parse_refuses_what_is_not_a_dossier(data: bytes, message: str) -> None:
    with pytest.raises(DossierFormatError, match=message):
        parse_dossier_json(data)


def test_parse_reads_back_a_document() -> None:
    data = canonical_bytes(dossier_document(redact(make_snapshot(), "internal"), "en"))
    assert parse_dossier_json(data)["dossier"]["id"] == "d-0001"
