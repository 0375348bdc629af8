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


class YMap(dict):
    pos: tuple[int, int] = (1, 1)
    key_pos: dict[str, tuple[int, int]]


class YSeq(list):
    pos: tuple[int, int] = (1, 1)


def load(text: str, out: Collector):
    """Parse one YAML document; return YMap/YSeq/YStr, or None after reporting why."""
    loader = _Base(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        out.error(*_explain(exc, text))
        return None
    except yaml.YAMLError as exc:  # reader errors: bad bytes, control characters
        out.error((1, 1), f"tệp không đọc được như YAML: {exc}")
        return None
    finally:
        loader.dispose()
    if node is None:
        out.error((1, 1), "tệp trống — hãy điền nội dung theo mẫu")
        return None
    walker = _Walker(out)
    value = walker.walk(node)
    if walker.aliased:
        _report_aliases(text, out)
    return value


class _Walker:
    def __init__(self, out: Collector):
        self.out = out
        self.seen: set[int] = set()
        self.aliased = False

    def walk(self, node):
        if id(node) in self.seen:
            self.aliased = True  # reported where each alias stands, by _report_aliases
            return None
        self.seen.add(id(node))
        if node.tag not in (_STR, _MAP, _SEQ):
            self.out.error(_mark(node.start_mark), f"không dùng thẻ kiểu {node.tag!r} — hãy bỏ phần bắt đầu bằng '!'")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            value = YSeq(self.walk(item) for item in node.value)
        else:
            value = self._scalar(node)
        value.pos = _mark(node.start_mark)
        return value

    def _scalar(self, node) -> YStr:
        text, removed = clean(node.value)
        if removed:
            names = ", ".join(sorted({_gloss(name) for name in removed}))
            self.out.warn(_mark(node.start_mark), f"đã bỏ {len(removed)} ký tự ẩn hoặc ký tự điều khiển ({names}) — hãy xóa chúng khỏi tệp")
        return YStr(text)

    def _mapping(self, node) -> YMap:
        result = YMap()
        result.key_pos = {}
        for key_node, value_node in node.value:
            pos = _mark(key_node.start_mark)
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
        result.pos = _mark(node.start_mark)
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
    for token in _tokens(text):
        if isinstance(token, yaml.AnchorToken):
            anchors.setdefault(token.value, token.start_mark.line + 1)
        elif isinstance(token, yaml.AliasToken):
            where = f" (neo &{token.value} ở dòng {anchors[token.value]})" if token.value in anchors else ""
            out.error(_mark(token.start_mark), f"bí danh *{token.value} dùng lại một giá trị viết ở chỗ khác{where} — không dùng neo (&) và bí danh (*), hãy viết đầy đủ giá trị ở mỗi chỗ")


def _tokens(text: str):
    """The tokens of *text* up to the first scanning error (for explaining problems only)."""
    scanner = _Base(text)
    try:
        while scanner.check_token():
            yield scanner.get_token()
    except yaml.YAMLError:
        return
    finally:
        scanner.dispose()


def _mark(mark) -> tuple[int, int]:
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


_EXPLANATIONS = [
    ("expected a single document", "tệp chỉ được chứa một mục — hãy xóa dòng '---' thứ hai hoặc tách thành tệp riêng"),
    ("found character '\\t'", "có ký tự tab — YAML chỉ dùng dấu cách để thụt lề, hãy thay tab bằng dấu cách"),
    ("mapping values are not allowed", "có dấu hai chấm ':' không đúng chỗ — nếu giá trị có chứa ': ', hãy đặt cả giá trị trong dấu nháy kép \"...\""),
    ("could not find expected ':'", "thiếu dấu hai chấm ':' sau tên trường, hoặc thụt lề sai — mỗi dòng phải có dạng 'tên: giá trị'"),
    ("did not find expected key", "thụt lề không đều — các trường cùng cấp phải thẳng cột với nhau"),
    ("did not find expected '-' indicator", "thụt lề không đều trong danh sách — mọi mục phải bắt đầu bằng '- ' ở cùng một cột"),
    ("found unexpected end of stream", "thiếu dấu nháy đóng — hãy kiểm tra mỗi dấu nháy mở \" đều có dấu nháy đóng"),
    ("found unknown escape character", "dấu '\\' trong chuỗi đặt giữa nháy kép phải viết thành '\\\\' — hoặc dùng nháy đơn '...'"),
    ("while scanning an alias", "ký tự '*' ở đầu giá trị có nghĩa riêng trong YAML — hãy đặt giá trị trong dấu nháy kép"),
    ("while scanning an anchor", "ký tự '&' ở đầu giá trị có nghĩa riêng trong YAML — hãy đặt giá trị trong dấu nháy kép"),
    ("found character that cannot start any token", "giá trị bắt đầu bằng ký tự đặc biệt (như @ hoặc `) — hãy đặt giá trị trong dấu nháy kép"),
    ("found undefined tag handle", "ký tự '!' ở đầu giá trị có nghĩa riêng trong YAML — hãy đặt giá trị trong dấu nháy kép"),
    ("expected <block end>, but found '-'", "dòng bắt đầu bằng '- ' không thẳng cột với danh sách — hãy thụt lề cho đúng"),
    ("expected <block end>", "thụt lề không đều — các dòng cùng cấp phải thẳng cột với nhau"),
    ("did not find expected ',' or ']'", "thiếu dấu ngoặc vuông đóng ']' ở cuối danh sách viết trên một dòng, hoặc thiếu dấu phẩy giữa các mục — viết dạng [mục 1, mục 2]"),
    ("found duplicate anchor", "không dùng neo (&) và bí danh (*) — hãy viết đầy đủ giá trị"),
    ("found undefined alias", "ký tự '*' ở đầu giá trị có nghĩa riêng trong YAML — hãy đặt giá trị trong dấu nháy kép"),
]


_UNCLOSED = "thiếu dấu nháy đóng — giá trị mở bằng dấu nháy ở đây chưa được đóng nên nuốt cả các dòng sau; hãy thêm dấu nháy đóng ở cuối giá trị"
_SWALLOWED = re.compile(r"\s*(- |[A-Za-z_][A-Za-z0-9_]*:(\s|$))")  # a line that looks like a list item or a field
_KEY = re.compile(r"(\s*(?:- +)?)[A-Za-z_][A-Za-z0-9_]*:")
_NO_SPACE_AFTER_DASH = re.compile(r"\s*-(?=[^\s-])")
_NO_SPACE_AFTER_COLON = re.compile(r"\s*(- +)?([A-Za-z_][A-Za-z0-9_]*):(?=[^\s/])")


def _explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[tuple[int, int], str]:
    """Where a syntax error really is, and what to do, in Vietnamese."""
    problem = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    opened = exc.context_mark if "while scanning a quoted scalar" in problem else _unclosed_quote(text, lines, mark)
    if opened is not None:
        return _mark(opened), f"lỗi cú pháp YAML: {_UNCLOSED}"
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        problem = "found character '\\t'"
    elif mark is not None:
        slip = _slip(problem, exc.context_mark, mark, lines)
        if slip:
            return slip[0], f"lỗi cú pháp YAML: {slip[1]}"
    if "flow sequence" in problem and exc.context_mark is not None:
        mark = exc.context_mark  # the '[' that is not closed
    for needle, message in _EXPLANATIONS:
        if needle in problem:
            return _mark(mark), f"lỗi cú pháp YAML: {message}"
    return _mark(mark), f"lỗi cú pháp YAML ({(exc.problem or exc.context or '').strip()}) — hãy so với tệp mẫu cùng loại"


def _slip(problem: str, context_mark, mark, lines: list[str]):
    """A typing slip near the error: no space after '-' or after a key's ':', or a key indented out of line."""
    for line in dict.fromkeys(n for n in (context_mark and context_mark.line, mark.line, mark.line - 1) if n is not None and 0 <= n < len(lines)):
        dash = _NO_SPACE_AFTER_DASH.match(lines[line])
        if dash:
            return (line + 1, dash.end()), "thiếu dấu cách sau dấu '-' đầu mục — mỗi mục của danh sách viết dạng '- giá trị'"
        colon = _NO_SPACE_AFTER_COLON.match(lines[line])
        if colon:
            return (line + 1, colon.end()), f"thiếu dấu cách sau dấu hai chấm — hãy viết '{colon.group(2)}: giá trị'"
    key = _KEY.match(lines[mark.line]) if mark.line < len(lines) else None
    if "mapping values are not allowed" in problem and key and key.end() - 1 == mark.column:
        return (mark.line + 1, len(key.group(1)) + 1), "dòng này thụt lề khác các trường cùng nhóm ở trên — hãy thêm hoặc bớt dấu cách ở đầu dòng cho thẳng cột với chúng"
    return None


def _unclosed_quote(text: str, lines: list[str], mark):
    """The opening of a quoted value that ran over lines looking like fields or list items, before *mark*."""
    found = None
    for token in _tokens(text):
        if mark is not None and token.start_mark.line > mark.line:
            break
        if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and token.end_mark.line > token.start_mark.line:
            if any(_SWALLOWED.match(line) for line in lines[token.start_mark.line + 1: token.end_mark.line + 1]):
                found = token.start_mark
    return found


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""
