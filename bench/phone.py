"""The site on a cheap phone: first paint and first search result under Chrome's "Slow 3G" with a 4× slower CPU.

    python3 bench/phone.py [SIZES...] [--repeat N]        default: sample 2600 10000, 3 runs

For each catalog (the sample in catalog/, or SIZE synthetic procedures written by
`generator/cli/synthetic.py`), the site is built with mkdocs and served from
127.0.0.1 by a small server that gzips text responses as a web host does. Each
measurement opens a fresh browser context with the cache disabled, network
conditions of Chrome's "Slow 3G" (2,000 ms latency per request, 500 kbit/s down
and up) and the CPU throttled 4× (CDP). Printed:

* first contentful paint of the home page, a procedure page and /tim-kiem/ (the median
  of N runs), with the requests and gzip bytes that finished before it and the
  render-blocking ones;
* on a fresh procedure page, once painted: the header search box is focused and a
  query typed (one key every 50 ms); the time from the first keystroke until the
  first result (`.ck-search__list [role=option]`: the results of what was typed so far)
  is in the page, the gzip bytes fetched from the navigation until then and those requested
  after the first keystroke; and the time until the whole query's results are shown in full;
* then, still throttled, keystroke to results once loaded for a few more queries (median, max): each is
  typed in full first, so that its files are here, then again without its last letter, and the time runs
  from that letter's key to the frame after its results are shown in full. Bytes fetched after that key
  are reported: they mean a wait on the network, not the CPU.

Bytes are response bodies as sent (Resource Timing's encodedBodySize), headers not counted.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright  # noqa: E402

from generator.cli.synthetic import write_catalog  # noqa: E402
from generator.text.vietnamese import fold  # noqa: E402

# PYTHONPATH: the build runs in a temporary folder and must find this checkout's generator/, installed or not
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", CONGKHAI_TODAY="2026-11-01",
           PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 500 * 1024 / 8, "uploadThroughput": 500 * 1024 / 8}
CPU_SLOWDOWN = 4
KEY_DELAY_MS = 50
TEXT_TYPES = re.compile(r"^(text/|application/(json|javascript|xml|atom\+xml|manifest\+json)|image/svg)")

# Recorded in the page: the first keystroke, and when the first result option is in the DOM.
WATCH = """
window.__ck = {key: null, result: null};
document.addEventListener('keydown', () => { if (__ck.key === null) __ck.key = performance.now(); }, true);
new MutationObserver(() => {
  if (__ck.result === null && document.querySelector('.ck-search__list [role=option]')) __ck.result = performance.now();
}).observe(document, {childList: true, subtree: true});
"""
FCP = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? null"
RESOURCES = """until => {
  const nav = performance.getEntriesByType('navigation')[0];
  const all = [nav, ...performance.getEntriesByType('resource')];
  const done = all.filter(e => e.responseEnd <= until);
  return {requests: done.length, bytes: done.reduce((s, e) => s + e.encodedBodySize, 0), html_ms: nav.responseEnd,
          blocking: all.filter(e => e.renderBlockingStatus === 'blocking').length};
}"""

SEARCHED = """([key, until]) => performance.getEntriesByType('resource')
  .filter(e => e.startTime >= key && e.responseEnd <= until).reduce((s, e) => s + e.encodedBodySize, 0)"""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text types gzipped (level 6) when the browser accepts it, over keep-alive HTTP/1.1."""

    protocol_version = "HTTP/1.1"
    cache: dict[Path, bytes] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        kind = self.guess_type(str(path))
        body = path.read_bytes()
        zipped = TEXT_TYPES.match(kind) and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = self.cache.get(path) or self.cache.setdefault(path, gzip.compress(body, 6))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser context closed while a response was on its way


def build(size: str, work: Path) -> Path:
    folder = work / f"site-{size}"
    folder.mkdir()
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    if size == "sample":
        shutil.copytree(ROOT / "catalog", folder / "catalog")
    else:
        write_catalog(folder / "catalog", procedures=int(size), today="2026-11-01")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=ENV, check=True, capture_output=True)
    return folder / "site"


