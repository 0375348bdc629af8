"""The JSON Schema of each JSON file, published beside it (``thu-tuc.schema.json``), from the declarations that
validate the catalog (``kinds.py``): the exported values are the catalog's, so the two cannot drift apart.

Unlike the schemas for editors (``catalog/jsonschema.py``), these describe
what was published: every key is present, an absent value is ``null`` (an
absent list ``[]``), every value is a string.
"""

from __future__ import annotations

from generator.catalog import kinds
from generator.catalog.linkkinds import Email, Url
from generator.catalog.schema import Date, Enum, ListOf, Record, Switch, Text
from generator.catalog.statements import OrNone
from generator.exports.records import DATASETS

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def dataset_schema(dataset) -> dict:
    """The schema of /du-lieu/<name>.json: the file's description around its list of entries."""
    item = record_schema(dataset.kind)
    item["properties"]["url"] = {"type": "string", "description": "Địa chỉ trang của mục này."}
    item["required"].append("url")
    text = {"type": "string"}
    return {
        "$schema": DRAFT, "$id": f"{dataset.name}.schema.json", "title": dataset.title, "description": dataset.description,
        "type": "object",
        "properties": {
            "$schema": text, "title": text, "description": text, "publisher": text,
            "license": {"anyOf": [_license(), {"type": "null"}], "description": "Giấy phép của dữ liệu."},
            "notice": {"type": ["string", "null"], "description": "Lưu ý của trang về dữ liệu (ví dụ: dữ liệu mẫu, minh họa)."},
            "count": {"type": "integer", "minimum": 0, "description": "Số mục."},
            "items": {"type": "array", "items": item},
        },
        "required": ["title", "publisher", "license", "count", "items"],
        "additionalProperties": False,
    }


def all_schemas() -> dict[str, dict]:
    return {dataset.name: dataset_schema(dataset) for dataset in DATASETS}


def _license() -> dict:
    return record_schema(kinds.LICENSE)


def record_schema(kind: Record) -> dict:
    properties = {f.key: _field_schema(f) for f in kind.fields}
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def _field_schema(field) -> dict:
    schema = value_schema(field.kind)
    meaning = schema.pop("description", None)  # of a choice's values
    if not field.required and not isinstance(field.kind, (ListOf, OrNone)):
        schema = _nullable(schema)
    schema["description"] = field.label[:1].upper() + field.label[1:] + "." + (f" Giá trị: {meaning}." if meaning else "")
    return schema


def value_schema(kind) -> dict:
    if isinstance(kind, Record):
        return record_schema(kind)
    if isinstance(kind, ListOf):
        return {"type": "array", "items": value_schema(kind.item)}
    if isinstance(kind, OrNone):
        stated = {"type": "object", "properties": {"none": {"type": "string", "description": "Câu ghi rõ là không có, "
                                                            "ví dụ: " + kind.example}},
                  "required": ["none"], "additionalProperties": False}
        return {"anyOf": [value_schema(kind.items), stated]}
    if isinstance(kind, Switch):  # written true or false, exported as a JSON boolean
        return {"type": "boolean", "description": "; ".join(f"{k} = {v}" for k, v in kind.choices.items())}
    if isinstance(kind, Enum):
        return {"enum": list(kind.choices), "description": "; ".join(f"{k} = {v}" for k, v in kind.choices.items())}
    if isinstance(kind, Date):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if isinstance(kind, (Url, Email)):
        return {"type": "string"}
    if isinstance(kind, Text) and kind.pattern:
        return {"type": "string", "pattern": f"^(?:{kind.pattern})$"}
    return {"type": "string"}


def _nullable(schema: dict) -> dict:
    if "enum" in schema:
        return {**schema, "enum": schema["enum"] + [None]}
    if isinstance(schema.get("type"), str) and schema["type"] != "object":
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}
