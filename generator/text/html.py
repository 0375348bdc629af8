"""Text of rendered HTML: plain, for the search index of hand-written pages; and without indentation."""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_INDENT = re.compile(r"\n\s+")


def collapse_space(markup: str) -> str:
    """Drop the templates' indentation and blank lines: generated pages hold no <pre> or <textarea>."""
    return _INDENT.sub("\n", markup)


def plain_text(markup: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", markup))).strip()


def headings_of(toc) -> list[str]:
    """Every heading title of a MkDocs table of contents, depth first."""
    titles: list[str] = []
    for item in toc or ():
        titles.append(html.unescape(item.title))
        titles.extend(headings_of(item.children))
    return titles
