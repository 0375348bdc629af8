"""What pages and counter screens show of video guides, and which media files the built site must hold.

A video kept in the catalog is shown with its captions, its poster, a
transcript made of its captions and a download link; a video page elsewhere
is a link only. The media files keep their catalog path in the site
(``media/<unit-id>/…``); only the files that a page or a screen shows are
copied (``shown_media``). Guides of a procedure that is no longer in force,
or of a unit that has ended, are not shown: they would guide people wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.catalog.webvtt import clock

FORMATS = {"video/webm": "WebM", "video/mp4": "MP4"}


@dataclass(frozen=True)
class VideoView:
    title: str
    duration: str | None = None  # as written, "2:30"
    duration_text: str | None = None  # "2 phút 30 giây"
    src: str | None = None  # a file in the site: "media/<unit-id>/…"
    type: str | None = None
    format: str | None = None  # "WebM"
    size_text: str | None = None
    captions: str | None = None
    poster: str | None = None
    transcript: tuple[tuple[str, str], ...] = ()  # (moment, words) for each caption
    url: str | None = None  # a video page elsewhere: a link, never embedded
    host: str | None = None


def video_views(videos, media: dict) -> tuple[VideoView, ...]:
    """The views of *videos* for a page; *media* is what the catalog check found good (Catalog.media)."""
    views = []
    for video in videos:
        spoken = _duration_text(video.duration)
        if video.url:
            views.append(VideoView(video.title, video.duration, spoken, url=video.url, host=urlsplit(video.url).hostname))
            continue
        file, captions = media.get(video.file), media.get(video.captions)
        if file is None or captions is None:  # not checked (a build stops on a bad file before it plans pages)
            continue
        transcript = transcript_of(captions.cues)
        views.append(VideoView(video.title, video.duration, spoken, file.path, file.type, FORMATS[file.type], size_text(file.size),
                               captions.path, video.poster if video.poster in media else None, transcript))
    return tuple(views)


def screen_videos(videos) -> tuple[VideoView, ...]:
    """What a counter screen plays: the videos kept in the catalog (a link cannot play offline)."""
    return tuple(VideoView(v.title, v.duration, _duration_text(v.duration), v.file, _type(v.file), captions=v.captions, poster=v.poster)
                 for v in videos if v.file)


def shown_media(catalog, today: str) -> list:
    """The media files (Catalog.media values) that the pages and screens show: those the build copies into the site."""
    owners = [p for p in catalog.procedures.values() if p.listed]
    owners += [u for u in catalog.units.values() if u.active_on(today)]
    owners += list(catalog.fields.values())
    paths = {path for owner in owners for video in owner.videos for path in (video.file, video.captions, video.poster) if path}
    return [catalog.media[path] for path in sorted(paths) if path in catalog.media]


def transcript_of(cues) -> tuple[tuple[str, str], ...]:
    """The captions as paragraphs, each with the moment it begins: a caption that does not end a sentence runs on
    into the next, unless a pause of more than five seconds or a long paragraph comes first."""
    paragraphs: list[list] = []
    for cue in cues:
        words = " ".join(cue.text.split())
        if not words:
            continue
        last = paragraphs[-1] if paragraphs else None
        if last and not last[1].endswith(_SENTENCE_ENDS) and cue.start - last[2] <= 5 and len(last[1]) < 400:
            last[1], last[2] = f"{last[1]} {words}", cue.end
        else:
            paragraphs.append([clock(cue.start), words, cue.end])
    return tuple((moment, words) for moment, words, _ in paragraphs)


_SENTENCE_ENDS = (".", "!", "?", "…", '."', ".»", ".”")


def size_text(size: int) -> str:
    """87_785 → "88 KB"; 12_345_678 → "12,3 MB" (decimal units, as media_max_mb counts them)."""
    if size < 999_500:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def _duration_text(duration: str | None) -> str | None:
    """"0:20" → "20 giây"; "2:30" → "2 phút 30 giây"; "1:05:00" → "1 giờ 5 phút"."""
    if not duration:
        return None
    parts = [int(part) for part in duration.split(":")]
    hours, minutes, seconds = ([0] * (3 - len(parts)) + parts)
    words = [f"{n} {unit}" for n, unit in ((hours, "giờ"), (minutes, "phút"), (seconds, "giây")) if n]
    return " ".join(words) or "0 giây"


def _type(path: str) -> str:
    return "video/mp4" if path.endswith(".mp4") else "video/webm"
