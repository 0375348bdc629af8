"""The media files that pages and screens show (video, captions, poster), copied into the built site.

A file keeps its catalog path ("media/<unit-id>/…") in the site, so a counter
screen finds it next to the pages with no internet. Only the files that a page
shows are copied (pages/videos.py ``shown_media``), never the whole folder; a
file already there with the same size and time is left as it is (serve).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_media(site_dir: Path, files) -> None:
    for file in files:
        target = site_dir / file.path
        if _same(file.source, target):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file.source, target)


def _same(source: Path, target: Path) -> bool:
    try:
        mine, theirs = source.stat(), target.stat()
    except OSError:
        return False
    return mine.st_size == theirs.st_size and mine.st_mtime_ns == theirs.st_mtime_ns
