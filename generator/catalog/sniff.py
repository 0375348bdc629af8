"""What a media file really holds, from its first bytes; and what ffprobe says of a video, where ffprobe is installed.

A file's name is what a clerk typed; its first bytes are what a browser will
get. ``sniff`` names the container from its signature (WebM is an EBML file
whose DocType is "webm"; MP4 has "ftyp" at byte 4; WebVTT begins with
"WEBVTT"); ``probe`` asks ffprobe, when there is one, whether the whole
file reads as a video and with which codecs. Validation never needs ffprobe.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HEAD = 4096  # bytes read to know a file
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"

# what a signature is called in a message
LABELS = {
    "webm": "video WebM", "matroska": "video MKV (Matroska)", "mp4": "video MP4", "quicktime": "video MOV (QuickTime)",
    "avi": "video AVI", "jpeg": "ảnh JPEG", "png": "ảnh PNG", "webp": "ảnh WebP", "gif": "ảnh GIF", "avif": "ảnh AVIF",
    "vtt": "phụ đề WebVTT", "srt": "phụ đề SRT", "pdf": "tài liệu PDF", "zip": "tệp nén ZIP hoặc tài liệu Office",
    "html": "trang web HTML", "lfs": "con trỏ Git LFS",
}

_FTYP_BRANDS = {b"qt  ": "quicktime", b"avif": "avif", b"avis": "avif"}


def sniff(head: bytes) -> str | None:
    """The kind of file *head* (its first bytes) begins: a key of LABELS, or None when unknown."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm" if _ebml_doctype(head) == b"webm" else "matroska"
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "mp4")
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"AVI "):
        return "webp" if head[8:12] == b"WEBP" else "avi"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(LFS_POINTER):
        return "lfs"
    text = head.removeprefix(b"\xef\xbb\xbf")
    if re.match(rb"WEBVTT($|[ \t\r\n])", text):
        return "vtt"
    if re.match(rb"\s*\d+\s*\r?\n\s*\d\d:\d\d:\d\d,\d{3}\s+-->", text):
        return "srt"
    if re.match(rb"\s*<(!doctype|html|head|body|\?xml)", text, re.I):
        return "html"
    return None


def _ebml_doctype(head: bytes) -> bytes | None:
    """The DocType element (id 0x4282) of an EBML header: its size is a variable-length integer."""
    at = head.find(b"\x42\x82", 4, 64)
    if at < 0 or at + 2 >= len(head):
        return None
    first = head[at + 2]
    width = next((n for n in range(1, 9) if first & (0x80 >> (n - 1))), 0)
    if not width:
        return None
    size = first & (0xFF >> width)
    for byte in head[at + 3: at + 2 + width]:
        size = (size << 8) | byte
    start = at + 2 + width
    return head[start: start + size].rstrip(b"\x00")


@dataclass(frozen=True)
class Probe:
    ok: bool
    error: str = ""  # ffprobe's own first line, when it could not read the file
    video: tuple[str, ...] = ()  # codec names of the video streams
    audio: tuple[str, ...] = ()
    duration: float | None = None


_PROBES: dict[tuple, Probe] = {}


def ffprobe() -> str | None:
    """ffprobe's path: CONGKHAI_FFPROBE ("0" to not use it), else the one on PATH, else None."""
    chosen = os.environ.get("CONGKHAI_FFPROBE")
    if chosen == "0":
        return None
    return chosen or shutil.which("ffprobe")


def probe(path: Path) -> Probe | None:
    """What ffprobe reads in the video at *path*, every packet to its end (no decoding); None without ffprobe
    (or when it cannot run).
    Kept for the life of the process while the file's size and time are the same (``mkdocs serve``)."""
    program = ffprobe()
    if program is None:
        return None
    stat = path.stat()
    key = (program, str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _PROBES:
        found = _run(program, path)
        if found is None:
            return None
        _PROBES[key] = found
    return _PROBES[key]


def _run(program: str, path: Path) -> Probe | None:
    command = [program, "-v", "error", "-count_packets", "-show_entries", "format=duration:stream=codec_type,codec_name,nb_read_packets",
               "-of", "json", "--", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    error = re.sub(r"^\[[^\]]*\]\s*", "", said[-1].replace(str(path), "")).strip(": ") if said else ""
    try:
        data = json.loads(done.stdout or b"{}")
    except ValueError:
        data = {}
    streams = data.get("streams") or []
    codecs = {kind: tuple(s.get("codec_name", "?") for s in streams if s.get("codec_type") == kind and s.get("nb_read_packets") != "0")
              for kind in ("video", "audio")}
    try:
        duration = float((data.get("format") or {}).get("duration"))
    except (TypeError, ValueError):
        duration = None
    if done.returncode != 0 or not streams or error:  # at -v error, whatever it says is something wrong (a file cut short)
        return Probe(False, error or "không có luồng hình hay tiếng nào")
    return Probe(True, "", codecs["video"], codecs["audio"], duration)
