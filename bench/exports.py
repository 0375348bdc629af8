"""What the open data (/du-lieu/: JSON, CSV, feeds, JSON-LD, sitemap dates) costs a build, and how large it is.

    python3 bench/exports.py [SIZES...] [--rounds N]     default: 1000 10000, 3 rounds

For each size: `congkhai sample` writes the catalog; then, interleaved (the
machine's speed drifts), full `mkdocs build`s with the open data and without
it (the same build with ``OpenData`` replaced by one that does nothing:
no /du-lieu/ files, no JSON-LD, the host's sitemap as it is). Prints the
median of each and their ratio; the time of the export step alone (records,
JSON, CSV, datapackage.json, every feed, in this process); and each file's
size, raw and gzip -6. Unit feeds are summed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", CONGKHAI_TODAY="2026-11-01")
WITHOUT = """
import sys
import generator.build.site as site

class NoJob:
    forked = True
    def start(self): return self
    def wait(self): return None
    def stop(self): pass

class NoOpenData:
    job = NoJob()
    def __init__(self, *args): pass
    def plan(self, *args): return []
    def sources(self, *args): return {}
    def finish(self, *args): pass
    def stop(self): pass

site.OpenData = NoOpenData
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q", "-f", "mkdocs-without.yml"]  # its nav has no /du-lieu/ page
cli()
"""
WITH = "import sys\nfrom mkdocs.__main__ import cli\nsys.argv = ['mkdocs', 'build', '-q']\ncli()\n"


MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, r.returncode); "
           "sys.stderr.write(r.stderr[-3000:] if r.returncode else '')")


def build_seconds(folder: Path, program: str) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the build and its second processes (less disturbed by a busy machine)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-c", program], cwd=folder, env=ENV,
                         capture_output=True, text=True)
    wall, cpu, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"build failed in {folder}:\n{out.stderr}")
    return float(wall), float(cpu)


def export_step(folder: Path) -> float:
    """The export job alone, in this process: what the second process does while the pages are written."""
    from generator.catalog.load import load_catalog
    from generator.exports.opendata import write_files
    from generator.pages.relations import relate

    catalog = load_catalog(folder / "catalog", folder)
    relations = relate(catalog, ENV["CONGKHAI_TODAY"])
    out = folder / "export-alone" / "du-lieu"
    start = time.perf_counter()
    write_files(out, catalog, relations, "https://congkhai.example/", ENV["CONGKHAI_TODAY"])
    return time.perf_counter() - start


def sizes(data: Path) -> list[tuple[str, int, int]]:
    rows = []
    for path in sorted(p for p in data.glob("*.*") if p.name != "index.html"):
        raw = path.read_bytes()
        rows.append((path.name, len(raw), len(gzip.compress(raw, 6))))
    feeds = sorted((data / "thay-doi").glob("*.xml"))
    raw = [p.read_bytes() for p in feeds]
    rows.append((f"thay-doi/*.xml ({len(feeds)} feeds)", sum(map(len, raw)), sum(len(gzip.compress(r, 6)) for r in raw)))
    return rows


def bench(size: int, work: Path, rounds: int) -> None:
    folder = work / f"congkhai-{size}"
    folder.mkdir()
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs-without.yml").write_text(config.replace("  - Dữ liệu mở: du-lieu/index.md\n", ""), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "generator", "sample", "--procedures", str(size), "--units", str(max(30, size // 30)),
                    "--out", str(folder / "catalog")], check=True, env=ENV, cwd=ROOT, capture_output=True)
    build_seconds(folder, WITH)  # warm the file cache
    times = {"with": [], "without": []}
    for _ in range(rounds):
        for kind, program in (("without", WITHOUT), ("with", WITH)):
            times[kind].append(build_seconds(folder, program))
    print(f"\n{size} procedures, {rounds} interleaved rounds (load average {os.getloadavg()[0]:.1f} at the end)")
    for part, index in (("wall", 0), ("CPU", 1)):
        runs = {kind: [t[index] for t in times[kind]] for kind in times}
        with_s, without_s = statistics.median(runs["with"]), statistics.median(runs["without"])
        print(f"  {part:>4} with open data:    median {with_s:6.2f} s   runs {' '.join(f'{t:.2f}' for t in runs['with'])}")
        print(f"  {part:>4} without open data: median {without_s:6.2f} s   runs {' '.join(f'{t:.2f}' for t in runs['without'])}")
        print(f"  {part:>4}: open data adds {100 * (with_s / without_s - 1):+.1f} %")
    print(f"  export step alone (second process): {export_step(folder):.2f} s")
    print(f"  {'file':<34} {'raw':>12} {'gzip':>12}")
    for name, raw, packed in sizes(folder / "site" / "du-lieu"):
        print(f"  {name:<34} {raw / 1e3:>9.1f} KB {packed / 1e3:>9.1f} KB")
    shutil.rmtree(folder, ignore_errors=True)  # a build deletes the previous site in a process of its own


def main(argv: list[str]) -> None:
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    numbers = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--rounds")]
    with tempfile.TemporaryDirectory(prefix="congkhai-bench-", ignore_cleanup_errors=True) as tmp:
        for size in [int(n) for n in numbers] or [1000, 10000]:
            bench(size, Path(tmp), rounds)


if __name__ == "__main__":
    main(sys.argv[1:])
