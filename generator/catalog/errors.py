"""Problems found in a catalog, and the one exception that carries them all.

Every stage collects problems and the caller fails once, listing them all.
Only the CLI turns them into an exit code; only the plugin into a MkDocs error.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One line of a report, ``path:line:col: message``.

    Messages quote what files hold, and file names are what they are: a value
    or a name with a line break could forge another ``path:line:col`` line,
    or a GitHub workflow command. So every problem, whichever module makes
    it, keeps its path and message on one line (``one_line``) from the
    moment it is made; every way of printing it (text, ``--format github``,
    the MkDocs log) starts from there.
    """

    path: str
    line: int
    col: int
    message: str
    warning: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", one_line(str(self.path)))
        object.__setattr__(self, "message", one_line(str(self.message)))

    def __str__(self) -> str:
        prefix = "cảnh báo: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command (an annotation on the pull request)."""
        level = "warning" if self.warning else "error"
        where = ",".join(f"{key}={command_property(str(value))}" for key, value in (("file", self.path), ("line", self.line), ("col", self.col)))
        return f"::{level} {where}::{command_data(self.message)}"


_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """*text* with every character that breaks, hides or reorders a line shown as a visible escape:
    ``\\n``, ``\\r``, ``\\t``, and ``\\u2028``-style for other controls, line and paragraph separators,
    format characters (bidi controls, zero-width) and lone surrogates (undecodable file names)."""
    if text.isprintable():
        return text
    return "".join(_SHOWN.get(c) or (_escape(c) if unicodedata.category(c) in _HIDDEN else c) for c in text)


_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def command_data(text: str) -> str:
    """A workflow command's message: the runner reads ``%25``, ``%0D``, ``%0A`` back as ``%``, CR, LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def command_property(text: str) -> str:
    """A workflow command's property value (``file=``…): ``:`` and ``,`` would end it, so they are escaped too."""
    return command_data(text).replace(":", "%3A").replace(",", "%2C")


class CatalogError(Exception):
    """The catalog has errors; ``problems`` lists every one, warnings included."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if not p.warning]
        super().__init__(f"{len(errors)} lỗi trong danh mục")

    def report(self) -> str:
        errors = sum(1 for p in self.problems if not p.warning)
        lines = [str(p) for p in self.problems]
        lines.append(f"Danh mục có {errors} lỗi — hãy sửa các lỗi trên rồi chạy lại.")
        return "\n".join(lines)


class Collector:
    """Gathers problems for one file."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def error(self, at, message: str) -> None:
        self.problems.append(Problem(self.path, *_position(at), message))

    def warn(self, at, message: str) -> None:
        self.problems.append(Problem(self.path, *_position(at), message, warning=True))


def _position(at) -> tuple[int, int]:
    if isinstance(at, tuple):
        return at
    return getattr(at, "pos", (1, 1))
