"""Video guides in headless Chromium: the sample guide plays on its procedure page and on a counter screen, with its
Vietnamese captions showing, from files in the built site (the page fixture fails on any request to another host).

Real media time does not follow Playwright's fake clock: the tests that watch a video play use real time and short
settings (?giay=3&cho=5); those about the order of slides use the fake clock and never wait for a video.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, ROOT, build_site
from test_kiosk_browser import _pdf_text

SCREEN = "man-hinh/ubnd-xa-vinh-bao/"
GUIDE = "thu-tuc/1.001193/"
SHOTS = ROOT / "tests" / "screenshots"  # ignored by git; looked at by people
PLAYING = "document.querySelector('.kiosk__video:not([hidden]) video')"


@pytest.fixture(scope="module")
def site_url(sample_site, serve):
    return serve(sample_site)


def _track(page, video: str) -> dict:
    return page.evaluate(f"""(() => {{ const v = {video}, t = v.textTracks[0];
        return {{time: v.currentTime, paused: v.paused, muted: v.muted, mode: t.mode, cues: t.cues ? t.cues.length : 0,
                 active: t.activeCues && t.activeCues.length ? t.activeCues[0].text : null}}; }})()""")


def _wait_for_time(page, video: str, seconds: float) -> None:
    page.wait_for_function(f"(() => {{ const v = {video}; return v && v.currentTime > {seconds}; }})()", timeout=15000)


def _state(page):
    return page.evaluate("({slide: congkhaiKiosk.slide, paused: congkhaiKiosk.paused, order: congkhaiKiosk.order})")


@pytest.mark.parametrize("width", [360, 1280])
def test_procedure_page_plays_the_guide_with_captions(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + GUIDE)
    section = page.locator("#video-huong-dan")
    assert section.locator("h2").inner_text() == "Video hướng dẫn"
    assert "(video minh họa)" in section.locator("h3").inner_text()
    video = section.locator("video")
    assert video.evaluate("v => [v.controls, v.preload, v.networkState === HTMLMediaElement.NETWORK_IDLE || v.readyState === 0]") == [True, "none", True]
    track = section.locator("track")
    assert [track.get_attribute(a) for a in ("kind", "srclang", "label")] == ["captions", "vi", "Tiếng Việt"]
    assert track.evaluate("t => t.default") is True
    box = video.bounding_box()
    assert box["width"] <= width and box["height"] > 100  # the poster's room, before anything is loaded
    page.wait_for_function("(() => { const v = document.querySelector('#video-huong-dan video'); return v.poster; })()")
    page.wait_for_timeout(800)  # the poster drawn, the controls settled: what a person sees
    SHOTS.mkdir(exist_ok=True)
    section.screenshot(path=str(SHOTS / f"video-trang-thu-tuc-{width}.png"))
    video.evaluate("v => { v.muted = true; return v.play(); }")  # what the play button does (muted: headless needs no sound)
    _wait_for_time(page, "document.querySelector('#video-huong-dan video')", 1.2)
    state = _track(page, "document.querySelector('#video-huong-dan video')")
    assert state["mode"] == "showing" and state["cues"] == 7
    assert state["active"] and state["active"].startswith("Video minh họa")
    page.screenshot(path=str(SHOTS / f"video-trang-thu-tuc-{width}-dang-phat.png"), full_page=False)
    transcript = section.locator(".ck-transcript").inner_text()
    assert "Nội dung video (theo phụ đề)" in transcript and "0:05\nBước 1: chuẩn bị Tờ khai đăng ký khai sinh và Giấy chứng sinh của trẻ." in transcript.replace(" Bước", "\nBước")


def test_procedure_page_links_the_files_it_plays(page, site_url):
    page.goto(site_url + GUIDE)
    links = page.locator("#video-huong-dan .ck-video__files a")
    assert links.nth(0).inner_text().startswith("Tải video (WebM, ")
    for n, kind in ((0, "video/webm"), (1, "text/vtt")):
        assert links.nth(n).get_attribute("download") is not None
        response = page.request.get(links.nth(n).evaluate("a => a.href"))
        assert response.ok and response.headers["content-type"].startswith(kind)


def test_procedure_page_prints_the_title_and_the_transcript_not_the_player(page, site_url):
    page.goto(site_url + GUIDE)
    page.emulate_media(media="print")
    section = page.locator("#video-huong-dan")
    assert section.locator("video").evaluate("v => getComputedStyle(v).display") == "none"
    assert section.locator(".ck-video__files").evaluate("p => getComputedStyle(p).display") == "none"
    assert section.locator("h3").is_visible() and section.locator(".ck-transcript").is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.pdf(path=str(SHOTS / "video-trang-thu-tuc-ban-in.pdf"), format="A4")
    _, _, text = _pdf_text(page, site_url + GUIDE)
    for part in ("Video hướng dẫn", "Hướng dẫn đăng ký khai sinh (video minh họa) (20 giây)", "Nội dung video (theo phụ đề)",
                 "0:10 Bước 2: nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã"):
        assert part in text, part
    assert "Tải video" not in text


def test_counter_screen_plays_the_guide_muted_with_captions_after_its_slide(page, site_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(site_url + SCREEN + "?giay=3&cho=5")
    order = _state(page)["order"]
    assert order[order.index("1.001193") + 1] == "video:1.001193"  # the guide follows its procedure
    page.click(".kiosk__slides")  # a person chooses the procedure; the rotation resumes from it when they leave
    page.fill("#kiosk-search", "1.001193")
    page.locator(".kiosk__choices button").first.click()
    page.wait_for_function("congkhaiKiosk.slide === 'video:1.001193' && !congkhaiKiosk.paused", timeout=15000)
    _wait_for_time(page, PLAYING, 1.5)
    state = _track(page, PLAYING)
    assert state["muted"] and not state["paused"] and state["mode"] == "showing" and state["cues"] == 7
    assert state["active"] and "minh họa" in state["active"]
    assert page.locator("[data-slide]:not([hidden])").count() == 1
    assert page.evaluate("document.documentElement.scrollHeight") <= 1080
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "video-man-hinh-dang-phat.png"))
    src = page.evaluate(f"{PLAYING}.currentSrc")
    assert src.startswith(site_url) and src.endswith("/media/so-tu-phap/dang-ky-khai-sinh-minh-hoa.webm")  # offline: in the site
    page.evaluate(f"{PLAYING}.currentTime = {PLAYING}.duration - 0.4")  # its end resumes the rotation
    page.wait_for_function("congkhaiKiosk.slide !== 'video:1.001193'", timeout=10000)
    assert _state(page)["slide"] == order[order.index("video:1.001193") + 1]
    assert page.locator(".kiosk__video video").evaluate("v => v.paused") is True


def test_a_tap_pauses_the_guide_and_idle_time_resumes_it(page, site_url):
    page.goto(site_url + SCREEN + "?giay=3&cho=5")
    page.click(".kiosk__slides")
    page.fill("#kiosk-search", "1.001193")
    page.locator(".kiosk__choices button").first.click()
    page.wait_for_function("congkhaiKiosk.slide === 'video:1.001193' && !congkhaiKiosk.paused", timeout=15000)
    _wait_for_time(page, PLAYING, 0.5)
    page.click(".kiosk__slides")
    state = _state(page)
    assert state["paused"] and page.is_visible(".kiosk__browse")
    at = _track(page, PLAYING)
    assert at["paused"]
    page.wait_for_timeout(1000)
    assert _track(page, PLAYING)["time"] == at["time"]  # still where the person stopped it
    page.wait_for_function("!congkhaiKiosk.paused", timeout=10000)
    _wait_for_time(page, PLAYING, at["time"] + 0.5)  # and it goes on from there
    assert _state(page)["slide"] == "video:1.001193"


def _through_the_guide(page, url):
    """Fake time: choose 1.001193, leave the screen idle (5 s), and let one slide's time (5 s) pass."""
    page.clock.install()
    page.goto(url)
    page.click(".kiosk__slides")
    page.fill("#kiosk-search", "1.001193")
    page.locator(".kiosk__choices button").first.click()
    page.clock.run_for(5500)
    assert _state(page)["paused"] is False
    page.clock.run_for(5000)
    return _state(page)


