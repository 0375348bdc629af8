"""Build synthetic catalogs with ``mkdocs build`` and print time, peak memory and size.

    python3 bench/build.py [SIZES...]        default: 1000 5000

Each size is written with generator.synthetic, validated, then built in a
child process; peak RSS is the child's (ru_maxrss). Prints one line per size.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.synthetic import write_catalog  # noqa: E402


def _size(folder: Path) -> tuple[int, int, list[int]]:
    total, count, pages = 0, 0, []
    for path in folder.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            count += 1
            if path.name == "index.html" and path.parent.parent.name == "thu-tuc":
                pages.append(size)
    return total, count, sorted(pages)


def bench(size: int, work: Path) -> dict:
    folder = work / f"n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    started = time.perf_counter()
    write_catalog(folder / "catalog", procedures=size)
    written = time.perf_counter() - started
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CONGKHAI_TODAY="2026-11-01")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    total, files, pages = _size(folder / "site")
    return {"procedures": size, "write_s": written, "build_s": wall, "peak_rss_mb": max(peak, before) / 1024,
            "site_mb": total / 1e6, "files": files, "median_page_kb": pages[len(pages) // 2] / 1e3, "largest_page_kb": pages[-1] / 1e3}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 5000]
    with tempfile.TemporaryDirectory(prefix="congkhai-bench-") as tmp:
        rows = [bench(size, Path(tmp)) for size in sizes]
    print(f"{'procedures':>10} {'build s':>8} {'peak MB':>8} {'site MB':>8} {'files':>7} {'median KB':>9} {'largest KB':>10}")
    for row in rows:
        print(f"{row['procedures']:>10} {row['build_s']:>8.1f} {row['peak_rss_mb']:>8.0f} {row['site_mb']:>8.1f} {row['files']:>7} "
              f"{row['median_page_kb']:>9.1f} {row['largest_page_kb']:>10.1f}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = last["procedures"] / first["procedures"]
        print(f"growth ×{growth:.0f} in procedures: build time ×{last['build_s'] / first['build_s']:.1f}, "
              f"site size ×{last['site_mb'] / first['site_mb']:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
