"""Search at scale: index build time, bytes downloaded, and speed in headless Chromium.

    python3 bench/search.py [SIZES...]        default: 1000 10000

For each size: writes a synthetic catalog, builds the site with mkdocs, times
the index build alone (what search adds to a build), measures what the page
downloads before the first result (index + lunr.js + congkhai.js, gzipped),
then in Chromium the fetch, parse and load times of the index and the time
from a keystroke to rendered results for a set of queries.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.catalog.load import load_catalog  # noqa: E402
from generator.pages.relations import relate  # noqa: E402
from generator.search.index import build_index, catalog_docs  # noqa: E402
from generator.cli.synthetic import write_catalog  # noqa: E402

QUERIES = ["dang ky", "cap lai giay phep", "giay chung nhan du dieu kien", "1.1000", "tro cap xa hoi hang thang", "ho kinh doanh",
           "thu hoi quyet dinh thanh lap", "xac nhan", "giay phep xay dung cho to chuc", "cap doi chung chi hanh nghe lan dau"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def bench(size: int, work: Path) -> dict:
    folder = work / f"n{size}"
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    write_catalog(folder / "catalog", procedures=size)
    started = time.perf_counter()
    catalog = load_catalog(folder / "catalog")
    relations = relate(catalog, "2026-11-01")
    loaded = time.perf_counter()
    text = json.dumps(build_index(catalog_docs(catalog, relations), catalog.synonyms), ensure_ascii=False, separators=(",", ":"))
    index_s = time.perf_counter() - loaded
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CONGKHAI_TODAY="2026-11-01")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=env, check=True, capture_output=True)
    build_s = time.perf_counter() - started
    site = folder / "site"
    index = site / "tim-kiem" / "chi-muc.json"
    scripts = _gz(site / "assets" / "vendor" / "lunr" / "lunr.min.js") + _gz(site / "assets" / "congkhai.js")
    row = {"procedures": size, "documents": len(json.loads(text)["docs"]), "index_build_s": index_s, "site_build_s": build_s,
           "index_raw_kb": index.stat().st_size / 1e3, "index_gz_kb": _gz(index) / 1e3, "scripts_gz_kb": scripts / 1e3}
    row.update(_browser(site))
    return row


def _browser(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            started = time.perf_counter()
            page.click("#ck-search-input")
            page.wait_for_function("window.congkhai && window.congkhai.index", timeout=60000)
            ready_s = time.perf_counter() - started
            timings = page.evaluate("congkhai.timings")
            per_query = page.evaluate("""queries => queries.map(q => {
                const input = document.querySelector('#ck-search-input');
                const t0 = performance.now();
                input.value = q;
                input.dispatchEvent(new Event('input'));
                document.querySelector('#ck-search-list').offsetHeight;  // layout of the rendered results
                return [performance.now() - t0, congkhai.search(q).length];
            })""", QUERIES)
            browser.close()
    finally:
        server.shutdown()
    times = [t for t, _ in per_query]
    return {"fetch_ms": timings["fetch"], "parse_ms": timings["parse"], "load_ms": timings["load"], "ready_ms": ready_s * 1000,
            "query_median_ms": statistics.median(times), "query_max_ms": max(times), "results": [n for _, n in per_query]}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 10000]
    with tempfile.TemporaryDirectory(prefix="congkhai-search-") as tmp:
        rows = [bench(size, Path(tmp)) for size in sizes]
    print(f"{'procedures':>10} {'docs':>6} {'index s':>8} {'site s':>7} {'index KB':>9} {'index gz':>9} {'first gz':>9} "
          f"{'fetch ms':>9} {'parse ms':>9} {'load ms':>8} {'query med':>9} {'query max':>9}")
    for r in rows:
        first = r["index_gz_kb"] + r["scripts_gz_kb"]
        print(f"{r['procedures']:>10} {r['documents']:>6} {r['index_build_s']:>8.2f} {r['site_build_s']:>7.1f} {r['index_raw_kb']:>9.0f} "
              f"{r['index_gz_kb']:>9.0f} {first:>9.0f} {r['fetch_ms']:>9.0f} {r['parse_ms']:>9.0f} {r['load_ms']:>8.0f} "
              f"{r['query_median_ms']:>9.1f} {r['query_max_ms']:>9.1f}")
    print("first gz = index + lunr.min.js + congkhai.js, gzipped: what the page downloads before the first result")


if __name__ == "__main__":
    main(sys.argv[1:])
