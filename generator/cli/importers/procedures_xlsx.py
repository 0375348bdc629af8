"""`congkhai import procedures FILE.xlsx --owner UNIT`: a file for each procedure of the national portal's list
that the catalog lacks.

The portal's export is a title block, then a heading row — ``Mã số | Tên |
Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực`` — then a procedure per row.
Headings are found by their words, with or without marks ("Mã thủ tục",
"Ten thu tuc"), in any order, among other columns. Each new file holds what
the list says: the code, the name, the field when its name is one of the
catalog's fields, the levels when a "Cấp thực hiện" column gives them, the
implementing body when its name is a unit's or a kind of unit's; what the
list says but the catalog has no place for stays as a comment. Every other
part the law requires is left out, with a comment to complete it: nothing is
published that the list did not say, and `congkhai validate` names exactly
what each file still lacks. A code the catalog has, or a file that exists,
is never written over.
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog import kinds
from generator.catalog.errors import CatalogError, one_line
from generator.catalog.load import load_catalog
from generator.cli.importers.docx_tables import UnreadableFile, tidy
from generator.cli.importers.parties import key
from generator.cli.scaffold import q

HEADINGS = {  # role → what its heading says, folded, without spaces
    "code": ("maso", "mathutuc", "matthc", "ma", "masothutuc", "mathutuchanhchinh"),
    "name": ("ten", "tenthutuc", "tentthc", "tenthutuchanhchinh"),
    "issuer": ("coquanbanhanh",),
    "implementing": ("coquanthuchien", "donvithuchien"),
    "field": ("linhvuc",),
    "levels": ("capthuchien",),
}
LEVEL_WORDS = {"tinh": "tinh", "xa": "xa", "bo": "bo", "khac": "khac"}  # "Cấp Tỉnh", "Cấp Xã", "Cấp Bộ", "Cơ quan khác"
TODO = "# CẦN BỔ SUNG"
MISSING = [
    ("steps", "trình tự thực hiện, mỗi bước một dòng bắt đầu bằng \"- \", giữ nguyên văn"),
    ("channels", "mỗi cách thức (truc-tiep, truc-tuyen, buu-chinh) với thời hạn (time) và phí, lệ phí (fee)"),
    ("documents", 'thành phần hồ sơ (name, originals, copies), hoặc documents: {none: "Không phải nộp hồ sơ."}'),
    ("result", "kết quả thực hiện"),
    ("requirements", 'yêu cầu, điều kiện, hoặc "Không có yêu cầu, điều kiện."'),
    ("legal_basis", "căn cứ pháp lý, mỗi văn bản một dòng bắt đầu bằng \"- \""),
]


@dataclass
class Row:
    line: int
    values: dict[str, str]
    notes: list[str] = field(default_factory=list)


def run(args) -> int:
    source, catalog_dir = Path(args.file), Path(args.catalog)
    try:
        sheet_rows = read_xlsx(source)
    except UnreadableFile as exc:
        print(one_line(str(exc)), file=sys.stderr)
        return 1
    try:
        catalog = load_catalog(catalog_dir, Path.cwd(), only=set())
    except CatalogError as exc:
        print(exc.report())
        return 1
    if args.owner not in catalog.units:
        print(f'--owner: không có đơn vị nào mang mã "{one_line(args.owner)}" trong danh mục — hãy ghi mã đơn vị cập nhật các thủ tục',
              file=sys.stderr)
        return 2
    rows = procedure_rows(sheet_rows)
    if rows is None:
        print(f"{one_line(str(source))}: không tìm thấy dòng tiêu đề có cột Mã số và Tên (Mã số | Tên | Cơ quan ban hành | "
              "Cơ quan thực hiện | Lĩnh vực) — chưa viết tệp", file=sys.stderr)
        return 1
    schemas = Path(args.schemas or next((d for d in ("schemas", "generator/schemas") if Path(d).is_dir()), "schemas"))
    written, kept, refused = write_new(rows, args.owner, catalog, catalog_dir, schemas)
    report(source, rows, written, kept, refused, catalog_dir)
    return 0


def write_new(rows: list[Row], owner: str, catalog, catalog_dir: Path, schemas: Path):
    """A file for each code the catalog lacks: (written paths with their rows, codes kept as they were, rows refused)."""
    written, kept, refused = [], [], []
    seen: set[str] = set()
    for row in rows:
        code = row.values["code"]
        if not re.fullmatch(kinds.CODE, code, re.ASCII):
            refused.append(f'dòng {row.line}: mã "{one_line(code)}" không đúng dạng mã thủ tục (ví dụ 1.001193) — đã bỏ qua')
            continue
        if code in seen:
            refused.append(f"dòng {row.line}: mã {code} lặp lại trong danh sách — đã bỏ qua")
            continue
        seen.add(code)
        existing = next(iter(sorted(catalog_dir.glob(f"procedures/*/{code}.yaml"))), None)
        if code in catalog.procedures or existing is not None:
            kept.append(f"{code} ({existing.as_posix() if existing else 'đã có trong danh mục'})")
            continue
        path = catalog_dir / "procedures" / owner / f"{code}.yaml"
        schema = Path(os.path.relpath(schemas / "procedure.schema.json", path.parent)).as_posix()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# yaml-language-server: $schema={schema}\n" + render(row, owner, catalog), encoding="utf-8")
        written.append((path, row))
    return written, kept, refused


def read_xlsx(path: Path) -> list[tuple[int, list]]:
    """(row number, values) of every row of the first sheet that has a heading row, else of the first sheet."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: không tìm thấy tệp")
    if not zipfile.is_zipfile(path):
        raise UnreadableFile(f"{path}: không phải tệp Excel .xlsx (tệp .xls cũ: hãy mở bằng Excel rồi lưu lại dạng .xlsx)")
    try:
        import openpyxl  # only the import commands need openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheets = [[(number, list(values)) for number, values in enumerate(sheet.iter_rows(values_only=True), 1)]
                  for sheet in workbook.worksheets]
        workbook.close()
    except Exception:  # a damaged package: openpyxl, zipfile and the XML parser raise many kinds of error
        raise UnreadableFile(f"{path}: không đọc được tệp Excel — tệp bị hỏng, hoặc không phải bảng tính .xlsx") from None
    return next((rows for rows in sheets if _heading(rows) is not None), sheets[0] if sheets else [])


