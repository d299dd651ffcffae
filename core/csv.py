"""Every CSV the platform writes goes through `writer()` here (OWASP "CSV injection").

A spreadsheet runs a cell that starts with = + - @ (or tab / carriage return, which some
spreadsheets skip before looking for a formula) as a formula, so a store named
`=HYPERLINK("http://…")` would become a live link in an officer's payout sheet. Such text
cells are written with a leading apostrophe, which spreadsheets show as plain text.
Numbers (int, Decimal, float) are written as they are, so negative amounts stay numbers.

`unescape_cell()` undoes it when a file we wrote comes back (the catalogue import), so
export → edit → import gives back the original text. Text that already starts with
apostrophes before a dangerous character gets one more, so the round trip is exact.
"""

import csv
import re

from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def safe_cell(value):
    """The value to write in a CSV cell: text that a spreadsheet would run gets a "'" prefix."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or _ESCAPED.match(value)):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """The text a cell held before `safe_cell()` (a cell that was not escaped is returned as it is)."""
    return text[1:] if _ESCAPED.match(text) else text


class SafeWriter:
    """`csv.writer` whose every cell goes through `safe_cell()`."""

    def __init__(self, csvfile, **kwargs):
        self._writer = csv.writer(csvfile, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, **kwargs) -> SafeWriter:
    """Drop-in for `csv.writer` (same arguments) that neutralises formula cells."""
    return SafeWriter(csvfile, **kwargs)


class SafeSpreadsheetExportMixin:
    """For Wagtail's report and listing views (SpreadsheetExportMixin): their CSV cells go
    through `safe_cell()` too (Wagtail guards its XLSX export only)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow({field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                                for field, value in row_dict.items()})
