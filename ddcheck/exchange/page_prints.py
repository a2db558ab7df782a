"""What each page of a PDF draws, as comparable fingerprints independent of object numbers.

A page's print covers its content streams (decompressed), every resource they can draw with
(fonts, images, form XObjects, patterns, graphics states: by content, recursively), its boxes
and rotation. Annotations are printed one by one beside it, so that an added one can be named.
An invisible signature field (a widget of a /Sig field with no area or hidden) is counted
apart: a signature added after export changes nothing a person sees.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

# Keys that point back up the tree or to the page itself: not part of what is drawn.
_SKIP_KEYS = frozenset({"/Parent", "/P", "/Annots", "/StructParents", "/StructParent"})
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
_STREAM_KEYS = frozenset({"/Length", "/Filter", "/DecodeParms", "/DL"})
_MAX_DEPTH = 64
_HIDDEN_FLAGS = 0b100010  # annotation flags: Hidden (2) and NoView (32)


class PagePrintError(ValueError):
    """A page cannot be read well enough to print it."""


@dataclass(frozen=True)
class PagePrint:
    """What one page draws (`content`) and its annotations, each as a SHA-256 digest."""

    content: str
    annotations: tuple[str, ...]
    signature_fields: int = 0


class _Printer:
    """Canonical bytes of PDF objects, each indirect object printed once per document."""

    def __init__(self, page_numbers: dict[int, int]) -> None:
        self.page_numbers = page_numbers  # object number of a page → its index
        self.done: dict[tuple[int, int], bytes] = {}
        self.busy: set[tuple[int, int]] = set()

    def digest(self, obj: Any) -> str:
        """Return the SHA-256 of an object's canonical bytes."""
        return hashlib.sha256(self.canon(obj, 0)).hexdigest()

    def canon(self, obj: Any, depth: int) -> bytes:
        """Return the canonical bytes of `obj` (indirect objects by content, never by number)."""
        from pypdf.generic import IndirectObject

        if depth > _MAX_DEPTH:
            raise PagePrintError("objects nested too deeply")
        if isinstance(obj, IndirectObject):
            if obj.idnum in self.page_numbers:
                return b"page:%d" % self.page_numbers[obj.idnum]
            key = (obj.idnum, obj.generation)
            if key in self.done:
                return self.done[key]
            if key in self.busy:
                return b"cycle"
            self.busy.add(key)
            try:
                printed = b"#" + hashlib.sha256(self.canon(obj.get_object(), depth + 1)).digest()
            finally:
                self.busy.discard(key)
            self.done[key] = printed
            return printed
        return self._direct(obj, depth)

    def _direct(self, obj: Any, depth: int) -> bytes:
        from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

        if isinstance(obj, StreamObject):
            return b"stream" + self.dictionary(obj, depth, _STREAM_KEYS) + _stream_digest(obj)
        if isinstance(obj, DictionaryObject):
            return self.dictionary(obj, depth, frozenset())
        if isinstance(obj, ArrayObject):
            return b"[" + b" ".join(self.canon(item, depth + 1) for item in obj) + b"]"
        if isinstance(obj, NameObject):
            return b"/" + str(obj).encode("utf-8", "surrogateescape")
        if obj is None:
            return b"null"
        return type(obj).__name__.encode() + b":" + repr(obj).encode("utf-8", "replace")

    def dictionary(self, obj: Any, depth: int, skip: frozenset[str]) -> bytes:
        parts = [
            str(key).encode("utf-8", "replace") + b" " + self.canon(value, depth + 1)
            for key, value in sorted(obj.items(), key=lambda kv: str(kv[0]))
            if key not in _SKIP_KEYS and key not in skip
        ]
        return b"<<" + b" ".join(parts) + b">>"


def _stream_digest(stream: Any) -> bytes:
    """Return the SHA-256 of a stream's decoded data (its raw data if it cannot be decoded)."""
    try:
        data = stream.get_data()
    except Exception:  # an unknown or broken filter: the encoded bytes still identify it
        data = b"raw:" + bytes(stream._data)
    return hashlib.sha256(data).digest()


