"""Rows that many pages repeat, rendered once: a procedure's row in listings, its slide on counter screens.

A row is the same on every page at one folder depth (its links go up to the
root and down again), so it is rendered once per depth; a list of rows that
many unit pages repeat (every commune's) is joined once.

Under ``mkdocs serve`` the rows are kept for the next build and used again
when what they show is the same: the reading cache gives back the very same
procedure and field objects for unchanged files, so the check is quick, and a
row whose template file changed is rendered again. A row that a build did
not ask for is dropped after it.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import Markup


class RowCache:
    def __init__(self, env: jinja2.Environment, template: str, name: str, key: Callable, shows: Callable, linker: Callable):
        """*key*(item) names a row; *shows*(item, extra, globals) is everything the row shows."""
        self.env, self.template, self.name, self.key, self.shows, self.linker = env, template, name, key, shows, linker
        self.compiled = None
        self.rows: dict[tuple, tuple] = {}
        self.lists: dict[tuple, tuple] = {}
        self.kept_rows: dict[tuple, tuple] = {}
        self.kept_lists: dict[tuple, tuple] = {}

    def next_build(self) -> None:
        compiled = self.env.get_template(self.template)  # a new object when its file changed
        if compiled is not self.compiled:
            self.rows, self.lists = {}, {}
        self.compiled = compiled
        self.kept_rows, self.rows = self.rows, {}
        self.kept_lists, self.lists = self.lists, {}

    def __call__(self, item, extra, page_url: str) -> Markup:
        key = (self.key(item), getattr(extra, "id", extra), page_url.count("/"))
        shows = self.shows(item, extra, self.env.globals)
        found = _find(key, shows, self.rows, self.kept_rows)
        if found is None:
            values = {self.name: item, "show_field": extra, "field": extra}
            found = Markup(self.compiled.render(values, link=self.linker(page_url)))
            self.rows[key] = (shows, found)
        return found

    def many(self, items, extra, page_url: str) -> Markup:
        """The rows of *items*, one per line."""
        key = (tuple(self.key(item) for item in items), getattr(extra, "id", extra), page_url.count("/"))
        shows = tuple(self.shows(item, extra, self.env.globals) for item in items)
        found = _find(key, shows, self.lists, self.kept_lists)
        if found is None:
            found = Markup("\n").join(self(item, extra, page_url) for item in items)
            self.lists[key] = (shows, found)
        return found


def _find(key: tuple, shows: tuple, current: dict, kept: dict) -> Markup | None:
    """The row under *key* if it shows the same; tuples compare their items by identity first."""
    for store in (current, kept):
        hit = store.get(key)
        if hit is not None and hit[0] == shows:
            current[key] = hit
            return hit[1]
    return None
