"""The Jinja environment that turns page specs into HTML.

Autoescaping is on: text from catalog files is never trusted as HTML. Links
are relative, so the site works under any base path and from a local copy
on a counter screen. An external link is live only when it keeps the rules
the catalog was validated with (generator/text/links.py): an http(s) address
with a real host and no credentials, ``mailto:`` one bare address, ``tel:``
digits only. A value that breaks them (a file written past the validator, a
site's own template) is shown as text: the filters give None, never an href.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.catalog import kinds
from generator.catalog.models import NoneStated
from generator.catalog.report_models import period_label
from generator.pages import progress
from generator.pages.rows import RowCache
from generator.pages.summary import document_counts
from generator.text import links

TEMPLATES = Path(__file__).parent / "templates"


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
    env.filters.update(date_vi=date_vi, safe_url=safe_url, lines=lines, tel=tel_url, mailto=mailto_url, counts=document_counts)
    env.filters["period_vi"] = period_label  # "2024-Q1" → "Quý I/2024" (report_models.py)
    env.tests["none_stated"] = lambda value: isinstance(value, NoneStated)  # "none" in the file's own words
    env.globals.update(
        CHANNELS=kinds.CHANNELS, ONLINE_LEVELS=kinds.ONLINE_LEVELS, ANNOUNCEMENT_KINDS=kinds.ANNOUNCEMENT_KINDS,
        STATUSES=kinds.STATUSES, LEVELS=kinds.LEVELS, UNIT_KINDS=kinds.UNIT_KINDS, UNIT_LEVELS=kinds.UNIT_LEVELS,
        TASK_STATUSES=kinds.TASK_STATUSES, PROGRESS_LABELS=progress.STATUS_LABELS,
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
                    lambda d, field, g: (d["p"], d["page_url"], d["online_url"], d["order"], field, d["where"])),
    "kiosk_list": ("kiosk_list.html", "d", lambda d: (tuple(p.code for p in d["items"]), d["part"], d["parts"]),
                   lambda d, field, g: (tuple(d["items"]), d["field"], d["part"], d["parts"], field)),
}


def render_page(env: jinja2.Environment, spec, today: str, edit_url: str | None = None) -> str:
    template = env.get_template(spec.template)
    html = template.render(spec.context, link=_linker(spec.url), page_url=spec.url, today=today, spec=spec)
    if edit_url and spec.edit_path:
        html += env.get_template("edit_link.html").render(edit_url=edit_url, path=spec.edit_path)
    if "linked_data" in spec.context:  # schema.org, for search engines (generator/exports/jsonld.py)
        html += json_ld(spec.context["linked_data"])
    return html


def json_ld(value) -> str:
    """*value* as JSON-LD in a script element, as HTML. In a script, HTML does not decode entities, so JSON is
    written as it is but for "<", ">" and "&", as JSON escapes: no value can close the element or open a comment.
    A plain string, not Markup: added to a page's HTML, Markup would escape the page."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return '<script type="application/ld+json">' + text + "</script>"


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
    """*url* if it may be a live link (an http(s) address, ``mailto:`` one address, ``tel:`` digits); otherwise None."""
    return links.safe_href(url)


def tel_url(number: str | None) -> str | None:
    """``tel:`` and the digits (and a leading +) of a phone number written as one; otherwise None."""
    return links.tel_href(number)


def mailto_url(address: str | None) -> str | None:
    """``mailto:`` and one bare e-mail address; otherwise None."""
    return links.mailto_href(address)


def lines(text: str | None) -> Markup:
    """Escape *text* and keep its line breaks."""
    if not text:
        return Markup("")
    return Markup("<br>\n").join(escape(line) for line in text.strip("\n").split("\n"))
