"""Nothing but the HTML stands before a page's first paint: the rules the first screen needs are inline,
the stylesheets load without blocking (with a <noscript> copy), no script holds back parsing; and once the
sheets have loaded the page is styled as Material styles it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.pages import firstpaint

# One page of every kind; every other page of the site is checked statically too.
KINDS = {"home": "", "procedure": "thu-tuc/1.001193/", "unit": "don-vi/ubnd-xa-vinh-bao/", "field": "linh-vuc/ho-tich/",
         "plan": "ke-hoach/kh-10-2022-ubnd-tp/", "list": "thu-tuc/", "internal": "thu-tuc-noi-bo/", "search": "tim-kiem/",
         "petition": "phan-anh-kien-nghi/", "data": "du-lieu/", "hand-written": "gioi-thieu/", "not-found": "404.html"}
DEFERRED = "this.media='all'"
INDIGO = "rgb(64, 81, 181)"  # Material's indigo, --md-primary-fg-color
# A custom property of Material's main sheet that the inline rules leave out (only admonitions use it)
MAIN_SHEET = "getComputedStyle(document.documentElement).getPropertyValue('--md-admonition-icon--note').startsWith('url(')"
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 500 * 1024 / 8, "uploadThroughput": 500 * 1024 / 8}


def _pages(site):
    """Every HTML page of the built site but the counter screens, which have their own stylesheet and no network."""
    return [p for p in sorted(site.rglob("*.html")) if "man-hinh" not in p.relative_to(site).parts]


def _file(site, path):
    return site / (path if path.endswith(".html") else path + "index.html")


def test_every_page_kind_is_built(sample_site):
    assert all(_file(sample_site, path).is_file() for path in KINDS.values())


def test_no_page_links_a_blocking_stylesheet_or_script(sample_site):
    problems = []
    for path in _pages(sample_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = str(path.relative_to(sample_site))
        for link in soup.head.find_all("link", rel="stylesheet"):
            if link.find_parent("noscript") is None and not (link.get("media") == "print" and DEFERRED in link.get("onload", "")):
                problems.append(f"{name}: blocking stylesheet {link['href']}")
        for script in soup.find_all("script", src=True):
            if not (script.has_attr("defer") or script.has_attr("async") or script.get("type") == "module"):
                problems.append(f"{name}: script {script['src']} runs while the page is parsed")
    assert problems == []


def test_each_page_inlines_the_first_screen_rules_and_keeps_a_noscript_copy(sample_site):
    for kind, path in KINDS.items():
        head = BeautifulSoup(_file(sample_site, path).read_text(encoding="utf-8"), "html.parser").head
        deferred = [link["href"] for link in head.find_all("link", media="print")]
        fallback = [link["href"] for link in head.noscript.find_all("link", rel="stylesheet")]
        assert fallback == deferred and len(deferred) == 3, kind  # Material's main sheet, its palette, ours
        assert [href.rpartition("/")[2] for href in deferred][2] == "congkhai.css", kind
        preloaded = [link["href"].rpartition("/")[2] for link in head.find_all("link", rel="preload", attrs={"as": "script"})]
        assert preloaded == ["congkhai.js"], kind  # what the search needs comes first, not after Material's script
        styles = [style.string for style in head.find_all("style")]
        assert len(styles) == 1 and ".md-header{" in styles[0] and ".ck-search" in styles[0], kind


def test_the_inline_rules_are_a_subset_of_the_sheets(sample_site):
    """Each inline rule is a rule of the sheets, with some of its selectors and declarations, in the same
    @media: once the sheets have loaded they decide every value, as if they had blocked."""
    page = _file(sample_site, KINDS["procedure"])
    head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
    sheets = [(page.parent / link["href"]).resolve().read_text(encoding="utf-8") for link in head.noscript.find_all("link")]
    source = {}
    for sheet in sheets:
        _collect(firstpaint._blocks(firstpaint._COMMENT.sub(lambda m: m[1] or "", sheet)), (), source)
    inline = {}
    _collect(firstpaint._blocks(head.style.string), (), inline)
    assert len(inline) > 100
    for (context, selector), declarations in inline.items():
        assert declarations <= source.get((context, selector), set()), (context, selector)


def _collect(blocks, context, into):
    for prelude, body in blocks:
        if body is None:
            continue
        if prelude.startswith("@"):
            _collect(firstpaint._blocks(body), context + (prelude,), into)
            continue
        for selector in firstpaint._split(prelude, ","):
            into.setdefault((context, " ".join(selector.split())), set()).update(
                " ".join(d.split()) for d in firstpaint._split(body, ";"))  # generated pages lose the sheets' indentation


def test_first_screen_rules_keep_what_the_first_paint_shows():
    sheet = """/* header; {braces} in a comment */
