import pytest

from generator.text.timeexpr import Span, parse, parse_range


@pytest.mark.parametrize("text, span", [
    ("Tháng 01/2022", Span("month", "2022-01-01", "2022-01-31")),
    ("Trong tháng 02/2024", Span("month", "2024-02-01", "2024-02-29")),
    ("Quý II/2022", Span("quarter", "2022-04-01", "2022-06-30")),
    ("Quý IV năm 2023", Span("quarter", "2023-10-01", "2023-12-31")),
    ("Năm 2022", Span("year", "2022-01-01", "2022-12-31")),
    ("Trong năm 2024", Span("year", "2024-01-01", "2024-12-31")),
    ("Trước ngày 30/8/2024", Span("deadline", None, "2024-08-30")),
    ("Trước 15/12/2024", Span("deadline", None, "2024-12-15")),
    ("Trước ngày 30 tháng 11 năm 2024", Span("deadline", None, "2024-11-30")),
    ("Thường xuyên", Span("ongoing")),
    ("Định kỳ theo quy định", Span("recurring")),
    ("Hằng tháng", Span("recurring")),
    ("Hàng tháng", Span("recurring")),
    ("Tháng 3/2022 - Tháng 6/2022", Span("range", "2022-03-01", "2022-06-30")),
    ("Đúng ngày Quyết định công bố có hiệu lực thi hành", Span("unknown")),
    ("", Span("unknown")),
    (None, Span("unknown")),
    ("Trước ngày 31/02/2024", Span("unknown")),
])
def test_parse(text, span):
    assert parse(text) == span


def test_two_columns_make_a_range():
    assert parse_range("Tháng 01/2022", "Năm 2022") == Span("range", "2022-01-01", "2022-12-31")
    assert parse_range("Thường xuyên", None) == Span("ongoing")
    assert parse_range("Trong năm 2022", None) == Span("range", "2022-01-01", "2022-12-31")
