"""Word files made from the appendix tables of the seed plans (../shared/seeds), as a clerk would receive them.

Seeds 001 and 004 hold their appendix as tab-separated rows: each row is a
table row, each tab-separated field a cell, exactly as text; what the seed's
own conversion added is taken back out, as a Word file would not have it:

* ``<b>…</b>`` becomes bold text; ``<ul>``/``</ul>`` are dropped and each
  ``<li>…</li>`` becomes a paragraph of its cell;
* two cell fragments repeated on the row after a page break ("trấn" after
  "…UBND các xã, thị trấn" in 001, "liên quan" after "…có liên quan" in 004)
  are dropped: the text before the break already ends with them.

Rows with an empty first cell stay rows of their own (a page break inside a
row, as a Word file converted from PDF keeps it), the heading row repeated
on each page stays, each blank-line-separated block is a table of its own,
and 004's closing rule "--  ---" stays a row: the importer must deal with all
of them.

Seed 000 holds its appendix one cell per line. Its table is rebuilt with two
heading rows ("Thời gian" over "Bắt đầu" and "Hoàn thành", the other
headings merged down), section rows whose title is merged across the row,
and task rows: the number, the content (one line), then the lead and partner
lines up to the first time line, one time line (merged across both time
columns) or two, and the output lines. The lead ends at the first line that
ends with "." or changes between "- " items and plain lines; when no line
does, the last line is the partner.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import shared_path

DUPLICATED = {("001", 107, 2): "trấn", ("004", 114, 2): "liên quan"}  # (seed, line, cell): the repeated fragment
TIME = re.compile(r"(Từ t|T)háng \d{1,2}/\d{4}|Năm \d{4}|Quý .+|Cả năm \d{4}|Thường xuyên.*|Trong năm \d{4}")


def seed_text(number: str) -> list[str]:
    folder = shared_path("seeds")
    return next(folder.glob(f"{number}_*.txt")).read_text(encoding="utf-8").split("\n")


def tab_tables(number: str) -> list[list[list[list[tuple[str, bool]]]]]:
    """Tables of rows of cells of paragraphs (text, bold), from the tab-separated rows of seed *number*."""
    tables, current = [], []
    for line_number, line in enumerate(seed_text(number), 1):
        if "\t" not in line:
            if current:
                tables.append(current)
                current = []
            continue
        row = []
        for index, cell in enumerate(line.split("\t")):
            if DUPLICATED.get((number, line_number, index)) == cell:
                cell = ""
            row.append(_paragraphs(cell))
        current.append(row)
    if current:
        tables.append(current)
    return tables


def _paragraphs(cell: str) -> list[tuple[str, bool]]:
    bold = "<b>" in cell
    cell = re.sub(r"</?b>|<ul[^>]*>|</ul>", "", cell)
    items = re.findall(r"<li>(.*?)</li>", cell) if "<li>" in cell else [cell]
    return [(item.strip(), bold) for item in items if item.strip()]


def seed_000_rows() -> list[tuple[str, ...]]:
    """("section", numeral, title) and ("task", number, content, lead lines, partner lines, time lines, output lines)."""
    raw = seed_text("000")
    start = raw.index("Hoàn thành") + 1
    end = raw.index("HIỆU LỰC VĂN BẢN")
    # an empty line separates cells; a line of a (non-breaking) space is an empty cell
    lines = [line.strip() for line in raw[start:end] if line]
    rows, at = [], 0
    while at < len(lines):
        mark = lines[at]
        if re.fullmatch(r"[IVX]+", mark):
            rows.append(("section", mark, lines[at + 1]))
            at += 2
            continue
        assert re.fullmatch(r"\d\d", mark), mark
        content, at = lines[at + 1], at + 2
        parties = []
        while not TIME.fullmatch(lines[at]):
            parties.append(lines[at])
            at += 1
        times = [lines[at]]
        at += 1
        if at < len(lines) and (TIME.fullmatch(lines[at]) or not lines[at]):
            times.append(lines[at])
            at += 1
        output = []
        while at < len(lines) and not re.fullmatch(r"[IVX]+|\d\d", lines[at]):
            output.append(lines[at])
            at += 1
        section = next(r[1] for r in reversed(rows) if r[0] == "section")
        lead, partners = _split_parties(parties, LEAD_LINES.get((section, mark)))
        rows.append(("task", mark, content, lead, partners, times, output))
    return rows


# Rows whose lines do not show where the lead ends (every line a "- " item, none ending with "."): the number of
# lead lines, as the original table has them (and the sample's transcription records).
LEAD_LINES = {("III", "01"): 1, ("III", "02"): 1, ("X", "04"): 2}


def _split_parties(lines: list[str], given: int | None) -> tuple[list[str], list[str]]:
    if given is not None:
        return lines[:given], lines[given:]
    for i in range(1, len(lines)):
        before, line = lines[i - 1], lines[i]
        if before.endswith(".") or before.startswith("- ") != line.startswith("- ") or not before.startswith("- "):
            return lines[:i], lines[i:]
    assert len(lines) == 1, f"where does the lead end? {lines}"
    return lines, []


def write_tab_docx(path: Path, number: str, before: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    for rows in tab_tables(number):
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c in range(width):
                _fill(table.cell(r, c), row[c] if c < len(row) else [])
        document.add_paragraph("")
    document.save(path)
    return path


def write_000_docx(path: Path, before: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    rows = seed_000_rows()
    table = document.add_table(rows=2 + len(rows), cols=7)
    for c, text in enumerate(["Số TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Cơ quan, đơn vị phối hợp", "Thời gian", None,
                              "Sản phẩm dự kiến hoàn thành"]):
        if text:
            _fill(table.cell(0, c), [(text, True)])
    table.cell(0, 4).merge(table.cell(0, 5))
    _fill(table.cell(1, 4), [("Bắt đầu", True)])
    _fill(table.cell(1, 5), [("Hoàn thành", True)])
    for c in (0, 1, 2, 3, 6):
        table.cell(0, c).merge(table.cell(1, c))  # merged down: Word keeps the heading's text in the top cell
    for r, row in enumerate(rows, 2):
        if row[0] == "section":
            _fill(table.cell(r, 0), [(row[1], True)])
            _fill(table.cell(r, 1).merge(table.cell(r, 6)), [(row[2], True)])
            continue
        _, mark, content, lead, partners, times, output = row
        for c, lines in ((0, [mark]), (1, [content]), (2, lead), (3, partners), (6, output)):
            _fill(table.cell(r, c), [(line, False) for line in lines])
        if len(times) == 1:
            _fill(table.cell(r, 4).merge(table.cell(r, 5)), [(times[0], False)])
        else:
            _fill(table.cell(r, 4), [(times[0], False)])
            _fill(table.cell(r, 5), [(times[1], False)] if times[1] else [])
    document.save(path)
    return path


def _fill(cell, paragraphs: list[tuple[str, bool]]) -> None:
    """The cell's paragraphs: the first in the paragraph Word gives every new cell, the rest added."""
    for index, (text, bold) in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        for existing in list(paragraph.runs):
            existing._r.getparent().remove(existing._r)
        paragraph.add_run(text).bold = bold
