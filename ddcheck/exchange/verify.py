"""Check a ddcheck PDF: its pages against what its embedded data renders, and its fingerprint.

With a renderer (the same ddcheck version, the checklists at hand) every page is compared with
the report rendered again from the embedded data: content, what it draws with, annotations,
page count and order. Otherwise (another version made it) only the page text is compared with
the data, and the result says so.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ddcheck.domain.direction import has_rtl, letters
from ddcheck.domain.dossier import item_marker
from ddcheck.exchange.dossier_json import (
    DossierFormatError,
    fingerprint,
    read_dossier_json,
)
from ddcheck.exchange.page_prints import PagePrintError, page_prints, print_problems
from ddcheck.exchange.pdf_attachment import (
    UnreadablePdf,
    attached_json,
    info_fingerprint,
    open_pdf,
)
from ddcheck.exchange.received_document import DossierDocument

_COVER_FINGERPRINT = re.compile(r"\(SHA-256\)([0-9a-f]{64})")
_COVER_PAGES = 6  # a cover stretched by very long company fields may run over a few pages
# The report's header sits above and its footer below these heights (points, A4): text there is
# page furniture, left out so a note that runs over a page break reads as one text.
BODY_BOTTOM = 50.0
BODY_TOP = 780.0
# Reports before the headings were embedded printed "ID template/item" with every item.
_MARKER = re.compile(r"ID ([a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*)(?=\s|$)")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)+)(?=\s)")
_QUESTION_PREFIX = 24  # letters and digits of the question that must follow an item's number
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_SIMPLE_ANSWER_LENGTH = 80  # short answers (option labels) must match exactly, word for word
_SPLIT_WORD_LENGTH = 30  # a longer word may be split over two lines, so compare loosely


MAX_PDF_BYTES = 200 * 1024 * 1024  # as import (received_pdf.py)
MAX_PDF_PAGES = 5000  # a report of thousands of items runs to several hundred pages
_END_OF_FILE = re.compile(rb"%%EOF[ \t\r\n\x00\x0c]*")


class NotADdcheckPdf(ValueError):
    """The file is unreadable, or a PDF without ddcheck's embedded dossier."""


class PdfTooLarge(NotADdcheckPdf):
    """The file is larger, or has more pages, than ddcheck checks."""


class CannotRender(Exception):
    """This ddcheck cannot render the document's report again (another version, a checklist)."""


# Renders the report of a validated document again; `data` is its exact embedded JSON.
Renderer = Callable[[DossierDocument, bytes], bytes]


@dataclass(frozen=True)
class VerifyResult:
    """What `verify` found: whether report and data match, how it checked, every problem."""

    fingerprint: str
    document: dict[str, Any]
    problems: tuple[str, ...] = field(default=())
    checked: Literal["pages", "text"] = "text"
    why_text: str = ""  # why only the text was compared ("made by ddcheck 0.0.9")

    @property
    def ok(self) -> bool:
        """Return whether the report and its data match."""
        return not self.problems


def _check_size(path: Path | str) -> None:
    """Refuse a file larger than import accepts, before reading it."""
    try:
        size = Path(path).stat().st_size
    except OSError as error:
        raise NotADdcheckPdf(f"the file cannot be read: {error.strerror or error}") from error
    if size > MAX_PDF_BYTES:
        raise PdfTooLarge(f"it is larger than ddcheck checks ({MAX_PDF_BYTES // 2**20} MB)")


def _load(path: Path | str) -> tuple[Any, bytes, dict[str, Any], DossierDocument]:
    _check_size(path)
    try:
        reader = open_pdf(path)
        data = attached_json(reader)
    except UnreadablePdf as error:
        raise NotADdcheckPdf(str(error)) from error
    if data is None:
        raise NotADdcheckPdf("the PDF has no embedded ddcheck dossier")
    try:
        document, model = read_dossier_json(data)
    except DossierFormatError as error:
        raise NotADdcheckPdf(str(error)) from error
    pages = len(reader.pages)
    if pages > MAX_PDF_PAGES:
        raise PdfTooLarge(f"it has {pages} pages, more than ddcheck checks ({MAX_PDF_PAGES})")
    return reader, data, document, model


