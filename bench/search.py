"""Search at scale: the index's build time and size, and what a query costs in headless Chromium.

    python3 bench/search.py [SIZES...]        default: 1000 2600 10000

For each size, a synthetic catalog (generator/cli/synthetic.py) is read and its
search documents made; the index is built (time, best of 3) and written (files,
bytes raw and gzip). A page holding the header search box and congkhai.js is
served with the index by a small server that gzips JSON as a web host does
(level 6). In Chromium, for a few typical queries, each on a fresh page:

* the index files fetched from the first keystroke until the first result shows
  and their gzip bytes (Resource Timing's encodedBodySize), congkhai.js included;
* keystroke → results once the files are in memory (median of five, the
  dropdown rendered);
* under Chrome's "Slow 3G" (2,000 ms latency per request, 500 kbit/s) with the
  CPU 4× slower, typing one key every 50 ms: the time from the first keystroke
  to the first result, and to the results of the whole query.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phone import GzipHandler  # noqa: E402  (text types gzipped as a web host does)
from generator.catalog.load import load_catalog  # noqa: E402
from generator.cli.synthetic import write_catalog  # noqa: E402
from generator.pages.relations import relate  # noqa: E402
from generator.search.index import build_index, catalog_docs, write_index  # noqa: E402

QUERIES = ["dang ky thay doi ho kinh doanh", "cap lai giay phep hoat dong", "tro cap xa hoi hang thang",
           "giay chung nhan du dieu kien cho to chuc", "1.100120"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 500 * 1024 / 8, "uploadThroughput": 500 * 1024 / 8}
PAGE = """<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="ck-base" content="/"><title>bench</title>
<form class="ck-search" role="search" action="/tim-kiem/" data-ck-search>
  <input id="ck-search-input" type="search" name="q" role="combobox" aria-expanded="false" aria-controls="ck-search-list">
  <div class="ck-search__panel" hidden><p class="ck-search__status"></p><ul id="ck-search-list" class="ck-search__list" role="listbox"></ul></div>
</form><script defer src="/assets/congkhai.js"></script></html>"""
# When the first result showed, and when the results of the whole query did.
WATCH = """window.__ck = {first: null, whole: null, query: null};
new MutationObserver(() => {
  const option = document.querySelector('#ck-search-list [role=option]'), t = window.congkhai && congkhai.timings.shown;
  if (__ck.first === null && option) __ck.first = performance.now();
  if (__ck.whole === null && t && t.query === __ck.query) __ck.whole = performance.now();
}).observe(document, {childList: true, subtree: true, characterData: true});"""
BYTES = """until => performance.getEntriesByType('resource').filter(e => e.responseEnd <= until)
  .reduce((s, e) => [s[0] + 1, s[1] + e.encodedBodySize], [0, 0])"""
WARM = """async q => { const input = document.querySelector('#ck-search-input'), times = [];
  for (let i = 0; i < 5; i++) {
    congkhai.timings.query = null; input.value = q; input.dispatchEvent(new Event('input'));
    while (congkhai.timings.query === null) await new Promise(r => setTimeout(r, 0));
    times.push(congkhai.timings.query);
  }
  return times.sort((a, b) => a - b)[2]; }"""


def index(size: int, work: Path) -> dict:
    write_catalog(work / "catalog", procedures=size, today="2026-11-01")
    catalog = load_catalog(work / "catalog")
    docs = catalog_docs(catalog, relate(catalog, "2026-11-01"))
    times = []
    for _ in range(3):
        started = time.perf_counter()
        build_index(docs)
        times.append(time.perf_counter() - started)
    site = work / "site"
    write_index(site / "tim-kiem" / "chi-muc.json", docs)
    (site / "assets").mkdir()
    (site / "assets" / "congkhai.js").write_bytes((ROOT / "generator" / "theme" / "assets" / "congkhai.js").read_bytes())
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    files = [p for p in (site / "tim-kiem").rglob("*.json")]
    return {"site": site, "documents": len(docs), "build_s": min(times), "files": len(files),
            "raw_kb": sum(p.stat().st_size for p in files) / 1e3, "gz_kb": sum(len(gzip.compress(p.read_bytes(), 6)) for p in files) / 1e3}


def measure(browser, url: str, query: str, throttled: bool) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.add_init_script(WATCH)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttled:
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, timeout=120_000)
    page.wait_for_function("window.congkhai && congkhai.timings", timeout=120_000)
    page.focus("#ck-search-input")
    typed = page.evaluate("q => (__ck.query = q, performance.now())", query)
    page.keyboard.type(query, delay=50 if throttled else 0)
    page.wait_for_function("__ck.whole !== null", timeout=120_000, polling=20)
    first, whole = page.evaluate("[__ck.first, __ck.whole]")
    requests, before = page.evaluate(BYTES, first)
    row = {"first_ms": first - typed, "whole_ms": whole - typed, "requests": requests, "first_kb": before / 1e3}
    if not throttled:
        page.wait_for_load_state("networkidle")
        row["warm_ms"] = page.evaluate(WARM, query)
    context.close()
    return row


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    sizes = [int(a) for a in argv] or [1000, 2600, 10000]
    with tempfile.TemporaryDirectory(prefix="congkhai-search-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for size in sizes:
            built = index(size, Path(tmp) / str(size))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(built["site"])))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_port}/"
            print(f"\n{size} procedures, {built['documents']} documents: index built in {built['build_s']:.2f} s, "
                  f"{built['files']} files, {built['raw_kb']:.0f} KB ({built['gz_kb']:.0f} KB gzip)")
            print(f"  {'query':<42} {'files':>5} {'gz KB':>6} {'warm ms':>7} {'slow 3G first s':>15} {'whole s':>7}")
            for query in QUERIES:
                fast, slow = measure(browser, url, query, False), measure(browser, url, query, True)
                print(f"  {query:<42} {fast['requests']:>5} {fast['first_kb']:>6.1f} {fast['warm_ms']:>7.1f} "
                      f"{slow['first_ms'] / 1e3:>15.1f} {slow['whole_ms'] / 1e3:>7.1f}")
            server.shutdown()
        browser.close()
    print("\nfiles, gz KB: what a fresh page fetched until the first result (congkhai.js included), gzip.")
    print("warm ms: keystroke → results rendered, files in memory. slow 3G: 2,000 ms per request, 500 kbit/s, CPU 4×,")
    print("one key every 50 ms; first: first result after the first keystroke; whole: results of the whole query.")


if __name__ == "__main__":
    main(sys.argv[1:])
