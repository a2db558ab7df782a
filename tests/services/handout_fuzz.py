"""Fuzzing returned hand-outs: `ddcheck import FILE.xlsx` of a changed workbook, then read commands.

Each case is refused (exit 2, one line `ddcheck: NAME was not imported, nothing changed: …`,
workspace file unchanged) or merged, after which `list`, `show --json`, `history --json` and
`check` all still work. Used by the small default test and the longer pass in tests/benchmarks/.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import assume
from hypothesis import strategies as st

from tests.services.document_fuzz import cli
from tests.services.exchange_helpers import dump

KINDS = ("cells", "cells", "rows", "sheets", "bytes")
COLUMNS = (1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 7)  # A key … E answer, F note (weighted), G beyond
CELLS = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.sampled_from(
        ["Yes", "No", "Partly", "Not yet known", "2 – Ad hoc", "ja", "", " ", "=1+1", "=A1",
         '=HYPERLINK("http://x","y")', "oecd-selfscan/invented", "\x1b[2J", "\u202eevil"]
    ),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.integers(1, 30_000).map(lambda n: "line\n" * n),
)  # fmt: skip


def setup(data_dir: Path, out: Path) -> str:
    """Make a dossier with a few answers and its hand-out at `out`; return the dossier id."""
    code, text, err = cli(
        data_dir, "new", "--company", "Fuzz BV", "--mission", "M", "--destinations", "SA"
    )
    assert code == 0, err
    dossier_id = text.split()[0]
    assert cli(data_dir, "answer", dossier_id, "oecd-selfscan/2.1", "--note=base")[0] in (0, 2)
    code, _, err = cli(
        data_dir, "handout", dossier_id, "--section", "step-2", "--section", "step-3",
        "--to", "Fatima", "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    return dossier_id


def draw_case(data: Any, valid: bytes) -> tuple[str, bytes]:
    """Draw one fuzzed hand-out workbook made from the `valid` one: (how it was made, bytes)."""
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    if kind == "bytes":
        raw = bytearray(valid)
        for _ in range(data.draw(st.integers(1, 6))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
        cut = data.draw(st.one_of(st.none(), st.integers(0, len(raw))))
        return kind, bytes(raw[:cut])
    try:
        return kind, _edited(data, kind, valid)
    except Exception as error:  # openpyxl cannot write this workbook at all
        assume(False)
        raise AssertionError from error


def _edited(data: Any, kind: str, valid: bytes) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(valid))
    questions = book["Questions"]
    if kind == "cells":
        for _ in range(data.draw(st.integers(1, 4))):
            name = data.draw(st.sampled_from(["Questions"] * 4 + book.sheetnames))
            sheet = book[name]
            row = data.draw(st.integers(1, sheet.max_row + 2))
            column = data.draw(st.sampled_from(COLUMNS))
            sheet.cell(row=row, column=column).value = data.draw(CELLS)
    elif kind == "rows":
        row = data.draw(st.integers(1, questions.max_row + 1))
        if data.draw(st.booleans()):
            questions.delete_rows(row, data.draw(st.integers(1, 3)))
        else:
            values = [c.value for c in questions[max(row, 2)]]
            questions.insert_rows(row)
            for column, value in enumerate(values, 1):
                questions.cell(row=row, column=column).value = value
    else:
        name = data.draw(st.sampled_from(book.sheetnames))
        if data.draw(st.booleans()):
            del book[name]
        else:
            book[name].title = data.draw(st.sampled_from(["Vragen", "ddcheck", "lists", "x"]))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def attempt(data_dir: Path, folder: Path, dossier_id: str, content: bytes) -> str:
    """Import one returned hand-out; assert refusal-or-merge and that later commands work."""
    path = folder / "fuzzed.xlsx"
    path.write_bytes(content)
    before = dump(data_dir / "workspace.sqlite")
    code, out, err = cli(data_dir, "import", str(path))
    assert "Traceback" not in err
    if code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("ddcheck: fuzzed.xlsx was not imported, nothing changed"), err
        assert dump(data_dir / "workspace.sqlite") == before
        outcome = "refused"
    else:
        assert code == 0 and "hand-out filled in by" in out, (out, err)
        outcome = "merged"
    code, out, err = cli(data_dir, "list")
    assert code == 0, err
    if outcome == "merged":  # unchanged files read as before; after a merge, read them all
        for command in (("show", dossier_id), ("history", dossier_id)):
            code, out, err = cli(data_dir, *command, "--json")
            assert code == 0, err
            json.loads(out)
        assert cli(data_dir, "check")[0] == 0
    return outcome
