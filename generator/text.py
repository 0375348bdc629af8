"""Plain text out of rendered HTML, for the search index of hand-written pages."""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_text(markup: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", markup))).strip()


def headings_of(toc) -> list[str]:
    """Every heading title of a MkDocs table of contents, depth first."""
    titles: list[str] = []
    for item in toc or ():
        titles.append(html.unescape(item.title))
        titles.extend(headings_of(item.children))
    return titles
