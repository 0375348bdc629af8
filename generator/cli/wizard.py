"""`congkhai new procedure|internal|plan|unit`: a forgiving wizard, or options for scripts.

In a terminal every question is asked in turn and every answer is checked the
moment it is typed (``answers.py``): a wrong one is asked again, alone, and
the answers before it are kept. Choices (the units a clerk may publish under,
the fields, the levels, the kinds of unit) are listed and picked by number or
by name. Options given on the command line are checked the same way; without
a terminal a wrong or missing one stops the command. The file is written only
at the end, checked with the catalog, and removed with every folder made for
it when the check refuses it: a refused run leaves nothing behind.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.cli import scaffold
from generator.cli.answers import NONE_DOCUMENTS, Known, Question, Refused, exact, is_none, questions, split_item

LONGEST_LIST = 40  # choices listed in full; more are found by typing part of a name
SINGULAR = {"levels": "level", "steps": "step", "channels": "channel", "maintainers": "maintainer", "documents": "document",
            "kinds": "for-all"}
OPTION_HELP = {
    "documents": 'procedure: thành phần hồ sơ, mỗi giấy tờ một tùy chọn dạng "tên | số bản chính | số bản sao | mẫu kèm theo" '
                 '(hoặc một tùy chọn "không" nếu thủ tục không yêu cầu hồ sơ)',
    "channels": 'procedure: cách thức thực hiện, mỗi cách một tùy chọn dạng "truc-tiep | thời hạn | phí" (truc-tiep, truc-tuyen, buu-chinh)',
    "kinds": "procedure: mọi đơn vị loại này cùng thực hiện (ví dụ ubnd-xa) — ghi mã, hoặc tên đầy đủ",
    "id": "internal, plan, unit: mã của tệp mới, chữ thường không dấu (ví dụ nb-tham-dinh-du-toan, kh-2025-so-tu-phap, ubnd-xa-binh-an)",
    "name": "procedure, internal, unit: tên đầy đủ, đúng như văn bản công bố",
}


def flag(key: str) -> str:
    """The option for an answer: --code, --lead-text; repeatable answers take the singular (--step)."""
    return "--" + SINGULAR.get(key, key).replace("_", "-")


def add_options(parser) -> None:
    """Every answer `congkhai new` takes as an option, explained by its question and the kinds that ask it."""
    seen: dict[str, tuple[list[str], Question]] = {}
    blank = Known(Path("."), {}, {})
    for kind in scaffold.KINDS:
        for q in questions(kind, blank):
            seen.setdefault(q.key, ([], q))[0].append(kind)
    for key, (asking, q) in sorted(seen.items()):
        many = q.many or q.multi or bool(q.parts)
        text = OPTION_HELP.get(key) or f"{', '.join(asking)}: {q.text}"
        if (q.choices or q.what != "lựa chọn") and key not in OPTION_HELP:  # a choice, listed in a terminal
            text += " — ghi mã, hoặc tên đầy đủ"
        if many and key not in OPTION_HELP:
            text += " — lặp lại tùy chọn cho mỗi giá trị"
        parser.add_argument(flag(key), dest=key, action="append" if many else "store", metavar="GIÁ-TRỊ", help=text)


def run_new(args) -> int:
    catalog = Path(args.catalog)
    try:
        known = Known.read(catalog)
    except CatalogError as exc:
        _problems(exc.problems)
        print("Chưa viết tệp: danh mục đang có lỗi ở các tệp đơn vị hoặc lĩnh vực — hãy sửa các lỗi trên trước.", file=sys.stderr)
        return 1
    interactive = sys.stdin.isatty()
    try:
        answers, refused, missing = collect(questions(args.what, known), vars(args), interactive)
    except (EOFError, KeyboardInterrupt):
        print("\nĐã dừng — chưa viết tệp nào.", file=sys.stderr)
        return 2
    if refused:
        for line in refused:
            print(line)
        print("Chưa viết tệp: các câu trả lời trên chưa hợp lệ — hãy sửa rồi chạy lại.", file=sys.stderr)
        return 1
    if missing:
        print("thiếu: " + ", ".join(missing) + " — hãy trả lời các câu hỏi, hoặc ghi các tùy chọn đó", file=sys.stderr)
        return 2
    schemas = Path(args.schemas or next((d for d in ("schemas", "generator/schemas") if Path(d).is_dir()), "schemas"))
    path, text = scaffold.render(args.what, answers, schemas, catalog)
    return write_checked(path, text, catalog)


def collect(qs: list[Question], options: dict, interactive: bool, ask=None) -> tuple[dict, list[str], list[str]]:
    """The answers, the refused options (without a terminal) and the missing ones."""
    answers: dict = {}
    refused: list[str] = []
    missing: list[str] = []
    for q in qs:
        q = q.narrow(q, answers) if q.narrow else q
        given = options.get(q.key)
        if given is not None:
            try:
                answers[q.key] = _take(q, given)
                continue
            except Refused as exc:
                if not interactive:
                    refused.append(f"{flag(q.key)}: {exc}")
                    continue
                print(f"{flag(q.key)}: {exc} — hãy trả lời lại.", file=sys.stderr)
        if interactive:
            answers[q.key] = Asker(ask).answer(q)
        elif not q.optional:
            missing.append(flag(q.key))
    return answers, refused, missing


def _take(q: Question, given):
    """An option's value, checked as the answer typed would be."""
    values = given if isinstance(given, list) else [given]
    if q.choices and not q.parts:
        values = [exact(piece, q.choices, q.what) for value in values for piece in (value.split(",") if q.multi else [value])]
    if q.parts:
        if q.key == "documents" and len(values) == 1 and is_none(values[0]):
            return NONE_DOCUMENTS
        return [split_item(value, q.parts) for value in values]
    if q.multi:
        return q.check(", ".join(values))
    if q.many:
        return [q.check(value) for value in values]
    return q.check(values[0])


