"""The ``congkhai`` command: check a catalog without building the site.

    congkhai validate [PATH]          every problem as path:line:col: message
    congkhai validate --format github GitHub Actions annotations
    congkhai sample --procedures N --units M --out DIR   a synthetic catalog
    congkhai new procedure|internal|plan|unit|report   a new file, question by question (wizard.py)
    congkhai import plan FILE.docx | procedures FILE.xlsx --owner UNIT   files from Word and Excel (importers/)
    congkhai export --format json|csv DIR             the open data of /du-lieu/, written to DIR

Exit status: 0 when the catalog has no errors (warnings allowed), 1 when it
has errors, 2 when the command is used wrongly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from generator.catalog.load import load_catalog
from generator.catalog.changed import changed_files, default_base, only_owned
from generator.catalog.review import review
from generator import __version__
from generator.cli import argparse_vi, importers, report, scaffold, wizard
from generator.cli import export
from generator.cli.init import KINDS_HELP, run_init
from generator.catalog.errors import CatalogError, Problem
from generator.catalog.jsonschema import write_schemas
from generator.catalog.owners import codeowners
from generator.cli.synthetic import FIXED_UNITS, write_catalog


def main(argv: list[str] | None = None) -> int:
    argparse_vi.install()
    parser = argparse.ArgumentParser(prog="congkhai", description="Công khai thủ tục hành chính: kiểm tra danh mục, tạo tệp mới, tạo trang mới.")
    parser.add_argument("--version", action="version", version=f"congkhai {__version__}", help="in phiên bản của congkhai rồi thoát")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", title="các lệnh")
    validate = commands.add_parser("validate", help="kiểm tra danh mục, không dựng trang")
    validate.add_argument("path", nargs="?", default="catalog", metavar="THƯ-MỤC", help="thư mục danh mục (mặc định: catalog)")
    validate.add_argument("--format", choices=("text", "github"), default="text", help="cách in lỗi")
    validate.add_argument("--changed", metavar="NHÁNH", nargs="?", const="",
                          help="chỉ kiểm tra các tệp đã đổi so với NHÁNH (ví dụ origin/main) và các tham chiếu của chúng; "
                               "không ghi NHÁNH: tự tìm nhánh gốc (origin/HEAD, origin/main, main, master)")
    validate.add_argument("--all", action="store_true", dest="every",
                          help="in từng cảnh báo, kể cả những cảnh báo cùng loại lặp lại ở nhiều tệp (mặc định: in một dòng và đếm số còn lại)")
    validate.add_argument("--no-review", action="store_true", help="bỏ qua các kiểm tra của người duyệt (rà soát quá hạn, liên kết không https…)")
    validate.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                          help="coi các cảnh báo khi đọc tệp (ký tự ẩn đã bỏ, dấu # cắt giá trị…) là lỗi, như khi dựng trang ở chế độ strict "
                               "(mặc định: theo dòng strict: của mkdocs.yml trong thư mục hiện tại)")
    sample = commands.add_parser("sample", help="viết một danh mục tổng hợp (để đo tốc độ, thử tải)")
    sample.add_argument("--procedures", type=int, metavar="SỐ", default=1000, help="số thủ tục (mặc định 1000)")
    sample.add_argument("--units", type=int, metavar="SỐ", help="số đơn vị, gồm tỉnh, các sở và các xã (mặc định theo số thủ tục)")
    sample.add_argument("--out", required=True, metavar="THƯ-MỤC", help="thư mục sẽ chứa danh mục (chưa có, hoặc trống)")
    sample.add_argument("--seed", type=int, metavar="SỐ", default=1, help="hạt giống ngẫu nhiên (cùng hạt giống, cùng danh mục)")
    sample.add_argument("--reports", action="store_true", help="thêm kế hoạch ba năm có chỉ tiêu và báo cáo tiến độ hằng quý của mọi đơn vị")
    sample.add_argument("--results", action="store_true", help="thêm kết quả xử lý phản ánh, kiến nghị và điểm chất lượng phục vụ của mọi đơn vị, theo quý trong ba năm")
    new = commands.add_parser("new", help="viết một tệp mới đúng mẫu: procedure, internal, plan, unit hoặc report (báo cáo tiến độ)")
    new.add_argument("what", metavar="loại", choices=list(scaffold.KINDS), help="procedure, internal, plan, unit hoặc report")
    new.add_argument("--catalog", default="catalog", metavar="THƯ-MỤC", help="thư mục danh mục (mặc định: catalog)")
    new.add_argument("--schemas", metavar="THƯ-MỤC", help="thư mục JSON Schema mà dòng đầu tệp mới trỏ tới (mặc định: schemas, hoặc generator/schemas nếu có)")
    wizard.add_options(new)
    importers.add_parser(commands)
    schema = commands.add_parser("schema", help="viết JSON Schema của mọi loại tệp vào thư mục schemas")
    schema.add_argument("--out", default="schemas", metavar="THƯ-MỤC", help="thư mục sẽ chứa các tệp *.schema.json (mặc định: schemas)")
    export.add_parser(commands)
    owners = commands.add_parser("codeowners", help="viết .github/CODEOWNERS từ maintainers của các đơn vị")
    owners.add_argument("path", nargs="?", default="catalog", metavar="THƯ-MỤC", help="thư mục danh mục (mặc định: catalog)")
    owners.add_argument("--out", default=".github/CODEOWNERS", metavar="TỆP", help="tệp sẽ viết (mặc định: .github/CODEOWNERS)")
    init = commands.add_parser("init", help="tạo một trang mới: cấu hình, danh mục, các trang viết tay, kiểm tra tự động")
    init.add_argument("dir", metavar="THƯ-MỤC", help="thư mục của trang mới (chưa có thì được tạo; đã có thì phải trống)")
    init.add_argument("--authority-id", metavar="MÃ", help="mã cơ quan công bố: chữ thường không dấu, chữ số, dấu gạch ngang, ví dụ ubnd-tinh-thu")
    init.add_argument("--authority-name", metavar="TÊN", help='tên đầy đủ của cơ quan công bố, ví dụ "Ủy ban nhân dân tỉnh Thử"')
    init.add_argument("--authority-kind", metavar="LOẠI", help=KINDS_HELP)
    init.add_argument("--site-url", metavar="ĐỊA-CHỈ", help="địa chỉ công khai của trang, bắt đầu bằng https:// (không ghi: địa chỉ minh họa https://congkhai.example/)")
    init.add_argument("--repo-url", metavar="ĐỊA-CHỈ", help="địa chỉ kho mã (không bắt buộc): mỗi trang có liên kết “Đề nghị chỉnh sửa” đến tệp nguồn")
    args = parser.parse_args(argv)
    if args.command == "export":
        return export.run(args)
    if args.command == "init":
        return run_init(args)
    if args.command == "new":
        return wizard.run_new(args)
    if args.command == "import":
        return importers.run(args)
    if args.command == "schema":
        for path in write_schemas(Path(args.out)):
            print(f"Đã viết {path}", file=sys.stderr)
        return 0
    if args.command == "codeowners":
        return _codeowners(Path(args.path), Path(args.out))
    if args.command == "sample":
        return _sample(Path(args.out), args.procedures, args.units, args.seed, args.results, args.reports)
    strict = _site_is_strict(Path.cwd()) if args.strict is None else args.strict
    return _validate(Path(args.path), args.format, args.changed, not args.no_review, strict, args.every)


def _codeowners(path: Path, out: Path) -> int:
    try:
        catalog = load_catalog(path, Path.cwd())
    except CatalogError as exc:
        _print(exc.problems, "text")
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(codeowners(catalog), encoding="utf-8")
    print(f"Đã viết {out}", file=sys.stderr)
    return 0


def _sample(out: Path, procedures: int, units: int | None, seed: int, results: bool = False, reports: bool = False) -> int:
    if out.exists() and any(out.iterdir()):
        print(f"{out}: thư mục đã có dữ liệu — hãy chọn một thư mục mới hoặc trống", file=sys.stderr)
        return 2
    if procedures < 1 or (units is not None and units < FIXED_UNITS + 1):
        print(f"cần ít nhất 1 thủ tục và {FIXED_UNITS + 1} đơn vị", file=sys.stderr)
        return 2
    write_catalog(out, procedures=procedures, units=units, seed=seed, results=results, reports=reports)
    print(f"Đã viết danh mục tổng hợp {procedures} thủ tục vào {out}.", file=sys.stderr)
    return 0


def _site_is_strict(folder: Path) -> bool:
    """Whether the site in *folder* is built in strict mode, where a warning stops the build."""
    for name in ("mkdocs.yml", "properdocs.yml"):
        config = folder / name
        if config.is_file():
            return bool(re.search(r"^strict:\s*(true|yes|on)\s*(#.*)?$", config.read_text(encoding="utf-8", errors="replace"), re.M | re.I))
    return False


def _validate(path: Path, style: str, base: str | None = None, reviewing: bool = True, strict: bool = False,
              every: bool = False) -> int:
    only = None
    if base == "" and (base := default_base(path)) is None:
        print("Không tìm thấy nhánh gốc (origin/HEAD, origin/main, main, master) — hãy ghi --changed TÊN-NHÁNH; "
              "kiểm tra toàn bộ danh mục.", file=sys.stderr)
    if base:
        files = changed_files(base, path)
        if files == []:
            print(f"Không có tệp danh mục nào thay đổi so với {base}.", file=sys.stderr)
            return 0
        if files is None:
            print(f"Không xác định được các tệp thay đổi so với {base} (git không có nhánh đó?) — kiểm tra toàn bộ danh mục.", file=sys.stderr)
        elif only_owned(files):
            only = set(files)
    try:
        catalog = load_catalog(path, Path.cwd(), only=only)
    except CatalogError as exc:
        report.show(exc.problems, style, report.Changed.find(path, base), every)
        errors = sum(1 for p in exc.problems if not p.warning)
        print(f"Danh mục có {errors} lỗi — hãy sửa các lỗi trên rồi chạy lại.", file=sys.stderr)
        return 1
    refused = len(catalog.warnings) if strict else 0  # what the strict build refuses: the warnings of reading
    if reviewing:
        today = os.environ.get("CONGKHAI_TODAY") or dt.date.today().isoformat()
        catalog.warnings = sorted(catalog.warnings + review(catalog, catalog.entries, today))
    report.show(catalog.warnings, style, report.Changed.find(path, base), every)
    if refused:
        print(f"Danh mục có {refused} cảnh báo khi đọc tệp; trang dựng ở chế độ strict sẽ dừng vì chúng — hãy sửa rồi chạy lại "
              "(--no-strict để chỉ kiểm tra).", file=sys.stderr)
        return 1
    if only is not None:
        print(f"Đã kiểm tra {len(only)} tệp thay đổi cùng các tham chiếu của chúng.", file=sys.stderr)
    counts = f"{len(catalog.procedures)} thủ tục, {len(catalog.internals)} thủ tục nội bộ, {len(catalog.units)} đơn vị, {len(catalog.plans)} kế hoạch"
    warned = f", {len(catalog.warnings)} cảnh báo" if catalog.warnings else ""
    print(f"Danh mục hợp lệ: {counts}{warned}.", file=sys.stderr)
    return 0


def _print(problems: list[Problem], style: str) -> None:
    """One line per problem: a Problem keeps what it quotes on one line, and its GitHub form escapes the rest."""
    for problem in problems:
        print(problem.github() if style == "github" else problem)


if __name__ == "__main__":
    sys.exit(main())
