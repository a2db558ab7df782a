"""Why a checklist or an item applies, as sentences generated from the condition tree."""

from __future__ import annotations

from typing import Any

import pytest

from ddcheck.domain.applicability import choose_templates, item_applicability
from ddcheck.domain.conditions import AnswerCondition, AnyCondition, ProfileCondition
from ddcheck.domain.dossier import Company, Mission, profile_values
from ddcheck.domain.reasons import applies_because, applies_only_when, asked_only_when, phrase
from tests.factories import make_dossier


@pytest.fixture(scope="module")
def catalog() -> Any:
    """Return the shipped catalog."""
    from ddcheck.catalog import load_shipped_catalog

    return load_shipped_catalog()


def test_an_answer_condition_names_the_question_and_the_chosen_options(catalog: Any) -> None:
    gulf = catalog.templates["briefing-saudi-gulf"]
    condition = AnswerCondition.model_validate({"answer": "role-workforce", "in": ["yes"]})
    question_en = next(
        i for s in gulf.sections for i in s.items if i.id == "role-workforce"
    ).question.get("en")
    assert applies_because(condition, "en", {}, {"role-workforce": "yes"}, gulf) == (
        f"Applies because you answered Yes to “{question_en}”."
    )
    dutch = asked_only_when(
        AnswerCondition.model_validate({"answer": "role-workforce", "in": ["yes", "unknown"]}),
        "nl",
        gulf,
    )
    assert dutch.startswith("Wordt alleen gevraagd als u „") and "role-workforce" not in dutch
    assert dutch.endswith("” beantwoordt met Ja of Weet ik niet."), dutch


def test_applies_because_names_only_the_parts_that_hold() -> None:
    condition = AnyCondition(
        any=(
            ProfileCondition(profile="export_credit_insurance", equals=True),
            ProfileCondition.model_validate({"profile": "activities", "contains_any": ["project"]}),
        )
    )
    profile = profile_values(
        Company(name="X"), Mission(name="M", activities=["export"], export_credit_insurance=True)
    )
    assert applies_because(condition, "en", profile) == (
        "Applies because you apply for export credit insurance (ekv)."
    )
    assert applies_only_when(condition, "en") == (
        "Applies only when you apply for export credit insurance (ekv) or your plans include "
        "construction or infrastructure project."
    )
    assert applies_only_when(condition, "nl") == (
        "Alleen van toepassing als u een exportkredietverzekering (ekv) aanvraagt of uw plannen "
        "bouw- of infrastructuurproject omvatten."
    )


def test_every_shipped_reason_is_a_sentence_without_raw_ids(catalog: Any) -> None:
    company = Company(name="X", sector="energy")
    mission = Mission(name="M", destinations=["SA", "CN"], export_credit_insurance=True)
    for lang in ("en", "nl"):
        for choice in choose_templates(catalog.templates.values(), company, mission, lang):
            assert choice.reason.endswith(".") and choice.reason[0].isupper(), choice.reason
            assert "_" not in choice.reason and "profile" not in choice.reason, choice.reason


def test_an_item_that_does_not_apply_says_why_in_words(catalog: Any) -> None:
    gulf = catalog.templates["briefing-saudi-gulf"]
    dossier = make_dossier({gulf.id: gulf})  # nothing answered: the workforce items wait
    for lang in ("en", "nl"):
        hidden = [e for e in item_applicability(dossier, {gulf.id: gulf}, lang) if not e.applies]
        assert hidden
        for entry in hidden:
            assert entry.reason.startswith(("Asked only when ", "Wordt alleen gevraagd als "))
            assert "role-workforce" not in entry.reason and "”" in entry.reason, entry.reason


def test_phrase_of_a_country_uses_its_name() -> None:
    condition = ProfileCondition.model_validate({"profile": "destinations", "in": ["SA", "AE"]})
    assert phrase(condition, "nl") == "u naar Saoedi-Arabië of Verenigde Arabische Emiraten reist"