class Asker:
    """Questions in a terminal: each answer checked as typed, a wrong one asked again alone."""

    def __init__(self, ask=None):
        self.ask = ask or (lambda prompt: input(prompt))  # looked up when asked: tests put their own input in place
        self.listed: set[int] = set()

    def answer(self, q: Question):
        if q.hint:
            print(q.hint)
        if q.parts:
            return self._group(q)
        self._list(q)
        if q.many:
            return self._lines(q)
        return self._one(q, q.text)

    def _list(self, q: Question) -> None:
        """The choices, once: a long list (a province's communes) is searched by name instead."""
        if not q.choices or id(q) in self.listed:
            return
        self.listed.add(id(q))
        if len(q.choices) > LONGEST_LIST:
            print(f"{q.text}: có {len(q.choices)} lựa chọn — hãy gõ mã hoặc vài chữ trong tên (gõ không dấu cũng được) để tìm.")
        else:
            print(f"{q.text} — chọn bằng số thứ tự, mã, hoặc vài chữ trong tên (gõ không dấu cũng được):")
            for number, choice in enumerate(q.choices, 1):
                shown = choice.label if choice.label.endswith(f"({choice.value})") else f"{choice.label} ({choice.value})"
                print(f"  {number:>3}. {shown}")

    def _one(self, q: Question, prompt: str, optional: bool | None = None):
        optional = q.optional if optional is None else optional
        while True:
            typed = self.ask(f"{prompt}: ").strip()
            if not typed:
                if optional:
                    return None
                print("  Câu này cần trả lời.", file=sys.stderr)
                continue
            try:
                return q.check(typed)
            except Refused as exc:
                print(f"  {exc} — hãy trả lời lại.", file=sys.stderr)

    def _lines(self, q: Question) -> list | None:
        print(f"{q.text} (mỗi dòng một mục; để trống một dòng để kết thúc):")
        lines: list = []
        label = q.text.split(",")[0].split(" (")[0]
        while True:
            value = self._one(q, f"  {label} — dòng {len(lines) + 1}", optional=bool(lines) or q.optional)
            if value is None:
                return lines or None
            lines.append(value)

    def _group(self, q: Question):
        items: list[dict] = []
        first, *rest = q.parts
        while True:
            print(f"{q.text} — mục {len(items) + 1}" + (" (Enter ở câu đầu để kết thúc)" if items else ""))
            self._list(first)
            typed = self._first(q, first, bool(items))
            if typed is None:
                return items
            if typed is NONE_DOCUMENTS:
                return NONE_DOCUMENTS
            item = {first.key: typed}
            for part in rest:
                self._list(part)
                value = self._one(part, f"  {part.text}")
                if value is not None:
                    item[part.key] = value
            items.append(item)

    def _first(self, q: Question, first: Question, optional: bool):
        while True:
            typed = self.ask(f"  {first.text}: ").strip()
            if not typed:
                if optional:
                    return None
                print("  Cần ít nhất một mục.", file=sys.stderr)
                continue
            if q.key == "documents" and not optional and is_none(typed):
                return NONE_DOCUMENTS
            try:
                return first.check(typed)
            except Refused as exc:
                print(f"  {exc} — hãy trả lời lại.", file=sys.stderr)


def write_checked(path: Path, text: str, catalog: Path) -> int:
    """Write the file, check it with the catalog; when refused, remove it and every folder made for it."""
    if path.exists():
        print(f"{path}: tệp đã có — hãy sửa tệp đó thay vì tạo mới", file=sys.stderr)
        return 2
    made = [folder for folder in [path.parent, *path.parent.parents] if not folder.exists()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        load_catalog(catalog, Path.cwd(), only={path.relative_to(catalog).as_posix()})
    except CatalogError as exc:
        _remove(path, made)
        _problems(exc.problems)
        print("Chưa viết tệp: các câu trả lời trên chưa hợp lệ — hãy sửa rồi chạy lại.", file=sys.stderr)
        return 1
    except BaseException:
        _remove(path, made)
        raise
    print(f"Đã viết {path} — hãy mở tệp, bổ sung các trường còn để trống (dòng bắt đầu bằng #) rồi chạy congkhai validate.",
          file=sys.stderr)
    return 0


def _remove(path: Path, made: list[Path]) -> None:
    path.unlink(missing_ok=True)
    for folder in made:  # deepest first
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _problems(problems) -> None:
    for problem in problems:
        print(problem)
