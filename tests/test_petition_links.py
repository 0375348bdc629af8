"""Petition from where the problem is: every procedure and unit page links to the petition contact of the
units concerned, and /phan-anh-kien-nghi/ gives every unit its own anchor, lists its groups in the table of
contents and lets a citizen find a unit by its name typed without marks, or by kind."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag

from bs4 import BeautifulSoup

from conftest import ROOT, TODAY
from generator.catalog.load import load_catalog

CATALOG = load_catalog(ROOT / "catalog")
ACTIVE = [u for u in CATALOG.units.values() if u.active_on(TODAY)]
PETITION = "phan-anh-kien-nghi/"
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _petition_targets(site: Path, url: str) -> list[str]:
    """The anchors on the petition page that the page at *url* links to; each must exist."""
    soup = _soup(site, url)
    petition = _soup(site, PETITION)
    anchors = []
    for a in soup.select("article.md-content__inner a[href*='phan-anh-kien-nghi/#']"):
        target, anchor = urldefrag(a["href"])
        assert (site / url / target / "index.html").resolve() == (site / PETITION / "index.html").resolve(), (url, a["href"])
        assert petition.find(id=anchor), (url, anchor)
        anchors.append(anchor)
    return anchors


def test_every_procedure_page_links_to_the_petition_contacts_of_its_units(sample_site):
    authority = CATALOG.site.authority
    for procedure in CATALOG.procedures.values():
        anchors = _petition_targets(sample_site, f"thu-tuc/{procedure.code}/")
        assert anchors, procedure.code
        named = [u for u in procedure.implementing.units if CATALOG.units[u].active_on(TODAY)]
        assert set(named) <= set(anchors), procedure.code
        for kind in procedure.implementing.kinds:
            assert f"loai-{kind}" in anchors and authority in anchors, procedure.code


def test_every_unit_page_links_to_its_petition_contact(sample_site):
    for unit in CATALOG.units.values():
        url = f"don-vi/{unit.id}/"
        soup = _soup(sample_site, url)
        jump = soup.select_one("article.md-content__inner .ck-petition-link a")
        assert soup.find(id=jump["href"][1:]), unit.id  # the page's own section, near the top
        anchors = _petition_targets(sample_site, url)
        if unit.active_on(TODAY):
            assert unit.id in anchors, unit.id
        else:
            assert anchors, unit.id  # the successors' contacts, or the list of them
            assert set(anchors) <= {s for s in unit.successors} | {"noi-tiep-nhan"}, unit.id


def test_the_petition_page_has_an_anchor_for_every_unit_and_its_groups_in_the_table_of_contents(sample_site):
    soup = _soup(sample_site, PETITION)
    for unit in ACTIVE:
        block = soup.find(id=unit.id)
        assert block and "ck-petition" in block["class"], unit.id
        assert block.select("dl.ck-facts dd"), unit.id
    groups = [s["id"] for s in soup.select("section.ck-pakn-group")]
    assert {f"loai-{u.kind}" for u in ACTIVE} == set(groups)
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert "#noi-tiep-nhan" in toc and all(f"#{g}" in toc for g in groups), toc
    assert toc.index("#noi-tiep-nhan") < toc.index(f"#{groups[0]}")
    levels = [int(h.name[1]) for h in soup.select("article.md-content__inner").pop().find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels  # headings in order


def test_the_petition_page_finds_a_commune_typed_without_marks(sample_site, serve, page):
    base = serve(sample_site)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{base}{PETITION}")
    assert page.is_visible("form[data-ck-pakn-filter]")
    page.fill("#ck-pakn-ten", "xa vinh bao")
    visible = page.eval_on_selector_all(".ck-petition", "blocks => blocks.filter(b => b.offsetParent !== null).map(b => b.id)")
    assert visible == ["ubnd-xa-vinh-bao"]
    assert page.text_content(".ck-pakn-filter__status") == f"Đang hiện 1 trên {len(ACTIVE)} đơn vị"
    page.fill("#ck-pakn-ten", "")
    page.select_option("#ck-pakn-loai", "loai-so")
    visible = page.eval_on_selector_all(".ck-petition", "blocks => blocks.filter(b => b.offsetParent !== null).map(b => b.id)")
    assert sorted(visible) == sorted(u.id for u in ACTIVE if u.kind == "so")
    assert not page.is_visible("#loai-ubnd-xa")
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    page.select_option("#ck-pakn-loai", "")
    page.goto(f"{base}{PETITION}#ubnd-xa-vinh-am")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "phan-anh-kien-nghi-tim-360.png"))
    page.goto(f"{base}don-vi/ubnd-xa-vinh-bao/")
    page.screenshot(path=str(SCREENSHOTS / "don-vi-phan-anh-360.png"))
    page.click(".ck-petition-link a")
    assert page.evaluate("() => location.hash") == "#phan-anh-kien-nghi"


def test_without_javascript_the_petition_page_lists_every_unit(sample_site, serve, browser):
    base = serve(sample_site)
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        tab.goto(f"{base}{PETITION}")
        assert not tab.is_visible("form[data-ck-pakn-filter]")  # nothing to type into that does nothing
        assert tab.eval_on_selector_all(".ck-petition", "blocks => blocks.filter(b => b.offsetParent !== null).length") == len(ACTIVE)
    finally:
        context.close()
