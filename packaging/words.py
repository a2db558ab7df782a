"""Keep the word catalog in step with the code: python packaging/words.py [--check].

Finds every translatable string in ddcheck/ (calls to tr, tr_in, tr_n, a vocabulary's
in_context / plural / plural_in_context, and the catalog_entry / catalog_plural marks of word
tables, f-strings included), merges them into resources/i18n/nl.po (new strings get an empty
Dutch text; strings no longer used are dropped) and compiles nl.mo next to it.
With --check it changes nothing and exits 1 when the catalog lacks or has stale strings, when a
Dutch text is empty or fills in a {field} its English source lacks, or when nl.mo is out of date.
A Dutch text may leave out a field: an error sentence can point below ("zie hieronder") instead
of repeating a detail that only exists in English (a parser's message).
Translators can edit nl.po with any gettext tool (Poedit, Lokalize, Weblate) instead.
"""

from __future__ import annotations

import ast
import io
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "resources" / "i18n" / "nl.po"
MO = PO.with_suffix(".mo")
# function name -> (index of the context argument or None, number of text arguments)
KEYWORDS = {
    "tr": (None, 1),
    "tr_in": (0, 1),
    "tr_n": (None, 2),
    "in_context": (0, 1),
    "plural": (None, 2),
    "plural_in_context": (0, 2),
    "catalog_entry": (0, 1),  # a table of words: domain/vocabulary.py
    "catalog_plural": (0, 2),
}

Key = tuple[str | None, str | tuple[str, str]]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def strings_in(source: str) -> set[Key]:
    """Return the (context, text) pairs a module's source asks to translate."""
    found: set[Key] = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node.func) not in KEYWORDS:
            continue
        context_at, count = KEYWORDS[_name(node.func)]
        start = 0 if context_at is None else 1
        args = node.args[: start + count]
        if len(args) < start + count or not all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
        ):
            continue
        values = [a.value for a in args if isinstance(a, ast.Constant)]
        context = values[0] if context_at is not None else None
        texts = values[start:]
        found.add((context, texts[0] if count == 1 else (texts[0], texts[1])))
    return found


def code_strings(package: Path = ROOT / "ddcheck") -> set[Key]:
    """Return every translatable string in the package."""
    found: set[Key] = set()
    for path in sorted(package.rglob("*.py")):
        found |= strings_in(path.read_text(encoding="utf-8"))
    return found


def read_catalog(path: Path = PO) -> Catalog:
    """Return the Dutch catalog."""
    with path.open("rb") as handle:
        return read_po(handle, locale="nl")


def compiled(catalog: Catalog) -> bytes:
    """Return the .mo bytes of a catalog."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def problems(catalog: Catalog, wanted: set[Key]) -> list[str]:
    """Return what is wrong with the catalog against the strings the code asks for."""
    have = {(m.context, m.id): m for m in catalog if m.id}
    found = [f"missing: {k!r}" for k in sorted(wanted - set(have), key=repr)]
    found += [f"no longer used: {k!r}" for k in sorted(set(have) - wanted, key=repr)]
    for key, message in have.items():
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(texts):
            found.append(f"no Dutch text: {key!r}")
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        if any(not _fields(t) <= _fields(sources[-1]) for t in texts if t):
            found.append(f"{{fields}} its English source lacks in the Dutch text: {key!r}")

    return found


def main(argv: list[str]) -> int:
    """Update (or with --check, verify) nl.po and nl.mo."""
    catalog = read_catalog()
    wanted = code_strings()
    if "--check" in argv:
        found = problems(catalog, wanted)
        if MO.read_bytes() != compiled(catalog):
            found.append("nl.mo is not the compiled nl.po: run python packaging/words.py")
        print("\n".join(found) or "catalog is complete")
        return 1 if found else 0
    have = {(m.context, m.id) for m in catalog if m.id}
    for context, text in sorted(wanted - have, key=repr):
        catalog.add(text, ("", "") if isinstance(text, tuple) else "", context=context)
    for context, text in have - wanted:
        catalog.delete(text, context=context)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, no_location=True, sort_output=True)
    MO.write_bytes(compiled(read_catalog()))
    print(f"{PO.relative_to(ROOT)}: {len(catalog)} strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
