"""WebVTT captions, read into cues: what validate checks and what a procedure page prints as the transcript.

A caption file is text in UTF-8 that begins with the line ``WEBVTT``; then,
after a blank line, blocks separated by blank lines: comments (``NOTE``),
style and region blocks, and cues: an optional identifier line, a timing
line ``00:00:01.000 --> 00:00:04.000`` (settings may follow), and the words.
Cues are in the order of their start times; a cue ends after it starts.
The words lose their tags (``<v Người dẫn>``, ``<i>``…) and their entities
are decoded: the page escapes them again. Each problem is a
(line, column, message) in Vietnamese, naming what to fix.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TIMING = re.compile(r"(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?")
_STAMP = re.compile(r"(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})")
_TAG = re.compile(r"<[^>]*>")
_ARROW = re.compile(r"\d[:.,]\d+\s*(-{1,3}>|[—–=]+>|→)\s*\d")  # a timing line with a wrong arrow
_SKIPPED = re.compile(r"(NOTE|STYLE|REGION)([ \t].*)?")
_FORMAT = 'viết dạng giờ:phút:giây.phần nghìn giây, ví dụ "00:01:05.500" (hoặc "01:05.500")'
SRT_HINT = ('hãy chuyển sang WebVTT: thêm dòng đầu "WEBVTT" và một dòng trống, và viết thời điểm với dấu chấm '
        '(00:00:01.000) thay cho dấu phẩy — các phần mềm làm phụ đề như Subtitle Edit, Aegisub đều lưu được dạng WebVTT')


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # the words, lines joined by "\n"; no tags, entities decoded


@dataclass(frozen=True)
class Captions:
    cues: tuple[Cue, ...]
    problems: tuple[tuple[int, int, str], ...]  # (line, column, message); every one an error


def parse(text: str) -> Captions:
    """The cues of the WebVTT *text* and what is wrong with it."""
    lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    problems: list[tuple[int, int, str]] = []
    if not re.fullmatch(r"WEBVTT([ \t].*)?", lines[0]):
        return Captions((), (_not_webvtt(lines),))
    cues: list[tuple[Cue, int]] = []
    number = _header_end(lines, problems)
    while number < len(lines):
        if not lines[number].strip():
            number += 1
            continue
        block_start = number
        while number < len(lines) and lines[number].strip():
            number += 1
        _block(lines, block_start, number, cues, problems)
    if not cues and not problems:
        problems.append((1, 1, 'tệp phụ đề chưa có câu nào — mỗi câu gồm một dòng thời gian "00:00:01.000 --> 00:00:04.000" '
                               "rồi đến lời, các câu cách nhau một dòng trống"))
    return Captions(tuple(cue for cue, _ in cues), tuple(problems))


def clock(seconds: float) -> str:
    """12.3 → "0:12"; 3725 → "1:02:05": a moment of a video, as people write it."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _not_webvtt(lines: list[str]) -> tuple[int, int, str]:
    first = lines[0].strip()
    if re.fullmatch(r"\d+", first) and len(lines) > 1 and "-->" in lines[1]:
        return 1, 1, f"đây là phụ đề dạng SRT, không phải WebVTT — {SRT_HINT}"
    if first.upper().startswith("WEBVTT"):
        return 1, 1, 'dòng đầu tiên phải đúng là "WEBVTT" (chữ hoa, sau đó chỉ có thể là dấu cách và ghi chú) — hãy sửa dòng này'
    return 1, 1, 'tệp phụ đề phải bắt đầu bằng dòng "WEBVTT" — đây không phải tệp phụ đề WebVTT; hãy chọn đúng tệp .vtt hoặc xuất lại phụ đề dạng WebVTT'


def _header_end(lines: list[str], problems: list) -> int:
    """The index after the header block (the WEBVTT line and any lines right below it)."""
    number = 1
    while number < len(lines) and lines[number].strip():
        if "-->" in lines[number]:
            problems.append((number + 1, 1, 'cần một dòng trống sau dòng "WEBVTT", trước câu phụ đề đầu tiên — hãy thêm một dòng trống'))
            return number
        number += 1
    return number


