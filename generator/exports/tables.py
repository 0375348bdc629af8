"""Each dataset as a table: its columns (``columns.py``) and its rows, made of the records (``records.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalog import kinds
from generator.exports.columns import SEPARATOR, Column, channel_columns, columns_of


@dataclass(frozen=True)
class Table:
    dataset: str  # the records it is made of (records.DATASETS)
    title: str
    row: str  # what one row is, for the /du-lieu/ page: "một thủ tục"
    columns: list[Column]
    key: tuple[str, ...]  # the columns that name a row: no two rows share them

    def rows(self, records: list[dict]):
        """Each row's cells, in the columns' order; an absent value is an empty cell."""
        getters = [column.get for column in self.columns]
        for row in _ROWS.get(self.dataset, _one_each)(records):
            yield [get(row) for get in getters]


def _url_column(what: str) -> Column:
    return Column("url", "Địa chỉ trang", f"Địa chỉ trang của {what} trên trang này.", lambda r: r["url"], required=True)


def _phones() -> list[Column]:
    def value(record):
        phones = [p["number"] + (f" ({p['label']})" if p["label"] else "") for p in record["phones"]]
        return SEPARATOR.join(phones) or None
    return [Column("phones", "Số điện thoại", f"Các số điện thoại, mỗi số kèm tên đường dây trong ngoặc, cách nhau bởi "
                   f"“{SEPARATOR.strip()}”.", value)]


def _parties(key: str, label: str) -> list[Column]:
    def texts(row):
        return SEPARATOR.join(party["text"] for party in row[key]) or None

    def units(row):
        return SEPARATOR.join(party["unit"] for party in row[key] if party["unit"]) or None
    return [Column(key, label, f"{label} như ghi trong kế hoạch, cách nhau bởi “{SEPARATOR.strip()}”.", texts),
            Column(f"{key}_units", f"{label}: mã đơn vị", f"Mã của các đơn vị {label.lower()} có trong danh mục, "
                   f"cách nhau bởi “{SEPARATOR.strip()}”.", units)]


def _plan_columns() -> list[Column]:
    """A task's plan: the values that name and date it, before the task's own."""
    wanted = ("id", "number", "title", "year", "issuer", "owner", "date")
    columns = [c for c in columns_of(kinds.PLAN) if c.name in wanted]
    plan_columns = [Column("plan_" + c.name, "Kế hoạch: " + c.title, "Kế hoạch chứa nhiệm vụ — " + c.description,
                           _of_plan(c.get), c.type, c.choices, c.pattern, c.required) for c in columns]
    return plan_columns + [Column("plan_url", "Kế hoạch: địa chỉ trang", "Địa chỉ trang của kế hoạch.",
                                  lambda row: row["plan"]["url"], required=True)]


def _of_plan(get):
    return lambda row: get(row["plan"])


def _task_rows(plans: list[dict]):
    for plan in plans:
        titles = {section["id"]: section["title"] for section in plan["sections"]}
        for task in plan["tasks"]:
            yield {**task, "plan": plan, "section_title": titles.get(task["section"])}


def _one_each(records):
    return records


_ROWS = {"ke-hoach": _task_rows}
_SECTION_TITLE = Column("section_title", "Tên mục", "Tên mục của phụ lục chứa nhiệm vụ.", lambda row: row["section_title"])

TABLES = (
    Table("thu-tuc", "Thủ tục hành chính", "một thủ tục",
          columns_of(kinds.PROCEDURE, special={"channels": channel_columns()}) + [_url_column("thủ tục")], ("code",)),
    Table("thu-tuc-noi-bo", "Thủ tục hành chính nội bộ", "một thủ tục nội bộ",
          columns_of(kinds.INTERNAL) + [_url_column("thủ tục nội bộ")], ("id",)),
    Table("don-vi", "Cơ quan, đơn vị", "một đơn vị",
          columns_of(kinds.UNIT, special={"phones": _phones()}) + [_url_column("đơn vị")], ("id",)),
    Table("ke-hoach", "Nhiệm vụ của các kế hoạch", "một nhiệm vụ của một kế hoạch",
          _plan_columns() + columns_of(kinds.TASK, special={
              "section": [c for c in columns_of(kinds.TASK) if c.name == "section"] + [_SECTION_TITLE],
              "lead": _parties("lead", "Đơn vị chủ trì"), "partners": _parties("partners", "Đơn vị phối hợp")}),
          ("plan_id", "id")),
    Table("linh-vuc", "Lĩnh vực", "một lĩnh vực", columns_of(kinds.FIELD) + [_url_column("lĩnh vực")], ("id",)),
)
BY_DATASET = {table.dataset: table for table in TABLES}
