"""The time from saving one changed procedure file to its page being served again, under `mkdocs serve`.

    python3 bench/serve.py [SIZES...]        default: 1000 10000

For each size, runs `mkdocs serve --dirty` and plain `mkdocs serve` on a
synthetic catalog, waits for the first build, renames one procedure and
polls its page until the new name is served (from an idle server: once the
index and the screens of the first build are written). Prints the seconds
for each.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.cli.synthetic import write_catalog  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", CONGKHAI_TODAY="2026-11-01")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(url: str, needle: str, limit: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        body = _get(url)
        if body is not None and needle in body:
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {needle!r} within {limit} s")


def _busy_children(pid: int) -> list[int]:
    """The processes *pid* started that are still running (Linux: /proc)."""
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    running = []
    for child in children:
        try:
            state = Path(f"/proc/{child}/stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.append(child)
    return running


def _wait_idle(pid: int, limit: float) -> None:
    started = time.perf_counter()
    while _busy_children(pid) and time.perf_counter() - started < limit:
        time.sleep(0.1)


def rebuild_time(folder: Path, dirty: bool) -> tuple[float, float]:
    port = _port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    server = subprocess.Popen(command, cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        first = _wait(base + "thu-tuc/1.100000/", "1.100000", 600)
        # the index and the screens follow the pages in the background: measure from an idle server,
        # as a person who opens a page and then edits a file finds it
        _wait_idle(server.pid, 600)
        target = folder / "catalog" / "procedures" / "so-ho-tich" / "1.100000.yaml"
        text = target.read_text(encoding="utf-8")
        marker = f"Tên đã sửa {time.time_ns()}"
        time.sleep(1)
        started = time.perf_counter()
        target.write_text(text.replace("name: ", f'name: "{marker}"\nx_old_name: ', 1).replace("\nx_old_name: ", "\n# ", 1), encoding="utf-8")
        again = _wait(base + "thu-tuc/1.100000/", marker, 600)
        return first, time.perf_counter() - started if again else again
    finally:
        server.terminate()
        server.wait(30)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 10000]
    print(f"{'procedures':>10} {'first build s':>13} {'--dirty rebuild s':>17} {'full rebuild s':>14}")
    with tempfile.TemporaryDirectory(prefix="congkhai-serve-") as tmp:
        for size in sizes:
            folder = Path(tmp) / f"n{size}"
            folder.mkdir()
            for name in ("mkdocs.yml", "content", "overrides"):
                source = ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
            write_catalog(folder / "catalog", procedures=size)
            first, dirty = rebuild_time(folder, dirty=True)
            write_catalog(folder / "catalog", procedures=size)  # the original text again
            _, full = rebuild_time(folder, dirty=False)
            print(f"{size:>10} {first:>13.1f} {dirty:>17.1f} {full:>14.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
