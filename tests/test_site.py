"""A real ``mkdocs build --strict`` of the sample catalog, inspected with BeautifulSoup."""

from __future__ import annotations

import re
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TODAY
from generator.catalog.load import load_catalog
from generator.catalog.models import NoneStated
from generator.text.vietnamese import sort_key

CATALOG = load_catalog(ROOT / "catalog")
PROCEDURE_SECTIONS = ["thong-tin-chung", "video-huong-dan", "trinh-tu", "cach-thuc", "thanh-phan-ho-so", "ket-qua", "yeu-cau-dieu-kien",
                      "mau-don", "can-cu-phap-ly", "dich-vu-cong-truc-tuyen", "quyet-dinh-cong-bo", "tinh-trang"]
UNIT_SECTIONS = ["lien-he", "thu-tuc", "thu-tuc-noi-bo", "nhiem-vu", "phan-anh-kien-nghi"]


@lru_cache(maxsize=None)
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.exists(), f"no page at /{url}"
    return _soup(path)


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def test_every_procedure_page_has_every_part(sample_site):
    for code, procedure in CATALOG.procedures.items():
        soup = page(sample_site, f"thu-tuc/{code}/")
        assert soup.h1.get_text(strip=True) == procedure.name
        ids = [s["id"] for s in article(soup).select("section[id]")]
        # forms are a legal part only "where there are any": a page without them says nothing it was not told
        expected = [s for s in PROCEDURE_SECTIONS if s != "mau-don" or procedure.forms or isinstance(procedure.forms, NoneStated)]
        expected = [s for s in expected if s != "video-huong-dan" or (procedure.videos and procedure.listed)]  # where it has a guide
        assert ids == expected, code
        assert len(soup.select("ol.ck-steps > li")) == len(procedure.steps)
        assert len(soup.select("table.ck-channels tbody tr")) == len(procedure.channels)


def test_ended_procedures_keep_a_page_but_leave_every_listing(sample_site):
    ended = [p for p in CATALOG.procedures.values() if not p.listed]
    assert ended
    listings = [sample_site / "index.html", *sample_site.glob("thu-tuc/index.html"), *sample_site.glob("linh-vuc/**/index.html"),
                *sample_site.glob("cap/**/index.html"), *sample_site.glob("don-vi/**/index.html")]
    for procedure in ended:
        soup = page(sample_site, f"thu-tuc/{procedure.code}/")
        notice = soup.select_one(".ck-ended").get_text(" ", strip=True)
        assert ("bãi bỏ" in notice) or ("thay thế" in notice)
        if procedure.replaced_by:
            assert soup.select_one(f'.ck-ended a[href="../../thu-tuc/{procedure.replaced_by}/"]')
        for listing in listings:
            assert f"thu-tuc/{procedure.code}/" not in listing.read_text(encoding="utf-8"), (procedure.code, listing)


def test_every_unit_page(sample_site):
    for unit_id, unit in CATALOG.units.items():
        soup = page(sample_site, f"don-vi/{unit_id}/")
        assert soup.h1.get_text(strip=True) == unit.name
        ids = [s["id"] for s in article(soup).select(":scope > article > section[id]")]
        assert [i for i in ids if i in UNIT_SECTIONS] == UNIT_SECTIONS, unit_id
        if unit.valid_to and unit.valid_to < TODAY:
            notice = soup.select_one(".ck-ended")
            assert "kết thúc hoạt động từ ngày" in notice.get_text()
            for successor in unit.successors:
                assert notice.select_one(f'a[href="../../don-vi/{successor}/"]')


def test_a_commune_lists_the_commune_level_procedures(sample_site):
    commune_level = [p for p in CATALOG.procedures.values() if p.listed and "ubnd-xa" in p.implementing.kinds]
    assert commune_level
    soup = page(sample_site, "don-vi/ubnd-xa-vinh-am/")
    codes = {tr["data-code"] for tr in soup.select("#thu-tuc tr[data-code]")}
    assert {p.code for p in commune_level} <= codes


def test_unit_page_lists_plan_tasks(sample_site):
    soup = page(sample_site, "don-vi/vp-ubnd-tp/")
    led = soup.select("#nhiem-vu ul.ck-tasks")[0].select("li")
    expected = [t for plan in CATALOG.plans.values() for t in plan.tasks if "vp-ubnd-tp" in {p.unit for p in t.lead}]
    assert len(led) == len(expected) > 10
    href = led[0].a["href"]
    target, fragment = urldefrag(href)
    plan = _soup((sample_site / "don-vi/vp-ubnd-tp" / target / "index.html").resolve())
    assert plan.find(id=fragment)


