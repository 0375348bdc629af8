"""Problems found in a catalog, and the one exception that carries them all.

Every stage collects problems and the caller fails once, listing them all.
Only the CLI turns them into an exit code; only the plugin into a MkDocs error.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "cảnh báo: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


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
