"""Reading a spreadsheet file into rows of text cells: CSV (UTF-8 or Windows-1252, comma or
semicolon) or XLSX (the first worksheet). Line 1 is the header row, as in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
EXTENSIONS = (".csv", ".xlsx")


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, size)."""


def read_table(data: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """All rows of the file as (line number, cells); line 1 is the header row."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    lower = filename.lower()
    if lower.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if lower.endswith((".xls", ".ods", ".numbers")):
        raise ImportFileError(_("Save the spreadsheet as CSV or as an Excel workbook (.xlsx)."))
    return _read_csv(data)


def decode_csv(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            _(
                "The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” or as "
                "an Excel workbook (.xlsx)."
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The file is neither UTF-8 nor Windows-1252 text. Save it as “CSV UTF-8”.")
        ) from exc


def _read_csv(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = decode_csv(data)
    except UnicodeDecodeError as exc:  # a BOM followed by bytes that are not UTF-8
        raise ImportFileError(_("The file is not valid UTF-8 text.")) from exc
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError(
                    _("The file has more than %(rows)s rows; split it.") % {"rows": MAX_ROWS}
                )
            rows.append((line, cells))
    except csv.Error as exc:
        raise ImportFileError(
            _("Line %(line)s cannot be read as CSV: %(error)s")
            % {"line": reader.line_num, "error": exc}
        ) from exc
    return rows


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise ImportFileError(
            _("The file cannot be opened as an Excel workbook (.xlsx): %(error)s") % {"error": exc}
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError(
                    _("The file has more than %(rows)s rows; split it.") % {"rows": MAX_ROWS}
                )
            cells = [_cell_text(value) for value in values]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append((line, cells))
        return rows
    finally:
        workbook.close()
