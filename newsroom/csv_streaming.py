"""Streams tables as CSV that spreadsheets open safely: row by row, formulas defused."""

import csv

from django.http import StreamingHttpResponse

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
# Rows read from the database at a time: an export may hold hundreds of thousands of rows.
CHUNK_SIZE = 2000


def spreadsheet_safe(value):
    """The cell as text; text that a spreadsheet would run as a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _LineBuffer:
    """csv.writer writes each row here and gets the line back, so rows can be streamed."""

    def write(self, line):
        return line


def csv_lines(header, rows, excel=False):
    """The CSV text, one line at a time; with `excel`, a byte-order mark first."""
    writer = csv.writer(_LineBuffer())
    if excel:
        yield BYTE_ORDER_MARK
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(value) for value in row])


def csv_download(file_name, header, rows, excel=False):
    """The table as a streamed CSV attachment named `file_name`."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, excel=excel), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
