"""Plan-time expressions: "Quý II/2022", "Trước ngày 30/8/2024", "Thường xuyên"…

``parse`` turns the words of a plan's time column into a normalised span:
kind (month | quarter | year | deadline | range | recurring | ongoing | unknown)
and, where the words give them, ISO start and end dates. The text itself is
always what pages show; the span is for sorting, filtering and "overdue".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from generator.text.vietnamese import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Span:
    kind: str
    start: str | None = None
    end: str | None = None


def parse(text: str | None) -> Span:
    if not text:
        return Span("unknown")
    words = " ".join(fold(text).split())
    for parser in (_deadline, _quarter, _month, _year):
        span = parser(words)
        if span:
            return span
    if re.search(r"dinh ky|hang (thang|quy|nam)|moi (thang|quy)", words):
        return Span("recurring")
    if re.search(r"thuong xuyen|lien tuc", words):
        return Span("ongoing")
    return Span("unknown")


def parse_range(start_text: str | None, end_text: str | None) -> Span:
    """A span from a plan's two columns, "Bắt đầu" and "Hoàn thành"."""
    start, end = parse(start_text), parse(end_text)
    if start.start or end.end:
        return Span("range", start.start, end.end or start.end)
    return start if start.kind != "unknown" else end


def _deadline(words: str) -> Span | None:
    match = re.search(r"(truoc|cham nhat|han)\D*?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", words)
    if not match:
        match = re.search(r"(truoc|cham nhat)\D*?ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})", words)
    if not match:
        return None
    day, month, year = (int(x) for x in match.groups()[1:])
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return Span("deadline", None, f"{year:04d}-{month:02d}-{day:02d}")


def _quarter(words: str) -> Span | None:
    match = re.search(r"quy (iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*(\d{4})", words)
    if not match:
        return None
    quarter, year = _ROMAN[match.group(1)], int(match.group(2))
    first, last = 3 * quarter - 2, 3 * quarter
    return Span("quarter", f"{year:04d}-{first:02d}-01", _month_end(year, last))


def _month(words: str) -> Span | None:
    months = re.findall(r"thang (\d{1,2})\s*(?:/|nam)\s*(\d{4})", words)
    months = [(int(m), int(y)) for m, y in months if 1 <= int(m) <= 12]
    if not months:
        return None
    (m1, y1), (m2, y2) = months[0], months[-1]
    kind = "month" if len(months) == 1 else "range"
    return Span(kind, f"{y1:04d}-{m1:02d}-01", _month_end(y2, m2))


def _year(words: str) -> Span | None:
    match = re.search(r"nam (\d{4})", words)
    if not match:
        return None
    year = int(match.group(1))
    return Span("year", f"{year:04d}-01-01", f"{year:04d}-12-31")


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