:root{--md-primary-fg-color:#4051b5;--md-unused:1px;--md-icon:url("data:image/svg+xml,<svg>}</svg>")}
.md-header{background-color:var(--md-primary-fg-color);color:#fff}
.md-header__button:hover{opacity:.7}
[dir=rtl] .md-header{left:0}
.md-search__output{display:block}
.md-typeset pre>code{padding:0}
.md-typeset h1,.admonition h1{font-size:2em}
.md-typeset :not(.admonition)>p{margin:1em 0}
[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}
[data-md-color-primary=red]{--md-primary-fg-color:#ef5552}
@media print{.md-header{display:none}}
@media screen and (max-width:76.2344em){.md-header__title{margin:0}.md-nav--secondary:hover{color:red}}
@keyframes spin{0%{opacity:0}}"""
    css = firstpaint.first_screen((sheet,), firstpaint._colors({"primary": "indigo"}))
    assert css == (":root{--md-primary-fg-color:#4051b5}.md-header{background-color:var(--md-primary-fg-color);color:#fff}"
                   ".md-typeset h1{font-size:2em}.md-typeset :not(.admonition)>p{margin:1em 0}"
                   "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
                   "@media screen and (max-width:76.2344em){.md-header__title{margin:0}}")


def test_the_inline_style_never_closes_its_element():
    assert "</style" not in firstpaint.first_screen((".ck-x{content:\"</style><script>\"}",))


@pytest.fixture(scope="module")
def site_url(sample_site, serve):
    return serve(sample_site)


def _throttled(browser, url, width):
    """A fresh phone- or desktop-sized page on Chrome's "Slow 3G", without cache, loaded."""
    context = browser.new_context(viewport={"width": width, "height": 740 if width < 700 else 900})
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    tab.goto(url, wait_until="load", timeout=0)
    return context, tab


TIMELINE = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const loaded = performance.getEntriesByType('resource').filter(e => ['link', 'script', 'css'].includes(e.initiatorType));
  return {fcp: fcp ? fcp.startTime : null, sheets: loaded.map(e => [e.name.split('/').pop(), e.responseEnd, e.renderBlockingStatus])};
}"""


@pytest.mark.parametrize("kind,width", [("home", 360), ("procedure", 360), ("search", 360), ("hand-written", 1366)])
def test_the_first_paint_comes_before_any_stylesheet_or_script_has_arrived(browser, site_url, kind, width):
    """Under a 2-second latency per request, a page whose paint waited for a stylesheet or a script paints
    after that response ended; ours paints first, and the browser marks no request render-blocking."""
    context, tab = _throttled(browser, site_url + KINDS[kind], width)
    try:
        timeline = tab.evaluate(TIMELINE)
        assert timeline["fcp"] is not None and len(timeline["sheets"]) >= 4  # three sheets and Material's script at least
        assert all(blocking == "non-blocking" for _, _, blocking in timeline["sheets"]), timeline["sheets"]
        assert all(timeline["fcp"] < end for _, end, _ in timeline["sheets"]), timeline
        # once loaded: every sheet applies to the screen, and the header is Material's
        assert tab.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.media === 'all' && l.sheet)")
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == INDIGO
        assert tab.evaluate(MAIN_SHEET)
    finally:
        context.close()


def test_without_javascript_the_sheets_still_apply(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        tab.goto(site_url + KINDS["procedure"], wait_until="load")
        assert tab.evaluate("document.styleSheets.length") >= 7  # the inline rules, three deferred and three <noscript> sheets
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == INDIGO
        assert tab.evaluate(MAIN_SHEET)
        tab.emulate_media(media="print")
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).display") == "none"  # Material's print rules
        assert tab.evaluate("getComputedStyle(document.querySelector('.ck-print-meta')).display") == "block"  # and ours
    finally:
        context.close()