def _compact(value) -> str:
    return re.sub(r"[^a-z0-9]", "", key(str(value))) if value is not None else ""


def _heading(rows) -> tuple[int, dict[str, int]] | None:
    """The heading row (its index) and the column of each role, within the first rows."""
    for index, (_, values) in enumerate(rows[:40]):
        roles: dict[str, int] = {}
        for column, value in enumerate(values):
            word = _compact(value)
            role = next((r for r, words in HEADINGS.items() if word in words), None)
            if role and role not in roles:
                roles[role] = column
        if "code" in roles and "name" in roles:
            return index, roles
    return None


def procedure_rows(rows) -> list[Row] | None:
    found = _heading(rows)
    if found is None:
        return None
    at, roles = found
    result = []
    for number, values in rows[at + 1:]:
        row = Row(number, {role: _cell(values, column, role) for role, column in roles.items()})
        raw = values[roles["code"]] if roles["code"] < len(values) else None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            row.notes.append(f"ô mã là một số trong Excel ({raw!r}), đã đọc thành {row.values['code']} — hãy kiểm tra")
        if not any(row.values.values()):
            continue
        if not row.values["code"] or _compact(row.values["code"]) in HEADINGS["code"]:
            continue  # a note under the table, or the heading repeated
        result.append(row)
    return result


def _cell(values, column: int, role: str) -> str:
    value = values[column] if column < len(values) else None
    if value is None:
        return ""
    if role == "code" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.6f}"  # a code typed as a number: 1.00119 was "1.001190"
    return tidy(str(value))


