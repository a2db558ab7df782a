"""Issue 16.5: the app's Dutch lives in the word catalog, not beside English in the code.

No call passes `nl="..."` and no dict holds `"nl": "..."` under ddcheck/: a sentence is a
`catalog_entry` (or a vocabulary look-up) and its Dutch is in resources/i18n/nl.po. No
WorkspaceError (or subclass), and no command line's UserError, is made from a plain English
sentence, which Dutch would show in English.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ddcheck

PACKAGE = Path(ddcheck.__file__).parent
ROOT_ERROR = "WorkspaceError"  # ddcheck/store/errors.py
# locale data per language code, not wording: CLDR date patterns and the languages' names
ALLOWED = {"domain/formatting.py"}


def _holds_text(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
        for n in ast.walk(node)
    )


def inline_pairs(source: str) -> list[int]:
    """Return the lines where a source writes Dutch text inline: `nl="..."` or `"nl": "..."`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            found += [k.value.lineno for k in node.keywords if k.arg == "nl" and _holds_text(k)]
        elif isinstance(node, ast.Dict):
            found += [
                key.lineno
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant) and key.value == "nl" and _holds_text(value)
            ]
    return sorted(found)


def test_no_dutch_text_is_written_inline_in_the_code() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in ALLOWED
        for line in inline_pairs(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_catalog_entry_is_written_literally() -> None:
    """packaging/words.py finds only literal text: an f-string or a name would go untranslated."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "catalog_entry"
                and not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args
                )
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_the_scan_finds_keyword_and_dict_pairs_but_not_data_passed_on() -> None:
    source = (
        'Error("Gone.", nl="Weg.")\n'
        'Error(f"{x} gone.", nl=f"{x} weg.")\n'
        'title = {"nl": f"Deel {n}", "en": f"Part {n}"}\n'
        "MissionName(nl=nl, en=en)\n"
        'choice = {"nl": dutch, "en": english}\n'
    )
    assert inline_pairs(source) == [1, 2, 3]


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def error_classes(sources: list[str]) -> set[str]:
    """Return WorkspaceError and every class the sources define whose bases chain to it."""
    bases: dict[str, set[str]] = {}
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_called(b) for b in node.bases)
    found = {ROOT_ERROR}
    while more := {name for name, parents in bases.items() if parents & found} - found:
        found |= more
    return found


def plain_sentence_errors(source: str, classes: set[str]) -> list[int]:
    """Return the lines where a source makes one of `classes` from a str or an f-string."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and _called(node.func) in classes
        and node.args
        and (
            isinstance(node.args[0], ast.JoinedStr)
            or (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))
        )
    )


def test_every_workspace_error_says_a_catalog_sentence() -> None:
    """An error is `catalog_entry("error", ...)` with fields, so the Dutch app says it in Dutch."""
    sources = {
        path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    classes = error_classes(list(sources.values()))
    assert {"NotFound", "InvalidInput", "EvidenceDamaged", "ImportRefused"} <= classes
    found = [
        f"{name}:{line}"
        for name, source in sources.items()
        for line in plain_sentence_errors(source, classes)
    ]
    assert found == []


def test_the_error_scan_follows_subclasses_and_finds_str_and_fstring_sentences() -> None:
    source = (
        "class Refused(errors.NotFound):\n"
        "    pass\n"
        "class NotFound(WorkspaceError):\n"
        "    pass\n"
        'raise Refused("Gone.")\n'
        'raise errors.NotFound(f"{x} is gone.")\n'
        'raise NotFound(catalog_entry("error", "{x} is gone."), x=x)\n'
        'raise ValueError(f"{x} is no error a user reads")\n'
    )
    classes = error_classes([source])
    assert classes == {"WorkspaceError", "NotFound", "Refused"}
    assert plain_sentence_errors(source, classes) == [5, 6]


def test_every_command_line_error_says_a_catalog_sentence() -> None:
    """A command's error is a catalog sentence or an error that says itself, never a str."""
    found = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        found += [f"{path.name}:{line}" for line in plain_sentence_errors(source, {"UserError"})]
        found += [
            f"{path.name}:{node.lineno}"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call)
            and _called(node.func) == "UserError"
            and node.args
            and isinstance(node.args[0], ast.Call)
            and _called(node.args[0].func) == "str"
        ]
    assert found == []
