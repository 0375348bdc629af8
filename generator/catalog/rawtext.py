"""What the YAML parser would refuse, misread or misplace, found in the raw text first.

PyYAML refuses a whole file at "1:1" for one control character (a vertical
tab pasted from Word, an ESC, a NUL), counts U+2028, U+2029 and U+0085 as
line breaks (so every later line number is one off from what an editor and
git show), reads a git conflict marker as a field, and takes a line indented
with non-breaking spaces as more words of the value above. Here each is found
at the line and column an editor shows, said in Vietnamese, and removed (the
characters, with a warning) or refused (the rest, with an error).
"""

from __future__ import annotations

import re

from generator.catalog.errors import Collector

# What PyYAML refuses, and the characters it counts as line breaks although git and editors do not.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")
_AS_SPACE = {"\x0b", "\x0c", "\x85", "\u2028", "\u2029"}  # breaks inside a value: a space keeps the words apart
_NAMES = {
    "\x00": "ký tự rỗng NUL", "\x0b": "ngắt dòng mềm (Shift+Enter chép từ Word)", "\x0c": "ngắt trang chép từ Word",
    "\x1b": "ký tự ESC", "\x7f": "ký tự xóa DEL", "\x85": "ký tự xuống dòng NEL", "\u2028": "ký tự ngắt dòng U+2028",
    "\u2029": "ký tự ngắt đoạn U+2029",
}
# Anything unusual at all: only a file that holds one of these is looked at closely (most files hold none).
_UNUSUAL = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: .*)?$", re.M)
_ODD_INDENT = re.compile("^[ ]*([\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+)[ \t\u00a0]*\\S", re.M)
_SPACE_NAMES = {"\u00a0": "dấu cách không ngắt (NBSP)", "\u3000": "dấu cách toàn khổ", "\t": "ký tự tab"}


def prepare(text: str, out: Collector) -> str | None:
    """The text the parser may read, or None when a mistake makes parsing it meaningless (reported)."""
    if not _UNUSUAL.search(text) and not any(marker in text for marker in _MARKERS):
        return text
    if "\r" in text:  # Windows line ends, and the old Mac's lone CR that editors show as a line break
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROLS.search(text):
        text = _drop_controls(text, out)
    refused = False
    for match in _CONFLICT.finditer(text):
        refused = True
        out.error(_position(text, match.start()), f"dấu xung đột của git {match.group(1)!r} còn trong tệp (hai người cùng sửa một chỗ) — "
                  "hãy giữ lại phần đúng rồi xóa các dòng <<<<<<<, ======= và >>>>>>>")
    for match in _ODD_INDENT.finditer(text):
        if "\t" in match.group(1) and not match.group(1).strip("\t"):
            continue  # tabs alone: the parser's own message says it well
        refused = True
        char = next(c for c in match.group(1) if c != "\t")
        name = _SPACE_NAMES.get(char, f"dấu cách đặc biệt U+{ord(char):04X}")
        out.error(_position(text, match.start(1)), f"dòng này thụt lề bằng {name}, YAML không coi đó là dấu cách — "
                  "hãy xóa phần thụt lề rồi gõ lại bằng phím cách")
    return None if refused else text


def _drop_controls(text: str, out: Collector) -> str:
    kept, last, seen = [], 0, {}
    for match in _CONTROLS.finditer(text):
        char = match.group(0)
        kept.append(text[last:match.start()])
        kept.append(" " if char in _AS_SPACE else "")
        last = match.end()
        line, col = _position(text, match.start())
        seen.setdefault(line, (col, []))[1].append(char)
    kept.append(text[last:])
    for line, (col, chars) in seen.items():
        names = ", ".join(dict.fromkeys(f"U+{ord(c):04X} {_NAMES.get(c, 'ký tự điều khiển')}" for c in chars))
        out.warn((line, col), f"đã bỏ {len(chars)} ký tự điều khiển ({names}) — hãy xóa chúng khỏi tệp")
    return "".join(kept)


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of *offset*, counting only LF as a line break, as git does."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