def test_video_0_in_the_address_turns_the_guides_off(page, site_url):
    shown = _through_the_guide(page, site_url + SCREEN + "?giay=5&cho=5")
    assert shown["slide"] == "video:1.001193"
    page.goto("about:blank")
    off = _through_the_guide(page, site_url + SCREEN + "?giay=5&cho=5&video=0")
    assert off["slide"] == shown["order"][shown["order"].index("video:1.001193") + 1]
    assert page.locator(".kiosk__video").count() == 0 and not any(s.startswith("video:") for s in off["order"])


def test_a_screen_without_guides_has_no_video(page, site_url):
    page.goto(site_url + "man-hinh/so-tu-phap/")
    assert page.locator("video").count() == 0 and not any(s.startswith("video:") for s in _state(page)["order"])


@pytest.fixture(scope="module")
def guides_url(tmp_path_factory, serve):
    """The fixture catalog with a guide for a field, for a unit, for a procedure, and a link to a video page elsewhere."""
    tmp = tmp_path_factory.mktemp("guides")
    catalog = tmp / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    guide = ('    videos:\n      - title: "{title}"\n        file: "media/ubnd-xa-an-binh/mau.webm"\n'
             '        captions: "media/ubnd-xa-an-binh/mau.vi.vtt"\n        poster: "media/ubnd-xa-an-binh/mau.jpg"\n')
    fields = catalog / "fields.yaml"
    fields.write_text(fields.read_text(encoding="utf-8").replace("    sector: Tư pháp\n", "    sector: Tư pháp\n" + guide.format(
        title="Giới thiệu lĩnh vực hộ tịch"), 1), encoding="utf-8")
    unit = catalog / "units" / "ubnd-xa-an-binh.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "videos:\n" + guide.format(title="Nộp hồ sơ tại Bộ phận Một cửa")
                    .replace("\n    ", "\n").removeprefix("    videos:\n"), encoding="utf-8")
    birth = catalog / "procedures" / "ubnd-xa-an-binh" / "1.001193.yaml"
    birth.write_text(birth.read_text(encoding="utf-8") + "videos:\n" + guide.format(title="Đăng ký khai sinh")
                     .replace("\n    ", "\n").removeprefix("    videos:\n")
                     + '  - title: "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia"\n    url: "https://dichvucong.gov.vn/p/home/huong-dan.html"\n'
                     '    duration: "3:15"\n', encoding="utf-8")
    result = build_site(tmp, catalog)
    assert result.returncode == 0, result.stderr
    return serve(tmp / "site")


