"""JSON Schemas of the catalog files, from the same declarations that validate them (kinds.py).

An editor with a YAML language server checks a file as it is typed and shows
each field's Vietnamese description. Scalars may be typed unquoted: YAML 1.2
editors read `1.001193` as a number, so numbers are allowed where text is;
the loader keeps them as the text typed.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.catalog import kinds
from generator.catalog.linkkinds import Email, Url
from generator.catalog.schema import Date, Enum, ListOf, Record, Switch, Text
from generator.catalog.statements import OrNone

FILES = {  # schema file → (kind, title, the catalog files it describes)
    "site": (kinds.SITE, "Cấu hình trang", "catalog/site.yaml"),
    "fields": (kinds.FIELDS, "Danh sách lĩnh vực", "catalog/fields.yaml"),
    "synonyms": (kinds.SYNONYMS, "Từ đồng nghĩa cho tìm kiếm", "catalog/synonyms.yaml"),
    "unit": (kinds.UNIT, "Đơn vị", "catalog/units/*.yaml"),
    "procedure": (kinds.PROCEDURE, "Thủ tục hành chính", "catalog/procedures/*/*.yaml"),
    "internal": (kinds.INTERNAL, "Thủ tục hành chính nội bộ", "catalog/internal/*/*.yaml"),
    "plan": (kinds.PLAN, "Kế hoạch kiểm soát thủ tục hành chính", "catalog/plans/*/*.yaml"),
    "report": (kinds.REPORT, "Báo cáo tiến độ thực hiện kế hoạch của một đơn vị", "catalog/reports/*/*.yaml"),
    "petitions": (kinds.PETITIONS, "Kết quả xử lý phản ánh, kiến nghị", "catalog/petitions/*.yaml"),
    "scores": (kinds.SCORES, "Điểm chất lượng phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)", "catalog/scores/*.yaml"),
}
_SCALAR = ["string", "number"]


def schema_of(kind, description: str = "") -> dict:
    if isinstance(kind, Record):
        properties = {f.key: schema_of(f.kind, _describe(f)) for f in kind.fields}
        result = {"type": "object", "properties": properties, "additionalProperties": False}
        required = [f.key for f in kind.fields if f.required]
        if required:
            result["required"] = required
    elif isinstance(kind, ListOf):
        result = {"type": "array", "items": schema_of(kind.item)}
        if kind.min_items:
            result["minItems"] = kind.min_items
    elif isinstance(kind, OrNone):
        stated = {"type": "object", "properties": {"none": {"type": "string", "description": "Câu khẳng định không có, ví dụ: " + kind.example}},
                  "required": ["none"], "additionalProperties": False}
        result = {"anyOf": [schema_of(kind.items), stated]}
    elif isinstance(kind, Switch):
        result = {"enum": [True, False, *kind.choices]}
    elif isinstance(kind, Enum):
        result = {"enum": list(kind.choices)}
    elif isinstance(kind, Date):
        result = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif isinstance(kind, Url):
        result = {"type": "string", "pattern": r"^https://\S+$" if kind.schemes == ("https",) else r"^https?://\S+$"}
    elif isinstance(kind, Email):
        result = {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"}
    elif isinstance(kind, Text):
        result = {"type": _SCALAR}
        if kind.pattern:
            result["pattern"] = f"^(?:{kind.pattern})$"
    else:  # pragma: no cover - every kind of value is listed above
        raise TypeError(kind)
    if description:
        result["description"] = description
    return result


def _describe(field) -> str:
    text = field.label[0].upper() + field.label[1:]
    if field.required:
        text += " (bắt buộc)"
    kind = field.kind.item if isinstance(field.kind, ListOf) else field.kind
    if isinstance(kind, Enum):
        text += ". Giá trị: " + "; ".join(f"{key} = {label}" for key, label in kind.choices.items())
    elif isinstance(kind, Date):
        text += '. Dạng NĂM-THÁNG-NGÀY, ví dụ "2025-07-01"'
    elif isinstance(kind, Text) and kind.hint:
        text += ". " + kind.hint[0].upper() + kind.hint[1:]
    if isinstance(field.kind, ListOf):
        text += '. Danh sách: mỗi mục một dòng bắt đầu bằng "- "'
    return text + "."


def schemas() -> dict[str, dict]:
    result = {}
    for name, (kind, title, files) in FILES.items():
        body = schema_of(kind)
        result[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json",
                        "title": title, "description": f"Tệp {files} của danh mục congkhai.", **body}
    return result


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
