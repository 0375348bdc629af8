"""The media files the catalog names: each exists in catalog/media/<unit-id>/, is what its name says, and is not too large.

For every video of a procedure, a unit or a field: the file, its captions
and its poster are real files inside the catalog folder (found without
following a symbolic link, and never opened when one is on the way); their
first bytes match their extension (sniff.py); a file above the size limit
of site.yaml (``media_max_mb``, 50 MB by default) is a warning that
recommends Git LFS; captions parse as WebVTT (webvtt.py), reported at their
own lines; where ffprobe is installed, a video reads to its end with codecs
that browsers play. Returns the problems and, for the pages, what each file
is (``MediaFile``).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import sniff, webvtt
from generator.catalog.errors import Problem
from generator.catalog.media import CAPTION_TYPES, FOLDER, IMAGE_TYPES, VIDEO_TYPES

DEFAULT_MAX_MB = 50
_ROLES = {"file": (VIDEO_TYPES, "video"), "captions": (CAPTION_TYPES, "phụ đề"), "poster": (IMAGE_TYPES, "ảnh")}
_EXPECTED = {".webm": ("webm",), ".mp4": ("mp4", "quicktime"), ".vtt": ("vtt",), ".jpg": ("jpeg",), ".jpeg": ("jpeg",),
             ".png": ("png",), ".webp": ("webp",)}
_PLAYABLE = {".webm": ({"vp8", "vp9", "av1"}, {"opus", "vorbis"}), ".mp4": ({"h264", "av1", "vp9"}, {"aac", "mp3", "opus", "flac"})}


@dataclass(frozen=True)
class MediaFile:
    path: str  # relative to the catalog folder: "media/<unit-id>/…"; the same path in the built site
    source: Path  # the file to copy into the site
    size: int
    type: str  # "video/webm", "text/vtt", "image/jpeg"…
    cues: tuple[webvtt.Cue, ...] = ()  # captions only


def check_media(root: Path, prefix: str, catalog, entries) -> tuple[list[Problem], dict[str, MediaFile]]:
    """Problems of the media files that *entries* name, and the files that are good, by path."""
    checker = _Checker(root, prefix, catalog)
    for entry, key, video in _videos(entries):
        for role in ("file", "captions", "poster"):
            if getattr(video, role):
                checker.reference(entry, f"{key}.{role}", role, getattr(video, role), video)
    return checker.problems, checker.good


def _videos(entries):
    """(entry, key of the video, video) for every video of a procedure, a unit or a field."""
    for entry in entries:
        if entry.folder in ("procedures", "units"):
            for index, video in enumerate(getattr(entry.model, "videos", ())):
                yield entry, f"videos[{index}]", video
        elif entry.folder == "" and hasattr(entry.model, "fields"):
            for f_index, field in enumerate(entry.model.fields):
                for index, video in enumerate(field.videos):
                    yield entry, f"fields[{f_index}].videos[{index}]", video


def max_bytes(site) -> int:
    text = getattr(site, "media_max_mb", None) or str(DEFAULT_MAX_MB)
    return int(float(text.replace(",", ".")) * 1_000_000)


def megabytes(size: int) -> str:
    """1_234_567 → "1,2 MB", as Vietnamese writes decimals."""
    value = size / 1_000_000
    text = f"{value:.1f}" if value >= 0.1 else f"{value:.3f}".rstrip("0")
    return text.replace(".", ",") + " MB"


class _Checker:
    def __init__(self, root: Path, prefix: str, catalog):
        self.root, self.prefix, self.catalog = root, prefix, catalog
        self.limit = max_bytes(catalog.site)
        self.problems: list[Problem] = []
        self.good: dict[str, MediaFile] = {}
        self.captions_read: set[str] = set()

    def error(self, entry, key: str, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(entry.path, *entry.at(key), f'"{key}": {message}', warning=warning))

    def reference(self, entry, key: str, role: str, path: str, video) -> None:
        unit = path.split("/")[1]
        if unit not in self.catalog.units and ("units", unit) not in self.catalog.unreadable:
            self.error(entry, key, f'thư mục "{FOLDER}/{unit}/" không mang mã đơn vị nào trong catalog/units/ — tệp của mỗi đơn vị '
                                   f"đặt trong catalog/{FOLDER}/<mã đơn vị>/; hãy chuyển tệp vào thư mục của đơn vị và sửa đường dẫn")
            return
        found = self._open(entry, key, path)
        if found is None:
            return
        head, size = found
        if self._content(entry, key, role, path, head, size):
            if size > self.limit:
                self.error(entry, key, f'tệp "{path}" nặng {megabytes(size)}, quá giới hạn {megabytes(self.limit)} (media_max_mb trong '
                                       "site.yaml) — hãy nén lại (ví dụ video 1280×720, WebM VP9) hoặc lưu tệp lớn bằng Git LFS "
                                       "để kho git không phình to", warning=True)
            self._more(entry, key, role, path, size, video)

    def _open(self, entry, key: str, path: str) -> tuple[bytes, int] | None:
        """The first bytes and the size of a real file inside the catalog, or None after reporting why not."""
        place = self.root
        for part in path.split("/"):
            place = place / part
            try:
                info = os.lstat(place)
            except OSError:
                self.error(entry, key, f'không tìm thấy tệp "{path}" trong thư mục catalog — hãy thêm tệp vào '
                                       f'catalog/{path}, hoặc sửa đường dẫn cho đúng tên tệp (phân biệt chữ hoa, chữ thường)')
                return None
            if stat.S_ISLNK(info.st_mode):
                self.error(entry, key, f'"{place.relative_to(self.root).as_posix()}" là liên kết tượng trưng (symlink) — danh mục chỉ '
                                       "dùng tệp thật nằm trong thư mục catalog; hãy thay liên kết bằng tệp thật")
                return None
        if not stat.S_ISREG(info.st_mode):
            self.error(entry, key, f'"{path}" là một thư mục, không phải tệp — hãy ghi đường dẫn đến tệp trong thư mục đó')
            return None
        try:
            descriptor = os.open(place, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(descriptor, "rb") as handle:
                return handle.read(sniff.HEAD), os.fstat(handle.fileno()).st_size
        except OSError as exc:
            self.error(entry, key, f'không đọc được tệp "{path}" ({exc.strerror or exc}) — hãy kiểm tra quyền đọc của tệp')
            return None

    def _content(self, entry, key: str, role: str, path: str, head: bytes, size: int) -> bool:
        """Whether the file holds what its extension says; reports what it holds instead."""
        extension = "." + path.rsplit(".", 1)[-1]
        found = sniff.sniff(head)
        if size == 0:
            self.error(entry, key, f'tệp "{path}" rỗng (0 byte) — hãy chép lại tệp cho đủ')
        elif found == "lfs":
            self.error(entry, key, f'tệp "{path}" mới là con trỏ Git LFS, chưa có nội dung — hãy chạy "git lfs pull" '
                                   '(trong GitHub Actions: actions/checkout với "lfs: true") rồi chạy lại')
        elif found not in _EXPECTED[extension]:
            self.error(entry, key, _mismatch(path, extension, found, _ROLES[role][1]))
        else:
            return True
        return False

    def _more(self, entry, key: str, role: str, path: str, size: int, video) -> None:
        extension = "." + path.rsplit(".", 1)[-1]
        types, _ = _ROLES[role]
        cues: tuple = ()
        if role == "captions":
            cues = self._captions(path)
            if cues is None:
                return
        elif role == "file" and not self._probe(entry, key, path, extension, video):
            return
        self.good[path] = MediaFile(path, self.root / path, size, types[extension], cues)

    def _captions(self, path: str) -> tuple | None:
        shown = f"{self.prefix}/{path}" if self.prefix != "." else path
        try:
            data = (self.root / path).read_bytes()
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if path not in self.captions_read:
                line = data[: exc.start].count(b"\n") + 1
                self.problems.append(Problem(shown, line, 1, "phụ đề WebVTT (captions): tệp không dùng bảng mã UTF-8 — hãy lưu lại tệp "
                                                             "với bảng mã UTF-8"))
            self.captions_read.add(path)
            return None
        parsed = webvtt.parse(text)
        if path not in self.captions_read:
            self.problems.extend(Problem(shown, line, col, f"phụ đề WebVTT (captions): {message}") for line, col, message in parsed.problems)
        self.captions_read.add(path)
        return None if parsed.problems else parsed.cues

    def _probe(self, entry, key: str, path: str, extension: str, video) -> bool:
        found = sniff.probe(self.root / path)
        if found is None:
            return True
        if not found.ok or not found.video:
            why = found.error or "không có hình"
            self.error(entry, key, f'ffprobe không đọc được video "{path}" ({why}) — tệp hỏng hoặc chưa chép hết; hãy xuất lại video')
            return False
        videos, audios = _PLAYABLE[extension]
        odd = [codec for codec in found.video if codec not in videos] + [codec for codec in found.audio if codec not in audios]
        if odd:
            self.error(entry, key, f'video "{path}" dùng mã hóa {", ".join(odd)}, trình duyệt không phát được — hãy xuất lại dạng '
                                   "WebM (VP9 + Opus) hoặc MP4 (H.264 + AAC)", warning=True)
        stated = _duration(video.duration)
        if stated is not None and found.duration is not None and abs(stated - found.duration) > max(2.0, found.duration * 0.05):
            self.error(entry, key, f'video "{path}" dài {webvtt.clock(found.duration)} nhưng "duration" ghi {video.duration} — '
                                   "hãy sửa thời lượng cho đúng", warning=True)
        return True


def _mismatch(path: str, extension: str, found: str | None, what: str) -> str:
    label = sniff.LABELS.get(found)
    if found == "srt":
        return f'tệp "{path}" có đuôi .vtt nhưng nội dung là phụ đề SRT, không phải WebVTT — {webvtt.SRT_HINT}'
    if found == "matroska" and extension == ".webm":
        return (f'tệp "{path}" có đuôi .webm nhưng nội dung là video MKV (Matroska), trình duyệt không chắc phát được — '
                "hãy xuất lại video dạng WebM (VP9 + Opus); các phần mềm quay màn hình như OBS thường lưu MKV")
    right = next((ext for ext, kinds in _EXPECTED.items() if found in kinds and ext in _ROLES_BY_EXT.get(what, ())), None)
    holds = f"nội dung là {label}" if label else "không nhận ra nội dung"
    if found == "html":
        return (f'tệp "{path}" có đuôi {extension} nhưng {holds} — có lẽ đã lưu trang web có video thay cho chính tệp video; '
                f"hãy chép vào đây tệp {what} gốc")
    if right:
        return (f'tệp "{path}" có đuôi {extension} nhưng {holds} — hãy đổi đuôi tệp thành "{right}" và sửa đường dẫn ở đây, '
                f"hoặc xuất lại tệp đúng dạng {extension}")
    return f'tệp "{path}" có đuôi {extension} nhưng {holds}, không phải {what} {_FORMAT_NAMES[extension]} — hãy chọn đúng tệp {what}'


_FORMAT_NAMES = {".webm": "WebM", ".mp4": "MP4", ".vtt": "WebVTT", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WebP"}
_ROLES_BY_EXT = {what: tuple(types) for types, what in _ROLES.values()}


def _duration(text: str | None) -> float | None:
    if not text:
        return None
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds
