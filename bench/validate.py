"""`congkhai validate --changed` on a pull request that changes one procedure, and a full validate.

    python3 bench/validate.py [SIZES...]        default: 1000 10000

Each size: a synthetic catalog committed to a fresh git repository, one
procedure changed on a branch; prints the wall time of both commands,
Python start-up included, as a pull-request check runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.cli.synthetic import write_catalog  # noqa: E402

ENV = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.org")


def _run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def bench(size: int, work: Path) -> tuple[float, float]:
    repo = work / f"n{size}"
    write_catalog(repo / "catalog", procedures=size)
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-qm", "base"], ["git", "checkout", "-qb", "pr"]):
        subprocess.run(command, cwd=repo, env=ENV, check=True, capture_output=True)
    changed = repo / "catalog" / "procedures" / "so-ho-tich" / "1.100000.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace('result: "', 'result: "Đã sửa: ', 1), encoding="utf-8")
    validate = [sys.executable, "-m", "generator", "validate", "--no-review"]
    return _run([*validate, "--changed", "main"], repo), _run(validate, repo)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 10000]
    print(f"{'procedures':>10} {'--changed s':>11} {'full s':>7}")
    with tempfile.TemporaryDirectory(prefix="congkhai-validate-") as tmp:
        for size in sizes:
            changed, full = bench(size, Path(tmp))
            print(f"{size:>10} {changed:>11.2f} {full:>7.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