def _inherited(page: Any, key: str) -> Any:
    """Return a page attribute, looked up the page tree as PDF inheritance does."""
    node = page
    for _ in range(_MAX_DEPTH):
        if key in node:
            return node.get(key)
        parent = node.get("/Parent")
        if parent is None:
            return None
        node = parent.get_object()
    raise PagePrintError("the page tree is nested too deeply")


def _is_signature_field(annotation: Any) -> bool:
    """Return whether an annotation is the widget of a signature field that shows nothing."""
    if annotation.get("/Subtype") != "/Widget":
        return False
    field = annotation
    for _ in range(8):  # the field type may sit on the widget or on its parent field
        if field.get("/FT") is not None:
            break
        parent = field.get("/Parent")
        if parent is None:
            break
        field = parent.get_object()
    if field.get("/FT") != "/Sig":
        return False
    flags = int(annotation.get("/F", 0) or 0)
    try:
        x1, y1, x2, y2 = (float(v) for v in annotation.get("/Rect", [0, 0, 0, 0]))
    except (TypeError, ValueError):
        return False
    return bool(flags & _HIDDEN_FLAGS) or x1 == x2 or y1 == y2


def page_prints(reader: Any) -> list[PagePrint]:
    """Return the print of every page of a pypdf reader, in page order.

    Raise PagePrintError when a page cannot be read.
    """
    try:
        pages = list(reader.pages)
        numbers = {
            page.indirect_reference.idnum: index
            for index, page in enumerate(pages)
            if page.indirect_reference is not None
        }
        printer = _Printer(numbers)
        return [_page_print(printer, page) for page in pages]
    except PagePrintError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on damaged objects
        raise PagePrintError(f"a page cannot be read ({type(error).__name__})") from error


def _page_print(printer: _Printer, page: Any) -> PagePrint:
    from pypdf.generic import DictionaryObject

    merged = {str(k): v for k, v in page.items() if k not in _SKIP_KEYS}
    for key in _INHERITED:
        value = _inherited(page, key)
        if value is not None:
            merged[key] = value
    content = hashlib.sha256(printer.dictionary(merged, 0, frozenset())).hexdigest()
    annotations: list[str] = []
    signatures = 0
    for reference in page.get("/Annots", None) or []:
        annotation = reference.get_object()
        if not isinstance(annotation, DictionaryObject):
            annotations.append(printer.digest(annotation))
        elif _is_signature_field(annotation):
            signatures += 1
        else:
            annotations.append(printer.digest(annotation))
    return PagePrint(content, tuple(annotations), signatures)


def print_problems(found: list[PagePrint], rendered: list[PagePrint]) -> list[str]:
    """Return how the file's pages differ from the pages its data renders, page by page."""
    problems = []
    if len(found) != len(rendered):
        problems.append(f"the file has {len(found)} pages; its data renders {len(rendered)}")
    where = {p.content: n for n, p in enumerate(rendered, start=1)}
    for number, page in enumerate(found, start=1):
        expected = rendered[number - 1] if number <= len(rendered) else None
        if expected is None or page.content != expected.content:
            moved = where.get(page.content)
            if moved is not None:
                problems.append(
                    f"page {number} is page {moved} of what its data renders "
                    "(pages were deleted, added or moved)"
                )
            elif expected is None:
                problems.append(f"page {number} is not in what its data renders")
            else:
                problems.append(f"page {number} differs from what its data renders")
            continue
        extra = sum((Counter(page.annotations) - Counter(expected.annotations)).values())
        missing = sum((Counter(expected.annotations) - Counter(page.annotations)).values())
        if extra:
            problems.append(f"page {number} has {extra} annotation(s) its data does not render")
        if missing:
            problems.append(f"page {number} lacks {missing} annotation(s) its data renders")
    return problems