def render(row: Row, owner: str, catalog) -> str:
    v = row.values
    said = [f"{label} “{one_line(v[role])}”" for role, label in (("issuer", "cơ quan ban hành"), ("implementing", "cơ quan thực hiện"),
                                                              ("field", "lĩnh vực"), ("levels", "cấp thực hiện")) if v.get(role)]
    out = ["# Nhập từ danh sách thủ tục (Excel) bằng `congkhai import procedures`. Các dòng CẦN BỔ SUNG: hãy điền theo quyết",
           "# định công bố hoặc Cơ sở dữ liệu quốc gia về thủ tục hành chính; congkhai validate nhắc từng trường còn thiếu."]
    if said:
        out.append("# Theo danh sách: " + "; ".join(said) + ".")
    out += [f"code: {q(v['code'])}", f"name: {q(v['name'])}" if v.get("name") else f'# name: ""  {TODO}: tên thủ tục',
            f"owner: {owner}"]
    field_id = _field(v.get("field", ""), catalog.fields)
    out.append(f"field: {field_id}" if field_id else f'# field: ""  {TODO}: mã lĩnh vực trong catalog/fields.yaml'
               + (f" (danh sách ghi “{one_line(v['field'])}”, chưa có trong danh mục)" if v.get("field") else ""))
    levels = _levels(v.get("levels", ""))
    out.append(f"levels: [{', '.join(levels)}]" if levels else f"# levels: []  {TODO}: tinh | xa | bo | khac")
    out.append(_implementing(v.get("implementing", ""), catalog.units))
    for name, hint in MISSING:
        out.append(f"# {name}:  {TODO}: {hint}")
    return "\n".join(out) + "\n"


def _field(text: str, fields: dict) -> str | None:
    found = [f.id for f in fields.values() if text and key(text) == key(f.name)]
    return found[0] if len(found) == 1 else None


def _levels(text: str) -> list[str]:
    words = [_compact(part).removeprefix("cap").removeprefix("coquan") for part in re.split(r"[,;\n]", text)]
    found = [LEVEL_WORDS[w] for w in words if w in LEVEL_WORDS]
    return list(dict.fromkeys(found)) if found and len(found) == len([w for w in words if w]) else []


def _implementing(text: str, units: dict) -> str:
    wanted = key(text)
    unit = [u.id for u in units.values() if wanted and wanted in (key(u.name), key(u.short_name or ""))]
    kind = [k for k, label in kinds.UNIT_KINDS.items() if wanted and wanted == key(label)]
    if len(unit) == 1:
        return f"implementing:\n  units: [{unit[0]}]"
    if len(kind) == 1:
        return f"implementing:\n  kinds: [{kind[0]}]"
    said = f" (danh sách ghi “{one_line(text)}”)" if text else ""
    return f"# implementing: {{units: [], kinds: []}}  {TODO}: mã đơn vị hoặc loại đơn vị thực hiện{said}"


def report(source: Path, rows: list[Row], written, kept, refused, catalog_dir: Path) -> None:
    print(f"Đọc {len(rows)} thủ tục từ {one_line(source.name)}: viết {len(written)} tệp mới, {len(kept)} thủ tục đã có trong danh mục "
          f"(không ghi đè), bỏ qua {len(refused)} dòng.")
    for line in refused:
        print(f"Bỏ qua: {line}")
    for line in kept:
        print(f"Đã có: {line}")
    if not written:
        return
    problems: list = []
    try:
        load_catalog(catalog_dir, Path.cwd(), only={p.relative_to(catalog_dir).as_posix() for p, _ in written})
    except CatalogError as exc:
        problems = exc.problems
    for path, row in written:
        shown = path.as_posix()
        missing = [p for p in problems if p.path.endswith(shown) or p.path == shown]
        print(f"Đã viết {shown}: còn {len(missing)} trường cần bổ sung trước khi đăng.")
        for note in row.notes:
            print(f"  Cần xem lại: {one_line(note)}")
        for problem in missing:
            print(problem)
