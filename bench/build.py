"""Full builds of synthetic catalogs, against a stock MkDocs + Material baseline.

    python3 bench/build.py [SIZES...]        default: 1000 5000 10000

For each size: `congkhai sample` writes the catalog; `mkdocs build` builds it
with congkhai; the same procedures as plain Markdown pages (bench/baseline.py)
are built by stock MkDocs + Material with its search, not in the navigation.
Prints wall time, peak RSS (of the build's main process), site size, median
and largest procedure page, and the ratio to the baseline. `--no-baseline`
skips the baseline.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baseline import write_baseline  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", CONGKHAI_TODAY="2026-11-01")
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode); "
           "sys.stderr.write(r.stderr[-2000:] if r.returncode else '')")


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of *command*, run by a fresh wrapper so that nothing else is counted."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{out.stderr}")
    return float(seconds), int(rss_kb) / 1024


def site_figures(site: Path, pages: str) -> dict:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    sizes = sorted(p.stat().st_size for p in (site / pages).glob("*/index.html"))
    return {"site_mb": total / 1e6, "median_kb": statistics.median(sizes) / 1e3, "largest_kb": sizes[-1] / 1e3}


def bench(size: int, work: Path, baseline: bool) -> dict:
    folder = work / f"congkhai-{size}"
    folder.mkdir()
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    units = max(30, size // 30)
    subprocess.run([sys.executable, "-m", "generator", "sample", "--procedures", str(size), "--units", str(units),
                    "--out", str(folder / "catalog")], check=True, env=ENV, cwd=ROOT, capture_output=True)
    seconds, rss = measure([sys.executable, "-m", "mkdocs", "build", "-q"], folder)
    row = {"procedures": size, "units": units, "build_s": seconds, "rss_mb": rss, **site_figures(folder / "site", "thu-tuc")}
    if baseline:
        plain = work / f"baseline-{size}"
        write_baseline(folder / "catalog", plain)
        row["baseline_s"], row["baseline_rss_mb"] = measure([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
        row["baseline_site_mb"] = site_figures(plain / "site", "thu-tuc")["site_mb"]
    shutil.rmtree(folder)
    return row


def main(argv: list[str]) -> None:
    baseline = "--no-baseline" not in argv
    sizes = [int(a) for a in argv if a.isdigit()] or [1000, 5000, 10000]
    with tempfile.TemporaryDirectory(prefix="congkhai-bench-") as tmp:
        rows = []
        for size in sizes:
            rows.append(bench(size, Path(tmp), baseline))
            print(f"  built {size} procedures", file=sys.stderr)
    print(f"{'procedures':>10} {'units':>6} {'build s':>8} {'peak MB':>8} {'site MB':>8} {'median KB':>9} {'largest KB':>10}"
          + (f" {'baseline s':>10} {'base MB':>8} {'base site':>9} {'× faster':>8}" if baseline else ""))
    for r in rows:
        line = (f"{r['procedures']:>10} {r['units']:>6} {r['build_s']:>8.1f} {r['rss_mb']:>8.0f} {r['site_mb']:>8.1f} "
                f"{r['median_kb']:>9.1f} {r['largest_kb']:>10.1f}")
        if baseline:
            line += f" {r['baseline_s']:>10.1f} {r['baseline_rss_mb']:>8.0f} {r['baseline_site_mb']:>9.1f} {r['baseline_s'] / r['build_s']:>8.1f}"
        print(line)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"growth ×{last['procedures'] / first['procedures']:.0f} in procedures: build time ×{last['build_s'] / first['build_s']:.1f}, "
              f"peak memory ×{last['rss_mb'] / first['rss_mb']:.1f}, site size ×{last['site_mb'] / first['site_mb']:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
