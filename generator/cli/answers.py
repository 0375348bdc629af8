"""What `congkhai new` asks for each kind of file, and how each answer is checked the moment it is typed.

An answer is checked alone, by the rules `congkhai validate` applies to the
file (``catalog/kinds.py``), and against what the catalog already holds: the
units a clerk may publish under, the fields with their names, the codes
already taken. A check returns the value to write, or raises ``Refused``
saying what is wrong and how to put it right. Choices are listed and can be
picked by number, by id, or by a few words of the name typed without marks
("ubnd xa vinh bao", "nghia vu quan su").
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from generator.catalog import kinds
from generator.catalog.errors import Collector
from generator.catalog.load import load_catalog
from generator.catalog.owners import lineage
from generator.catalog.schema import INVALID, Context, ListOf
from generator.catalog.yamlio import YStr
from generator.text.vietnamese import fold, sort_key

NONE_WORDS = {"khong", "none"}  # folded: "không", "Không" — a procedure that asks for no document
NONE_DOCUMENTS = "Không phải nộp hồ sơ."


class Refused(Exception):
    """An answer that cannot be written, with what to type instead."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    words: str = ""  # more to match a typed name against (a unit's full name beside its short one)


@dataclass
class Question:
    key: str
    text: str
    check: Callable[[str], object] = str
    many: bool = False  # several lines, ended by an empty one
    optional: bool = False
    choices: tuple[Choice, ...] = ()
    multi: bool = False  # several choices in one answer: "tinh, xa" or "1 2"
    parts: tuple["Question", ...] = ()  # a group asked for each item: a document, a channel
    hint: str = ""  # said once, before the question
    narrow: Callable[["Question", dict], "Question"] | None = None  # the question made for the answers before it
    what: str = "lựa chọn"  # what a choice is called in messages: "đơn vị", "lĩnh vực"


@dataclass
class Known:
    """What the catalog holds that answers are checked against."""

    folder: Path
    units: dict
    fields: dict
    taken: dict = field(default_factory=dict)  # folder → ids and codes already used
    today: str = ""

    @classmethod
    def read(cls, folder: Path) -> "Known":
        """Units, fields and the names of the other files (not their contents); raises CatalogError."""
        catalog = load_catalog(folder, Path.cwd(), only=set())
        taken = {"procedures": set(catalog.procedures), "internal": set(catalog.internals), "plans": set(catalog.plans),
                 "units": set(catalog.units)}
        today = os.environ.get("CONGKHAI_TODAY") or dt.date.today().isoformat()
        return cls(folder, catalog.units, catalog.fields, taken, today)

    def unit_choices(self, active: bool = True) -> tuple[Choice, ...]:
        units = [u for u in self.units.values() if not active or u.active_on(self.today)]
        units.sort(key=lambda u: sort_key(u.label))
        return tuple(Choice(u.id, u.label, u.name) for u in units)

    def field_choices(self) -> tuple[Choice, ...]:
        fields = sorted(self.fields.values(), key=lambda f: sort_key(f.name))
        return tuple(Choice(f.id, f.name) for f in fields)

    def unused(self, folder: str, what: str, check: Callable[[str], str]) -> Callable[[str], str]:
        def unused(text: str) -> str:
            value = check(text)
            if value in self.taken.get(folder, ()):
                where = next(iter(sorted(self.folder.glob(f"{folder}/*/{value}.yaml") if folder != "units" else [])), None)
                at = f" ({where.as_posix()})" if where else ""
                raise Refused(f'{what} "{value}" đã có trong danh mục{at} — hãy sửa tệp đó thay vì tạo mới, hoặc kiểm tra lại mã')
            return value
        return unused


def rule(record, key: str) -> Callable[[str], str]:
    """The check of one value of *key* in *record*, as validate makes it (an item's, for a list)."""
    spec = next(f for f in record.fields if f.key == key)
    kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind

    def check(text: str) -> str:
        text = text.strip()
        out = Collector("")
        value = kind.check(YStr(text), "@", Context(out, {}))
        problems = [p.message for p in out.problems]
        if value is INVALID or problems:
            raise Refused(problems[0].replace('"@": ', "").replace('"@" ', ""))
        return value
    return check


def code_check(text: str) -> str:
    try:
        return rule(kinds.PROCEDURE, "code")(text)
    except Refused as refused:
        fixed = re.sub(r"\s+", "", text.strip()).replace(",", ".")
        if fixed != text.strip() and re.fullmatch(kinds.CODE, fixed, re.ASCII):
            raise Refused(f'{refused} — có phải ý bạn là "{fixed}"?') from None
        raise