def test_field_and_level_pages_sorted_in_vietnamese_order(sample_site):
    for field_id in CATALOG.fields:
        soup = page(sample_site, f"linh-vuc/{field_id}/")
        for table in soup.select("table.ck-list"):
            names = [a.get_text() for a in table.select("tbody td:nth-of-type(2) a")]
            assert names == sorted(names, key=sort_key)
    for level in ("tinh", "xa"):
        soup = page(sample_site, f"cap/{level}/")
        assert soup.select("table.ck-list tbody tr")


def test_plan_pages_hold_every_task_grouped_by_section(sample_site):
    for plan_id, plan in CATALOG.plans.items():
        soup = page(sample_site, f"ke-hoach/{plan_id}/")
        rows = soup.select("tr[id^=nv-]")
        assert [r["id"] for r in rows] == [f"nv-{t.id}" for t in plan.tasks]
        assert len(soup.select("section.ck-plan-section")) == len(plan.sections)
        facts = soup.select_one("dl.ck-facts").get_text(" ", strip=True)
        assert plan.number in facts and CATALOG.units[plan.issuer].name in facts


def test_petition_page(sample_site):
    soup = page(sample_site, "phan-anh-kien-nghi/")
    text = soup.get_text(" ", strip=True)
    assert "Không thuộc phạm vi tiếp nhận" in text and "Sau khi gửi" in text
    blocks = soup.select(".ck-petition")
    assert len(blocks) >= 5
    assert soup.select_one('a[href^="https://dichvucong.gov.vn"]')
    for block in blocks:
        assert block.select("dl.ck-facts dd")


def test_home_page(sample_site):
    soup = _soup(sample_site / "index.html")
    for section in ("thu-tuc-pho-bien", "theo-linh-vuc", "theo-cap", "theo-don-vi", "cong-bo-moi"):
        assert soup.find(id=section), section
    assert soup.select_one(".ck-notice"), "the site must say it shows sample data"
    assert len(soup.select("#theo-linh-vuc li")) >= 6


def test_interface_is_vietnamese(sample_site):
    soup = _soup(sample_site / "index.html")
    assert soup.html["lang"] == "vi"
    text = soup.get_text(" ", strip=True)
    for english in ("Made with", "Back to top", "Initializing search", "Table of contents"):
        assert english not in text


def test_generated_pages_stay_out_of_the_navigation(sample_site):
    nav_links = {a["href"] for a in _soup(sample_site / "index.html").select("nav.md-nav--primary a[href]")}
    assert not [h for h in nav_links if re.search(r"thu-tuc/\d", h) or "don-vi/" in h and h.count("/") > 2]
    assert not (sample_site / "search" / "search_index.json").exists()


def _html_files(site: Path):
    return sorted(site.rglob("*.html"))


def test_no_broken_internal_links(sample_site):
    broken = []
    for path in _html_files(sample_site):
        if path.name == "404.html":
            continue  # served at any address, so its links are absolute
        soup = _soup(path)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr)
                if not url or urlparse(url).scheme or url.startswith("//"):
                    continue
                target, fragment = urldefrag(url)
                resolved = (path.parent / target).resolve() if target else path
                if resolved.is_dir():
                    resolved = resolved / "index.html"
                if not resolved.exists():
                    broken.append(f"{path.relative_to(sample_site)} → {url}")
                elif fragment and resolved.suffix == ".html" and not _soup(resolved).find(id=fragment):
                    broken.append(f"{path.relative_to(sample_site)} → {url} (no #{fragment})")
    assert broken == []


def test_no_request_to_another_host(sample_site):
    external = []
    for path in _html_files(sample_site):
        soup = _soup(path)
        for element in soup.find_all(["script", "img", "iframe", "source", "video", "audio", "embed", "object"]):
            url = element.get("src") or element.get("data") or ""
            if urlparse(url).scheme or url.startswith("//"):
                external.append(f"{path.relative_to(sample_site)}: {element.name} {url}")
        for element in soup.find_all("link", href=True):
            if set(element.get("rel", [])) & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "modulepreload"}:
                if urlparse(element["href"]).scheme or element["href"].startswith("//"):
                    external.append(f"{path.relative_to(sample_site)}: link {element['href']}")
        for style in soup.find_all("style"):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style.get_text()):
                external.append(f"{path.relative_to(sample_site)}: inline style url")
    for css in sample_site.rglob("*.css"):
        if re.search(r"(url\(\s*['\"]?(https?:)?//|@import\s+['\"]?https?:)", css.read_text(encoding="utf-8")):
            external.append(str(css.relative_to(sample_site)))
    assert external == []


