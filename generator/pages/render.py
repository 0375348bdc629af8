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

from generator.catalog import kinds
from generator.pages.rows import RowCache

TEMPLATES = Path(__file__).parent / "templates"
_SAFE_SCHEMES = re.compile(r"(https?://|mailto:|tel:)", re.IGNORECASE)


_ENVIRONMENTS: dict[tuple, jinja2.Environment] = {}


def make_environment(extra_dirs: list[Path] | tuple = (), catalog=None) -> jinja2.Environment:
    """Templates in *extra_dirs* (a site's ``overrides/fragments``) win over ours.

    The environment is kept from build to build (``mkdocs serve``): Jinja
    loads again a template whose file changed, and the rows it rendered are
    used again where they show the same (rows.py).
    """
    search = tuple(str(d) for d in extra_dirs if Path(d).is_dir()) + (str(TEMPLATES),)
    env = _ENVIRONMENTS.get(search)
    if env is None:
        env = _ENVIRONMENTS[search] = _new_environment(list(search))
    if catalog is not None:
        env.globals["fields_by_id"] = catalog.fields
    else:
        env.globals.pop("fields_by_id", None)
    for name in ROWS:
        env.globals[name].next_build()
    return env


def _new_environment(search: list[str]) -> jinja2.Environment:
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
    for name, (template, item, key, shows) in ROWS.items():
        env.globals[name] = RowCache(env, template, item, key, shows, _linker)
    return env


# The rows pages repeat: (template, the item's name in it, the row's name, everything it shows).
ROWS = {
    "procedure_row": ("procedure_row.html", "p", lambda p: p.code,
                      lambda p, show_field, g: (p, show_field, g.get("fields_by_id", {}).get(p.field))),
    "notice_row": ("notice_row.html", "p", lambda p: p.code, lambda p, _, g: (p,)),
    "kiosk_slide": ("kiosk_slide.html", "d", lambda d: d["p"].code,
                    lambda d, field, g: (d["p"], d["page_url"], d["online_url"], d["order"], field)),
    "kiosk_list": ("kiosk_list.html", "d", lambda d: (tuple(p.code for p in d["items"]), d["part"], d["parts"]),
                   lambda d, field, g: (tuple(d["items"]), d["field"], d["part"], d["parts"], field)),
}


def render_page(env: jinja2.Environment, spec, today: str, edit_url: str | None = None) -> str:
    template = env.get_template(spec.template)
    html = template.render(spec.context, link=_linker(spec.url), page_url=spec.url, today=today, spec=spec)
    if edit_url and spec.edit_path:
        html += env.get_template("edit_link.html").render(edit_url=edit_url, path=spec.edit_path)
    return html


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at *from_url* to *to_url*, both site-relative ("a/b/")."""
    return _linker(from_url)(to_url)


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