def _block(lines: list[str], start: int, stop: int, cues: list, problems: list) -> None:
    block = lines[start:stop]
    if _SKIPPED.fullmatch(block[0]):
        return
    timing = 0 if "-->" in block[0] else 1 if len(block) > 1 and "-->" in block[1] else None
    if timing is None:
        arrow = next((n for n, words in enumerate(block[:2]) if _ARROW.search(words)), None)
        if arrow is not None:
            problems.append((start + arrow + 1, 1, f'dòng thời gian "{block[arrow].strip()}" phải có mũi tên "-->" (hai dấu gạch ngang '
                                                   'rồi dấu >) giữa thời điểm bắt đầu và kết thúc — hãy sửa mũi tên'))
            return
        problems.append((start + 1, 1, 'đoạn này không có dòng thời gian — mỗi câu phụ đề bắt đầu bằng dòng "00:00:01.000 --> 00:00:04.000" '
                                        "(có thể có một dòng tên câu phía trên), rồi đến lời; các câu cách nhau một dòng trống"))
        return
    line = start + timing + 1
    for offset, words in enumerate(block[timing + 1:]):
        if "-->" in words:
            problems.append((line + offset + 1, 1, "thiếu dòng trống trước dòng thời gian này — các câu phụ đề cách nhau một dòng trống"))
            return
    times = _times(block[timing], line, problems)
    if times is None:
        return
    start_at, end_at = times
    if cues and start_at < cues[-1][0].start:
        previous, where = cues[-1]
        problems.append((line, 1, f"câu này bắt đầu lúc {block[timing].split()[0]}, trước câu ở dòng {where} (bắt đầu lúc {_stamp(previous.start)}) "
                                  "— các câu phụ đề phải xếp theo thời gian tăng dần; hãy sửa thời điểm hoặc đổi chỗ hai câu"))
        return
    text = html.unescape(_TAG.sub("", "\n".join(block[timing + 1:]))).strip()
    cues.append((Cue(start_at, end_at, text), line))


def _times(timing: str, line: int, problems: list) -> tuple[float, float] | None:
    match = _TIMING.fullmatch(timing.strip())
    if not match:
        problems.append((line, 1, f'dòng thời gian "{timing.strip()}" không đúng dạng — hãy viết "00:00:01.000 --> 00:00:04.000" '
                                  '(thời điểm bắt đầu, dấu cách, "-->", dấu cách, thời điểm kết thúc)'))
        return None
    values = []
    for group in (1, 2):
        value = _seconds(match.group(group))
        if isinstance(value, str):
            column = timing.index(match.group(group), 0 if group == 1 else timing.index("-->")) + 1
            problems.append((line, column, f'thời điểm "{match.group(group)}" không đúng dạng — {value}'))
            return None
        values.append(value)
    if values[1] <= values[0]:
        problems.append((line, timing.index(match.group(2), timing.index("-->")) + 1, f"thời điểm kết thúc {match.group(2)} không sau thời điểm bắt đầu {match.group(1)} — "
                                       "hãy sửa để câu hiện trong một khoảng thời gian (kết thúc sau bắt đầu)"))
        return None
    return values[0], values[1]


def _seconds(stamp: str) -> float | str:
    """The seconds of a WebVTT timestamp, or what is wrong with it."""
    match = _STAMP.fullmatch(stamp)
    if match:
        hours, minutes, seconds, thousandths = match.groups()
        if int(minutes) > 59 or int(seconds) > 59:
            return f"số phút và số giây phải nhỏ hơn 60; {_FORMAT}"
        return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(thousandths) / 1000
    if re.fullmatch(r"(\d+:)?\d+:\d+,\d+", stamp):
        return f"dùng dấu chấm trước phần nghìn giây, không dùng dấu phẩy như phụ đề SRT; {_FORMAT}"
    if re.fullmatch(r"(\d+:)?\d+:\d+\.\d+", stamp):
        return f"phút và giây viết đủ hai chữ số, phần nghìn giây đủ ba chữ số; {_FORMAT}"
    return _FORMAT


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
