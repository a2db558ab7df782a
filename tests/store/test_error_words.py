"""Error sentences come from the word catalog: English as str(), Dutch from nl.po."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ddcheck.domain.vocabulary import Wording, catalog_entry, words_for
from ddcheck.store.errors import NotFound, WorkspaceDamaged, WorkspaceError

ROOT = Path(__file__).resolve().parents[2]
# the contexts of error sentences, import notices and their clauses (see store/errors.py)
SENTENCE_CONTEXTS = {"error", "notice", "participants error"}


def _words_tool():
    spec = importlib.util.spec_from_file_location("words_tool", ROOT / "packaging" / "words.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_error_fills_its_fields_in_both_languages() -> None:
    error = WorkspaceError(
        catalog_entry("error", "{folder} cannot be used as the workspace folder ({reason})."),
        folder=Path("/data/ddcheck"),
        reason="Permission denied",
    )
    english = "/data/ddcheck cannot be used as the workspace folder (Permission denied)."
    assert str(error) == error.text("en") == english
    assert (
        error.text("nl")
        == error.nl
        == ("/data/ddcheck kan niet als werkmap worden gebruikt (Permission denied).")
    )


def test_a_clause_in_a_field_is_put_in_the_same_language() -> None:
    error = WorkspaceDamaged(
        catalog_entry(
            "error",
            "The workspace file is damaged; it was set aside unchanged as {moved}{seen}, "
            "and {offer}.",
        ),
        moved_to=None,
        newest_backup=None,
        moved="old.db",
        seen="",
        offer=Wording(catalog_entry("error", "there is no backup")),
    )
    assert str(error).endswith("as old.db, and there is no backup.")
    assert error.text("nl").endswith("apart gezet als old.db, en er is geen back-up.")


def test_a_plain_english_sentence_stays_english_in_every_language() -> None:
    error = NotFound("There is no such thing.")
    assert str(error) == error.text("nl") == error.text("en") == "There is no such thing."


def test_every_error_sentence_and_notice_the_code_words_has_dutch() -> None:
    wanted = [
        (context, text)
        for context, text in _words_tool().code_strings()
        if isinstance(text, str) and (context in SENTENCE_CONTEXTS or text == "{detail}")
    ]
    assert len(wanted) > 100
    dutch = words_for("nl")
    untranslated = [
        (context, text)
        for context, text in wanted
        if context is not None
        and (not dutch.knows(text, context) or dutch.in_context(context, text) == text)
    ]
    assert untranslated == []
