"""Sheets to XLSX (openpyxl) or ODS (odfpy) bytes; text cells stay text, never a formula."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from ddcheck.exchange.workbook import Cell, Sheet

# characters XML 1.0 cannot hold (control characters but tab and line breaks)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Return `text` without characters a spreadsheet file cannot hold."""
    return _ILLEGAL.sub("\ufffd", text)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """Return the sheets as an XLSX file; strings are typed as text, so '=1+1' stays text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title)
        for r, row in enumerate(sheet.rows, 1):
            for c, value in enumerate(row, 1):
                set_cell(ws.cell(row=r, column=c), value)
        if sheet.rows:
            for cell in ws[1]:
                cell.font = Font(bold=True)
        for column in ws.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            ws.column_dimensions[column[0].column_letter].width = min(max(width, 8), 60) + 2
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def set_cell(cell: object, value: Cell) -> None:
    """Put `value` in an openpyxl cell: a string always as a text cell (never a formula)."""
    if isinstance(value, str):
        cell.value = clean_text(value)  # type: ignore[attr-defined]
        cell.data_type = "s"  # type: ignore[attr-defined]  # '=...' would otherwise be a formula
    else:
        cell.value = value  # type: ignore[attr-defined]


def ods_bytes(sheets: Sequence[Sheet]) -> bytes:
    """Return the sheets as an OpenDocument spreadsheet; strings are string cells, not formulas."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for sheet in sheets:
        table = Table(name=sheet.title)
        for row in sheet.rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value, TableCell, P))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _ods_cell(value: Cell, table_cell: type, paragraph: type) -> object:
    if value is None or value == "":
        return table_cell()
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell = table_cell(valuetype="float", value=value)
        cell.addElement(paragraph(text=str(value)))
        return cell
    cell = table_cell(valuetype="string")
    for line in clean_text(str(value)).split("\n"):
        cell.addElement(paragraph(text=line))
    return cell
