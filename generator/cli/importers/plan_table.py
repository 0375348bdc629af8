"""A plan's appendix table(s) read as sections and tasks, the text of every cell kept word for word.

The columns are found by their headings, whatever their order or wording
("TT", "Số TT", "STT"; "Nội dung", "Tên nhiệm vụ"; "chủ trì", "phối hợp";
"Thời gian" alone, or split into "Bắt đầu" and "Hoàn thành"; "Sản phẩm",
"Kết quả"; "Căn cứ"). A table that goes on from the previous one without
headings takes its columns. Rows are read as Word shows them:

* a row numbered I, II… (or A, B…) is a section; a row with a number and a
  title but nothing else (no lead, partner, time nor output) is a subsection;
* any other numbered row is a task: 1, 01, 1.1, a… — its id is the section's
  numeral before its number ("II.1.2"), its section the deepest one named;
* a row without a number continues the row above, cell by cell (a Word file
  converted from PDF splits a row where a page ended);
* a heading row repeated on each page, a row of column numbers "(1) (2)…",
  and an empty or ruled row are passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.cli.importers.docx_tables import Cell, Document, Table
from generator.text.vietnamese import fold

ROLES = ("number", "content", "lead", "partners", "time", "start", "end", "output", "legal_basis")
ROMAN = re.compile(r"[IVXLC]+")
NUMBER = re.compile(r"\d+(?:\.\d+)*")
LETTER = re.compile(r"[a-zđ]")
TOP_LETTER = re.compile(r"[A-Z]")
DEFAULT_SECTION = "A"


@dataclass
class Section:
    id: str
    title: str


@dataclass
class Task:
    id: str
    number: str
    section: str
    content: str
    lead: str = ""  # the cells as written, one line per paragraph; split into parties later
    partners: str = ""
    time_text: str = ""
    start_text: str = ""
    end_text: str = ""
    output: str = ""
    legal_basis: str = ""
    where: str = ""  # "bảng 1, dòng 4": for the report


@dataclass
class Appendix:
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the clerk should check, in Vietnamese
    default_title: str = ""


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _role(heading: str) -> str | None:
    if len(heading) > 60:  # a heading is a few words; a task that says "chủ trì" is not one
        return None
    key = _compact(heading)
    if key in ("tt", "stt", "sott", "sothutu", "so"):
        return "number"
    for role, words in (("lead", ("chutri",)), ("partners", ("phoihop",)), ("output", ("sanpham", "ketqua")),
                        ("legal_basis", ("cancu",)), ("content", ("noidung", "nhiemvu", "congviec", "hoatdong")),
                        ("time", ("thoigian", "thoihan", "tiendo")), ("start", ("batdau", "tungay")),
                        ("end", ("hoanthanh", "ketthuc", "denngay"))):
        if any(word in key for word in words):
            return role
    return None


def _columns(rows: tuple, at: int) -> tuple[dict[str, int], int] | None:
    """The column of each role from the heading row *at* (and a second one under it); None if it is not one."""
    row = rows[at]
    roles: dict[str, int] = {}
    for index, cell in enumerate(row):
        role = _role(cell.text) if cell else None
        if role and role not in roles:
            roles[role] = index
    if "content" not in roles or not ({"lead", "partners"} & roles.keys()):
        return None
    used = 1
    if "time" in roles:
        span = [i for i, cell in enumerate(row) if cell is not None and cell.key == row[roles["time"]].key]
        below = rows[at + 1] if at + 1 < len(rows) else ()
        for i in span:
            role = _role(below[i].text) if i < len(below) and below[i] else None
            if role in ("start", "end"):
                roles[role], used = i, 2
        if len(span) == 2 and "start" not in roles:
            roles["start"], roles["end"] = span
        if "start" in roles and "end" in roles:
            del roles["time"]
    return roles, used


def read_appendix(document: Document) -> Appendix:
    appendix = Appendix()
    reader = _Reader(appendix)
    columns: dict[str, int] | None = None
    width = 0
    for number, table in enumerate(document.tables, 1):
        start = 0
        found = next(((c, at) for at in range(min(3, len(table.rows))) if (c := _columns(table.rows, at))), None)
        if found:
            (columns, used), at = found
            start, width = at + used, len(table.rows[at])
            if not appendix.default_title:
                appendix.default_title = _title_before(table)
        elif columns is None or not table.rows or len(table.rows[0]) != width:
            appendix.notes.append(f"bảng {number}: không có dòng tiêu đề cột (Nội dung, chủ trì, phối hợp…) — đã bỏ qua")
            continue
        for index in range(start, len(table.rows)):
            reader.row(table.rows[index], columns, f"bảng {number}, dòng {index + 1}")
    return appendix


def _title_before(table: Table) -> str:
    """The appendix's heading: the last paragraph before its table that is not a parenthesis ("(Kèm theo …)")."""
    for text in reversed(table.before):
        if not text.startswith("(") and len(text) <= 200:
            return text
    return ""