def _page_text(page: Any) -> str:
    """Return the text of a page's body, without header and footer, whitespace collapsed."""
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text and BODY_BOTTOM < y < BODY_TOP:
            parts.append(text)

    try:
        page.extract_text(visitor_text=visit)
    except Exception:  # a page pypdf cannot read counts as empty text
        return ""
    return " ".join("".join(parts).split())


def _pages(reader: Any) -> list[Any]:
    try:
        return list(reader.pages)
    except Exception:  # a damaged page tree shows no pages
        return []


def _fingerprint_problems(reader: Any, actual: str) -> list[str]:
    problems = []
    stored = info_fingerprint(reader)
    if stored != actual:
        problems.append("the fingerprint in the PDF metadata does not match the embedded data")
    printed = None
    for page in _pages(reader)[:_COVER_PAGES]:
        found = _COVER_FINGERPRINT.search("".join(_page_text(page).split()))
        if found:
            printed = found.group(1)
            break
    if printed != actual:
        problems.append("the fingerprint printed on the cover does not match the embedded data")
    return problems


def read_dossier_from_pdf(path: Path | str) -> tuple[dict[str, Any], bool]:
    """Return the embedded dossier document and whether its fingerprint checks out.

    Raise NotADdcheckPdf when the file is unreadable or carries no ddcheck dossier.
    """
    reader, data, document, _ = _load(path)
    return document, not _fingerprint_problems(reader, fingerprint(data))


def verify_pdf(path: Path | str, render: Renderer | None = None) -> VerifyResult:
    """Check that the PDF's pages, metadata and embedded data all agree.

    With `render`, every page is compared with the report rendered again from the embedded data;
    without it, or when it raises CannotRender, only the page text is compared with the data.
    Raise NotADdcheckPdf (PdfTooLarge) when the file cannot be checked at all.
    """
    reader, data, document, model = _load(path)
    actual = fingerprint(data)
    why = "no renderer was given"
    if render is not None:
        try:
            rendered = render(model, data)
        except CannotRender as error:
            why = str(error)
        else:
            problems = _metadata_problems(reader, actual)
            problems += _page_problems(path, reader, data, rendered)
            return VerifyResult(actual, document, tuple(problems), "pages")
    problems = _fingerprint_problems(reader, actual)
    text = " ".join(_page_text(page) for page in _pages(reader))
    problems += text_problems(document, text)
    return VerifyResult(actual, document, tuple(problems), "text", why)


def _metadata_problems(reader: Any, actual: str) -> list[str]:
    if info_fingerprint(reader) != actual:
        return ["the fingerprint in the PDF metadata does not match the embedded data"]
    return []


def _page_problems(path: Path | str, reader: Any, data: bytes, rendered: bytes) -> list[str]:
    """Return how the pages (of the last revision, and of the first) differ from `rendered`."""
    from pypdf import PdfReader

    try:
        expected = page_prints(PdfReader(io.BytesIO(rendered)))
        problems = print_problems(page_prints(reader), expected)
    except PagePrintError as error:
        return [f"the pages cannot be compared: {error}"]
    first = _first_revision(path)
    if first is None:
        return problems
    try:
        original = PdfReader(io.BytesIO(first))
        if attached_json(original) != data:
            problems.append("the embedded data was changed in a later revision of the file")
        earlier = print_problems(page_prints(original), expected)
    except Exception:  # pypdf raises many kinds of errors on a damaged revision
        return [*problems, "the file's first revision (as exported) cannot be read"]
    return problems + [f"in the file's first revision, {p}" for p in earlier]


def _first_revision(path: Path | str) -> bytes | None:
    """Return the bytes of the file as first written when later revisions were appended."""
    raw = Path(path).read_bytes()
    ends = list(_END_OF_FILE.finditer(raw))
    if len(ends) < 2:
        return None
    return raw[: ends[0].end()]


