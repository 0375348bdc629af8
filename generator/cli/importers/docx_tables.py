"""A Word document read as what a plan's appendix is: paragraphs, and tables of rows of cells.

Each cell keeps its lines (paragraphs and line breaks), and which grid
columns it spans: a cell merged across columns (a section's title, a time
that is both start and end) is the same cell in each of them; a cell merged
down several rows is given to each of those rows, as Word shows it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.text.vietnamese import clean


class UnreadableFile(Exception):
    """A file that is not the document it should be; the message is one Vietnamese line."""


@dataclass(frozen=True)
class Cell:
    lines: tuple[str, ...]
    key: int  # the same for every grid column one merged cell spans

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell | None, ...], ...]  # None where a row starts late or ends early
    before: tuple[str, ...]  # the paragraphs between the previous table (or the start) and this one


@dataclass(frozen=True)
class Document:
    paragraphs: tuple[str, ...]  # every paragraph outside the tables, in order
    tables: tuple[Table, ...]


def read_docx(path: Path) -> Document:
    """The document at *path*; raises UnreadableFile for anything that is not a readable .docx."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: không tìm thấy tệp")
    if not zipfile.is_zipfile(path):
        raise UnreadableFile(f"{path}: không phải tệp Word .docx (tệp .doc cũ: hãy mở bằng Word rồi lưu lại dạng .docx)")
    try:
        import docx  # only the import commands need python-docx

        document = docx.Document(str(path))
        return _read(document)
    except UnreadableFile:
        raise
    except Exception:  # a damaged package: python-docx and lxml raise many kinds of error
        raise UnreadableFile(f"{path}: không đọc được tệp Word — tệp bị hỏng, hoặc không phải văn bản .docx") from None


def _read(document) -> Document:
    from docx.table import Table as DocxTable

    paragraphs: list[str] = []
    tables: list[Table] = []
    since: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            tables.append(Table(tuple(_rows(block)), tuple(since)))
            since = []
        else:
            text = tidy(block.text)
            if text:
                paragraphs.append(text)
                since.append(text)
    return Document(tuple(paragraphs), tuple(tables))


def _rows(table):
    for row in table.rows:
        cells: list[Cell | None] = [None] * row.grid_cols_before
        for cell in row.cells:
            lines = tuple(line for p in cell.paragraphs for line in (tidy(part) for part in p.text.split("\n")) if line)
            cells.append(Cell(lines, id(cell._tc)))
        cells += [None] * row.grid_cols_after
        yield tuple(cells)


def tidy(text: str) -> str:
    """One line as typed, without the characters Word hides (soft hyphens, direction marks) nor spaces around it."""
    cleaned, _ = clean(text.replace("\t", " ").replace("\xa0", " "))
    return " ".join(cleaned.split())
