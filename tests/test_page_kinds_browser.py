"""Every page kind in headless Chromium, from a 320-px phone to a desktop: no sideways
scrolling, no serious accessibility violation, headings in order, filters folded on phones."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

SHOTS = ROOT / "tests" / "screenshots"  # ignored by git; looked at by people

# One page of every kind the sample site has (the counter screens have their own tests).
PAGES = {
    "trang-chu": "",
    "danh-muc-thu-tuc": "thu-tuc/",
    "thu-tuc": "thu-tuc/1.001193/",
    "danh-muc-noi-bo": "thu-tuc-noi-bo/",
    "thu-tuc-noi-bo": "thu-tuc-noi-bo/nb-so-tu-phap-tham-dinh-du-thao-qppl/",
    "danh-sach-don-vi": "don-vi/",
    "don-vi": "don-vi/ubnd-xa-vinh-bao/",
    "danh-sach-linh-vuc": "linh-vuc/",
    "linh-vuc": "linh-vuc/ho-tich/",
    "cap": "cap/xa/",
    "danh-sach-ke-hoach": "ke-hoach/",
    "ke-hoach": "ke-hoach/kh-10-2022-ubnd-tp/",
    "tien-do-ke-hoach": "ke-hoach/kh-2024-ubnd-huyen-vinh-bao/tien-do/",
    "don-vi-nhiem-vu": "don-vi/van-phong-so-khcn/",  # its tasks across plans, overdue first
    "phan-anh-kien-nghi": "phan-anh-kien-nghi/",
    "ket-qua-phan-anh": "phan-anh-kien-nghi/ket-qua/",
    "ket-qua-phan-anh-don-vi": "phan-anh-kien-nghi/ket-qua/so-tu-phap/",
    "chat-luong-phuc-vu": "thong-ke/chat-luong-phuc-vu/",
    "tim-kiem": "tim-kiem/?q=khai+sinh",
    "du-lieu": "du-lieu/",
    "thong-ke": "thong-ke/",
    "niem-yet": "don-vi/ubnd-xa-vinh-bao/niem-yet/",
    "niem-yet-phan-anh": "don-vi/ubnd-xa-vinh-bao/niem-yet-phan-anh/",
    "trang-viet-tay": "gioi-thieu/",
    "khong-tim-thay": "404.html",
}
# The top folders of the built site besides hand-written pages: a new kind of page fails here until it is added above.
FOLDERS = {"thu-tuc", "thu-tuc-noi-bo", "don-vi", "linh-vuc", "cap", "ke-hoach", "phan-anh-kien-nghi", "tim-kiem",
           "du-lieu", "man-hinh", "media", "assets", "thong-ke"}
WIDTHS = (320, 360, 768, 1366)
PHONE = 360
HEADINGS = """() => Array.from(document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6'))
  .filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]))"""
WIDER = """() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > innerWidth + 1)
  .slice(-3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + (e.getAttribute('class') || '').split(' ')[0])"""


@pytest.fixture(scope="module")
def site_url(sample_site, serve):
    return serve(sample_site)


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per screen width, kept for the module (as the page fixture: no other host, no script error)."""
    contexts, opened, problems = [], {}, []

    def route(route):
        if route.request.url.split("/")[2].startswith("127.0.0.1"):
            route.continue_()
        else:
            problems.append("request to another host: " + route.request.url)
            route.abort()

    def tab(width):
        if width not in opened:
            context = browser.new_context(viewport={"width": width, "height": 740})
            context.route("**/*", route)
            contexts.append(context)
            opened[width] = context.new_page()
            opened[width].on("pageerror", lambda error: problems.append(f"script error: {error}"))
        return opened[width]

    tab.problems = problems
    yield tab
    for context in contexts:
        context.close()


def _visit(tabs, site_url, url, width):
    page = tabs(width)
    assert page.goto(site_url + url).status == 200, url
    problems = list(tabs.problems)
    tabs.problems.clear()
    assert problems == []
    return page


def _load(page, site_url, url, width):
    page.set_viewport_size({"width": width, "height": 740})
    assert page.goto(site_url + url).status == 200, url


def test_every_kind_of_page_is_visited(sample_site):
    written = {p.stem for p in (ROOT / "content").glob("*.md")} - {"index"}
    folders = {p.name for p in sample_site.iterdir() if p.is_dir()} - written
    assert folders == FOLDERS - written, "a new kind of page: add one of it to PAGES, then its folder to FOLDERS"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_sideways_scrolling(tabs, site_url, kind, width):
    page = _visit(tabs, site_url, PAGES[kind], width)
    if width == PHONE:
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{kind}-{width}.png"), full_page=True)
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert scroll <= inner, f"{PAGES[kind]} at {width} px is {scroll} px wide: {page.evaluate(WIDER)}"