@pytest.mark.parametrize("url", ["thu-tuc/", "thu-tuc-noi-bo/", "don-vi/", "linh-vuc/", "ke-hoach/", "gioi-thieu/"])
def test_listing_and_hand_written_pages_exist(sample_site, url):
    assert page(sample_site, url).h1


def test_plan_tasks_that_resume_after_a_sub_section_keep_their_place(sample_site):
    soup = page(sample_site, "ke-hoach/kh-2024-ubnd-huyen-vinh-bao/")
    blocks = soup.select("section.ck-plan-section, section.ck-plan-continued")
    kinds = [(b["class"][0], b.get("id")) for b in blocks]
    at = kinds.index(("ck-plan-section", "muc-III.1"))
    assert kinds[at + 1] == ("ck-plan-continued", None)
    assert blocks[at + 1].select_one("tr[id]")["id"] == "nv-III.2"


def test_every_generated_page_has_its_own_title_description_and_address(sample_site):
    """The theme's page around generated pages is rendered once per folder and filled per page (shell.py)."""
    for procedure in CATALOG.procedures.values():
        soup = page(sample_site, f"thu-tuc/{procedure.code}")
        assert soup.title.string == f"{procedure.name} - Công khai thủ tục hành chính"
        assert soup.select_one('link[rel="canonical"]')["href"] == f"https://congkhai.example/thu-tuc/{procedure.code}/"
        assert soup.select_one('meta[name="description"]')["content"].startswith(f"Mã {procedure.code} — ")
        assert soup.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis").get_text(strip=True) == procedure.name
        assert soup.select_one("article.md-content__inner h1").get_text(strip=True) == procedure.name
    for unit in CATALOG.units.values():
        assert page(sample_site, f"don-vi/{unit.id}").title.string == f"{unit.name} - Công khai thủ tục hành chính"


@pytest.mark.parametrize("url", ["thu-tuc", "don-vi", "linh-vuc", "ke-hoach"])
def test_listing_pages_in_the_navigation_show_their_own_tab_as_current(sample_site, url):
    soup = page(sample_site, url)
    assert soup.select_one(".md-tabs__item--active a")["href"] == "./"
    assert soup.select_one('link[rel="next"]') is not None or soup.select_one('link[rel="prev"]') is not None


def test_catalog_text_in_the_theme_lines_is_escaped(tmp_path):
    """A field name and the site notice reach the page head and banner: as text, never as HTML."""
    from conftest import FIXTURES, build_site

    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    hostile = '"><script>alert(1)</script>'
    fields = catalog / "fields.yaml"
    fields.write_text(fields.read_text(encoding="utf-8").replace("name: Chứng thực", f"name: 'Chứng thực {hostile}'"), encoding="utf-8")
    site_file = catalog / "site.yaml"
    site_file.write_text(site_file.read_text(encoding="utf-8").replace('notice: "Dữ liệu thử nghiệm."', f"notice: '{hostile}'"),
                         encoding="utf-8")
    result = build_site(tmp_path, catalog)
    assert result.returncode == 0, result.stderr
    for url in ("thu-tuc/2.000815", "thu-tuc/2.000001", "don-vi/so-tu-phap"):
        html = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in html, url
    soup = page(tmp_path / "site", "thu-tuc/2.000815")
    assert soup.select_one('meta[name="description"]')["content"] == f"Mã 2.000815 — Chứng thực {hostile}"
    assert soup.select_one(".ck-notice").get_text() == f"Lưu ý: {hostile}"


def test_the_sample_site_s_own_layer_overrides_a_packaged_template(sample_site):
    """overrides/ (the sample's custom_dir) wins over the theme layer congkhai ships, which wins over Material."""
    footer = BeautifulSoup((sample_site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".md-copyright")
    assert "Trang mẫu của congkhai" in footer.get_text()
    packaged = (ROOT / "generator" / "theme" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert "Trang mẫu" not in packaged and "Trang được dựng bằng congkhai" in packaged
    # the packaged layer is in the site: its search box and Vietnamese strings, and its assets
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert 'id="ck-search-input"' in home and (sample_site / "assets" / "congkhai.js").is_file()


def test_no_page_invents_that_a_legal_part_is_absent(sample_site):
    """What a procedure does not need is published only in the words of its file (documents: {none: …})."""
    invented = ("Không yêu cầu hồ sơ", "Không có mẫu đơn, tờ khai", "Chưa cung cấp dịch vụ công trực tuyến")
    for path in [*sample_site.glob("thu-tuc/*/index.html"), *sample_site.glob("man-hinh/**/*.html"), *sample_site.glob("assets/man-hinh/*.js")]:
        text = path.read_text(encoding="utf-8")
        assert not [sentence for sentence in invented if sentence in text], path
