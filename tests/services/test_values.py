"""Answer values are checked against their scale, including exclusive options."""

from __future__ import annotations

import pytest

from ddcheck.domain.scales import AnswerScale
from ddcheck.services import InvalidInput
from ddcheck.services.values import normalize_value

EU_RULES = AnswerScale.model_validate(
    {
        "id": "eu-rules",
        "kind": "multiple",
        "label": {"nl": "EU-regels", "en": "EU rules"},
        "options": [
            {"id": "csrd", "label": {"nl": "CSRD", "en": "CSRD"}},
            {"id": "flr", "label": {"nl": "Dwangarbeid", "en": "Forced labour"}},
            {"id": "none", "label": {"nl": "Geen", "en": "None of these"}, "exclusive": True},
        ],
    }
)


def test_options_combine_and_repeats_are_dropped() -> None:
    assert normalize_value(EU_RULES, "csrd,flr,csrd") == ["csrd", "flr"]
    assert normalize_value(EU_RULES, ["none"]) == ["none"]


def test_an_exclusive_option_cannot_be_combined() -> None:
    with pytest.raises(InvalidInput, match="'None of these' cannot be combined"):
        normalize_value(EU_RULES, "csrd,none")