@pytest.mark.parametrize("width", (PHONE, 1366))
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_accessibility_violation_and_headings_in_order(tabs, site_url, kind, width):
    from axe_playwright_python.sync_playwright import Axe

    page = _visit(tabs, site_url, PAGES[kind], width)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    levels = page.evaluate(HEADINGS)
    assert levels[:1] == [1] and levels.count(1) == 1, levels
    skipped = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert skipped == [], f"a heading skips a level: {levels}"


@pytest.mark.parametrize("width", (PHONE, 1366))
def test_no_serious_accessibility_violation_with_the_search_dropdown_open(page, site_url, width):
    from axe_playwright_python.sync_playwright import Axe

    _load(page, site_url, "", width)
    page.fill("#ck-search-input", "khai sinh")
    page.wait_for_selector("#ck-search-list .ck-result")
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_filters_fold_on_a_phone_and_stay_open_on_a_desktop(page, site_url):
    _load(page, site_url, "thu-tuc/", PHONE)
    rows = page.locator("tr[data-code]")
    assert page.is_visible(".ck-filter-fold summary") and not page.is_visible("form.ck-filter")
    assert page.locator(".ck-filter-fold").evaluate("d => d.getBoundingClientRect().height") < 60  # not the whole first screen
    page.click(".ck-filter-fold summary")
    page.fill("#ck-filter-text", "khai sinh")
    shown = page.locator("tr[data-code]:visible").count()
    assert 0 < shown < rows.count()
    assert page.inner_text(".ck-filter-fold summary") == f"Lọc danh sách ({shown}/{rows.count()})"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.reload()  # the address keeps the filter, so the fold opens to show it
    assert page.is_visible("form.ck-filter") and page.input_value("#ck-filter-text") == "khai sinh"
    _load(page, site_url, "cap/xa/", 1366)
    assert page.is_visible("form.ck-filter") and not page.is_visible(".ck-filter-fold summary")


def test_without_javascript_lists_are_whole_and_filters_absent(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": PHONE, "height": 740})
    page = context.new_page()
    page.goto(site_url + "thu-tuc/")
    assert not page.is_visible(".ck-filter-fold")
    rows = page.locator("tr[data-code]")
    assert rows.count() > 40 and page.locator("tr[data-code]:visible").count() == rows.count()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()


def test_plan_tasks_are_cards_on_a_phone_and_a_table_on_paper(page, site_url):
    heights = {}
    for width in (1366, PHONE):
        _load(page, site_url, PAGES["ke-hoach"], width)
        heights[width] = page.evaluate("document.documentElement.scrollHeight")
    assert not page.is_visible(".ck-tasks-table thead")
    card = page.locator('[id="nv-I.01"] td')  # its number, its content, then one labelled line per cell
    labels = card.evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels[:2] == ["none", "none"] and '"Chủ trì: "' in labels
    assert heights[PHONE] < 2 * heights[1366], heights  # was three times as tall: one word a line in seven columns
    page.emulate_media(media="print")
    assert page.is_visible(".ck-tasks-table thead")  # paper keeps every column of the appendix


def test_procedure_page_answers_within_the_first_phone_screen(page, site_url):
    _load(page, site_url, PAGES["thu-tuc"], PHONE)
    title = page.locator("article h1").bounding_box()
    for part in ('[data-answer="giay-to"] li', '[data-answer="thoi-han"]', '[data-answer="phi"]'):
        box = page.locator(part).first.bounding_box()
        assert box["y"] + box["height"] - title["y"] <= 740, part


def test_results_page_offers_more_only_when_there_are_more(page, site_url):
    _load(page, site_url, PAGES["tim-kiem"], PHONE)
    page.wait_for_selector(".ck-results .ck-result")
    assert page.locator(".ck-results .ck-result").count() < 50
    assert not page.is_visible(".ck-results__more")


def test_the_not_found_page_links_to_the_site_from_any_depth(sample_site):
    from bs4 import BeautifulSoup

    site_url = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    page = BeautifulSoup((sample_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select("article a")]
    assert links == [site_url, site_url + "thu-tuc/"]  # absolute: the host serves this page at any address
