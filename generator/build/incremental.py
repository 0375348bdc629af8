"""What changed since the previous build in this process, for `mkdocs serve --dirty`.

A page is the same as before when its template, title and the values it
shows are equal to last time. Unchanged files come back from the reading
cache as the very same objects, so the comparison is quick.
"""

from __future__ import annotations

_PREVIOUS: dict[str, tuple] = {}
_PAGE_DOCS: dict[str, object] = {}


def changed(spec) -> bool:
    return _PREVIOUS.get(spec.src_uri) != (spec.template, spec.title, spec.context)


def remember(specs) -> None:
    _PREVIOUS.clear()
    _PREVIOUS.update((spec.src_uri, (spec.template, spec.title, spec.context)) for spec in specs)


def forget() -> None:
    """After a failed preview: every page is written again by the next build."""
    _PREVIOUS.clear()


def page_docs(new: dict) -> list:
    """The search documents of hand-written pages: those rendered now, and those kept from before."""
    _PAGE_DOCS.update(new)
    return list(_PAGE_DOCS.values())
