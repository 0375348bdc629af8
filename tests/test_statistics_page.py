"""/thong-ke/ on the sample site, built strictly: its numbers are the catalog's, counted here again from the
YAML files; every chart has its table and a CSV file that says the same; in Chromium it reads on a phone,
prints, and needs no script."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

CATALOG = ROOT / "catalog"
LEVELS = {"tinh": "Cấp tỉnh", "xa": "Cấp xã", "bo": "Cấp bộ", "khac": "Cơ quan khác"}
ONLINE = {"full": "Toàn trình", "partial": "Một phần", "none": "Không cung cấp trực tuyến", None: "Không ghi trong danh mục"}
KINDS = {"moi": "Công bố mới", "sua-doi": "Sửa đổi, bổ sung", "thay-the": "Thay thế", "bai-bo": "Bãi bỏ"}


def _files(folder: str) -> list[dict]:
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) for p in sorted((CATALOG / folder).rglob("*.yaml"))]


def _listed(items):
    return [item for item in items if item.get("status", "active") in ("active", "amended")]


@pytest.fixture(scope="module")
def page(sample_site):
    return BeautifulSoup((sample_site / "thong-ke" / "index.html").read_text(encoding="utf-8"), "html.parser")


def _table(page, figure_id: str) -> dict[str, list[str]]:
    rows = page.select(f"#bieu-do-{figure_id} table tbody tr")
    return {row.find("td").get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")[1:]] for row in rows}


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def test_procedures_by_field_are_the_catalogs(page):
    fields = {f["id"]: f["name"] for f in yaml.load((CATALOG / "fields.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["fields"]}
    expected = Counter(fields[p["field"]] for p in _listed(_files("procedures")))
    shown = {name: _count(cells[0]) for name, cells in _table(page, "theo-linh-vuc").items()}
    assert shown == dict(expected) and sum(shown.values()) > 20
    counts = list(shown.values())
    assert counts == sorted(counts, reverse=True)  # the largest fields first, as the chart shows them


def test_procedures_by_level_count_a_procedure_at_each_of_its_levels(page):
    expected = Counter(LEVELS[level] for p in _listed(_files("procedures")) for level in p["levels"])
    assert {name: _count(c[0]) for name, c in _table(page, "theo-cap").items()} == dict(expected)


def test_online_levels_and_the_share_offered_fully_online(page):
    listed = _listed(_files("procedures"))
    expected = Counter(ONLINE[p["online_service"]["level"] if "online_service" in p else None] for p in listed)
    assert {name: _count(c[0]) for name, c in _table(page, "truc-tuyen").items()} == dict(expected)
    full = expected["Toàn trình"]
    share = f"{100 * full / len(listed):.1f}".replace(".", ",").removesuffix(",0")
    text = page.select_one("#truc-tuyen .ck-share").get_text(" ", strip=True)
    assert f"{share} %" in text and f"{full}/{len(listed)}" in text
    assert "chỉ tiêu" in page.select_one("#truc-tuyen").get_text()  # said to be a plan target


def test_internal_procedures_by_unit(page):
    names = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["name"] for p in (CATALOG / "units").glob("*.yaml")}
    expected = Counter(names[p.parent.name] for p in (CATALOG / "internal").rglob("*.yaml")
                       if yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader).get("status", "active") in ("active", "amended"))
    assert {name: _count(c[0]) for name, c in _table(page, "noi-bo-theo-don-vi").items()} == dict(expected)


def test_announcements_per_quarter_by_kind(page):
    expected = Counter()
    for p in _files("procedures"):
        a = p.get("announcement") or {}
        if a.get("date") and a.get("kind"):
            year, month = int(a["date"][:4]), int(a["date"][5:7])
            expected[f"Quý {'I II III IV'.split()[(month - 1) // 3]}/{year}", KINDS[a["kind"]]] += 1
    headers = [th.get_text(strip=True) for th in page.select("#bieu-do-thay-doi-theo-quy thead th")]
    shown = Counter()
    for quarter, cells in _table(page, "thay-doi-theo-quy").items():
        for kind, cell in zip(headers[1:], cells):
            shown[quarter, kind] += _count(cell)
    assert +shown == expected and len(expected) > 2
    quarters = list(_table(page, "thay-doi-theo-quy"))
    assert len(quarters) == len(set(quarters)) >= len({q for q, _ in expected})  # every quarter between, in order


def test_every_chart_is_an_image_with_a_table_and_a_csv_file_that_agree(page, sample_site):
    figures = page.select("figure.ck-figure")
    ours = {"theo-linh-vuc", "theo-cap", "truc-tuyen", "noi-bo-theo-don-vi", "thay-doi-theo-quy"}
    assert ours <= {f["id"].removeprefix("bieu-do-") for f in figures}  # and the plans' progress, when that part is there
    for figure in figures:
        svg = figure.find("svg")
        assert svg["role"] == "img" and svg.find("title").get_text(strip=True) and svg.find("desc").get_text(strip=True)
        assert set(svg["aria-labelledby"].split()) == {svg.find("title")["id"], svg.find("desc")["id"]}
        table = figure.find("table")
        assert table.find("caption").get_text(strip=True).startswith("Số liệu: ")
        link = figure.select_one("a[download]")
        data = (sample_site / "thong-ke" / link["href"]).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0] == [th.get_text(strip=True) for th in table.select("thead th")]
        shown = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
        assert len(rows) - 1 == len(shown) > 0
        assert [[r[0]] + [c.replace(".", "") for c in r[1:]] for r in shown] == rows[1:]


def test_the_page_is_in_the_navigation_and_linked_from_home(sample_site):
    home = BeautifulSoup((sample_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('.ck-stats a[href="thong-ke/"]')
    assert [a for a in home.select(".md-tabs a, nav a") if a.get_text(strip=True) == "Thống kê"]


@pytest.fixture(scope="module")
def site_url(sample_site, serve):
    return serve(sample_site)


def test_on_a_phone_chart_text_keeps_its_size_and_nothing_scrolls_sideways(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 740})
    tab = context.new_page()
    tab.goto(site_url + "thong-ke/")
    sizes = tab.evaluate("Array.from(document.querySelectorAll('svg.ck-chart text')).map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert sizes and min(sizes) >= 12
    overflow = tab.evaluate("""Array.from(document.querySelectorAll('svg.ck-chart text')).filter(t => {
        const box = t.getBoundingClientRect(), svg = t.closest('svg').getBoundingClientRect();
        return box.right > svg.right + 1 || box.left < svg.left - 1; }).map(t => t.textContent)""")
    assert overflow == []
    touching = tab.evaluate("""Array.from(document.querySelectorAll('svg.ck-chart')).flatMap(svg => {
        const boxes = Array.from(svg.querySelectorAll('text')).map(t => [t.textContent, t.getBoundingClientRect()]);
        return boxes.flatMap(([a, p], i) => boxes.slice(i + 1).filter(([b, q]) =>
            p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom).map(([b]) => a + ' / ' + b)); })""")
    assert touching == []  # no label is written over another
    assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()


def test_charts_print_and_need_no_script(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + "thong-ke/")
    assert tab.locator("svg.ck-chart").count() >= 5 and tab.locator("svg.ck-chart").first.is_visible()
    tab.emulate_media(media="print")
    assert tab.locator("svg.ck-chart").last.is_visible() and tab.locator("figure.ck-figure table").first.is_visible()
    assert not tab.locator(".ck-figure__csv").first.is_visible()  # paper has the table, not the download
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    shots = ROOT / "tests" / "screenshots"
    shots.mkdir(exist_ok=True)
    Path(shots / "thong-ke-print.png").write_bytes(tab.screenshot(full_page=True))
    context.close()
