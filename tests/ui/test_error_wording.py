"""The app shows every error through `error_text`, so a sentence the workspace wrote in Dutch
reaches a Dutch user in Dutch: no `str(error)` (always English) goes into a message."""

from __future__ import annotations

import ast
from pathlib import Path

import ddcheck.ui
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.errors import InvalidInput
from ddcheck.store.errors import WorkspaceError
from ddcheck.ui.errors import error_text

UI = Path(ddcheck.ui.__file__).parent
MESSAGE_CALLS = {"error", "warn", "inform", "tr", "setText"}


def _is_str_of_a_name(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "str"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
        and "error" in node.args[0].id
    )


def english_only_errors(source: str) -> list[int]:
    """Return the lines where `str(error)` is handed to a message for the user."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        name = node.func.id if isinstance(node.func, ast.Name) else name
        if name not in MESSAGE_CALLS:
            continue
        values = [*node.args, *(k.value for k in node.keywords)]
        found += [v.lineno for v in values if _is_str_of_a_name(v)]
    return found


def test_no_error_reaches_a_message_as_str_of_the_error() -> None:
    found = [
        f"{path.relative_to(UI)}:{line}"
        for path in sorted(UI.rglob("*.py"))
        for line in english_only_errors(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_finds_str_of_an_error_in_a_message() -> None:
    source = (
        'prompts.error(w, tr("Export failed"), str(error))\n'
        'tr("The export failed: {e}", e=str(error))\n'
        'prompts.error(w, tr("Export failed"), error_text(error, lang))\n'
        "log.info('failed: %s', str(error))\n"
    )
    assert english_only_errors(source) == [1, 2]


def test_error_text_gives_the_workspaces_dutch_and_an_os_errors_reason() -> None:
    refused = InvalidInput(catalog_entry("error", "A name is at most 200 characters."))
    assert isinstance(refused, WorkspaceError)
    assert error_text(refused, "en") == str(refused) == "A name is at most 200 characters."
    assert error_text(refused, "nl") == "Een naam is hoogstens 200 tekens."
    missing = FileNotFoundError(2, "No such file or directory", "/tmp/gone.pdf")
    assert error_text(missing, "nl") == "No such file or directory: /tmp/gone.pdf"
