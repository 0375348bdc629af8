"""The CSV files: /du-lieu/<name>.csv, one row per entry (per task, for the plans).

UTF-8 with a byte-order mark, so that Excel shows Vietnamese; RFC 4180: comma
between cells, CRLF between rows, a cell quoted when it holds a comma, a quote
or a line break, and a quote in it doubled (Python's csv, "excel" dialect).
The first row names the columns (``columns.py``); datapackage.json describes them.
"""

from __future__ import annotations

from pathlib import Path

from generator.exports.tables import TABLES
from generator.text.csvtext import ENCODING, writer as csv_writer


def write_csv(folder: Path, records: dict[str, list[dict]]) -> list[Path]:
    """Every table's CSV file in *folder*; returns the files written."""
    written = []
    for table in TABLES:
        path = folder / f"{table.dataset}.csv"
        with open(path, "w", encoding=ENCODING, newline="") as out:
            writer = csv_writer(out)
            writer.writerow([column.name for column in table.columns])
            writer.writerows(table.rows(records[table.dataset]))
        written.append(path)
    return written
