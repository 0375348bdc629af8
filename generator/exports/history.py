"""When each source file last changed: the date of its last commit, from ONE ``git log`` pass per build.

The pass starts when the build does (``History(...)``) and is read when the
dates are needed (``dates()``), so git runs while the catalog is read. Outside git (no git,
not a repository, a file not committed yet) a file has no date here, and the
caller gives it the build date. A shallow clone knows only its last commits:
the publishing workflow checks out the whole history (``fetch-depth: 0``).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_MARK = "\x01"  # starts each commit's line: no file name holds it (the loader refuses control characters)


class History:
    def __init__(self, root: Path, paths: list[Path]):
        """*paths*: the folders and files whose dates are wanted, inside *root* (the site's folder)."""
        self.process, self.found = None, None
        root = Path(root).resolve()
        inside = [os.path.relpath(Path(p).resolve(), root) for p in paths if Path(p).exists()]
        inside = [p for p in inside if not p.startswith("..")]
        if not inside:
            self.found = {}
            return
        command = ["git", "-c", "core.quotepath=off", "-C", str(root), "log", "--no-renames", "--relative",
                   f"--format={_MARK}%cs", "--name-only", "--", *inside]
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                            encoding="utf-8", errors="replace", env=_git_env())
        except OSError:  # no git here
            self.found = {}

    def dates(self) -> dict[str, str]:
        """File path (relative to the root, with "/") → the date of its last commit, "YYYY-MM-DD"."""
        if self.found is None:
            out, _ = self.process.communicate()
            self.found = parse(out) if self.process.returncode == 0 else {}
        return self.found

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def parse(out: str) -> dict[str, str]:
    """The newest date of each file: the log lists the newest commit first."""
    found: dict[str, str] = {}
    date = None
    for line in out.splitlines():
        if line.startswith(_MARK):
            date = line[1:].strip()
        elif line and date:
            found.setdefault(line, date)
    return found


def newest(dates: dict[str, str], prefix: str, default: str) -> str:
    """The newest date of the files under *prefix* (a folder ending with "/", or a file), else *default*."""
    found = [date for path, date in dates.items() if path == prefix or path.startswith(prefix)]
    return max(found, default=default)


def _git_env() -> dict[str, str]:
    """git as a reader: no pager, no prompt, no settings of the person's that change its output."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return env
