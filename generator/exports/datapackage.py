"""datapackage.json: the CSV files described for Frictionless (Tabular Data Package): every column with its
Vietnamese title, description, type and constraints, the key of each table, the references between them,
and the licence."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.exports.records import BY_NAME
from generator.exports.tables import TABLES

NAME = "datapackage.json"
# the references a table's column makes to another table's key (the catalog's checks guarantee them)
_REFERENCES = {
    "thu-tuc": [("field", "linh-vuc", "id"), ("owner", "don-vi", "id")],
    "thu-tuc-noi-bo": [("owner", "don-vi", "id"), ("field", "linh-vuc", "id")],
    "don-vi": [("parent", "", "id")],
    "ke-hoach": [("plan_issuer", "don-vi", "id"), ("plan_owner", "don-vi", "id")],
}


def descriptor(catalog) -> dict:
    site = catalog.site
    package = {
        "profile": "tabular-data-package",
        "name": "congkhai-" + re.sub(r"[^a-z0-9._-]", "-", site.authority),
        "title": site.title,
        "description": "Danh mục thủ tục hành chính, thủ tục nội bộ, cơ quan, đơn vị, lĩnh vực và nhiệm vụ của các kế hoạch "
                       "kiểm soát thủ tục hành chính, dạng CSV." + (f" Lưu ý: {site.notice}" if site.notice else ""),
    }
    if site.license:
        package["licenses"] = [_license(site.license)]
    package["resources"] = [_resource(table) for table in TABLES]
    return package


def _license(license) -> dict:
    described = {"title": license.name}
    if license.spdx:
        described["name"] = license.spdx
    if license.url:
        described["path"] = license.url
    return described


def _resource(table) -> dict:
    schema = {"fields": [_field(column) for column in table.columns], "missingValues": [""],
              "primaryKey": list(table.key)}
    references = [{"fields": column, "reference": {"resource": resource, "fields": key}}
                  for column, resource, key in _REFERENCES.get(table.dataset, ())]
    if references:
        schema["foreignKeys"] = references
    return {
        "profile": "tabular-data-resource", "name": table.dataset, "path": f"{table.dataset}.csv",
        "title": table.title, "description": f"Mỗi dòng là {table.row}. {BY_NAME[table.dataset].description}",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",  # with a byte-order mark, which readers skip
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
        "schema": schema,
    }


def _field(column) -> dict:
    field = {"name": column.name, "title": column.title, "description": column.description, "type": column.type}
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.choices:
        constraints["enum"] = list(column.choices)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field


def write_datapackage(folder: Path, catalog) -> Path:
    path = folder / NAME
    path.write_text(json.dumps(descriptor(catalog), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