def procedure_and_query(site: Path, size: str) -> tuple[str, list[str]]:
    """A procedure page, and queries a citizen would type: the sample's "dang ky khai sinh", or the start of
    synthetic procedure names, unaccented."""
    if size == "sample":
        return "thu-tuc/1.001193/", ["dang ky khai sinh", "ket hon", "cap ban sao trich luc", "chung thuc", "ho kinh doanh"]
    pages = sorted((site / "thu-tuc").glob("*/index.html"))
    names = [fold(re.search(r"<h1[^>]*>(.*?)</h1>", p.read_text(encoding="utf-8"), re.S)[1]) for p in pages[:400:80]]
    return f"thu-tuc/{pages[0].parent.name}/", [" ".join(re.sub(r"<[^>]+>", "", n).split()[:4]) for n in names]


def fresh(browser, url: str, watch: bool = False):
    """A page in a new context, throttled, without cache, navigated to *url*."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    if watch:
        page.add_init_script(WATCH)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function(f"({FCP})() !== null", timeout=120_000, polling=50)
    return context, page


def first_paint(browser, base: str, path: str) -> dict:
    context, page = fresh(browser, base + path)
    page.wait_for_load_state("load", timeout=120_000)
    fcp = page.evaluate(FCP)
    figures = {"fcp_ms": fcp, **page.evaluate(RESOURCES, fcp)}
    context.close()
    return figures


def first_result(browser, base: str, path: str, queries: list[str]) -> dict:
    context, page = fresh(browser, base + path, watch=True)
    page.focus("#ck-search-input")
    page.keyboard.type(queries[0], delay=KEY_DELAY_MS)
    page.wait_for_function("__ck.result !== null", timeout=120_000, polling=50)
    key, result = page.evaluate("[__ck.key, __ck.result]")
    total = page.evaluate(RESOURCES, result)
    searched = page.evaluate(SEARCHED, [key, result])
    page.wait_for_function("q => (congkhai.timings.shown || {}).query === q", arg=queries[0], timeout=120_000, polling=50)
    whole = page.evaluate("congkhai.timings.shown.at") - key
    page.wait_for_load_state("load", timeout=120_000)
    typed = [t for t in (_keystroke(page, query) for query in queries[1:]) if t is not None]
    times = [t["ms"] for t in typed] or [float("nan")]
    context.close()
    return {"key_to_result_ms": result - key, "key_to_whole_ms": whole, "result_ms": result, "bytes_to_result": total["bytes"], "bytes_after_key": searched,
            "requests_to_result": total["requests"], "query_median_ms": statistics.median(times), "query_max_ms": max(times),
            "query_fetched": sum(t["bytes"] for t in typed), "queries_timed": len(typed)}


def _keystroke(page, query: str) -> dict | None:
    """Keystroke to results once loaded: *query* is typed in full first and its files (words and titles) are
    fetched; then it is typed again but for its last letter, and that letter pressed. Milliseconds from the
    key to the frame after its results are shown in full (congkhai.timings.shown), and the bytes requested
    after the key (0 when every file was here: the time is the CPU's)."""
    page.fill("#ck-search-input", query)
    page.wait_for_function("q => (congkhai.timings.shown || {}).query === q", arg=query, timeout=60_000, polling=50)
    page.fill("#ck-search-input", query[:-1])
    page.wait_for_function("q => (congkhai.timings.shown || {}).query === q", arg=query[:-1], timeout=60_000, polling=50)
    page.evaluate("""q => { window.__ck.mark = null; window.__ck.t0 = null;
      document.addEventListener('keydown', () => { __ck.t0 = performance.now(); }, {capture: true, once: true});
      (function frame() {  // the frame after the one in which the results are shown in full
        const shown = congkhai.timings.shown, done = __ck.t0 !== null && shown && shown.query === q && shown.at >= __ck.t0;
        requestAnimationFrame(done ? () => { __ck.mark = performance.now(); } : frame); })(); }""", query)
    page.keyboard.press(query[-1])
    try:
        page.wait_for_function("__ck.mark !== null", timeout=30_000, polling=50)
    except PlaywrightTimeout:
        return None
    t0, mark = page.evaluate("[__ck.t0, __ck.mark]")
    return {"ms": mark - t0, "bytes": page.evaluate(SEARCHED, [t0, mark + 1])}


def bench(size: str, work: Path, browser, repeat: int) -> dict:
    site = build(size, work)
    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    procedure, queries = procedure_and_query(site, size)
    try:
        row = {"size": size, "query": queries[0]}
        for name, path in (("home", ""), ("procedure", procedure), ("search", "tim-kiem/")):
            runs = sorted((first_paint(browser, base, path) for _ in range(repeat)), key=lambda r: r["fcp_ms"])
            row[name] = runs[len(runs) // 2]  # the median run: other work on the machine slows the throttled CPU further
        row.update(first_result(browser, base, procedure, queries))
    finally:
        server.shutdown()
    return row


def report(rows: list[dict]) -> None:
    print("Slow 3G (2,000 ms per request, 500 kbit/s), CPU 4× slower, cache off; served gzipped (level 6) from 127.0.0.1;"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'catalog':>8} {'page':>10} {'FCP ms':>7} {'HTML ms':>7} {'req':>4} {'KB gz':>6} {'blocking':>8}")
    for r in rows:
        for name in ("home", "procedure", "search"):
            f = r[name]
            print(f"{r['size']:>8} {name:>10} {f['fcp_ms']:>7.0f} {f['html_ms']:>7.0f} {f['requests']:>4} {f['bytes'] / 1024:>6.1f} "
                  f"{f['blocking']:>8}")
    print(f"\n{'catalog':>8} {'nav→1st result ms':>17} {'key→1st result ms':>17} {'key→whole query ms':>18} {'KB gz total':>11} {'KB gz searched':>14} {'key→results med/max ms':>22}  query")
    for r in rows:
        print(f"{r['size']:>8} {r['result_ms']:>17.0f} {r['key_to_result_ms']:>17.0f} {r['key_to_whole_ms']:>18.0f} {r['bytes_to_result'] / 1024:>11.1f} {r['bytes_after_key'] / 1024:>14.1f} "
              f"{r['query_median_ms']:>10.0f} / {r['query_max_ms']:<9.0f}  {r['query']!r}"
              + (f"  (fetched {r['query_fetched'] / 1024:.1f} KB after the last keys: a network wait)" if r["query_fetched"] else ""))
    print("FCP: first-contentful-paint; HTML: the page's last byte (FCP - HTML is the throttled CPU's work on this machine);"
          " req/KB gz: responses finished before FCP (the page included); blocking: render-blocking requests.")
    print(f"key→1st result: fresh procedure page, typed once painted, one key every {KEY_DELAY_MS} ms; KB gz total: from navigation;"
          " searched: requested after the first key; whole query: until its own results are shown in full.")
    print("key→results: with the query's files already fetched (typed in full once), its last letter pressed again: the key"
          " to the frame after its first results are shown in full (the CPU's time, unless a file was still missing).")


def main(argv: list[str]) -> None:

    repeat = int(argv.pop(argv.index("--repeat") + 1)) if "--repeat" in argv else 3
    argv = [a for a in argv if a != "--repeat"]
    sizes = argv or ["sample", "2600", "10000"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="congkhai-phone-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CONGKHAI_CHROMIUM", "/usr/bin/chromium"), args=ARGS)
        for size in sizes:
            rows.append(bench(size, Path(tmp), browser, repeat))
            print(f"  measured {size}", file=sys.stderr)
        browser.close()
    report(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
