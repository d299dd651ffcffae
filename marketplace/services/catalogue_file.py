"""Reading a catalogue file as people save it from a spreadsheet.

- Encoding: UTF-8 (with or without BOM, what "CSV UTF-8" writes), else Windows code page
  1258, which plain "CSV" writes on Vietnamese Windows. A file in neither (a legacy TCVN3 or
  VNI font file, Latin-1…) is refused rather than imported as garbled names: a 1258 reading
  is accepted only when every non-ASCII character is a Vietnamese letter or common sign.
- Separator: comma, semicolon (Excel where the list separator is ";", as on Vietnamese
  Windows) or tab, whichever makes the first line a header we know; Excel's "sep=;" line is
  understood.
- Header: the English column names of the export, or their Vietnamese names ("Mã", "Tên sản
  phẩm", "Giá bán", "Đơn vị tính", "Nhóm"…), in any order, with or without diacritics.
"""

import csv
import io
import unicodedata
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from core.text import fold_tokens

COLUMNS = ["sku", "name", "description", "price", "stock", "unit", "category"]
DELIMITERS = (",", ";", "\t")

# Header names, folded (core.text.fold_tokens joined by spaces) → column.
HEADER_NAMES = {
    "sku": ["sku", "ma", "ma sp", "ma san pham", "ma hang", "ma sku"],
    "name": ["name", "ten", "ten sp", "ten san pham", "ten hang"],
    "description": ["description", "mo ta", "mo ta san pham"],
    "price": ["price", "gia", "gia ban", "don gia", "gia dong", "gia vnd", "gia ban dong", "gia ban vnd"],
    "stock": ["stock", "ton kho", "so luong", "so luong ton", "sl"],
    "unit": ["unit", "don vi", "don vi tinh", "dvt"],
    "category": ["category", "nhom", "nhom san pham", "nhom ocop", "nhom sp", "group"],
}
_HEADER_LOOKUP = {name: column for column, names in HEADER_NAMES.items() for name in names}

# Tone and vowel marks of Vietnamese (grave, acute, tilde, hook, dot below; circumflex, breve, horn).
_VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
_COMMON_SIGNS = set("đĐ₫€“”‘’–—…•°×«»·\u00a0")


class CatalogueImportError(Exception):
    """The file was refused; `errors` lists every reason, one line each, for the seller."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def _is_vietnamese_text(text: str) -> bool:
    for ch in text:
        if ch.isascii() or ch in _COMMON_SIGNS:
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        if not (base.isascii() and base.isalpha() and marks and set(marks) <= _VIETNAMESE_MARKS):
            return False
    return True


def decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
        if not _is_vietnamese_text(text):
            raise CatalogueImportError([_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]) \
                from None
    if "\x00" in text:  # a database text field cannot hold it (PostgreSQL refuses the write)
        raise CatalogueImportError([_("The file contains a null character (NUL), which a CSV file cannot have. "
                                      "Save it as “CSV UTF-8” and try again.")])
    return unicodedata.normalize("NFC", text)


def header_column(name: str) -> str | None:
    """"Giá bán (đồng)" → "price"; a name we do not know → None."""
    return _HEADER_LOOKUP.get(" ".join(fold_tokens(name or "")))


def _header(first_line: str) -> tuple[str, list[str]]:
    """The separator that makes `first_line` the most known columns, and those columns."""
    best = (-1, ",", [])
    for delimiter in DELIMITERS:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        columns = [header_column(cell) or cell.strip().lower() for cell in cells]
        known = len({c for c in columns if c in COLUMNS})
        if known > best[0]:
            best = (known, delimiter, columns)
    return best[1], best[2]


def read_records(data: bytes) -> Iterator[tuple[int, dict]]:
    """(line number, {column: cell}) for each line after the header; the line numbers are
    those a spreadsheet shows. Raises CatalogueImportError when the header lacks a column."""
    text = decode(data)
    lines = io.StringIO(text, newline="")
    first = lines.readline()
    hint = first.rstrip("\r\n")
    if hint.lower().startswith("sep=") and len(hint) == 5:  # Excel's own hint, not a row of the sheet
        text, first = text[len(first):], lines.readline()
    delimiter, header = _header(first.rstrip("\r\n"))
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CatalogueImportError([_("Missing columns: %(columns)s. The first line must be: %(header)s")
                                    % {"columns": ", ".join(missing), "header": ",".join(COLUMNS)}])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    for cells in reader:
        record = {}
        for column, cell in zip(header, cells, strict=False):
            record.setdefault(column, cell)  # the first of two columns of the same name counts
        yield reader.line_num, record
