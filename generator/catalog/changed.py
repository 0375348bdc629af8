"""Which catalog files a branch changed, from git: for `congkhai validate --changed BASE`."""

from __future__ import annotations

import subprocess
from pathlib import Path

OWNED = ("procedures/", "internal/", "plans/")


BASES = ("origin/HEAD", "origin/main", "origin/master", "main", "master")  # where a branch most likely started


def default_base(catalog: Path) -> str | None:
    """The branch a clerk's work is compared with when none is named: the remote's default branch, or main, or master."""
    for name in BASES:
        try:
            _git(catalog.resolve(), "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
        except (OSError, subprocess.CalledProcessError):
            continue
        return name
    return None


def changed_files(base: str | None, catalog: Path) -> list[str] | None:
    """Catalog files (relative to *catalog*) changed since the merge base with *base* (if any), staged,
    unstaged or new; None when git cannot tell (then everything is checked)."""
    catalog = catalog.resolve()
    try:
        top = Path(_git(catalog, "rev-parse", "--show-toplevel").strip())
        names = _git(top, "diff", "--name-only", "--diff-filter=ACMRT", f"{base}...HEAD", "--", str(catalog)) if base else ""
        names += _git(top, "diff", "--name-only", "--diff-filter=ACMRT", "HEAD", "--", str(catalog))
        names += _git(top, "ls-files", "--others", "--exclude-standard", "--", str(catalog))
    except (OSError, subprocess.CalledProcessError):
        return None
    inside = catalog.relative_to(top).as_posix()
    prefix = "" if inside == "." else inside + "/"
    return sorted({name[len(prefix):] for name in names.splitlines() if name.startswith(prefix) and (name.endswith((".yaml", ".yml")) or name[len(prefix):].startswith("media/"))})


def only_owned(files: list[str]) -> bool:
    """True when every changed file is a procedure, internal procedure or plan: then the rest
    of the catalog can be known by file names alone. A changed media file (a video, its captions)
    is checked through every entry that names it: then the whole catalog is read."""
    return all(name.startswith(OWNED) for name in files)


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout
