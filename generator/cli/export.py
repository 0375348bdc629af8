"""``congkhai export``: the files of the site's /du-lieu/ page, written from the command line.

    congkhai export --format json DIR    thu-tuc.json, don-vi.json … with their JSON Schemas
    congkhai export --format csv DIR     thu-tuc.csv, don-vi.csv … with datapackage.json

The files are those a build publishes, byte for byte, when the site's address
is the same (``--site-url``, by default ``site_url`` of the mkdocs.yml here).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.exports.csvfiles import write_csv
from generator.exports.datapackage import write_datapackage
from generator.exports.jsonfiles import write_json
from generator.exports.records import catalog_records

FORMATS = {"json": "các tệp .json kèm JSON Schema (.schema.json) của từng tệp",
           "csv": "các tệp .csv (UTF-8 có BOM, mở được bằng Excel) kèm datapackage.json mô tả từng cột"}


def add_parser(commands) -> None:
    export = commands.add_parser("export", help="viết dữ liệu mở của danh mục (JSON, CSV) vào một thư mục, như trang /du-lieu/")
    export.add_argument("dir", metavar="THƯ-MỤC", help="thư mục sẽ chứa các tệp (chưa có thì được tạo; tệp cùng tên bị ghi đè)")
    export.add_argument("--format", choices=list(FORMATS), action="append", metavar="DẠNG",
                        help="; ".join(f"{name}: {what}" for name, what in FORMATS.items())
                        + " (lặp lại tùy chọn để viết cả hai; mặc định: cả hai)")
    export.add_argument("--catalog", default="catalog", metavar="THƯ-MỤC", help="thư mục danh mục (mặc định: catalog)")
    export.add_argument("--site-url", metavar="ĐỊA-CHỈ",
                        help="địa chỉ công khai của trang, để ghi địa chỉ trang của từng mục (mặc định: site_url trong mkdocs.yml "
                             "ở thư mục hiện tại; không có thì ghi đường dẫn tính từ gốc trang)")


def run(args) -> int:
    try:
        catalog = load_catalog(Path(args.catalog), Path.cwd())
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem)
        print("Danh mục có lỗi — hãy sửa các lỗi trên (congkhai validate) rồi chạy lại.", file=sys.stderr)
        return 1
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    records = catalog_records(catalog, args.site_url or site_url_here(Path.cwd()))
    formats = args.format or list(FORMATS)
    written = []
    if "json" in formats:
        written += write_json(folder, records, catalog)
    if "csv" in formats:
        written += write_csv(folder, records) + [write_datapackage(folder, catalog)]
    print(f"Đã viết {len(written)} tệp vào {folder}.", file=sys.stderr)
    return 0


def site_url_here(folder: Path) -> str | None:
    """``site_url`` of the site's configuration in *folder*, as a build reads it."""
    for name in ("mkdocs.yml", "properdocs.yml"):
        config = folder / name
        if config.is_file():
            found = re.search(r"""^site_url:\s*["']?([^"'\s#]+)""", config.read_text(encoding="utf-8", errors="replace"), re.M)
            return found.group(1) if found else None
    return None
