"""Counter screens, postings and print in headless Chromium: layout, rotation, touch, offline, accessibility, A4."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from conftest import ROOT

SCREEN = "man-hinh/ubnd-xa-vinh-bao/"
SHOTS = ROOT / "tests" / "screenshots"  # ignored by git; looked at by people


@pytest.fixture(scope="module")
def site_url(sample_site, serve):
    return serve(sample_site)


def _open(page, code):
    """Show the slide of *code* the way a person does: tap, type the code, choose."""
    page.click(".kiosk__slides")
    page.fill("#kiosk-search", code)
    page.locator(".kiosk__choices button").first.click()
    assert _state(page)["slide"] == code


def _state(page):
    return page.evaluate("({current: congkhaiKiosk.current, slide: congkhaiKiosk.slide, paused: congkhaiKiosk.paused})")


@pytest.mark.parametrize("width, height, name", [(1920, 1080, "ngang"), (1080, 1920, "doc")])
def test_screen_fills_the_display_with_large_type(page, site_url, width, height, name):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + SCREEN)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"man-hinh-{name}-danh-sach.png"))
    assert float(page.evaluate("getComputedStyle(document.body).fontSize").removesuffix("px")) >= 28
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    assert page.locator(".md-header, .md-tabs, .md-footer").count() == 0  # no Material chrome
    foot = page.inner_text(".kiosk__foot")
    assert "Giờ làm việc" in foot and "Phản ánh, kiến nghị" in foot and "/20" in foot
    _open(page, "1.001193")
    page.screenshot(path=str(SHOTS / f"man-hinh-{name}-thu-tuc.png"))
    assert page.evaluate("document.documentElement.scrollHeight") <= height


def test_procedure_slides_show_essentials_and_qr_codes(page, site_url):
    page.goto(site_url + SCREEN)
    slide = page.locator('[data-slide][data-code="1.001193"]')
    text = slide.evaluate("s => s.textContent")
    for part in ("Giấy tờ cần mang", "Thời hạn và phí", "Phí, lệ phí", "Tờ khai đăng ký khai sinh"):
        assert part in text
    assert "Trụ sở Ủy ban nhân dân xã Vĩnh Bảo" in page.inner_text(".kiosk__head")  # where to submit, for every slide
    assert slide.locator(".kiosk__qr svg").count() == 0  # drawn when the slide is first shown
    _open(page, "1.001193")
    assert slide.locator(".kiosk__qr svg").count() == 2  # the page, and the online service
    assert "Quét để nộp trực tuyến" in text


def test_rotation_follows_the_interval_in_the_url(page, site_url):
    page.clock.install()
    page.goto(site_url + SCREEN + "?giay=10")
    assert _state(page)["current"] == 0
    page.clock.run_for(9000)
    assert _state(page)["current"] == 0
    page.clock.run_for(1500)
    assert _state(page)["current"] == 1
    page.clock.run_for(10000)
    assert _state(page)["current"] == 2
    assert page.locator("[data-slide]:not([hidden])").count() == 1


def test_order_can_put_every_list_first(page, site_url):
    page.clock.install()
    page.goto(site_url + SCREEN + "?giay=5&thu-tu=danh-sach")
    lists = page.locator(".kiosk__list").count()
    seen = []
    for _ in range(lists + 1):
        seen.append(_state(page)["slide"])
        page.clock.run_for(5000)
    assert all(s.startswith("list:") for s in seen[:lists]) and not seen[lists].startswith("list:")


def test_a_tap_pauses_and_idle_time_resumes(page, site_url):
    page.clock.install()
    page.goto(site_url + SCREEN + "?giay=10&cho=30")
    page.click(".kiosk__slides")
    assert _state(page)["paused"] is True
    assert page.is_visible(".kiosk__browse")
    for box in page.locator(".kiosk__browse button").evaluate_all("bs => bs.map(b => b.getBoundingClientRect().height)"):
        assert box >= 48
    page.click('[data-field-button="ho-tich"]')
    page.locator(".kiosk__choices button", has_text="Thủ tục đăng ký khai sinh").click()
    assert _state(page)["slide"] == "1.001193"
    page.clock.run_for(25000)
    assert _state(page)["slide"] == "1.001193"  # still where the person left it
    page.clock.run_for(6000)
    assert _state(page)["paused"] is False and page.is_hidden(".kiosk__browse")
    page.clock.run_for(10500)
    assert _state(page)["slide"] != "1.001193"


def test_touch_search_folds_diacritics(page, site_url):
    page.goto(site_url + SCREEN)
    page.click(".kiosk__slides")
    page.fill("#kiosk-search", "DANG KY KET HON")
    assert page.locator(".kiosk__choices button").first.inner_text() == "Thủ tục đăng ký kết hôn"


def test_failed_build_check_keeps_the_screen_and_a_newer_build_reloads_it(page, site_url):
    newer = []  # one handler for the whole test: unrouting while a check is in flight races with the page's route

    def answer(route):
        route.fulfill(json={"build": "a-newer-build"}) if newer else route.abort()

    page.clock.install()
    page.route("**/ban-dung.json*", answer)
    page.goto(site_url + SCREEN + "?kiem-tra=60")
    page.evaluate("window.stillHere = true")
    page.clock.run_for(65000)
    assert page.evaluate("window.stillHere === true")  # offline: no reload, no loop
    newer.append(True)
    with page.expect_navigation():
        page.clock.run_for(61000)
    assert page.evaluate("window.stillHere === undefined")


def test_same_build_does_not_reload(page, site_url):
    page.clock.install()
    page.goto(site_url + SCREEN + "?kiem-tra=60")
    page.evaluate("window.stillHere = true")
    page.clock.run_for(130000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.stillHere === true")


@pytest.mark.parametrize("url", [SCREEN, "thu-tuc/1.001193/", "don-vi/ubnd-xa-vinh-bao/niem-yet/", "don-vi/ubnd-xa-vinh-bao/niem-yet-phan-anh/"])
def test_no_serious_accessibility_violations(page, site_url, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + url)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def _pdf_text(page, url):
    from pypdf import PdfReader

    page.goto(url)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    sizes = {(round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4)) for p in reader.pages}  # mm
    text = "".join(p.extract_text() for p in reader.pages)
    return sizes, len(reader.pages), Squashed(text)


class Squashed(str):
    """PDF text compared without white space: text extraction splits Vietnamese letters from their marks."""

    def __new__(cls, text):
        return super().__new__(cls, re.sub(r"\s+", "", unicodedata.normalize("NFC", text)))

    def __contains__(self, part):
        return super().__contains__(re.sub(r"\s+", "", unicodedata.normalize("NFC", part)))


def test_procedure_prints_on_a4_with_every_section(page, site_url):
    sizes, pages, text = _pdf_text(page, site_url + "thu-tuc/1.013978/")
    assert sizes == {(210, 297)}
    assert pages >= 2
    for heading in ("Thông tin chung", "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần hồ sơ", "Kết quả thực hiện",
                    "Yêu cầu, điều kiện thực hiện", "Mẫu đơn, tờ khai", "Căn cứ pháp lý", "Dịch vụ công trực tuyến",
                    "Quyết định công bố", "Tình trạng và nguồn"):
        assert heading in text, heading
    assert "Mã thủ tục 1.013978" in text and "/thu-tuc/1.013978/" in text and "In ngày" in text
    for chrome in ("Tìm thủ tục", "Thủ tục nội bộ", "Giới thiệu", "Lọc theo"):
        assert chrome not in text


def test_notice_board_list_prints_grouped_by_field(page, site_url):
    sizes, _, text = _pdf_text(page, site_url + "don-vi/ubnd-xa-vinh-bao/niem-yet/")
    assert sizes == {(210, 297)}
    assert "Danh mục thủ tục hành chính" in text and "Hộ tịch" in text and "1.001193" in text and "Thời hạn giải quyết" in text


def test_petition_notice_has_the_nd20_contents(page, site_url):
    _, _, text = _pdf_text(page, site_url + "don-vi/ubnd-xa-vinh-bao/niem-yet-phan-anh/")
    for part in ("Nghị định số 20/2008/NĐ-CP", "Địa chỉ", "Điện thoại chuyên dùng", "Thư điện tử", "khiếu nại, tố cáo"):
        assert part in text, part


def test_qr_codes_drawn_on_the_screen_read_back_as_their_addresses(page, site_url):
    """What a phone sees: each code as the screen shows it (a screenshot), read by the ZXing decoder."""
    import zxingcpp
    from PIL import Image

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(site_url + SCREEN)
    _open(page, "1.001193")
    figures = page.locator('[data-slide][data-code="1.001193"] [data-qr]')
    assert figures.count() == 2
    addresses = figures.evaluate_all("fs => fs.map(f => f.dataset.qr)")
    assert addresses[0] == "https://congkhai.example/thu-tuc/1.001193/"  # the site_url of mkdocs.yml
    assert addresses[1].startswith("https://")
    for n, address in enumerate(addresses):
        shot = Image.open(io.BytesIO(figures.nth(n).locator("svg").screenshot()))
        read = zxingcpp.read_barcodes(shot)
        assert [(code.text, code.format, code.ec_level) for code in read] == [(address, zxingcpp.BarcodeFormat.QRCode, "M")]