class _Reader:
    def __init__(self, appendix: Appendix):
        self.appendix = appendix
        self.top: str | None = None  # the current section numeral: "II"
        self.sub: str | None = None  # the current subsection: "II.1"
        self.last: Task | Section | None = None
        self.ids: set[str] = set()

    def row(self, cells: tuple, columns: dict[str, int], where: str) -> None:
        values, time_merged = _values(cells, columns)
        if not any(values.values()) or _skipped(cells, values):
            return
        number = values.pop("number").rstrip(".)").strip()
        if len({c.key for c in cells if c is not None}) == 1:  # one cell across the row: "II. TITLE"
            whole = next(c.text for c in cells if c is not None)
            found = re.match(r"([IVXLC]+|[A-Z]|\d+(?:\.\d+)*|[a-zđ])[.)]\s+(\S.*)", whole, re.S)
            if not found:
                self.appendix.notes.append(f"{where}: dòng \"{_short(whole)}\" không có số thứ tự của mục — đã bỏ qua")
                return
            number, values = found.group(1), {"content": found.group(2)}
        if not number:
            self._continue(values, where)
        elif ROMAN.fullmatch(number) or TOP_LETTER.fullmatch(number):
            self._section(number, values["content"], top=True)
        elif not any(values.get(r) for r in ROLES if r not in ("number", "content")):
            self._section(number, values["content"], top=False)
        else:
            self._task(number, values, time_merged, where)

    def _section(self, number: str, title: str, top: bool) -> None:
        if top:
            section_id = number
            self.top, self.sub = number, None
        else:
            section_id = f"{self.top}.{number}" if self.top else number
            self.sub = section_id
        self.last = Section(self._unique(section_id), title)
        self.appendix.sections.append(self.last)

    def _task(self, number: str, values: dict, time_merged: bool, where: str) -> None:
        if self.top is None and not self.appendix.sections:
            self._section(DEFAULT_SECTION, self.appendix.default_title or "Danh mục nhiệm vụ", top=True)
            self.appendix.notes.append(f"các nhiệm vụ không thuộc mục nào: đã đặt vào mục {DEFAULT_SECTION} "
                                       f"(tên mục lấy từ tiêu đề trước bảng — hãy kiểm tra)")
        prefix = self.top
        if LETTER.fullmatch(number):
            prefix = self.sub or self.top
        elif not NUMBER.fullmatch(number):
            self.appendix.notes.append(f"{where}: số thứ tự \"{number}\" không theo dạng 1, 1.1, a — đã giữ nguyên")
        task_id = self._unique(f"{prefix}.{number}" if prefix else number)
        parts = task_id.split(".")
        known = {s.id for s in self.appendix.sections}
        section = next((".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1) if ".".join(parts[:n]) in known),
                       self.sub or self.top or DEFAULT_SECTION)
        task = Task(task_id, number, section, values.get("content", ""), values.get("lead", ""), values.get("partners", ""),
                    where=where, output=values.get("output", ""), legal_basis=values.get("legal_basis", ""))
        if time_merged or "time" in values:
            task.time_text = values.get("time", "") or values.get("start", "")
        else:
            task.start_text, task.end_text = values.get("start", ""), values.get("end", "")
        self.appendix.tasks.append(task)
        self.last = task

    def _continue(self, values: dict, where: str) -> None:
        if self.last is None:
            self.appendix.notes.append(f"{where}: dòng không có số thứ tự và không có dòng nào trước nó — đã bỏ qua")
            return
        if isinstance(self.last, Section):
            self.last.title = join(self.last.title, values["content"])
            return
        for role, text in values.items():
            key = {"time": "time_text", "start": "start_text", "end": "end_text"}.get(role, role)
            if text and hasattr(self.last, key):
                if role in ("time", "start") and self.last.time_text and not self.last.start_text:
                    key = "time_text"
                setattr(self.last, key, join(getattr(self.last, key), text))

    def _unique(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.ids:
            candidate, n = f"{wanted}-{n}", n + 1
        if candidate != wanted:
            self.appendix.notes.append(f'mã "{wanted}" lặp lại — dòng sau được đặt mã "{candidate}"')
        self.ids.add(candidate)
        return candidate


def _values(cells: tuple, columns: dict[str, int]) -> tuple[dict[str, str], bool]:
    """Each role's text in this row; a cell merged over a role's column from another role's counts once."""
    values: dict[str, str] = {}
    seen: dict[int, str] = {}
    for role, index in sorted(columns.items(), key=lambda item: item[1]):
        cell: Cell | None = cells[index] if index < len(cells) else None
        if cell is None or cell.key in seen:
            values[role] = ""
        else:
            values[role] = cell.text
            seen[cell.key] = role
    for role in ("number", "content", "lead", "partners", "output", "legal_basis"):
        values.setdefault(role, "")
    merged = "start" in columns and "end" in columns and cells[columns["start"]] is not None \
        and cells[columns["end"]] is not None and cells[columns["start"]].key == cells[columns["end"]].key
    return values, merged


def _skipped(cells: tuple, values: dict[str, str]) -> bool:
    """A heading repeated on a new page, a row of column numbers, a ruled or dashed row."""
    texts = [c.text for c in cells if c is not None and c.text]
    if sum(1 for t in texts if _role(t)) >= 3:
        return True
    if len(texts) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts):
        return True
    return all(re.fullmatch(r"[-–—_=.\s]+", t) for t in texts)


def join(before: str, after: str) -> str:
    """A cell's text continued on the next page: the first line goes on the last one, the rest stay lines."""
    if not before:
        return after
    first, *rest = after.split("\n")
    glue = "" if before.endswith("-") and not before.endswith(" -") else " "
    return "\n".join([before + glue + first, *rest])


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"
