"""Answer values are checked against their scale, including exclusive options."""

from __future__ import annotations

import pytest

from ddcheck.domain.scales import AnswerScale
from ddcheck.services import InvalidInput
from ddcheck.services.values import MAX_TEXT, check_text, normalize_value

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


def test_a_refused_value_is_said_in_dutch_with_the_dutch_labels() -> None:
    with pytest.raises(InvalidInput) as refused:
        normalize_value(EU_RULES, "csrd,none")
    assert (
        refused.value.nl
        == "'Geen' gaat niet samen met andere antwoorden; kies alleen dit antwoord."
    )
    with pytest.raises(InvalidInput) as unknown:
        normalize_value(EU_RULES, "cbam")
    assert str(unknown.value) == (
        "'cbam' is not an option of this item; choose one of: "
        "csrd (CSRD), flr (Forced labour), none (None of these)"
    )
    assert unknown.value.nl == (
        "'cbam' is geen antwoord bij deze vraag; kies uit: csrd (CSRD), flr (Dwangarbeid), "
        "none (Geen)"
    )


def test_a_refused_note_names_itself_in_dutch() -> None:
    with pytest.raises(InvalidInput) as long:
        check_text("note", "x" * (MAX_TEXT + 1))
    assert (
        str(long.value) == f"The note is too long ({MAX_TEXT + 1} characters; at most {MAX_TEXT})."
    )
    assert long.value.nl == f"De notitie is te lang ({MAX_TEXT + 1} tekens; hoogstens {MAX_TEXT})."
