"""What `congkhai validate` prints, in the order a clerk reads it.

The problems of the files the clerk changed (on the branch, and not yet
committed) come first, every one of them. Then the rest of the catalog:
errors always in full; a warning that recurs in many files (46 procedures
overdue for review in the sample) shows once, followed by one plain line on
stderr saying how many more there are — ``--all`` lists them. Every problem
line keeps the ``path:line:col: message`` form editors and CI read.

GitHub annotations are never summarised: each is placed on its own file's
line in the pull request, and the files changed come first there too (the
runner shows only the first few annotations of a step).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.catalog.changed import changed_files, default_base
from generator.catalog.errors import Problem

SUMMARISE_FROM = 4  # a kind of warning seen this many times outside the changed files is shown once, then counted


@dataclass(frozen=True)
class Changed:
    """The catalog files a clerk changed, as problems name them, and what they were compared with."""

    paths: frozenset[str]
    base: str | None

    @classmethod
    def find(cls, catalog: Path, base: str | None) -> "Changed | None":
        """The files changed since *base* (or the default branch when None) and not committed; None without git."""
        base = base or default_base(catalog)
        names = changed_files(base, catalog)
        if names is None:
            return None
        shown = {Path(os.path.relpath(catalog / name)).as_posix() for name in names}
        return cls(frozenset(shown), base)

    def describe(self) -> str:
        since = f"so với {self.base}, " if self.base else ""
        return f"các tệp bạn đã thay đổi ({since}kể cả phần chưa commit)"


def show(problems: list[Problem], style: str, changed: Changed | None = None, every: bool = False) -> None:
    """Print *problems*: the changed files' first; in text, a warning repeated across the rest summarised."""
    mine = [p for p in problems if changed is not None and p.path in changed.paths]
    rest = [p for p in problems if changed is None or p.path not in changed.paths]
    if style == "github":
        for problem in mine + rest:
            print(problem.github())
        return
    if mine and rest:
        _note(f"Trong {changed.describe()}:")
    for problem in mine:
        print(problem)
    if mine and rest:
        _note("Trong phần còn lại của danh mục:")
    for problem, more in arrange(rest, every):
        print(problem)
        if more:
            _note(f"… và {more} cảnh báo khác cùng loại “{label(problem)}” ở các tệp khác — thêm --all để xem từng dòng.")


def arrange(problems: list[Problem], every: bool) -> list[tuple[Problem, int]]:
    """Each problem to print, with how many more of its kind are left unprinted after it."""
    if every:
        return [(p, 0) for p in problems]
    groups: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.warning:
            groups.setdefault(kind(problem), []).append(problem)
    shown = []
    for problem in problems:
        group = groups.get(kind(problem)) if problem.warning else None
        if group is None or len(group) < SUMMARISE_FROM:
            shown.append((problem, 0))
        elif group[0] is problem:
            shown.append((problem, len(group) - 1))
    return shown


def kind(problem: Problem) -> str:
    """What a warning says, without what it quotes: the same check on another file reads the same."""
    head = problem.message.split(" — ")[0]
    return re.sub(r'"[^"]*"|“[^”]*”|\d+(?:[./:-]\d+)*', "…", head)


def label(problem: Problem) -> str:
    """The warning's own words, shortened: "thủ tục chưa được rà soát trong 12 tháng qua"."""
    return re.sub(r"\s*\([^()]*\)$", "", problem.message.split(" — ")[0])


def _note(text: str) -> None:
    sys.stdout.flush()  # printed between problem lines: keep the order when both go to one terminal
    print(text, file=sys.stderr)
    sys.stderr.flush()
