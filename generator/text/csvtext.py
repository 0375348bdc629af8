"""The site's one way of writing CSV: UTF-8 with a byte-order mark (Excel shows Vietnamese), RFC 4180
(comma between cells, CRLF between rows, a cell quoted when it holds a comma, a quote or a line break,
a quote in it doubled: Python's csv, "excel" dialect). Used by /du-lieu/ (exports/csvfiles.py) and by
the CSV file beside every chart (pages/charts.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark
BOM = "\ufeff"


def writer(out):
    """A csv writer on an open text file (opened with ENCODING and newline="")."""
    return csv.writer(out, dialect="excel", lineterminator="\r\n")


def csv_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    """The whole file as text, byte-order mark first: written as UTF-8, it is the file."""
    out = io.StringIO()
    out.write(BOM)
    write = writer(out)
    write.writerow(header)
    write.writerows(rows)
    return out.getvalue()
