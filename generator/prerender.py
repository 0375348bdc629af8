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

import multiprocessing

from .render import render_page

FROM = 2000  # pages of one template, below which a second process costs more than it saves
SHARE = 0.5  # of those pages, rendered by the second process


class Prerender:
    def __init__(self, env, specs: list, today: str, edit_urls: dict[str, str | None]):
        """*specs*: the pages it may take; it takes a SHARE of them when there are FROM or more."""
        self.contents: dict[str, str] | None = None
        self.process = None
        theirs = specs[len(specs) - int(len(specs) * SHARE):] if len(specs) >= FROM else []
        self.pending = {spec.src_uri for spec in theirs}
        if theirs and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self.receive, send = context.Pipe(duplex=False)
            # with fork, the arguments are not pickled: the child has them already
            self.process = context.Process(target=_render_all, args=(send, env, theirs, today, edit_urls), daemon=True)
            self.process.start()
            send.close()
        else:
            self.pending = set()

    def owns(self, src_uri: str) -> bool:
        return src_uri in self.pending

    def content(self, src_uri: str) -> str:
        """The content of a page it took; raises RuntimeError, in Vietnamese, when rendering failed."""
        if self.contents is None:
            try:
                outcome, value = self.receive.recv()
            except EOFError:
                outcome, value = "error", f"tiến trình thứ hai dừng bất thường (mã thoát {self.process.exitcode})"
            self.process.join()
            if outcome == "error":
                raise RuntimeError(f"không dựng được nội dung trang: {value}")
            self.contents = value
        return self.contents[src_uri]

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()


def _render_all(send, env, specs, today, edit_urls) -> None:
    try:
        contents = {}
        for spec in specs:
            current = spec.src_uri
            contents[current] = render_page(env, spec, today, edit_urls.get(spec.src_uri))
        send.send(("ok", contents))
    except Exception as exc:  # noqa: BLE001 — whatever it is, the build must stop and say where
        send.send(("error", f"{current}: {type(exc).__name__}: {exc}"))
    finally:
        send.close()
