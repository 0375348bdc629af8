"""The /du-lieu/ page: each dataset, what it holds, its columns and schema, its licence, when it last changed,
and its files; the feeds of changes. Its values are computed here; data.html shows them."""

from __future__ import annotations

from generator.exports import feed
from generator.exports.columns import SEPARATOR
from generator.exports.datapackage import NAME as DATAPACKAGE
from generator.exports.history import newest
from generator.exports.records import DATASETS
from generator.exports.tables import BY_DATASET
from generator.pages.specs import PageSpec

SRC = "du-lieu/index.md"
FOLDER = "du-lieu/"
TITLE = "Dữ liệu mở"


def data_page(catalog, today: str, dates: dict[str, str], catalog_path: str) -> PageSpec:
    """*dates*: the last commit of each file (history.py); *catalog_path*: the catalog's folder as they name it."""
    authority = catalog.units.get(catalog.site.authority)
    datasets = [_dataset(dataset, catalog, today, dates, catalog_path) for dataset in DATASETS]
    return PageSpec(SRC, "data.html", TITLE, {
        "datasets": datasets,
        "license": catalog.site.license,
        "notice": catalog.site.notice,
        "publisher": authority.name if authority else catalog.site.title,
        "site_title": catalog.site.title,
        "separator": SEPARATOR.strip(),
        "datapackage": FOLDER + DATAPACKAGE,
        "feed": feed.SITE_FEED,
        "feed_entries": feed.SITE_ENTRIES,
        "unit_feed": feed.UNIT_FEED.format(catalog.site.authority),
        "unit_feed_entries": feed.UNIT_ENTRIES,
        "changed": max((d["changed"] for d in datasets), default=today),
    }, description="Danh mục thủ tục hành chính, đơn vị, kế hoạch dạng JSON, CSV; nguồn tin thay đổi; giấy phép sử dụng")


def _dataset(dataset, catalog, today: str, dates: dict[str, str], catalog_path: str) -> dict:
    entries = {"thu-tuc": catalog.procedures, "thu-tuc-noi-bo": catalog.internals, "don-vi": catalog.units,
               "ke-hoach": catalog.plans, "linh-vuc": catalog.fields}[dataset.name]
    table = BY_DATASET[dataset.name]
    source = f"{catalog_path}/{dataset.folder}" + ("" if dataset.folder.endswith(".yaml") else "/")
    return {
        "name": dataset.name, "title": dataset.title, "description": dataset.description,
        "count": len(entries), "count_note": _count_note(dataset.name, entries, today),
        "changed": newest(dates, source, today),
        "json": FOLDER + dataset.name + ".json", "schema": FOLDER + dataset.name + ".schema.json",
        "csv": FOLDER + dataset.name + ".csv", "row": table.row, "csv_title": table.title, "columns": table.columns,
    }


def _count_note(name: str, entries: dict, today: str) -> str:
    """What the count includes besides what citizens see listed."""
    if name in ("thu-tuc", "thu-tuc-noi-bo"):
        ended = sum(1 for entry in entries.values() if not entry.listed)
        return f"trong đó {ended} thủ tục đã bãi bỏ hoặc đã được thay thế" if ended else ""
    if name == "don-vi":
        ended = sum(1 for unit in entries.values() if not unit.active_on(today))
        return f"trong đó {ended} đơn vị đã kết thúc hoạt động" if ended else ""
    if name == "ke-hoach":
        return f"gồm {sum(len(plan.tasks) for plan in entries.values())} nhiệm vụ"
    return ""
