"""core.money.parse_vnd: prices as Vietnamese people type them, one parser for forms and CSV."""

import pytest

from core.money import PriceError, format_vnd_number, parse_vnd, parse_whole_number

WRITTEN = ["120.000", "120,000", "120 000", "120000", "120.000đ", "120.000 đ", "120.000 ₫", "120.000 VND",
           "120.000 vnđ", "VND 120.000", "120000d", "120.000 đồng", " 120.000 ", "120\u00a0000", "120\u202f000"]


@pytest.mark.parametrize("text", WRITTEN)
def test_every_usual_way_of_writing_120000(text):
    assert parse_vnd(text) == 120000


@pytest.mark.parametrize(("text", "amount"), [("1.000.000", 1_000_000), ("1,250,000", 1_250_000), ("5", 5),
                                              ("999", 999), ("2.000.000.000", 2_000_000_000), ("0120000", 120000)])
def test_other_amounts(text, amount):
    assert parse_vnd(text) == amount


@pytest.mark.parametrize(("text", "code", "message"), [
    ("120,5", "ambiguous", "Giá “120,5” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng nghìn, "
                           "ví dụ 120.000."),
    ("1.20", "ambiguous", "Giá “1.20” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng nghìn, "
                          "ví dụ 120.000."),
    ("12.0000", "ambiguous", "Giá “12.0000” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng "
                             "nghìn, ví dụ 120.000."),
    ("1.000,5", "ambiguous", "Giá “1.000,5” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng "
                             "nghìn, ví dụ 120.000."),
    ("1,000.000", "ambiguous", "Giá “1,000.000” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng "
                               "nghìn, ví dụ 120.000."),
    ("1 200.000", "ambiguous", "Giá “1 200.000” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng "
                               "nghìn, ví dụ 120.000."),
    ("-120.000", "negative", "Giá “-120.000” là số âm."),
    ("−5000", "negative", "Giá “−5000” là số âm."),
    ("", "empty", "Giá đang trống."),
    ("   ", "empty", "Giá đang trống."),
    ("0", "invalid", "Giá “0” không phải số đồng nguyên lớn hơn 0."),
    ("abc", "invalid", "Giá “abc” không phải số đồng nguyên lớn hơn 0."),
    ("120k", "invalid", "Giá “120k” không phải số đồng nguyên lớn hơn 0."),
    ("đ", "invalid", "Giá “đ” không phải số đồng nguyên lớn hơn 0."),
    ("2.000.000.001", "too_high", "Giá “2.000.000.001” vượt quá mức giá cao nhất cho phép là 2.000.000.000 ₫."),
])
def test_refusals_say_why_in_vietnamese(text, code, message):
    with pytest.raises(PriceError) as exc:
        parse_vnd(text)
    assert (exc.value.code, exc.value.message) == (code, message)
    assert exc.value.fragment == message[0].lower() + message[1:-1]  # the CSV import's "Dòng N: …" part


def test_minimum_and_maximum_are_the_callers():
    assert parse_vnd("0", minimum=0) == 0
    with pytest.raises(PriceError):
        parse_vnd("1.000", maximum=999)


def test_where_0_is_allowed_the_refusal_does_not_ask_for_more_than_0():
    with pytest.raises(PriceError) as exc:
        parse_vnd("abc", minimum=0)
    assert (exc.value.code, exc.value.message) == ("invalid", "Giá “abc” không phải số đồng nguyên.")


@pytest.mark.parametrize(("text", "number"), [("1500", 1500), ("1.500", 1500), ("1,500", 1500), ("1 500", 1500),
                                              ("1,5", None), ("-3", None), ("", None), ("1đ", None)])
def test_whole_numbers(text, number):
    assert parse_whole_number(text) == number


@pytest.mark.parametrize(("amount", "text"), [(120000, "120.000"), (5, "5"), (2_000_000_000, "2.000.000.000"),
                                              (None, "")])
def test_shown_back_as_typed(amount, text):
    assert format_vnd_number(amount) == text
    if amount:
        assert parse_vnd(text) == amount