def _projection(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


def _marker_segments(text: str) -> dict[str, str]:
    """Return the page text of each item, from its printed id marker to the next one."""
    found = list(_MARKER.finditer(text))
    segments: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        segments.setdefault(match.group(1), text[match.start() : end])
    return segments


def _heading_candidates(text: str, headings: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Return (start, end, key) of each place an item's number is followed by its question."""
    by_number = {str(h.get("number")): key for key, h in headings.items() if h.get("number")}
    found = []
    for match in _NUMBER.finditer(text):
        key = by_number.get(match.group(1))
        if key is None:
            continue
        question = str(headings[key].get("question", ""))
        prefix = "" if has_rtl(question) else _projection(question)[:_QUESTION_PREFIX]
        window = text[match.end() : match.end() + len(question) + 60]
        if _projection(window).startswith(prefix):
            found.append((match.start(), match.end(), key))
    return found


def _heading_segments(text: str, headings: dict[str, Any], word: str) -> dict[str, str]:
    """Return the page text of each item, from its number and question to the next item.

    The item's own heading is the place its answer label follows before any other item's
    heading does: a number and question quoted in the summary or the action plan is not. An
    item's text ends where the next number and question stand.
    """
    candidates = _heading_candidates(text, headings)
    labels = [m.start() for m in re.finditer(re.escape(f"{word}:"), text)]
    starts: dict[str, int] = {}
    for index, (start, end, key) in enumerate(candidates):
        following = candidates[index + 1][0] if index + 1 < len(candidates) else len(text)
        at = bisect.bisect_left(labels, end)
        if key not in starts and at < len(labels) and labels[at] < following:
            starts[key] = start
    positions = [start for start, _, _ in candidates]
    segments: dict[str, str] = {}
    for key, start in starts.items():
        at = bisect.bisect_right(positions, start)
        end = positions[at] if at < len(positions) else len(text)
        segments[key] = text[start:end]
    return segments


def text_problems(document: dict[str, Any], text: str) -> list[str]:
    """Return how the (whitespace-collapsed) page text differs from the document's data."""
    rendered = document.get("rendered", {})
    word = str(rendered.get("answer_label", "Answer"))
    answers: dict[str, str] = rendered.get("answers", {})
    notes = {
        f"{a.get('template_id')}/{a.get('item_id')}": str(a.get("note") or "")
        for a in document["dossier"].get("answers", [])
        if isinstance(a, dict)
    }
    headings: dict[str, Any] = rendered.get("headings") or {}
    segments = _heading_segments(text, headings, word) if headings else _marker_segments(text)
    problems = []
    for key, shown in answers.items():
        segment = segments.get(key)
        if segment is None:
            number = headings.get(key, {}).get("number")
            where = f"number {number}" if number else item_marker(key)
            problems.append(f"item {key} is in the data but not in the report ({where})")
            continue
        if not _answer_shown(segment, word, str(shown)):
            problems.append(f"the answer to item {key} in the report differs from the data")
        note = notes.get(key, "").strip()
        if note and not _text_shown(segment, note):
            problems.append(f"the note on item {key} in the report differs from the data")
    for key in document.get("withheld", {}).get("items", []):
        if key in answers:
            problems.append(f"item {key} is both withheld and answered in the data")
    return problems


def _text_shown(segment: str, text: str) -> bool:
    """Return whether user text is in the segment (right-to-left text: its letters, shaped)."""
    if has_rtl(text):  # reordered per line: compare the letters; each the font lacks shows as �
        missing = letters(text) - letters(segment)
        return sum(missing.values()) <= segment.count("\ufffd")
    return _projection(text) in _projection(segment)


def _answer_shown(segment: str, word: str, shown: str) -> bool:
    if has_rtl(shown):
        return f"{word}:" in segment and _text_shown(segment, shown)
    value = " ".join(shown.split())
    simple = (
        len(shown) <= _SIMPLE_ANSWER_LENGTH
        and all(ord(c) < 0x250 for c in shown)
        and max((len(w) for w in value.split()), default=0) <= _SPLIT_WORD_LENGTH
    )
    if simple:
        pattern = re.escape(f"{word}:") + r"\s*" + re.escape(value) + r"(?=\s|$)"
        return re.search(pattern, segment) is not None
    return _projection(f"{word}{value}") in _projection(segment)
