"""A procedure's page answers first: what to bring, where, how long and how much, within a phone's first
screen under the title; then links to every section; then the legal detail. The counter slide keeps that order.

Built for real (``mkdocs build --strict`` of the sample) and looked at in headless Chromium at 320 and 360 px."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from generator.catalog.load import load_catalog
from generator.catalog.models import NoneStated

CATALOG = load_catalog(ROOT / "catalog")
LISTED = [p for p in CATALOG.procedures.values() if p.listed]
BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh: three channels, one long time text
PHONE = {"width": 360, "height": 740}
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_the_summary_says_what_to_bring_where_how_long_how_much(sample_site):
    for procedure in LISTED:
        soup = _soup(sample_site, f"thu-tuc/{procedure.code}/")
        answer = soup.select_one("article section.ck-answer")
        assert answer is not None, procedure.code
        docs = answer.select(".ck-answer__docs > li")
        if isinstance(procedure.documents, NoneStated):
            assert procedure.documents.text.split("\n")[0] in _text(answer.select_one('[data-answer="giay-to"]'))
        else:
            assert [_text(li).split(" (")[0] for li in docs] == [" ".join(d.name.split()).split(" (")[0] for d in procedure.documents]
        for attr, mark in (("time", "thoi-han"), ("fee", "phi")):  # each distinct value once, in the channels' order
            values = list(dict.fromkeys(" ".join((getattr(c, attr) or "").split()) for c in procedure.channels))
            shown = [_text(dd).split(": ", 1)[-1] if len(values) > 1 else _text(dd) for dd in answer.select(f'dd[data-answer="{mark}"]')]
            assert shown == [v or "Không có thông tin" for v in values], (procedure.code, attr)
        online = procedure.online_service
        button = answer.select_one(".ck-answer__online a.md-button")
        assert bool(button) == bool(online and online.level != "none" and online.url), procedure.code


def test_a_time_shared_by_three_channels_is_written_once_in_the_summary_and_once_in_the_table(sample_site):
    soup = _soup(sample_site, f"thu-tuc/{BIRTH}/")
    time = " ".join(CATALOG.procedures[BIRTH].channels[0].time.split())
    assert len({c.time for c in CATALOG.procedures[BIRTH].channels}) == 1 and len(CATALOG.procedures[BIRTH].channels) == 3
    assert _text(soup.select_one(".ck-answer")).count(time) == 1
    table = soup.select_one("table.ck-channels")
    assert _text(table).count(time) == 1
    assert [_text(td) for td in table.select("tbody tr td:nth-of-type(1)")][1:] == ["Như trên", "Như trên"]
    # the counts a document asks for leave out a zero: "1 bản chính", not "1 bản chính, 0 bản sao"
    assert "0 bản sao" not in _text(soup.select_one(".ck-answer"))


def test_a_procedure_every_commune_handles_lets_one_pick_ones_commune(sample_site):
    kind_wide = [p for p in LISTED if "ubnd-xa" in p.implementing.kinds]
    communes = [u for u in CATALOG.units.values() if u.kind == "ubnd-xa" and u.active_on("2026-11-01")]
    assert kind_wide and len(communes) >= 5
    for procedure in kind_wide:
        soup = _soup(sample_site, f"thu-tuc/{procedure.code}/")
        pick = soup.select_one('.ck-answer [data-answer="noi-nop"] details.ck-pick')
        assert "chọn xã, phường của bạn" in _text(pick.summary)
        links = [a["href"] for a in pick.select("ul a")]
        assert {f"../../don-vi/{u.id}/" for u in communes} <= set(links)
        for href in links:
            assert (sample_site / "thu-tuc" / procedure.code / href / "index.html").resolve().exists(), href


def test_jump_links_lead_to_every_section(sample_site):
    for procedure in CATALOG.procedures.values():
        soup = _soup(sample_site, f"thu-tuc/{procedure.code}/")
        article = soup.select_one("article.md-content__inner")
        sections = [s["id"] for s in article.select("section[id]")]
        targets = [a["href"][1:] for a in article.select("nav.ck-jump a[href^='#']")]
        assert targets == sections, procedure.code
        for target in targets:
            assert article.find(id=target), (procedure.code, target)


def test_the_summary_comes_before_the_detail_and_the_code_is_written_once(sample_site):
    soup = _soup(sample_site, f"thu-tuc/{BIRTH}/")
    article = soup.select_one("article.md-content__inner")

    def name(node):
        return node.name if node.name == "h1" else node.get("id") or node["class"][0]

    order = [name(node) for node in article.select("h1, section.ck-answer, nav.ck-jump, section[id]")]
    assert order[:4] == ["h1", "ck-answer", "ck-jump", "thong-tin-chung"], order
    procedure = article.select_one("article.ck-procedure")
    screen_text = [t for t in procedure.find_all(string=lambda s: BIRTH in s) if not t.find_parent(class_="ck-print-meta")]
    assert len(screen_text) == 1, screen_text  # on screen once, in the line under the title


def test_the_counter_slide_keeps_the_order_of_the_summary(sample_site):
    script = (sample_site / "assets" / "man-hinh" / "ubnd-xa.js").read_text(encoding="utf-8")
    slides = BeautifulSoup(json.loads(script[script.index("] = ") + 4:].rstrip().rstrip(";")), "html.parser")
    slide = slides.select_one(f'.kiosk__procedure[data-code="{BIRTH}"]')
    assert [_text(h) for h in slide.select(".kiosk__body h3")] == ["Giấy tờ cần mang", "Nơi nộp hồ sơ", "Thời hạn và phí, lệ phí"]
    assert _text(slide.select_one(".kiosk__where")) == "Ủy ban nhân dân cấp xã"
    time = " ".join(CATALOG.procedures[BIRTH].channels[0].time.split())
    assert _text(slide).count(time) == 1
    assert "0 bản sao" not in _text(slide)
    assert slide.select(".kiosk__body > div")[-1]["class"] == ["kiosk__qrs"]  # then the rest


# ---- in the browser ----

MEASURE = """() => {
  const top = (el) => el.getBoundingClientRect();
  const title = top(document.querySelector("article h1")).bottom;
  const first = (sel) => { const el = document.querySelector(sel); return el ? top(el).bottom - title : null; };
  return {doc: first(".ck-answer__docs > li, [data-answer=giay-to] p"), time: first("dd[data-answer=thoi-han]"),
          fee: first("dd[data-answer=phi]"), scroll: document.documentElement.scrollWidth, width: innerWidth};
}"""


def test_on_a_phone_the_first_document_the_time_and_the_fee_lie_within_one_screen_under_the_title(sample_site, serve, page):
    base = serve(sample_site)
    page.set_viewport_size(PHONE)
    worst = {}
    for procedure in LISTED:
        page.goto(f"{base}thu-tuc/{procedure.code}/")
        found = page.evaluate(MEASURE)
        for what in ("doc", "time", "fee"):
            assert found[what] is not None and 0 < found[what] <= PHONE["height"], (procedure.code, what, found)
            worst[what] = max(worst.get(what, 0), found[what])
        assert found["scroll"] <= found["width"], (procedure.code, found)
        if procedure.code == BIRTH:
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "thu-tuc-tom-tat-360.png"))
            page.screenshot(path=str(SCREENSHOTS / "thu-tuc-tom-tat-360-full.png"), full_page=True)
    print("furthest below the title at 360 px:", worst)


@pytest.mark.parametrize("width", [320, 360])
def test_no_procedure_page_scrolls_sideways_on_a_phone(sample_site, serve, page, width):
    base = serve(sample_site)
    page.set_viewport_size({"width": width, "height": 740})
    for procedure in CATALOG.procedures.values():
        page.goto(f"{base}thu-tuc/{procedure.code}/")
        if page.query_selector(".ck-pick summary"):
            page.click(".ck-pick summary")  # the list of communes, open
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1], (procedure.code, width, sizes)


def test_the_channels_table_is_cards_on_a_phone_and_a_table_on_a_desktop(sample_site, serve, page):
    base = serve(sample_site)
    shown = "() => getComputedStyle(document.querySelector('table.ck-channels tbody tr')).display"
    page.set_viewport_size(PHONE)
    page.goto(f"{base}thu-tuc/{BIRTH}/")
    assert page.evaluate(shown) == "block"
    assert page.evaluate("() => getComputedStyle(document.querySelector('table.ck-channels thead')).display") == "none"
    page.set_viewport_size({"width": 1366, "height": 900})
    assert page.evaluate(shown) == "table-row"


def test_without_javascript_the_summary_reads_the_same(sample_site, serve, browser):
    base = serve(sample_site)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        tab.goto(f"{base}thu-tuc/{BIRTH}/")
        assert tab.is_visible(".ck-answer__docs > li")
        assert tab.is_visible("dd[data-answer=thoi-han]") and tab.is_visible("dd[data-answer=phi]")
        found = tab.evaluate(MEASURE)
        assert 0 < found["fee"] <= PHONE["height"], found
        tab.click(".ck-pick summary")  # a <details>: opens without a script
        assert tab.is_visible(".ck-pick__list a[href$='don-vi/ubnd-xa-vinh-bao/']")
    finally:
        context.close()


def test_on_paper_every_section_is_printed(sample_site, serve, page):
    base = serve(sample_site)
    page.goto(f"{base}thu-tuc/{BIRTH}/")
    page.emulate_media(media="print")
    visible = page.evaluate("""() => Array.from(document.querySelectorAll("article section[id]"))
        .map(s => [s.id, getComputedStyle(s).display !== "none" && s.getBoundingClientRect().height > 0])""")
    assert visible and all(shown for _, shown in visible), visible
    assert page.is_visible(".ck-answer") and not page.is_visible("nav.ck-jump")
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


def test_a_kind_with_more_units_than_a_page_should_list_links_to_their_group_in_the_list_of_units(sample_site, monkeypatch):
    from generator.pages import summary
    from generator.pages.relations import relate
    from generator.pages.render import make_environment, render_page
    from generator.pages.specs import plan_site

    monkeypatch.setattr(summary, "PICK_LISTED", 5)  # the sample has nine communes
    spec = next(s for s in plan_site(CATALOG, relate(CATALOG, "2026-11-01")) if s.src_uri == f"thu-tuc/{BIRTH}.md")
    assert spec.context["where"]["pick"] == [] and spec.context["where"]["pick_page"] == "don-vi/#cap-xa"
    html = BeautifulSoup(render_page(make_environment(), spec, "2026-11-01"), "html.parser")
    link = html.select_one('[data-answer="noi-nop"] a')
    assert link["href"] == "../../don-vi/#cap-xa" and "9 đơn vị" in _text(link)
    assert not html.select(".ck-pick")
    units = _soup(sample_site, "don-vi/")
    group = units.find(id="cap-xa")
    assert group and {a["href"] for a in group.select("a")} >= {f"../don-vi/{u.id}/" for u in CATALOG.units.values()
                                                                 if u.kind == "ubnd-xa" and u.active_on("2026-11-01")}
