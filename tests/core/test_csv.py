"""core/csv.py: text cells a spreadsheet would run as a formula get a leading apostrophe
(OWASP CSV injection); numbers stay numbers; the import reads the escaped text back."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy

from core import csv as safe_csv

DANGEROUS = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tX", "\rX"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_text_is_prefixed_and_reads_back(text):
    assert safe_csv.safe_cell(text) == "'" + text
    assert safe_csv.unescape_cell(safe_csv.safe_cell(text)) == text


@pytest.mark.parametrize("value", ["Mật ong", "", "1-2", "a=b", " =x", "'quoted'", "'", 5, -5, Decimal("-2.50"),
                                   -0.5, None, datetime.date(2026, 1, 2)])
def test_other_values_are_unchanged(value):
    assert safe_csv.safe_cell(value) == value
    if isinstance(value, str):
        assert safe_csv.unescape_cell(value) == value


def test_text_already_starting_with_an_apostrophe_before_a_formula_round_trips():
    assert safe_csv.safe_cell("'=1") == "''=1"
    assert safe_csv.unescape_cell("''=1") == "'=1"
    assert safe_csv.unescape_cell("'=1") == "=1"


def test_lazy_translations_are_checked_as_text():
    assert safe_csv.safe_cell(gettext_lazy("-2")) == "'-2"


def test_writer_neutralises_text_and_keeps_numbers():
    buffer = io.StringIO()
    writer = safe_csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "amount"])
    writer.writerows([["=1+1", -437000], ["@SUM(A1)", Decimal("-2")], ["-2", 3.5], ["\tX", 0]])
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ["name", "amount"], ["'=1+1", "-437000"], ["'@SUM(A1)", "-2"], ["'-2", "3.5"], ["'\tX", "0"]]
