"""One vocabulary: gettext with contexts and plurals, Dutch from the shipped catalog."""

from __future__ import annotations

from pathlib import Path

from ddcheck.domain.text import LocalizedText
from ddcheck.domain.vocabulary import (
    Wording,
    catalog_entry,
    fields_of,
    in_both,
    vocabulary,
    words_for,
)


def test_the_same_english_word_in_two_roles_has_two_dutch_words() -> None:
    dutch = words_for("nl")
    assert dutch.in_context("button", "Open") == "Openen"
    assert dutch.in_context("action status", "Open") == "Open"
    assert words_for("en").in_context("button", "Open") == "Open"


def test_fields_and_plurals_are_filled_in() -> None:
    dutch = words_for("nl")
    assert dutch("{a} of {n} answered", a=3, n=10) == "3 van 10 beantwoord"
    assert dutch.plural("{n} item assessed", "{n} items assessed", 1) == "1 vraag beoordeeld"
    assert dutch.plural("{n} item assessed", "{n} items assessed", 4) == "4 vragen beoordeeld"
    assert words_for("en").plural("{n} item assessed", "{n} items assessed", 4) == (
        "4 items assessed"
    )


def test_an_unknown_text_stays_english_and_a_missing_catalog_means_english(
    tmp_path: Path,
) -> None:
    assert words_for("nl")("A sentence nobody translated") == "A sentence nobody translated"
    assert not words_for("nl").knows("A sentence nobody translated")
    empty = vocabulary("nl", tmp_path)
    assert empty("{a} of {n} answered", a=1, n=2) == "1 of 2 answered"
    (tmp_path / "nl.mo").write_bytes(b"not a catalog")
    assert vocabulary("nl", tmp_path / ".")("Save") == "Save"


def test_fields_of_names_the_fields() -> None:
    assert fields_of("{a} of {n} answered") == {"a", "n"}


def test_a_wording_says_its_entry_with_fields_that_say_themselves_in_each_language() -> None:
    question = LocalizedText(nl="Is er beleid?", en="Is there a policy?")
    texts = in_both(
        catalog_entry("export check", "Not answered yet: {question}"), question=question
    )
    assert texts == {
        "nl": "Nog niet beantwoord: Is er beleid?",
        "en": "Not answered yet: Is there a policy?",
    }
    clause = Wording(catalog_entry("error", "there is no backup"))
    assert str(clause) == "there is no backup" and clause.text("nl") == "er is geen back-up"
    assert clause == Wording(("error", "there is no backup")) and len({clause, clause}) == 1
