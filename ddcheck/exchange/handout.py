"""A fill-in workbook for a colleague, and reading it back as plain values within firm limits."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.sheet_files import clean_text, set_cell

FORMAT = "ddcheck-handout/1"
QUESTIONS = "Questions"
IDENTITY = "ddcheck"
LISTS = "lists"
MAX_FILE = 20_000_000  # bytes on disk
MAX_UNZIPPED = 200_000_000  # bytes of all parts together
MAX_PARTS = 500
MAX_ROWS = 5_000
MAX_COLUMNS = 20
HEADER = ("Item", "Section", "Question", "Guidance", "Answer", "Note")
ANSWER_COLUMN, NOTE_COLUMN = 5, 6


class HandoutRefused(ExchangeError):
    """A workbook that is not a usable ddcheck hand-out; the message names the sheet and row."""


@dataclass(frozen=True)
class HandoutItem:
    """One handed-out item: what the colleague sees and the answer's state at hand-out time."""

    key: str
    version: int
    fingerprint: str
    section: str
    question: str
    guidance: str
    choices: tuple[str, ...]  # option labels for a drop-down; empty for free answers
    multiple: bool
    value_text: str  # the answer at hand-out, as written in the Answer column
    base_value: Any  # the stored value at hand-out
    base_note: str


@dataclass(frozen=True)
class Handout:
    """A hand-out: which dossier, to whom, when, and its items."""

    dossier_id: str
    dossier_title: str
    to: str
    handed_at: str
    lang: str
    items: tuple[HandoutItem, ...]


@dataclass
class FilledRow:
    """One row the colleague returned: the item key, answer text and note, with its place."""

    key: str
    answer: Any
    note: str
    place: str  # "Questions!E7"


@dataclass
class Returned:
    """What a returned hand-out holds: its identity, the state at hand-out and the filled rows."""

    dossier_id: str
    to: str
    handed_at: str
    base: dict[str, dict[str, Any]]  # key -> {version, fingerprint, value, note}
    rows: list[FilledRow] = field(default_factory=list)


