"""The JSON files: /du-lieu/<name>.json, each with its JSON Schema beside it (<name>.schema.json).

A file is one object: what it holds, who publishes it under which licence,
the site's notice about its data, and ``items``, the records (``records.py``)
in the order of their ids. Written compact, in UTF-8: values are the
catalog's, word for word.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.exports.records import DATASETS, site_record
from generator.exports.schemas import dataset_schema


def document(dataset, records: list[dict], catalog) -> dict:
    site = site_record(catalog.site)
    authority = catalog.units.get(catalog.site.authority)
    return {"$schema": f"{dataset.name}.schema.json", "title": dataset.title, "description": dataset.description,
            "publisher": authority.name if authority else catalog.site.title, "license": site["license"],
            "notice": catalog.site.notice, "count": len(records), "items": records}


def write_json(folder: Path, records: dict[str, list[dict]], catalog) -> list[Path]:
    """Every dataset's JSON file and schema in *folder*; returns the files written."""
    written = []
    for dataset in DATASETS:
        data = folder / f"{dataset.name}.json"
        data.write_text(dump(document(dataset, records[dataset.name], catalog)), encoding="utf-8")
        schema = folder / f"{dataset.name}.schema.json"
        schema.write_text(json.dumps(dataset_schema(dataset), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [data, schema]
    return written


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