def test_fields_and_units_show_their_general_guides(page, guides_url):
    for url, title in (("linh-vuc/ho-tich/", "Giới thiệu lĩnh vực hộ tịch"), ("don-vi/ubnd-xa-an-binh/", "Nộp hồ sơ tại Bộ phận Một cửa")):
        page.goto(guides_url + url)
        assert page.locator("#video-huong-dan h3").first.inner_text().startswith(title)
        assert page.locator("#video-huong-dan track[srclang=vi]").count() == 1


def test_a_video_page_elsewhere_is_a_link_never_embedded(page, guides_url):
    page.goto(guides_url + "thu-tuc/1.001193/")
    videos = page.locator("#video-huong-dan .ck-video")
    assert videos.count() == 2 and videos.nth(1).locator("video, iframe, img").count() == 0
    link = videos.nth(1).locator("a")
    assert link.inner_text() == "Xem video trên dichvucong.gov.vn"
    assert link.get_attribute("href") == "https://dichvucong.gov.vn/p/home/huong-dan.html"
    assert "(3 phút 15 giây)" in videos.nth(1).locator("h3").inner_text()


def test_counter_screen_plays_field_and_unit_guides_in_their_places(page, guides_url):
    page.goto(guides_url + "man-hinh/ubnd-xa-an-binh/")
    order = _state(page)["order"]
    assert order[order.index("list:ho-tich") + 1] == "video:list:ho-tich"  # a field's guide after its list
    assert order[order.index("1.001193") + 1] == "video:1.001193"  # the link elsewhere does not play
    assert order[-1] == "video:"  # the unit's guide closes the rotation
    assert order.count("video:1.001193") == 1
