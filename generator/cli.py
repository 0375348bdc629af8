"""The ``congkhai`` command: check a catalog without building the site.

    congkhai validate [PATH]          every problem as path:line:col: message
    congkhai validate --format github GitHub Actions annotations
    congkhai sample --procedures N --units M --out DIR   a synthetic catalog

Exit status: 0 when the catalog has no errors (warnings allowed), 1 when it
has errors, 2 when the command is used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import load_catalog
from .errors import CatalogError, Problem
from .synthetic import FIXED_UNITS, write_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="congkhai", description="Công khai thủ tục hành chính: kiểm tra danh mục.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kiểm tra danh mục, không dựng trang")
    validate.add_argument("path", nargs="?", default="catalog", help="thư mục danh mục (mặc định: catalog)")
    validate.add_argument("--format", choices=("text", "github"), default="text", help="cách in lỗi")
    sample = commands.add_parser("sample", help="viết một danh mục tổng hợp (để đo tốc độ, thử tải)")
    sample.add_argument("--procedures", type=int, default=1000, help="số thủ tục (mặc định 1000)")
    sample.add_argument("--units", type=int, help="số đơn vị, gồm tỉnh, các sở và các xã (mặc định theo số thủ tục)")
    sample.add_argument("--out", required=True, help="thư mục sẽ chứa danh mục (chưa có, hoặc trống)")
    sample.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (cùng hạt giống, cùng danh mục)")
    args = parser.parse_args(argv)
    if args.command == "sample":
        return _sample(Path(args.out), args.procedures, args.units, args.seed)
    return _validate(Path(args.path), args.format)


def _sample(out: Path, procedures: int, units: int | None, seed: int) -> int:
    if out.exists() and any(out.iterdir()):
        print(f"{out}: thư mục đã có dữ liệu — hãy chọn một thư mục mới hoặc trống", file=sys.stderr)
        return 2
    if procedures < 1 or (units is not None and units < FIXED_UNITS + 1):
        print(f"cần ít nhất 1 thủ tục và {FIXED_UNITS + 1} đơn vị", file=sys.stderr)
        return 2
    write_catalog(out, procedures=procedures, units=units, seed=seed)
    print(f"Đã viết danh mục tổng hợp {procedures} thủ tục vào {out}.", file=sys.stderr)
    return 0


def _validate(path: Path, style: str) -> int:
    try:
        catalog = load_catalog(path, Path.cwd())
    except CatalogError as exc:
        _print(exc.problems, style)
        errors = sum(1 for p in exc.problems if not p.warning)
        print(f"Danh mục có {errors} lỗi — hãy sửa các lỗi trên rồi chạy lại.", file=sys.stderr)
        return 1
    _print(catalog.warnings, style)
    counts = f"{len(catalog.procedures)} thủ tục, {len(catalog.internals)} thủ tục nội bộ, {len(catalog.units)} đơn vị, {len(catalog.plans)} kế hoạch"
    warned = f", {len(catalog.warnings)} cảnh báo" if catalog.warnings else ""
    print(f"Danh mục hợp lệ: {counts}{warned}.", file=sys.stderr)
    return 0


def _print(problems: list[Problem], style: str) -> None:
    for problem in problems:
        if style == "github":
            level = "warning" if problem.warning else "error"
            message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::{level} file={problem.path},line={problem.line},col={problem.col}::{message}")
        else:
            print(problem)


if __name__ == "__main__":
    sys.exit(main())
