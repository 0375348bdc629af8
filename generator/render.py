"""The Jinja environment that turns page specs into HTML.

Autoescaping is on: text from catalog files is never trusted as HTML. Links
are relative, so the site works under any base path and from a local copy
on a counter screen; external links keep only http(s), mailto and tel.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import kinds

TEMPLATES = Path(__file__).parent / "templates"
_SAFE_SCHEMES = re.compile(r"(https?://|mailto:|tel:)", re.IGNORECASE)


def make_environment(extra_dirs: list[Path] | tuple = (), catalog=None) -> jinja2.Environment:
    """Templates in *extra_dirs* (a site's ``overrides/fragments``) win over ours."""
    search = [str(d) for d in extra_dirs if Path(d).is_dir()] + [str(TEMPLATES)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date_vi=date_vi, safe_url=safe_url, lines=lines, tel=tel_url)
    env.globals.update(
        CHANNELS=kinds.CHANNELS, ONLINE_LEVELS=kinds.ONLINE_LEVELS, ANNOUNCEMENT_KINDS=kinds.ANNOUNCEMENT_KINDS,
        STATUSES=kinds.STATUSES, LEVELS=kinds.LEVELS, UNIT_KINDS=kinds.UNIT_KINDS, UNIT_LEVELS=kinds.UNIT_LEVELS,
        TASK_STATUSES=kinds.TASK_STATUSES,
    )
    if catalog is not None:
        env.globals["fields_by_id"] = catalog.fields
    env.globals["procedure_row"] = _RowCache(env, "procedure_row.html", "p", lambda p: p.code)
    env.globals["notice_row"] = _RowCache(env, "notice_row.html", "p", lambda p: p.code)
    env.globals["kiosk_slide"] = _RowCache(env, "kiosk_slide.html", "d", lambda d: d["p"].code)
    env.globals["kiosk_list"] = _RowCache(env, "kiosk_list.html", "d",
                                          lambda d: (tuple(p.code for p in d["items"]), d["part"], d["parts"]))
    return env


def render_page(env: jinja2.Environment, spec, today: str, edit_url: str | None = None) -> str:
    template = env.get_template(spec.template)
    html = template.render(spec.context, link=_linker(spec.url), page_url=spec.url, today=today, spec=spec)
    if edit_url and spec.edit_path:
        html += env.get_template("edit_link.html").render(edit_url=edit_url, path=spec.edit_path)
    return html


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at *from_url* to *to_url*, both site-relative ("a/b/")."""
    return "../" * from_url.count("/") + to_url or "./"


class _RowCache:
    """A procedure's row in listings (or slide on counter screens) is the same on every page
    at one folder depth: render it once there; and the rows of one list once too.

    Communes share the commune-level procedures, so without this the rows of
    every commune's page would be rendered, and joined, again and again.
    """

    def __init__(self, env: jinja2.Environment, template: str, name: str, identity):
        self.env, self.template, self.name, self.identity = env, template, name, identity
        self.rows: dict[tuple, Markup] = {}
        self.lists: dict[tuple, Markup] = {}

    def __call__(self, item, extra, page_url: str) -> Markup:
        key = (self.identity(item), getattr(extra, "id", extra), page_url.count("/"))
        row = self.rows.get(key)
        if row is None:
            values = {self.name: item, "show_field": extra, "field": extra}
            row = Markup(self.env.get_template(self.template).render(values, link=_linker(page_url)))
            self.rows[key] = row
        return row

    def many(self, items, extra, page_url: str) -> Markup:
        """The rows of *items*, one per line."""
        key = (tuple(self.identity(item) for item in items), getattr(extra, "id", extra), page_url.count("/"))
        rows = self.lists.get(key)
        if rows is None:
            rows = self.lists[key] = Markup("\n").join(self(item, extra, page_url) for item in items)
        return rows


def _linker(from_url: str):
    prefix = "../" * from_url.count("/")

    def link(to_url: str) -> str:
        return prefix + to_url or "./"

    return link


def date_vi(iso: str | None) -> str:
    """2025-07-01 → 01/07/2025."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http(s), mailto or tel; otherwise None."""
    if url and _SAFE_SCHEMES.match(url.strip()):
        return url.strip()
    return None


def tel_url(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number)
    return f"tel:{digits}"


def lines(text: str | None) -> Markup:
    """Escape *text* and keep its line breaks."""
    if not text:
        return Markup("")
    return Markup("<br>\n").join(escape(line) for line in text.strip("\n").split("\n"))
