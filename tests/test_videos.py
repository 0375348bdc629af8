"""Video guides without a browser: captions read as WebVTT, files known by their first bytes, paths that cannot
leave the catalog, ffprobe's checks where it is installed, and a build that copies only the files its pages show.

The messages themselves are goldens in tests/bad/130-149; the browser plays the guides in test_video_browser.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, TODAY
from generator.catalog import sniff, webvtt
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.catalog.media import CAPTION_TYPES, IMAGE_TYPES, VIDEO_TYPES, path_problem
from generator.pages.videos import size_text, transcript_of

SAMPLE = ROOT / "catalog" / "media" / "so-tu-phap" / "dang-ky-khai-sinh-minh-hoa"
MINI_MEDIA = FIXTURES / "mini" / "media" / "ubnd-xa-an-binh"
BIRTH = "procedures/ubnd-xa-an-binh/1.001193.yaml"
GUIDE = """videos:
  - title: "Hướng dẫn đăng ký khai sinh (video minh họa)"
    file: "media/ubnd-xa-an-binh/mau.webm"
    captions: "media/ubnd-xa-an-binh/mau.vi.vtt"
    poster: "media/ubnd-xa-an-binh/mau.jpg"
    duration: "0:02"
"""


# --- captions ---------------------------------------------------------------------------------------------------

def test_the_sample_captions_read_as_seven_cues_in_order():
    captions = webvtt.parse((SAMPLE.parent / (SAMPLE.name + ".vi.vtt")).read_text(encoding="utf-8"))
    assert captions.problems == ()
    assert len(captions.cues) == 7
    assert captions.cues[0].text.startswith("Video minh họa")
    assert all(a.start <= b.start for a, b in zip(captions.cues, captions.cues[1:]))


def test_captions_keep_words_and_lose_tags_entities_comments_and_styles():
    text = ("\ufeffWEBVTT - phụ đề\r\nKind: captions\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\nNOTE ghi chú\r\n\r\n"
            "mo-dau\r\n01:00:00.000 --> 01:00:02.500 line:0 align:start\r\n<v Người dẫn>Đăng ký &amp; <i>nhận</i> &lt;kết quả&gt;</v>\r\n")
    captions = webvtt.parse(text)
    assert captions.problems == ()
    assert captions.cues == (webvtt.Cue(3600.0, 3602.5, "Đăng ký & nhận <kết quả>"),)


@pytest.mark.parametrize("text, line, col, part", [
    ("", 1, 1, 'bắt đầu bằng dòng "WEBVTT"'),
    ("webvtt\n\n00:01.000 --> 00:02.000\nx\n", 1, 1, "chữ hoa"),
    ("WEBVTT\n\n00:02.000 --> 00:01.000\nx\n", 3, 15, "không sau thời điểm bắt đầu"),
    ("WEBVTT\n\n00:00:02.000 --> 00:00:03.000\nx\n\n00:00:01.000 --> 00:00:04.000\ny\n", 6, 1, "tăng dần"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:60.000\nx\n", 3, 18, "nhỏ hơn 60"),
    ("WEBVTT\n\n00:00:01.000-->00:00:02.000\nx\n", 3, 1, "không đúng dạng"),
])
def test_bad_captions_are_located(text, line, col, part):
    problems = webvtt.parse(text).problems
    assert problems and problems[0][:2] == (line, col) and part in problems[0][2], problems


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["WEBVTT", "\n", "\r\n", "\r", "00:00:01.000", " --> ", "-->", "00:01.5", ",", "NOTE", "1",
                                 "<v a>", "&amp;", "\ufeff", "x", "99:99:99.999", " ", "STYLE", "\x00", "đ"]), max_size=30).map("".join))
def test_no_caption_text_ever_raises_and_every_problem_is_inside_the_file(text):
    captions = webvtt.parse(text)
    lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for line, col, message in captions.problems:
        assert 1 <= line <= lines and col >= 1 and message and "\n" not in message


def test_transcript_runs_captions_into_sentences():
    cues = [webvtt.Cue(0.3, 2, "Bước 1: chuẩn bị"), webvtt.Cue(2, 4, "tờ khai."), webvtt.Cue(4, 5, "Bước 2:\nnộp hồ sơ"),
            webvtt.Cue(30, 31, "sau một quãng lặng."), webvtt.Cue(31, 32, "")]
    assert transcript_of(cues) == (("0:00", "Bước 1: chuẩn bị tờ khai."), ("0:04", "Bước 2: nộp hồ sơ"), ("0:30", "sau một quãng lặng."))
    assert webvtt.clock(3725.9) == "1:02:05" and size_text(87_785) == "88 KB" and size_text(12_345_678) == "12,3 MB"


# --- files by their first bytes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, kind", [
    (SAMPLE.with_suffix(".webm"), "webm"), (SAMPLE.with_suffix(".jpg"), "jpeg"), (SAMPLE.parent / (SAMPLE.name + ".vi.vtt"), "vtt"),
    (ROOT / "tests/bad/133-video-mp4-content-with-a-webm-name/catalog/media/ubnd-xa-an-binh/huong-dan.webm", "mp4"),
    (ROOT / "tests/bad/134-video-content-not-webm/catalog/media/ubnd-xa-an-binh/ban-quay-man-hinh.webm", "matroska"),
])
def test_containers_are_known_by_their_signature(path, kind):
    assert sniff.sniff(path.read_bytes()[: sniff.HEAD]) == kind


@pytest.mark.parametrize("head, kind", [
    (b"\x89PNG\r\n\x1a\n....", "png"), (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"), (b"RIFF\x00\x00\x00\x00AVI LIST", "avi"),
    (b"\x00\x00\x00\x14ftypqt  ", "quicktime"), (b"GIF89a", "gif"), (b"1\n00:00:01,000 --> 00:00:02,000\n", "srt"),
    (b"\xef\xbb\xbfWEBVTT\n", "vtt"), (b"WEBVTTX", None), (b"  <!doctype html>", "html"), (sniff.LFS_POINTER + b"\n", "lfs"),
    (b"", None), (b"\x1a\x45\xdf\xa3", "matroska"),
])
def test_signatures(head, kind):
    assert sniff.sniff(head) == kind


# --- paths typed by clerks ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "../catalog/site.yaml.webm", "media/../../x.webm", "/media/a/b.webm", "C:/video/a.webm", "media\\a\\b.webm", "~/a.webm",
    "media/a/%2e%2e/b.webm", "media/a/..%2fb.webm", "media//a.webm", "media/./a/b.webm", "https://example.com/a.webm",
    "file:///etc/passwd.webm", "media/a/b.webm\n", "media/a/b\u202e.webm", "media/ａ/b.webm", "media/a/b.WEBM", "media/a/b.mkv",
    "media/a.webm", "videos/a/b.webm", "media/a/b .webm", "media/a/.hidden.webm", "media/a／b/c.webm",
])
def test_paths_that_leave_the_unit_folders_or_are_not_plain_are_refused(text):
    assert path_problem(text, VIDEO_TYPES, "media/<mã đơn vị>/<tên>.webm")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["media", "/", "..", ".", "a", "b.webm", "%2e", "\\", "~", ":", "ａ", " ", "\x00", "so-tu-phap", ".vtt",
                                 ".jpg", "\u2215"]), max_size=10).map("".join))
def test_a_path_that_passes_stays_in_the_media_folder(text):
    for types in (VIDEO_TYPES, CAPTION_TYPES, IMAGE_TYPES):
        if path_problem(text, types, "x") is None:
            root = Path("/nowhere/catalog")
            assert os.path.normpath(root / text).startswith(str(root / "media") + os.sep), text


# --- the whole loader --------------------------------------------------------------------------------------------

def _mini(tmp_path: Path, guide: str = GUIDE) -> Path:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    (tmp_path / ".git").mkdir()
    (catalog / BIRTH).write_text((catalog / BIRTH).read_text(encoding="utf-8") + guide, encoding="utf-8")
    return catalog


def test_a_good_guide_loads_with_its_cues_and_no_warning(tmp_path):
    catalog = load_catalog(_mini(tmp_path), tmp_path)
    assert catalog.warnings == []
    assert catalog.procedures["1.001193"].videos[0].duration == "0:02"
    assert [cue.text for cue in catalog.media["media/ubnd-xa-an-binh/mau.vi.vtt"].cues] == ["Câu thứ nhất.", "Câu thứ hai."]
    assert catalog.media["media/ubnd-xa-an-binh/mau.webm"].type == "video/webm"


def test_validate_never_needs_ffprobe(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGKHAI_FFPROBE", "0")
    catalog = load_catalog(_mini(tmp_path, GUIDE.replace('"0:02"', '"9:59"')), tmp_path)
    assert catalog.warnings == []  # the length is not known without ffprobe: nothing to say


def _ffprobe():
    if os.environ.get("CI") != "true" and shutil.which("ffprobe") is None:
        pytest.skip("no ffprobe here (CI installs ffmpeg)")


def _problems(catalog_dir: Path, root: Path) -> list[str]:
    try:
        return [str(p) for p in load_catalog(catalog_dir, root).warnings]
    except CatalogError as exc:
        return [str(p) for p in exc.problems]


@pytest.mark.parametrize("cut", [lambda data: data[:60] + b"\x00" * 200,  # a WebM header, then nothing a player can read
                                 lambda data: data[: len(data) * 2 // 3]])  # a copy cut short
def test_ffprobe_reports_a_video_that_does_not_read_to_its_end(tmp_path, cut):
    _ffprobe()
    catalog = _mini(tmp_path)
    video = catalog / "media" / "ubnd-xa-an-binh" / "mau.webm"
    video.write_bytes(cut(video.read_bytes()))
    problems = _problems(catalog, tmp_path)
    assert len(problems) == 1 and '"videos[0].file": ffprobe không đọc được video' in problems[0] and "xuất lại video" in problems[0]


def test_ffprobe_warns_of_a_length_or_codecs_that_browsers_do_not_play(tmp_path):
    _ffprobe()
    catalog = _mini(tmp_path, GUIDE.replace("mau.webm", "cu.mp4").replace('"0:02"', '"1:30"'))
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=s=64x36:r=5:d=2", "-c:v", "mpeg4",
                    str(catalog / "media" / "ubnd-xa-an-binh" / "cu.mp4")], check=True)
    problems = _problems(catalog, tmp_path)
    assert len(problems) == 2 and all(": cảnh báo: " in p for p in problems), problems
    assert any("dùng mã hóa mpeg4, trình duyệt không phát được" in p for p in problems)
    assert any('dài 0:02 nhưng "duration" ghi 1:30' in p for p in problems)


def test_a_changed_media_file_makes_validate_changed_read_the_whole_catalog():
    from generator.catalog.changed import only_owned

    assert only_owned(["procedures/so-tu-phap/1.001193.yaml"])
    assert not only_owned(["procedures/so-tu-phap/1.001193.yaml", "media/so-tu-phap/a.vi.vtt"])


# --- the build ---------------------------------------------------------------------------------------------------

def test_a_build_copies_only_the_media_its_pages_show(tmp_path):
    from generator.build.site import Options, SiteBuild

    catalog = _mini(tmp_path)
    extra = catalog / "media" / "ubnd-xa-an-binh" / "khong-dung.webm"
    shutil.copy(MINI_MEDIA / "mau.webm", extra)  # in the folder, named by no entry
    (tmp_path / "site").mkdir()  # as a host makes it
    build = SiteBuild(Options(catalog, tmp_path, tmp_path / "site", today=TODAY))
    build.load()
    bodies = {spec.src_uri: build.content(spec) for spec in build.specs}
    build.start_index()
    build.finish()
    build.done()
    copied = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site" / "media").rglob("*") if p.is_file())
    assert copied == ["media/ubnd-xa-an-binh/mau.jpg", "media/ubnd-xa-an-binh/mau.vi.vtt", "media/ubnd-xa-an-binh/mau.webm"]
    page = bodies["thu-tuc/1.001193.md"]
    assert '<video class="ck-video__player" controls preload="none"' in page
    assert '<track kind="captions" src="../../media/ubnd-xa-an-binh/mau.vi.vtt" srclang="vi" label="Tiếng Việt" default>' in page
    assert "Câu thứ nhất. Câu thứ hai." not in page and "Câu thứ nhất." in page  # two sentences, two paragraphs
    screen = (tmp_path / "site" / "man-hinh" / "ubnd-xa-an-binh" / "index.html").read_text(encoding="utf-8")
    assert 'data-video-of="1.001193"' in screen and "../../media/ubnd-xa-an-binh/mau.webm" in screen


def test_the_sample_guide_is_small_and_says_it_is_illustrative():
    catalog = load_catalog(ROOT / "catalog")
    video = catalog.procedures["1.001193"].videos[0]
    assert "minh họa" in video.title and video.duration == "0:20"
    files = [catalog.media[path] for path in (video.file, video.captions, video.poster)]
    assert sum(file.size for file in files) < 1_000_000
    assert files[0].type == "video/webm" and files[1].cues[0].text.startswith("Video minh họa")
    assert (ROOT / "tests" / "media" / "make_sample_video.sh").stat().st_mode & 0o111  # how to make them again
