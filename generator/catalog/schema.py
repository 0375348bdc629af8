"""What each kind of catalog file may contain, and the check that builds models.

A kind of value (``Text``, ``Enum``, ``Date``, ``Url``, ``ListOf``, ``Record``)
checks one YAML value and returns the Python value, or ``INVALID`` after
reporting, in Vietnamese, what is wrong and how to fix it. The declarations
of the file kinds live in ``kinds.py``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass

from generator.catalog.errors import Collector
from generator.text.vietnamese import slug
from generator.catalog.yamlio import YMap, YSeq, YStr

INVALID = object()


@dataclass
class Context:
    out: Collector
    positions: dict[str, tuple[int, int]]


def _name(path: str) -> str:
    return f'"{path}"' if path else "tệp"


class Kind:
    noun = "giá trị"

    def check(self, value, path: str, ctx: Context):
        raise NotImplementedError


@dataclass
class Text(Kind):
    pattern: str | None = None
    hint: str = ""
    noun: str = "đoạn văn bản"
    blanks: bool = False  # a number or a date in words, where a clerk may leave "…" to fill in later

    def check(self, value, path, ctx):
        if not isinstance(value, YStr):
            ctx.out.error(value, f"{_name(path)} phải là {self.noun}, không phải {_shape(value)} — {_scalar_fix(value)}")
            return INVALID
        if self.pattern and not _compiled(self.pattern).fullmatch(value):
            ctx.out.error(value, f'{_name(path)}: "{value}" không đúng dạng — {self.hint}')
            return INVALID
        if value.isspace():
            ctx.out.error(value, f'{_name(path)} chỉ có dấu cách — hãy điền nội dung, hoặc xóa cả dòng nếu không có')
            return INVALID
        if self.pattern is None and (value.comment or self.blanks and _may_be_blank(value)):
            _words_checks(value, path, ctx)
        return str(value)


@functools.lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.ASCII)  # codes, ids, numbers: ASCII digits and letters only


def _may_be_blank(value: str) -> bool:
    """What every placeholder holds; the full pattern runs only then (substring tests cost far less)."""
    return "…" in value or ".." in value or "__" in value or "xx" in value or "XX" in value


_PLACEHOLDER = re.compile(r"(?:\b(?:ngày|tháng|năm|số)\s*(?:…|\.{2,}|_{2,}|x{2,}\b)|(?:…|\.{2,}|_{2,})\s*/\s*[A-ZĐ]{2})", re.I)


def _words_checks(value, path: str, ctx: Context) -> None:
    """Free text that YAML or a template left unfinished: a comment that cut the value, a blank to fill in."""
    if value.comment:
        ctx.out.warn(value.comment, f'{_name(path)}: phần từ dấu " #" trở đi bị YAML coi là ghi chú và không được đăng — '
                                    'nếu đó là một phần của giá trị, hãy đặt cả giá trị trong dấu nháy kép "..."')
    found = _PLACEHOLDER.search(value)
    if found:
        ctx.out.warn(value, f'{_name(path)}: còn chỗ để trống chưa điền ("{found.group(0)}") — hãy điền đủ số, ngày tháng trước khi đăng')


@dataclass
class Enum(Kind):
    choices: dict[str, str]
    noun: str = "một giá trị trong danh sách cho phép"

    def check(self, value, path, ctx):
        if not isinstance(value, YStr):
            ctx.out.error(value, f"{_name(path)} phải là một giá trị, không phải {_shape(value)} — {_scalar_fix(value)}")
            return INVALID
        if value not in self.choices:
            allowed = ", ".join(f"{key} ({label})" for key, label in self.choices.items())
            ctx.out.error(value, f'{_name(path)}: giá trị "{value}" không hợp lệ{_suggest(value, self.choices)} — chỉ dùng một trong: {allowed}')
            return INVALID
        return str(value)


class Switch(Enum):
    """true or false, as typed (an editor reads them as YAML booleans); gives the Python bool."""

    def check(self, value, path, ctx):
        result = super().check(value, path, ctx)
        return result if result is INVALID else result == "true"


class Date(Kind):
    noun = "ngày"

    def check(self, value, path, ctx):
        text = Text(noun="ngày").check(value, path, ctx)
        if text is INVALID:
            return INVALID
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            ctx.out.error(value, f'{_name(path)}: ngày "{text}" không đúng dạng — hãy viết theo dạng NĂM-THÁNG-NGÀY, ví dụ "2025-07-01"{_date_example(text)}')
            return INVALID
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            ctx.out.error(value, f'{_name(path)}: ngày "{text}" không có thật — hãy kiểm tra lại tháng và ngày')
            return INVALID
        return text


@dataclass
class ListOf(Kind):
    item: Kind
    min_items: int = 0
    noun: str = "danh sách"

    def check(self, value, path, ctx):
        if not isinstance(value, YSeq):
            if isinstance(value, YStr):
                key = path.rsplit(".", 1)[-1]
                fix = f'hãy viết trong ngoặc vuông: {key}: [{value}], hoặc mỗi mục trên một dòng riêng bắt đầu bằng "- ", thụt vào dưới tên trường'
            else:
                fix = 'hãy viết mỗi mục trên một dòng riêng bắt đầu bằng "- "'
            ctx.out.error(value, f"{_name(path)} phải là danh sách, không phải {_shape(value)} — {fix}")
            return INVALID
        if len(value) < self.min_items:
            ctx.out.error(value, f"{_name(path)} cần ít nhất {self.min_items} mục — hãy thêm mục bắt đầu bằng \"- \"")
            return INVALID
        items = []
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if item is None:
                items.append(INVALID)
                continue
            ctx.positions[item_path] = item.pos
            if isinstance(item, YStr) and not item.strip():
                ctx.out.error(item, f"{_name(item_path)} để trống — hãy điền nội dung hoặc xóa dòng \"- \" thừa")
                items.append(INVALID)
                continue
            items.append(self.item.check(item, item_path, ctx))
        if any(item is INVALID for item in items):
            return INVALID
        return tuple(items)


@dataclass
class Field:
    key: str
    kind: Kind
    label: str
    required: bool = False
    attr: str | None = None
    description: str = ""
    if_none: str = ""  # for a required legal part: how to state that the procedure has none

    @property
    def name(self) -> str:
        return self.attr or self.key


@dataclass
class Record(Kind):
    cls: type
    fields: list[Field]
    what: str = "mục"
    noun: str = "nhóm trường"

    def check(self, value, path, ctx):
        if not isinstance(value, YMap):
            ctx.out.error(value, f"{_name(path)} phải là {self.noun} (các dòng 'tên: giá trị' thụt vào bên dưới), không phải {_shape(value)}")
            return INVALID
        known = {f.key: f for f in self.fields}
        ok = True
        for key in value:
            if key not in known:
                ok = False
                where = f' trong "{path}"' if path else ""
                group = self._group_above(value, key)
                if group:
                    ctx.out.error(value.key_pos[key], f'trường "{key}" thuộc nhóm "{group}" nhưng chưa được thụt lề — hãy thêm dấu cách ở đầu dòng để "{key}" thụt vào dưới "{group}:" như các dòng khác trong nhóm')
                    continue
                ctx.out.error(value.key_pos[key], f'trường "{key}" không có trong mẫu {self.what}{where}{self._suggest_key(key)} — các trường hợp lệ: {", ".join(known)}')
        values = {}
        for spec in self.fields:
            result = self._field(value, spec, path, ctx)
            if result is INVALID:
                ok = False
            elif result is not None:
                values[spec.name] = result
        return self.cls(**values) if ok else INVALID

    def _group_above(self, value: YMap, key: str) -> str | None:
        """The group (a field written empty above *key*) that *key* belongs to when indented."""
        for spec in self.fields:
            inner = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
            raw = value.get(spec.key)
            if isinstance(inner, Record) and isinstance(raw, YStr) and raw == "" and value.key_pos[spec.key] < value.key_pos[key]:
                if any(f.key == key for f in inner.fields):
                    return spec.key
        return None

    def _suggest_key(self, key: str) -> str:
        """A close key, or the key whose Vietnamese label was typed instead ("ten_thu_tuc" → name)."""
        close = _suggest(key, [f.key for f in self.fields])
        if close:
            return close
        labels = {slug(f.label): f for f in self.fields}
        match = difflib.get_close_matches(slug(key), list(labels), n=1, cutoff=0.8)
        if match:
            spec = labels[match[0]]
            return f' (tên trường phải viết bằng tiếng Anh: {spec.label} là "{spec.key}")'
        return ""

    def _field(self, value: YMap, spec: Field, path: str, ctx: Context):
        full = f"{path}.{spec.key}" if path else spec.key
        raw = value.get(spec.key)
        if spec.key in value.key_pos:
            ctx.positions[full] = value.key_pos[spec.key]
        if spec.key in value and raw is None:
            return INVALID  # already reported by the loader
        if raw is None or (isinstance(raw, YStr) and raw == "") or (isinstance(raw, (YSeq, YMap)) and not raw and not spec.required):
            if spec.required:
                if spec.key in value:
                    ctx.out.error(value.key_pos[spec.key], f'trường bắt buộc "{full}" ({spec.label}) đang để trống — hãy điền giá trị sau dấu hai chấm')
                else:
                    none = f"; nếu thủ tục không có, hãy ghi rõ: {spec.if_none}" if spec.if_none else ""
                    ctx.out.error(value, f'thiếu trường bắt buộc "{full}" ({spec.label}) — hãy thêm dòng "{spec.key}: ..."{none}')
                return INVALID
            return None
        ctx.positions[full] = raw.pos
        return spec.kind.check(raw, full, ctx)


def _shape(value) -> str:
    if isinstance(value, YSeq):
        return "danh sách"
    if isinstance(value, YMap):
        return "nhóm trường"
    return f'"{value}"'


def _scalar_fix(value=None) -> str:
    key, text = next(iter(value.items())) if isinstance(value, YMap) and len(value) == 1 else ("", None)
    if isinstance(text, YStr) and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):  # a sentence, not a field name
        return f'vì có dấu hai chấm và dấu cách ": " nên dòng này bị hiểu là "tên: giá trị"; hãy đặt cả nội dung trong dấu nháy kép: "{key}: {text}"'
    return 'hãy viết giá trị trên cùng dòng, sau dấu hai chấm; nếu là nhiều dòng văn bản, hãy dùng "|" rồi xuống dòng'


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f' (có phải ý bạn là "{close[0]}"?)' if close else ""


def _date_example(text: str) -> str:
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = match.groups()
        return _date_hint(year, month, day, "")
    match = re.fullmatch(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})", text)
    if match:
        year, month, day = match.groups()
        return _date_hint(year, month, day, " (tháng và ngày đủ hai chữ số)")
    return ""


def _date_hint(year: str, month: str, day: str, note: str) -> str:
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return ""  # not a real date either way: no suggestion
    return f' — ngày này viết là "{iso}"{note}'
