"""The expected participants of a mission from a CSV file: company name and KvK number a line.

The file is read bounded (`bounded_read`) by the caller; here every line is validated and every
problem is named with its line number. A header line (company/bedrijf, kvk) is optional; the
separator is a comma or, as Dutch spreadsheets write it, a semicolon.
"""

from __future__ import annotations

import csv
import io

from pydantic import ValidationError

from ddcheck.domain.mission import MAX_PARTICIPANTS, Participant
from ddcheck.exchange.errors import ExchangeError

MAX_CSV_BYTES = 2 * 1024 * 1024
_COMPANY = {"company", "bedrijf", "bedrijfsnaam", "name", "naam", "company name"}
_KVK = {"kvk", "kvk_number", "kvk number", "kvk-nummer", "kvknummer", "kvk nummer"}


class ParticipantsError(ExchangeError):
    """The participants file cannot be used; `problems` names each bad line."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


def read_participants_csv(data: bytes) -> list[Participant]:
    """Return the participants in CSV `data`; raise ParticipantsError naming every bad line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParticipantsError("the participants file is not UTF-8 text") from error
    if "\x00" in text:
        raise ParticipantsError("the participants file is not a text file")
    lines = text.splitlines()
    first = next((row for row in lines if row.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    participants: list[Participant] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    try:
        rows = list(enumerate(reader, start=1))
    except csv.Error as error:
        raise ParticipantsError(f"the participants file is not valid CSV ({error})") from error
    for number, row in rows:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if not participants and not problems and not seen and _is_header(cells):
            continue
        problem = _line_problem(cells, number, seen, participants)
        if problem:
            problems.append(problem)
        if len(participants) > MAX_PARTICIPANTS:
            raise ParticipantsError(
                f"the participants file lists more than {MAX_PARTICIPANTS:,} companies"
            )
    if problems:
        count = f"{len(problems)} problems, the first: " if len(problems) > 1 else ""
        raise ParticipantsError(f"the participants file has {count}{problems[0]}", tuple(problems))
    if not participants:
        raise ParticipantsError("the participants file lists no company (company,kvk a line)")
    return participants


def _is_header(cells: list[str]) -> bool:
    names = [c.casefold() for c in cells]
    return len(names) >= 2 and names[0] in _COMPANY and names[1] in _KVK


def _line_problem(
    cells: list[str], number: int, seen: dict[str, int], participants: list[Participant]
) -> str:
    """Validate one line; add its participant, or return what is wrong with it."""
    if len(cells) != 2:
        return f"line {number}: expected 2 fields (company name, KvK number), found {len(cells)}"
    company, kvk = " ".join(cells[0].split()), "".join(cells[1].split())
    if not company:
        return f"line {number}: the company name is empty"
    if len(kvk) != 8 or not kvk.isascii() or not kvk.isdigit():
        shown = kvk[:20]
        return f"line {number}: '{shown}' is not a KvK number (exactly 8 digits)"
    if kvk in seen:
        return f"line {number}: KvK number {kvk} is listed already on line {seen[kvk]}"
    try:
        participants.append(Participant(company=company, kvk_number=kvk))
    except ValidationError as error:
        reason = error.errors(include_url=False)[0]["msg"]
        return f"line {number}: the company name is not accepted ({reason})"
    seen[kvk] = number
    return ""
