"""Safe YAML loading that keeps every scalar as the string typed, with positions.

PyYAML's defaults silently change what staff type (``1.000120`` → 1.00012,
``no`` → False, ``07:30`` → 450) and let the second of two duplicate keys win.
Here the resolver knows no implicit types, so every scalar stays a string;
types come only from the model. Duplicate keys, anchors and aliases, explicit
tags and multiple documents are errors. Every value carries ``pos`` (line,
column, both from 1) so that a later stage can point at it.
"""

from __future__ import annotations

import re

import yaml

from generator.catalog.errors import Collector
from generator.catalog.rawtext import prepare
from generator.catalog.syntax import explain, position, tokens
from generator.text.vietnamese import clean

try:  # libyaml is an order of magnitude faster; the pure parser is the fallback
    _Base = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.BaseLoader

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class YStr(str):
    pos: tuple[int, int] = (1, 1)
    comment: tuple[int, int] | None = None  # a plain value followed by " #…" on its line: where the comment starts


class _TooDeep(Exception):
    """Nesting beyond MAX_DEPTH: reported once where it passed the limit, then the file is given up."""


class YMap(dict):
    pos: tuple[int, int] = (1, 1)
    key_pos: dict[str, tuple[int, int]]


class YSeq(list):
    pos: tuple[int, int] = (1, 1)


MAX_DEPTH = 40  # lists and groups inside one another; a catalog file needs five


def load(text: str, out: Collector):
    """Parse one YAML document; return YMap/YSeq/YStr, or None after reporting why."""
    text = prepare(text, out)
    if text is None:
        return None
    loader = _Base(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        out.error(*explain(exc, text))
        return None
    except (yaml.YAMLError, RecursionError, MemoryError):  # what prepare() did not foresee: never a traceback
        out.error((1, 1), "tệp không đọc được như YAML — hãy so với tệp mẫu cùng loại")
        return None
    finally:
        loader.dispose()
    if node is None:
        out.error((1, 1), "tệp trống — hãy điền nội dung theo mẫu")
        return None
    walker = _Walker(out, text)
    try:
        value = walker.walk(node)
    except _TooDeep:
        return None
    if walker.aliased:
        _report_aliases(text, out)
    return value


class _Walker:
    def __init__(self, out: Collector, text: str):
        self.out, self.text = out, text
        self.commented = "#" in text  # once per file: a plain value can be cut by a comment only then
        self.lines: list[str] | None = None
        self.seen: set[int] = set()
        self.aliased = False
        self.depth = 0

    def walk(self, node):
        if id(node) in self.seen:
            self.aliased = True  # reported where each alias stands, by _report_aliases
            return None
        self.seen.add(id(node))
        if self.depth >= MAX_DEPTH:
            self.out.error(position(node.start_mark), f"các danh sách, nhóm lồng vào nhau quá {MAX_DEPTH} tầng — tệp danh mục chỉ cần vài tầng; hãy so với tệp mẫu")
            raise _TooDeep
        if node.tag not in (_STR, _MAP, _SEQ):
            self.out.error(position(node.start_mark), f"không dùng thẻ kiểu {node.tag!r} — hãy bỏ phần bắt đầu bằng '!'")
        if isinstance(node, yaml.ScalarNode):
            value = self._scalar(node)
            value.pos = position(node.start_mark)
            return value
        self.depth += 1  # a _TooDeep ends the whole walk: the depth need not come back down then
        if isinstance(node, yaml.MappingNode):
            value = self._mapping(node)
        else:
            value = YSeq([self.walk(item) for item in node.value])
            value.pos = position(node.start_mark)
        self.depth -= 1
        return value

    def _scalar(self, node) -> YStr:
        text, removed = clean(node.value)
        if removed:
            names = ", ".join(sorted({_gloss(name) for name in removed}))
            self.out.warn(position(node.start_mark), f"đã bỏ {len(removed)} ký tự ẩn hoặc ký tự điều khiển ({names}) — hãy xóa chúng khỏi tệp")
        value = YStr(text)
        if self.commented and not node.style and node.end_mark is not None:
            value.comment = self._comment_after(node.end_mark)
        return value

    def _comment_after(self, end) -> tuple[int, int] | None:
        """Where a comment starts on the line a plain value ends on: what followed ' #' is not in the value."""
        if self.lines is None:
            self.lines = self.text.split("\n")
        rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        stripped = rest.lstrip(" \t")
        return (end.line + 1, end.column + len(rest) - len(stripped) + 1) if stripped.startswith("#") and stripped != rest else None

    def _mapping(self, node) -> YMap:
        result = YMap()
        result.key_pos = {}
        for key_node, value_node in node.value:
            pos = position(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.out.error(pos, "tên trường phải là chữ, không phải danh sách hay nhóm")
                continue
            key = key_node.value
            if key in result.key_pos:
                first = result.key_pos[key]
                self.out.error(pos, f'trường "{key}" bị lặp (đã có ở dòng {first[0]}) — hãy giữ một dòng và xóa dòng kia')
                continue
            result.key_pos[key] = pos
            result[key] = self.walk(value_node)
        result.pos = position(node.start_mark)
        return result


_GLOSSES = {
    "U+00AD": "gạch nối mềm",
    "U+200B": "dấu cách không độ rộng",
    "U+FEFF": "dấu BOM",
}
_PRIVATE_USE = re.compile(r"U\+(E[0-9A-F]{3}|F[0-8][0-9A-F]{2})\b")


def _gloss(name: str) -> str:
    """A removed character's name with what a clerk would call it ("U+F0B7" → … dấu đầu dòng chép từ Word)."""
    code = name.split(" ", 1)[0]
    if code in _GLOSSES:
        return f"{name}: {_GLOSSES[code]}"
    if _PRIVATE_USE.match(code):
        return f"{name}: ký tự riêng của phông chữ, thường là dấu đầu dòng chép từ Word"
    return name


def _report_aliases(text: str, out: Collector) -> None:
    """Report each alias (*name) where it stands, naming the line of its anchor (&name)."""
    anchors: dict[str, int] = {}
    for token in tokens(text):
        if isinstance(token, yaml.AnchorToken):
            anchors.setdefault(token.value, token.start_mark.line + 1)
        elif isinstance(token, yaml.AliasToken):
            where = f" (neo &{token.value} ở dòng {anchors[token.value]})" if token.value in anchors else ""
            out.error(position(token.start_mark), f"bí danh *{token.value} dùng lại một giá trị viết ở chỗ khác{where} — không dùng neo (&) và bí danh (*), hãy viết đầy đủ giá trị ở mỗi chỗ")
