"""`congkhai import plan FILE.docx --owner UNIT`: a plan file from the Word document the plan was issued as.

The appendix table(s) become the plan's sections and tasks, every cell kept
word for word (``plan_table.py``); lead and partners become parties, matched
to unit ids where a name matches (``parties.py``). What the document's first
lines say (its number, its date, its title after "KẾ HOẠCH", the issuing
body) fills the plan's own fields unless an option gives them; a required
field found nowhere is written as a comment to complete, so that
`congkhai validate` names it. The file is never written over an existing one.
The report says what was matched by the beginning of a name (to check), and
what could not be matched (kept as text).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
from pathlib import Path

from generator.catalog import kinds
from generator.catalog.errors import CatalogError, one_line
from generator.catalog.load import load_catalog
from generator.catalog.owners import lineage
from generator.cli.importers.docx_tables import Document, UnreadableFile, read_docx
from generator.cli.importers.parties import Matcher, key, lines, parties
from generator.cli.importers.plan_table import Appendix, Task, read_appendix
from generator.cli.scaffold import q
from generator.text.vietnamese import fold

TODO = "# CẦN BỔ SUNG"
HEADER = "# Nhập từ tệp Word bằng `congkhai import plan`: nội dung giữ nguyên văn — hãy đối chiếu với văn bản trước khi đăng.\n"


def run(args) -> int:
    source, catalog_dir = Path(args.file), Path(args.catalog)
    try:
        document = read_docx(source)
        catalog = load_catalog(catalog_dir, Path.cwd(), only=set())
        owner = _owner(args, catalog.units)
        appendix = read_appendix(document)
        if not appendix.tasks:
            raise Refused(f"{one_line(str(source))}: không tìm thấy bảng nhiệm vụ (cần một bảng có các cột Nội dung, chủ trì, "
                          "phối hợp…) — chưa viết tệp", 1)
        meta = metadata(document, args, catalog.units, owner)
        plan_id, path = _target(args, owner, meta, catalog, catalog_dir)
    except UnreadableFile as exc:
        print(one_line(str(exc)), file=sys.stderr)
        return 1
    except CatalogError as exc:
        print(exc.report())
        return 1
    except Refused as refused:
        print(refused.args[0], file=sys.stderr)
        return refused.args[1]
    matcher = Matcher.for_plan(catalog.units, owner, meta.get("issuer"))
    schemas = Path(args.schemas or next((d for d in ("schemas", "generator/schemas") if Path(d).is_dir()), "schemas"))
    schema = Path(os.path.relpath(schemas / "plan.schema.json", path.parent)).as_posix()
    text = f"# yaml-language-server: $schema={schema}\n" + HEADER + render(plan_id, owner, meta, appendix, matcher)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report(path, source, appendix, matcher, document, catalog_dir)
    return 0


class Refused(Exception):
    """(message, exit status): what stops the import before anything is written."""


def _owner(args, units: dict) -> str:
    owner = _unit(args.owner, units)
    if owner is None:
        raise Refused(f'--owner: không có đơn vị nào mang mã "{one_line(args.owner)}" trong danh mục — '
                      "hãy ghi mã đơn vị cập nhật kế hoạch", 2)
    if args.issuer and _unit(args.issuer, units) not in lineage(owner, units):
        raise Refused(f'--issuer: "{one_line(args.issuer)}" không phải {owner} hay một đơn vị cấp trên của nó trong danh mục — '
                      "cơ quan ban hành là đơn vị cập nhật hoặc đơn vị cấp trên", 2)
    return owner


def _target(args, owner: str, meta: dict, catalog, catalog_dir: Path) -> tuple[str, Path]:
    """The plan's id and file: a new one, never one that exists."""
    plan_id = args.id or (f"kh-{meta['year']}-{owner}" if meta.get("year") else f"kh-{owner}")
    if not re.fullmatch(kinds.SLUG, plan_id, re.ASCII):
        raise Refused(f'--id: "{one_line(plan_id)}" không đúng dạng — {kinds.SLUG_HINT}', 2)
    path = catalog_dir / "plans" / owner / f"{plan_id}.yaml"
    if path.exists() or plan_id in catalog.plans:
        raise Refused(f"{path.as_posix()}: kế hoạch mã {plan_id} đã có — không ghi đè; hãy chọn mã khác bằng --id", 2)
    return plan_id, path


def _unit(value: str | None, units: dict) -> str | None:
    if value is None:
        return None
    if value in units:
        return value
    wanted = key(value)
    found = [u.id for u in units.values() if wanted and wanted in (key(u.name), key(u.short_name or ""))]
    return found[0] if len(found) == 1 else None


