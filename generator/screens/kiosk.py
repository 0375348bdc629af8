"""Counter screens and paper postings (NĐ 61/2018 Điều 8, NĐ 20/2008).

    /man-hinh/<unit-id>/               the screen of a unit's one-stop counter
    /man-hinh/<unit-id>/<counter-id>/  one per counter that lists its fields
    /don-vi/<unit-id>/niem-yet/        the list to post on the notice board
    /don-vi/<unit-id>/niem-yet-phan-anh/  the petition notice to post at the office

Screens are full pages of their own, without Material's chrome, written
by a second process while MkDocs writes the rest. A slide carries the
addresses of its QR codes, which the screen draws when it shows the slide
(kiosk.js); a slide that many screens share (every commune's) is made once,
in one shared file per unit kind.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from markupsafe import Markup

from generator.background import Background
from generator.pages import summary
from generator.pages.specs import PageSpec
from generator.pages.render import render_page
from generator.pages.videos import screen_videos
from generator.text.html import collapse_space
from generator.text.vietnamese import sort_key

LIST_ROWS = 8  # procedures on one list slide, readable from three metres
SHARED_FROM = 5  # units of one kind from which the slides of the procedures they share go to one shared file


def write_screens(site: Path, env, specs, today: str) -> None:
    """The counter screens are pages of their own, outside MkDocs and its theme: written here."""
    shell = env.get_template("kiosk_page.html")
    for spec in specs:
        prefix = "../" * spec.url.count("/")
        content = render_page(env, spec, today)
        path = site / spec.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        if spec.template == "kiosk_redirect.html":
            path.write_text(content, encoding="utf-8")
            continue
        page = shell.render(spec=spec, content=Markup(content), base=prefix.rstrip("/") or ".", link=lambda url: prefix + url)
        path.write_text(collapse_space(page), encoding="utf-8")


def screen_writer(site: Path, env, specs, today: str) -> Background:
    """The screens, written by a second process while MkDocs writes the rest."""
    return Background("screens", "không viết được màn hình Bộ phận Một cửa", write_screens, site, env, specs, today)


def shared_slides(catalog, rel, public_url: str | None) -> dict[str, list[tuple]]:
    """Per unit kind shared by many units (every commune): (field, essentials) of the procedures they all
    handle. Their slides go to one file (assets/man-hinh/<kind>.js) instead of every screen."""
    order = {p.code: n for n, p in enumerate(rel.listed)}
    shared = {}
    for kind, units in rel.active_by_kind.items():
        if len(units) >= SHARED_FROM:
            procedures = [p for p in rel.listed if kind in p.implementing.kinds]
            if procedures:
                shared[kind] = [(catalog.fields[p.field], essentials(p, public_url, order, catalog, rel)) for p in procedures]
    return shared


def kiosk_specs(catalog, rel, public_url: str | None, build_id: str, shared: dict) -> tuple[list[PageSpec], list[PageSpec]]:
    """(screens, postings): the screens are written by ScreenWriter; the postings are pages of the site."""
    specs, postings = [], []
    order = {p.code: n for n, p in enumerate(rel.listed)}
    for unit in catalog.units.values():
        procedures = rel.procedures_of[unit.id]
        if not unit.active_on(rel.today) or not procedures:
            continue
        screen = _Screen(unit, catalog, rel, public_url, build_id, order, unit.kind if unit.kind in shared else None)
        specs.append(screen.spec(f"man-hinh/{unit.id}.md", None, procedures))
        for counter in unit.counters:
            if counter.fields:
                chosen = [p for p in procedures if p.field in counter.fields]
                if len(chosen) == len(procedures):  # the counter handles all the unit's procedures: the unit's screen
                    specs.append(PageSpec(f"man-hinh/{unit.id}/{counter.id}.md", "kiosk_redirect.html", counter.name,
                                          {"target": f"man-hinh/{unit.id}/"}))
                elif chosen:
                    specs.append(screen.spec(f"man-hinh/{unit.id}/{counter.id}.md", counter, chosen))
        postings.append(PageSpec(f"don-vi/{unit.id}/niem-yet.md", "notice_list.html", f"Danh mục thủ tục hành chính — {unit.name}", {
            "u": unit, "groups": _by_field(procedures, catalog), "total": len(procedures),
        }))
    for unit in catalog.units.values():
        if unit.active_on(rel.today):
            postings.append(PageSpec(f"don-vi/{unit.id}/niem-yet-phan-anh.md", "notice_petition.html",
                                  f"Tiếp nhận phản ánh, kiến nghị — {unit.name}", {"u": unit, "portal": catalog.site.petition_portal}))
    return specs, postings


def _by_field(procedures, catalog) -> list[tuple]:
    groups = defaultdict(list)
    for procedure in procedures:
        groups[procedure.field].append(procedure)
    return [(catalog.fields[f], groups[f]) for f in sorted(groups, key=lambda f: sort_key(catalog.fields[f].name))]


class _Screen:
    def __init__(self, unit, catalog, rel, public_url, build_id, order, shared_kind):
        self.unit, self.catalog, self.rel, self.public_url, self.build_id, self.order = unit, catalog, rel, public_url, build_id, order
        self.shared_kind = shared_kind

    def spec(self, src_uri, counter, procedures) -> PageSpec:
        unit, slides = self.unit, []
        for field, items in _by_field(procedures, self.catalog):
            pages = [items[i:i + LIST_ROWS] for i in range(0, len(items), LIST_ROWS)]
            lists = [{"field": field, "items": page, "part": n + 1, "parts": len(pages)} for n, page in enumerate(pages)]
            own = [p for p in items if self.shared_kind not in p.implementing.kinds]  # the others come from the shared file
            details = [essentials(p, self.public_url, self.order, self.catalog, self.rel) for p in own]
            slides.append({"field": field, "lists": lists, "details": details, "videos": screen_videos(field.videos)})
        where = counter.name if counter else f"Bộ phận Một cửa — {unit.name}"
        address = (counter.address if counter and counter.address else None) or unit.address
        return PageSpec(src_uri, "kiosk.html", f"Màn hình {where}", {
            "u": unit, "counter": counter, "where": where, "address": address, "groups": slides, "total": len(procedures),
            "build_id": self.build_id, "shared_kind": self.shared_kind,
            "fields": " ".join(counter.fields) if counter else "",
            "videos": screen_videos(unit.videos),
        })


def essentials(procedure, public_url, order, catalog, rel) -> dict:
    """What a procedure's slide shows, in the order of its page's summary (what to bring, where, how long and
    how much); the same on every screen, so rendered once (render.py)."""
    page_url = f"{public_url.rstrip('/')}/thu-tuc/{procedure.code}/" if public_url else None
    online = procedure.online_service
    online_url = online.url if online and online.level != "none" and online.url and online.url.startswith("https://") else None
    where = summary.where(procedure, catalog, rel)
    return {"p": procedure, "page_url": page_url, "online_url": online_url, "order": order[procedure.code],
            "videos": screen_videos(procedure.videos), "where": tuple(u.name for u in where["named"]) + tuple(where["kinds"]),
            "times": summary.by_value(procedure.channels, "time"), "fees": summary.by_value(procedure.channels, "fee")}


ROOT_MARK = "__CKROOT__"


def shared_script(env, kind: str, slides: list[tuple]) -> str:
    """assets/man-hinh/<kind>.js: the shared slides, with links relative to a mark the screen replaces."""
    template = env.get_template("kiosk_slide.html")
    html = "".join(template.render(d=d, field=field, link=lambda url: ROOT_MARK + url) for field, d in slides)
    return f"(window.congkhaiSlides = window.congkhaiSlides || {{}})[{json.dumps(kind)}] = {json.dumps(html, ensure_ascii=False)};\n"

