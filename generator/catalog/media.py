"""Video guides in catalog files: the kinds of value that name a media file, and a video's own rules.

A video is either a file kept in the catalog (``file``, with its Vietnamese
captions ``captions`` — required — and a ``poster`` image), or a video page
elsewhere (``url``, https only), which the site shows as a link and never
embeds. A media path is text typed by a clerk and is never trusted as a
path: it is relative to the catalog folder, in ``media/<unit-id>/``, made of
plain ASCII names, with no way out of the folder (no ``..``, no leading
``/``, no ``\\``, no ``%xx``); the files themselves are checked across the
catalog (mediafiles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.catalog.linkkinds import Url
from generator.catalog.schema import INVALID, Record, Text, _name
from generator.text.links import looks_like_link, url_problem

FOLDER = "media"
VIDEO_TYPES = {".webm": "video/webm", ".mp4": "video/mp4"}
CAPTION_TYPES = {".vtt": "text/vtt"}
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)
_EXAMPLE = "media/<mã đơn vị>/<tên tệp>"


def path_problem(text: str, types: dict[str, str], example: str) -> str | None:
    """What is wrong with *text* as the path of a media file of *types* (by extension), or None."""
    quoted = f'đường dẫn "{text}"'
    if any(not c.isprintable() for c in text):
        return f"{quoted} có ký tự xuống dòng hoặc ký tự ẩn — hãy viết đường dẫn trên một dòng, ví dụ \"{example}\""
    if looks_like_link(text):
        return (f'{quoted} là một liên kết, không phải tệp trong danh mục — video đăng ở trang khác ghi ở trường "url"; '
                f'tệp lưu trong danh mục ghi đường dẫn dạng "{example}"')
    if "\\" in text:
        return f'{quoted} dùng dấu "\\" — hãy dùng dấu "/" giữa các thư mục, ví dụ "{example}"'
    if text.startswith("/") or re.match(r"[A-Za-z]:", text) or text.startswith("~"):
        return (f"{quoted} là đường dẫn tuyệt đối — chỉ ghi đường dẫn tính từ thư mục catalog, bắt đầu bằng \"{FOLDER}/\", "
                f'ví dụ "{example}"')
    if "%" in text:
        return f'{quoted} có mã "%xx" — hãy ghi đúng tên thư mục và tên tệp, không mã hóa, ví dụ "{example}"'
    parts = text.split("/")
    if ".." in parts:
        return f'{quoted} có ".." để ra ngoài thư mục — tệp phải nằm trong thư mục catalog/{FOLDER}/, ví dụ "{example}"'
    if any(part in ("", ".") for part in parts):
        return f'{quoted} có đoạn trống hoặc "." giữa hai dấu "/" — hãy ghi gọn dạng "{example}"'
    if parts[0] != FOLDER or len(parts) < 3:
        return (f'{quoted} không nằm trong thư mục của đơn vị trong catalog/{FOLDER}/ — hãy đặt tệp vào catalog/{FOLDER}/<mã đơn vị>/ '
                f'và ghi đường dẫn dạng "{example}"')
    bad = next((part for part in parts if not _NAME.fullmatch(part)), None)
    if bad is not None:
        return (f'{quoted}: tên "{bad}" chỉ được dùng chữ cái không dấu, chữ số, dấu chấm, dấu gạch ngang và gạch dưới '
                "(không dấu cách, không chữ có dấu) — hãy đổi tên tệp hoặc thư mục rồi sửa đường dẫn")
    extension = "." + parts[-1].rsplit(".", 1)[-1] if "." in parts[-1] else ""
    if extension not in types:
        allowed = ", ".join(types)
        case = " (đuôi viết chữ thường)" if extension.lower() in types else ""
        return f'{quoted} có đuôi "{extension or "(không có)"}" — ở đây chỉ dùng tệp {allowed}{case}; ví dụ "{example}"'
    return None


@dataclass
class MediaPath(Text):
    """The path of a media file in the catalog, checked as text only (the file: mediafiles.py)."""

    types: dict = None
    example: str = _EXAMPLE
    noun: str = "đường dẫn tệp"

    def __post_init__(self):  # for the JSON Schemas: the shape of the path, with the extensions it may have
        extensions = "|".join(re.escape(ext[1:]) for ext in self.types)
        self.pattern = rf"{FOLDER}/[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*/[A-Za-z0-9][A-Za-z0-9._-]*\.({extensions})"
        self.hint = f'đường dẫn tính từ thư mục catalog, dạng "{self.example}"'

    def check(self, value, path, ctx):
        text = Text(noun=self.noun).check(value, path, ctx)
        problem = text is not INVALID and path_problem(text, self.types, self.example)
        if problem:
            ctx.out.error(value, f"{_name(path)}: {problem}")
        return INVALID if problem else text


@dataclass
class HttpsUrl(Url):
    """A page elsewhere that the site links to: https only, so the link never downgrades the reader's connection."""

    schemes: tuple[str, ...] = ("https",)

    def check(self, value, path, ctx):
        text = Text(noun=self.noun).check(value, path, ctx)
        if text is INVALID:
            return INVALID
        if text.lower().startswith("http://"):
            ctx.out.error(value, f'{_name(path)}: liên kết "{text}" phải bắt đầu bằng https:// — trang video ở nơi khác chỉ được dẫn '
                                 'bằng liên kết an toàn https; hãy mở trang đó và chép lại địa chỉ bắt đầu bằng "https://"')
            return INVALID
        problem = url_problem(text, self.schemes)
        if problem:
            ctx.out.error(value, f"{_name(path)}: {problem}")
        return INVALID if problem else text


class VideoRecord(Record):
    """A video: a file kept in the catalog with its captions, or a link to a video page elsewhere, never both."""

    def check(self, value, path, ctx):
        video = super().check(value, path, ctx)
        if video is INVALID:
            return INVALID
        problem = _combination(video, path, value)
        if problem:
            ctx.out.error(*problem)
            return INVALID
        return video


def _combination(video, path: str, value) -> tuple | None:
    where = value.key_pos
    if video.file and video.url:
        return where["url"], f'{_name(path)}: chỉ ghi một trong hai — "file" (tệp lưu trong danh mục) hoặc "url" (trang video ở nơi khác); hãy xóa một dòng'
    if not video.file and not video.url:
        return value, (f'{_name(path)}: chưa có video — hãy thêm dòng "file: {_EXAMPLE}.webm" cho tệp lưu trong danh mục '
                       '(kèm "captions:" phụ đề tiếng Việt), hoặc "url: https://…" cho video đăng ở trang khác')
    if video.file and not video.captions:
        return where["file"], (f'{_name(path + ".captions")}: video "{video.title}" chưa có phụ đề tiếng Việt — hãy thêm dòng '
                               '"captions: media/<mã đơn vị>/<tên>.vtt" (tệp phụ đề WebVTT); màn hình Một cửa phát video không tiếng, '
                               "người khiếm thính cũng cần phụ đề")
    for key in ("captions", "poster"):
        if video.url and getattr(video, key):
            return where[key], (f'{_name(path + "." + key)}: chỉ dùng cho video lưu trong danh mục ("file") — video ở trang khác chỉ hiện '
                                "thành liên kết, trang không tải gì từ nơi khác; hãy xóa dòng này")
    return None
