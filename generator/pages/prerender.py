"""Page contents rendered by a second process while this one renders the rest.

Once the catalog is read, MkDocs works on one core, and the second has only
the screens and the index to make. So when a site has many pages of one
kind (ten thousand procedures), a process forked once the pages are planned
renders the contents of part of them; this process renders the others and
everything else, and takes the second process's contents when the theme
writes those pages. Under ``mkdocs serve --dirty`` there are too few pages
to share.
"""

from __future__ import annotations

from generator.background import Background, JobError
from generator.pages.render import render_page

FROM = 2000  # pages of one template, below which a second process costs more than it saves
SHARE = 0.5  # of those pages, rendered by the second process


class Prerender:
    def __init__(self, env, specs: list, today: str, edit_urls: dict[str, str | None]):
        """*specs*: the pages it may take; it takes a SHARE of them when there are FROM or more."""
        theirs = specs[len(specs) - int(len(specs) * SHARE):] if len(specs) >= FROM else []
        self.job = Background("pages", "không dựng được nội dung trang", _render_all, env, theirs, today, edit_urls)
        self.pending = {spec.src_uri for spec in theirs} if theirs and self.job.start().forked else set()

    def owns(self, src_uri: str) -> bool:
        return src_uri in self.pending

    def content(self, src_uri: str) -> str:
        """The content of a page it took; raises RuntimeError, in Vietnamese, when rendering failed."""
        return self.job.wait()[src_uri]

    def stop(self) -> None:
        self.job.stop()


def _render_all(env, specs, today, edit_urls) -> dict[str, str]:
    contents = {}
    for spec in specs:
        try:
            contents[spec.src_uri] = render_page(env, spec, today, edit_urls.get(spec.src_uri))
        except Exception as exc:
            raise JobError(f"{spec.src_uri}: {type(exc).__name__}: {exc}") from exc
    return contents