def handout_bytes(handout: Handout) -> bytes:
    """Return the hand-out as an XLSX file with drop-downs, locked questions and a hidden sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    ws.title = QUESTIONS
    lists = book.create_sheet(LISTS)
    identity = book.create_sheet(IDENTITY)
    intro = f"{handout.dossier_title} — {handout.to}"
    for c, text in enumerate(HEADER, 1):
        set_cell(ws.cell(row=1, column=c), text)
        ws.cell(row=1, column=c).font = Font(bold=True)
    set_cell(ws.cell(row=1, column=8), intro)
    list_ranges: dict[tuple[str, ...], str] = {}
    for r, item in enumerate(handout.items, 2):
        values = (item.key, item.section, item.question, item.guidance, item.value_text)
        for c, value in enumerate((*values, item.base_note), 1):
            cell = ws.cell(row=r, column=c)
            set_cell(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for c in (ANSWER_COLUMN, NOTE_COLUMN):
            ws.cell(row=r, column=c).protection = Protection(locked=False)
        if item.choices and not item.multiple:
            ref = list_ranges.get(item.choices)
            if ref is None:
                column = len(list_ranges) + 1
                for i, label in enumerate(item.choices, 1):
                    set_cell(lists.cell(row=i, column=column), label)
                letter = lists.cell(row=1, column=column).column_letter
                ref = list_ranges[item.choices] = (
                    f"{LISTS}!${letter}$1:${letter}${len(item.choices)}"
                )
            check = DataValidation(type="list", formula1=ref, allow_blank=True)
            check.error = "Choose one of the answers in the list."
            check.showErrorMessage = True
            ws.add_data_validation(check)
            check.add(ws.cell(row=r, column=ANSWER_COLUMN))
    for letter, width in zip("ABCDEF", (24, 22, 50, 50, 30, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    rows = [
        ["format", FORMAT],
        ["dossier", handout.dossier_id],
        ["to", handout.to],
        ["handed_at", handout.handed_at],
        ["lang", handout.lang],
        ["key", "version", "fingerprint", "value", "note"],
    ]
    rows += [
        [i.key, str(i.version), i.fingerprint, json.dumps(i.base_value), i.base_note]
        for i in handout.items
    ]
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            set_cell(identity.cell(row=r, column=c), value)
    identity.sheet_state = "hidden"
    lists.sheet_state = "hidden"
    identity.protection.sheet = True
    lists.protection.sheet = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def check_archive(path: Path) -> None:
    """Refuse a missing or special file, one too big, not a zip, too many parts, a bomb, macros."""
    try:
        info = path.stat()
    except OSError as error:
        raise HandoutRefused(f"{path.name} cannot be read ({error.strerror or error})") from error
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the zip reader for good
        raise HandoutRefused(f"{path.name} is not a regular file")
    size = info.st_size
    if size > MAX_FILE:
        raise HandoutRefused(f"{path.name} is larger than {MAX_FILE // 1_000_000} MB")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise HandoutRefused(f"{path.name} is not an .xlsx workbook ({error})") from error
    if len(parts) > MAX_PARTS:
        raise HandoutRefused(f"{path.name} has {len(parts)} parts; a hand-out has a few")
    if sum(p.file_size for p in parts) > MAX_UNZIPPED:
        raise HandoutRefused(f"{path.name} unpacks to more than {MAX_UNZIPPED // 1_000_000} MB")
    names = {p.filename.lower() for p in parts}
    if any(n.endswith("vbaproject.bin") for n in names):
        raise HandoutRefused(f"{path.name} contains macros; save it as .xlsx without macros")


def read_returned(path: Path) -> Returned:
    """Return the values of a returned hand-out, read as plain values (formulas never run)."""
    from openpyxl import load_workbook

    check_archive(path)
    opened: list[Any] = []
    try:
        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
        opened.append(book)
        formulas = load_workbook(path, read_only=True, data_only=False, keep_links=False)
        opened.append(formulas)
        if IDENTITY not in book.sheetnames or QUESTIONS not in book.sheetnames:
            raise HandoutRefused(f"{path.name} is not a ddcheck hand-out (no '{IDENTITY}' sheet)")
        identity = _rows(book[IDENTITY], IDENTITY)
        returned = _identity(identity, path.name)
        questions = _rows(book[QUESTIONS], QUESTIONS)
        _check_formulas(formulas[QUESTIONS], questions)
    except HandoutRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds on damaged files, also while
        # reading a sheet lazily (a bad CRC in a sheet found by fuzzing)
        raise HandoutRefused(f"{path.name} cannot be read as a workbook ({error})") from error
    finally:
        for workbook in opened:
            workbook.close()
    for r, row in enumerate(questions[1:], 2):
        key = row[0] if row else None
        answer = row[ANSWER_COLUMN - 1] if len(row) >= ANSWER_COLUMN else None
        note = row[NOTE_COLUMN - 1] if len(row) >= NOTE_COLUMN else None
        if key is None and answer is None and note is None:
            continue
        returned.rows.append(
            FilledRow(
                key=str(key or ""),
                answer=answer,
                note=clean_text(str(note)) if note is not None else "",
                place=f"{QUESTIONS}!E{r}",
            )
        )
    return returned


def _check_formulas(ws: Any, values: list[Sequence[Any]]) -> None:
    """Refuse a formula in an answer or note whose result the file does not hold.

    A formula is never run: its value as last saved by Excel or LibreOffice is taken. A formula
    without a saved value would read as an empty cell and clear the answer, so it is refused.
    """
    for r, row in enumerate(ws.iter_rows(min_row=2, max_row=MAX_ROWS, max_col=NOTE_COLUMN), 2):
        for column, cell in enumerate(row, 1):
            if column < ANSWER_COLUMN or getattr(cell, "data_type", None) != "f":
                continue
            saved = values[r - 1][column - 1] if len(values[r - 1]) >= column else None
            if saved is None:
                letter = "E" if column == ANSWER_COLUMN else "F"
                raise HandoutRefused(
                    f"{QUESTIONS}!{letter}{r}: a formula without a saved value; type the text "
                    "instead (formulas are never run)"
                )


def _rows(ws: Any, name: str) -> list[Sequence[Any]]:
    rows = []
    for n, row in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
        if n > MAX_ROWS:
            raise HandoutRefused(f"sheet '{name}' has more than {MAX_ROWS} rows")
        rows.append(row)
    return rows


def _identity(rows: list[Sequence[Any]], name: str) -> Returned:
    head = {str(r[0]): r[1] for r in rows[:5] if r and len(r) > 1}
    if head.get("format") != FORMAT or not head.get("dossier"):
        raise HandoutRefused(f"{name} is not a ddcheck hand-out ({IDENTITY}!A1: unknown format)")
    base: dict[str, dict[str, Any]] = {}
    for r, row in enumerate(rows[6:], 7):
        if not row or row[0] is None:
            continue
        try:
            value = json.loads(str(row[3]))
        except (ValueError, IndexError) as error:
            raise HandoutRefused(f"{IDENTITY}!D{r}: the hand-out state was changed") from error
        base[str(row[0])] = {
            "version": str(row[1]),
            "fingerprint": str(row[2] or ""),
            "value": value,
            "note": str(row[4] or "") if len(row) > 4 else "",
        }
    return Returned(
        str(head["dossier"]), str(head.get("to") or ""), str(head.get("handed_at")), base
    )