def pick(text: str, choices: tuple[Choice, ...], what: str) -> Choice:
    """The choice named by its number, its id, or words of its name (without marks, in any case)."""
    typed = text.strip()
    if typed.isdigit():
        if 1 <= int(typed) <= len(choices):
            return choices[int(typed) - 1]
        raise Refused(f"không có {what} số {typed} — hãy gõ một số từ 1 đến {len(choices)}")
    for choice in choices:
        if typed == choice.value:
            return choice
    words = _words(typed)
    if not words:
        raise Refused(f"hãy gõ số thứ tự, mã hoặc tên {what}")
    exact = [c for c in choices if words in (_words(c.label), _words(c.words), _words(c.value))]
    found = exact or [c for c in choices if _contains(c, words)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise Refused(f'không có {what} nào mang mã "{typed}" hay có tên như vậy — hãy chọn trong danh sách (gõ số thứ tự)')
    listed = "; ".join(f"{choices.index(c) + 1}) {c.label}" for c in found[:12])
    raise Refused(f'"{typed}" khớp với {len(found)} {what}: {listed} — hãy gõ số thứ tự')


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", fold(text)))


def _contains(choice: Choice, words: tuple[str, ...]) -> bool:
    """Every typed word is a word of the name (or of the id), in order."""
    for name in (choice.label, choice.words, choice.value):
        have, at = _words(name), 0
        for word in words:
            while at < len(have) and have[at] != word:
                at += 1
            if at == len(have):
                break
            at += 1
        else:
            return True
    return False


def exact(text: str, choices: tuple[Choice, ...], what: str) -> str:
    """For an option (a script): the id itself, or the whole name — never a number or a few words."""
    words = _words(text)
    for choice in choices:
        if text.strip() == choice.value or words in (_words(choice.label), _words(choice.words)):
            return text
    raise Refused(f'không có {what} nào mang mã "{text.strip()}" — hãy ghi mã {what} như trong danh mục, '
                  'hoặc chạy lệnh trong cửa sổ lệnh để chọn trong danh sách')


def chooser(choices: tuple[Choice, ...], what: str) -> Callable[[str], str]:
    return lambda text: pick(text, choices, what).value


def multi_chooser(choices: tuple[Choice, ...], what: str) -> Callable[[str], list[str]]:
    def check(text: str) -> list[str]:
        pieces = [p for part in re.split(r"[,;]", text) for p in (part.split() if part.strip().replace(" ", "").isdigit() else [part])]
        values = [pick(p, choices, what).value for p in pieces if p.strip()]
        if not values:
            raise Refused(f"hãy chọn ít nhất một {what}")
        return list(dict.fromkeys(values))
    return check


def _enum(choices: dict[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(key, f"{label} ({key})") for key, label in choices.items())


def choose(key: str, text: str, choices: tuple[Choice, ...], what: str, multi: bool = False, **more) -> Question:
    """A question answered from a list: by number, id or name; one choice, or several with *multi*."""
    check = multi_chooser(choices, what) if multi else chooser(choices, what)
    return Question(key, text, check, choices=choices, multi=multi, what=what, **more)


def questions(kind: str, known: Known) -> list[Question]:
    owner = choose("owner", "Đơn vị cập nhật (đơn vị của bạn)", known.unit_choices(), "đơn vị")
    every = known.unit_choices(active=False)
    if kind == "procedure":
        return _procedure(known, owner)
    if kind == "internal":
        return [Question("id", "Mã thủ tục nội bộ (chữ thường không dấu, ví dụ nb-tham-dinh-du-toan)",
                         known.unused("internal", "mã thủ tục nội bộ", rule(kinds.INTERNAL, "id"))),
                Question("name", "Tên thủ tục nội bộ", rule(kinds.INTERNAL, "name")), owner,
                Question("steps", "Trình tự thực hiện, mỗi bước một dòng", rule(kinds.INTERNAL, "steps"), many=True)]
    if kind == "report":
        return report_answers.questions(known)
    if kind == "plan":
        return [Question("id", "Mã kế hoạch (ví dụ kh-2025-so-tu-phap)", known.unused("plans", "mã kế hoạch", rule(kinds.PLAN, "id"))),
                Question("number", "Số, ký hiệu (ví dụ 12/KH-STP)", rule(kinds.PLAN, "number")),
                Question("title", "Trích yếu", rule(kinds.PLAN, "title")), Question("year", "Năm", rule(kinds.PLAN, "year")),
                replace(owner, choices=every, check=chooser(every, "đơn vị")),  # a plan of years past may belong to a unit since ended
                choose("issuer", "Cơ quan ban hành (đơn vị này hoặc đơn vị cấp trên)", every, "đơn vị",
                       narrow=lambda q, answers: _issuers(q, answers, known)),
                Question("section", "Tên mục I của phụ lục", rule(kinds.SECTION, "title")),
                Question("task", "Nội dung nhiệm vụ đầu tiên", rule(kinds.TASK, "content")),
                Question("lead_text", "Đơn vị chủ trì nhiệm vụ đó, như trong văn bản", rule(kinds.PARTY, "text"))]
    return [Question("id", "Mã đơn vị (chữ thường không dấu, ví dụ ubnd-xa-binh-an)", known.unused("units", "mã đơn vị", rule(kinds.UNIT, "id"))),
            Question("name", "Tên đầy đủ của đơn vị", rule(kinds.UNIT, "name")),
            choose("kind", "Loại đơn vị", _enum(kinds.UNIT_KINDS), "loại đơn vị"),
            choose("unit_level", "Cấp", _enum(kinds.UNIT_LEVELS), "cấp"),
            choose("parent", "Đơn vị cấp trên (để trống nếu không có)", every, "đơn vị", optional=True),
            Question("maintainers", "Tài khoản người cập nhật, ví dụ @ten-tai-khoan", _account, many=True)]


def _procedure(known: Known, owner: Question) -> list[Question]:
    p = kinds.PROCEDURE
    document = (Question("name", "Tên giấy tờ", rule(kinds.DOCUMENT, "name")),
                Question("originals", "Số bản chính (chữ số; để trống nếu quyết định không ghi)", rule(kinds.DOCUMENT, "originals"), optional=True),
                Question("copies", "Số bản sao (chữ số; để trống nếu quyết định không ghi)", rule(kinds.DOCUMENT, "copies"), optional=True),
                Question("form", "Mẫu đơn, tờ khai kèm theo (để trống nếu không có)", rule(kinds.DOCUMENT, "form"), optional=True))
    channel = (choose("kind", "Cách thức nộp", _enum(kinds.CHANNELS), "cách thức"),
               Question("time", "Thời hạn giải quyết, như trong quyết định (ví dụ 05 ngày làm việc)", rule(kinds.CHANNEL, "time")),
               Question("fee", 'Phí, lệ phí (nếu không thu, ghi "Không thu phí, lệ phí")', rule(kinds.CHANNEL, "fee")))
    return [
        Question("code", "Mã thủ tục (ví dụ 1.001193)", known.unused("procedures", "mã thủ tục", code_check)),
        Question("name", "Tên thủ tục, đúng như quyết định công bố", rule(p, "name")), owner,
        choose("field", "Lĩnh vực", known.field_choices(), "lĩnh vực"),
        choose("levels", "Cấp thực hiện (một hoặc nhiều, cách nhau bằng dấu phẩy)", _enum(kinds.LEVELS), "cấp", multi=True),
        choose("kinds", "Mọi đơn vị loại nào cùng thực hiện? (để trống: chỉ đơn vị cập nhật)", _enum(kinds.UNIT_KINDS), "loại đơn vị",
               multi=True, optional=True),
        Question("steps", "Trình tự thực hiện, mỗi bước một dòng, giữ nguyên văn", rule(p, "steps"), many=True),
        Question("channels", "Cách thức thực hiện", parts=channel,
                 hint="Mỗi cách thức (trực tiếp, trực tuyến, bưu chính) có thời hạn và phí riêng, như Cơ sở dữ liệu quốc gia ghi."),
        Question("documents", "Thành phần hồ sơ", parts=document,
                 hint='Mỗi giấy tờ: tên, số bản chính, số bản sao, mẫu kèm theo. Nếu thủ tục không yêu cầu hồ sơ, gõ "không" ở tên giấy tờ đầu tiên.'),
        Question("result", "Kết quả thực hiện", rule(p, "result")),
        Question("requirements", 'Yêu cầu, điều kiện thực hiện (nếu không có, ghi "Không có yêu cầu, điều kiện.")', rule(p, "requirements")),
        Question("legal_basis", "Căn cứ pháp lý, mỗi văn bản một dòng", rule(p, "legal_basis"), many=True),
    ]


def _issuers(q: Question, answers: dict, known: Known) -> Question:
    """A plan is issued by the unit that keeps it or by a unit above it."""
    chain = lineage(answers.get("owner") or "", known.units)
    choices = tuple(c for c in q.choices if c.value in chain) or q.choices
    return replace(q, choices=choices, check=chooser(choices, q.what))


def _account(text: str) -> str:
    value = rule(kinds.UNIT, "maintainers")(text)
    if not re.fullmatch(r"@[A-Za-z0-9-]+(/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise Refused(f'"{value}" không phải tài khoản — hãy ghi @ten-tai-khoan, @to-chuc/nhom hoặc địa chỉ thư điện tử')
    return value


def split_item(text: str, parts: tuple[Question, ...]) -> dict:
    """A group given as one option, "tên | 1 | 0 | mẫu": each part checked as if it had been typed."""
    pieces = [piece.strip() for piece in text.split("|")]
    if len(pieces) > len(parts):
        raise Refused(f'"{text}" có {len(pieces)} phần, nhiều nhất là {len(parts)}: ' + " | ".join(p.text.split(" (")[0].lower() for p in parts))
    item = {}
    for part, piece in zip(parts, pieces + [""] * (len(parts) - len(pieces))):
        if piece:
            item[part.key] = part.check(piece)
        elif not part.optional:
            raise Refused(f'"{text}" thiếu {part.text.split(" (")[0].lower()}')
    return item


def is_none(text: str) -> bool:
    return fold(text).strip(" .") in NONE_WORDS


from generator.cli import report_answers  # noqa: E402 - at the end: it builds on the questions above
