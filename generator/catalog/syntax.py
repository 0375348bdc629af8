"""What a YAML syntax error really is, where a clerk should look, and what to do — in Vietnamese.

PyYAML names the place where it gave up, often lines below the slip (an
unclosed quote swallows the fields after it); here the slip is found and
explained.
"""

from __future__ import annotations

import re

import yaml

try:  # libyaml is an order of magnitude faster; the pure parser is the fallback
    _Base = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.BaseLoader


def tokens(text: str):
    """The tokens of *text* up to the first scanning error (for explaining problems only)."""
    scanner = _Base(text)
    try:
        while scanner.check_token():
            yield scanner.get_token()
    except yaml.YAMLError:
        return
    finally:
        scanner.dispose()


def position(mark) -> tuple[int, int]:
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


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[tuple[int, int], str]:
    """Where a syntax error really is, and what to do, in Vietnamese."""
    problem = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    opened = exc.context_mark if "while scanning a quoted scalar" in problem else _unclosed_quote(text, lines, mark)
    if opened is not None:
        return position(opened), f"lỗi cú pháp YAML: {_UNCLOSED}"
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        problem = "found character '\\t'"
    elif mark is not None:
        slip = _slip(problem, exc.context_mark, mark, lines)
        if slip:
            return slip[0], f"lỗi cú pháp YAML: {slip[1]}"
    block = _unindented_block(exc.context_mark, lines)
    if block is not None:
        return block
    if "flow sequence" in problem and exc.context_mark is not None:
        mark = exc.context_mark  # the '[' that is not closed
    for needle, message in _EXPLANATIONS:
        if needle in problem:
            return position(mark), f"lỗi cú pháp YAML: {message}"
    return position(mark), f"lỗi cú pháp YAML ({(exc.problem or exc.context or '').strip()}) — hãy so với tệp mẫu cùng loại"


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


_BLOCK_START = re.compile(r"[^#]*:\s+[|>][-+0-9]*\s*(#.*)?$")


def _unindented_block(context_mark, lines: list[str]):
    """The text of a "key: |" block written at the key's own indentation: YAML reads it as a field."""
    if context_mark is None or context_mark.line == 0 or context_mark.line >= len(lines):
        return None
    above = next((n for n in range(context_mark.line - 1, -1, -1) if lines[n].strip()), None)
    if above is None or not _BLOCK_START.match(lines[above]):
        return None
    indent = len(lines[above]) - len(lines[above].lstrip(" "))
    if len(lines[context_mark.line]) - len(lines[context_mark.line].lstrip(" ")) > indent:
        return None
    return (context_mark.line + 1, 1), (f"lỗi cú pháp YAML: nội dung của khối '|' ở dòng {above + 1} phải thụt vào sâu hơn tên trường — "
                                        "hãy thêm hai dấu cách ở đầu mỗi dòng nội dung")


def _unclosed_quote(text: str, lines: list[str], mark):
    """The opening of a quoted value that ran over lines looking like fields or list items, before *mark*."""
    found = None
    for token in tokens(text):
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