def metadata(document: Document, args, units: dict, owner: str) -> dict:
    """The plan's own fields: from the options, else from the document's first lines; absent when found nowhere."""
    head = list(document.paragraphs[:40])
    meta: dict = {}
    number = args.number or next((m.group(1).strip() for p in head if (m := re.match(r"Số\s*(?:hiệu)?\s*:\s*(.+)", p))), None)
    if number and re.search(r"\d", number.split("/")[0]):
        meta["number"] = number
    dated = next((m for p in head if (m := re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", p))), None)
    if dated:
        day, month, year = (int(g) for g in dated.groups())
        meta["date_text"] = dated.group(0)
        with contextlib.suppress(ValueError):  # a date that does not exist is left to the text
            meta["date"] = dt.date(year, month, day).isoformat()
    meta["year"] = args.year or (dated.group(3) if dated else None)
    heading = next((i for i, p in enumerate(head) if key(p) == "ke hoach"), None)
    meta["title"] = args.title or (head[heading + 1] if heading is not None and heading + 1 < len(head) else None)
    issuer = _unit(args.issuer, units) if args.issuer else _issuer_in(head, units)
    meta["issuer"] = issuer if issuer in lineage(owner, units) else None
    return {k: v for k, v in meta.items() if v}


def _issuer_in(head: list[str], units: dict) -> str | None:
    """The body named at the top left of the document, above "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"."""
    block = []
    for paragraph in head:
        if key(paragraph).startswith("cong hoa xa hoi"):
            break
        if paragraph.strip("-– "):
            block.append(paragraph)
    for size in (2, 1):  # "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HẢI PHÒNG", or a last line "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
        if len(block) >= size:
            found = _unit(" ".join(block[-size:]), units)
            if found:
                return found
    return None


def render(plan_id: str, owner: str, meta: dict, appendix: Appendix, matcher: Matcher) -> str:
    out = [f"id: {plan_id}"]
    wanted = {"number": 'số, ký hiệu như trong văn bản, ví dụ "12/KH-UBND"', "title": "trích yếu của kế hoạch",
              "year": 'năm của kế hoạch, ví dụ "2025"', "issuer": "mã cơ quan ban hành: đơn vị này hoặc đơn vị cấp trên"}
    for field, hint in wanted.items():
        out.append(f"{field}: {q(meta[field])}" if field in meta else f'# {field}: ""  {TODO}: {hint}')
        if field == "year":
            out.append(f"owner: {owner}")
    for field in ("date", "date_text"):
        if field in meta:
            out.append(f"{field}: {q(meta[field])}")
    out.append("sections:")
    for section in appendix.sections:
        out += [f"  - id: {q(section.id)}", f"    title: {_text(section.title, 4) if section.title else chr(34) * 2 + '  ' + TODO}"]
    out.append("tasks:")
    for task in appendix.tasks:
        out += _task(task, matcher)
    return "\n".join(out) + "\n"


def _task(task: Task, matcher: Matcher) -> list[str]:
    out = [f"  - id: {q(task.id)}", f"    number: {q(task.number)}", f"    section: {q(task.section)}"]
    out.append(f"    content: {_text(task.content, 4)}" if task.content else f'    # content: ""  {TODO}: nội dung nhiệm vụ')
    for field, cell in (("lead", task.lead), ("partners", task.partners)):
        named = parties(cell)
        if named:
            out.append(f"    {field}:")
            for text in named:
                out.append(f"      - text: {q(text)}")
                unit = matcher.unit(text, task.id)
                if unit:
                    out.append(f"        unit: {unit}")
    for field in ("time_text", "start_text", "end_text", "output", "legal_basis"):
        value = lines(getattr(task, field))
        if value:
            out.append(f"    {field}: {_text(value, 4)}")
    return out


def _text(text: str, indent: int) -> str:
    """A value as written: one line quoted, several as a literal block."""
    if "\n" not in text:
        return q(text)
    pad = " " * (indent + 2)
    return "|-\n" + "\n".join(pad + line for line in text.split("\n"))


def report(path: Path, source: Path, appendix: Appendix, matcher: Matcher, document: Document, catalog_dir: Path) -> None:
    tables = len(document.tables)
    print(f"Đã viết {path.as_posix()} từ {one_line(source.name)}: {len(appendix.tasks)} nhiệm vụ trong {len(appendix.sections)} mục "
          f"(đọc {tables} bảng).")
    guessed = {text: unit for text, (unit, how) in matcher.matched.items() if how != "tên"}
    exact = len(matcher.matched) - len(guessed)
    print(f"Gắn mã đơn vị: {exact} tên khớp đúng tên một đơn vị trong danh mục, {len(guessed)} tên khớp phần đầu tên"
          + (" — hãy kiểm tra các tên này:" if guessed else "."))
    for text, unit in sorted(guessed.items()):
        print(f'  "{one_line(text)}" → {unit} ({one_line(matcher.units[unit].name)})')
    names: dict[str, list[str]] = {}  # one line per name, however its punctuation differs from row to row
    for text in sorted(matcher.unmatched, key=fold):
        names.setdefault(key(text), []).append(text)
    print(f"Chưa gắn mã đơn vị ({len(names)} tên, giữ nguyên chữ như văn bản; nếu là một đơn vị trong danh mục, "
          'hãy thêm dòng "unit: <mã đơn vị>" dưới dòng "text:"):')
    for texts in names.values():
        tasks = sorted({task for text in texts for task in matcher.unmatched[text]}, key=_order)
        also = f" (và {len(texts) - 1} cách viết khác)" if len(texts) > 1 else ""
        maybe = f" — có thể là: {', '.join(matcher.ambiguous[texts[0]])}" if texts[0] in matcher.ambiguous else ""
        print(f'  "{one_line(texts[0])}"{also} — {_tasks(tasks)}{maybe}')
    for note in appendix.notes:
        print(f"Cần xem lại: {one_line(note)}")
    try:
        load_catalog(catalog_dir, Path.cwd(), only={path.relative_to(catalog_dir).as_posix()})
        print("Tệp hợp lệ: hãy đối chiếu với văn bản, rồi gửi yêu cầu hợp nhất.")
    except CatalogError as exc:
        print("Còn thiếu trước khi đăng (congkhai validate báo như sau; các dòng cần bổ sung có ghi CẦN BỔ SUNG):")
        for problem in exc.problems:
            print(problem)


def _order(task_id: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in task_id.split("."))


def _tasks(ids: list[str]) -> str:
    unique = list(dict.fromkeys(ids))
    shown = ", ".join(unique[:6]) + (f" và {len(unique) - 6} nhiệm vụ khác" if len(unique) > 6 else "")
    return f"nhiệm vụ {shown}"
