"""Counter screens and paper postings (NĐ 61/2018 Điều 8, NĐ 20/2008).

    /man-hinh/<unit-id>/               the screen of a unit's one-stop counter
    /man-hinh/<unit-id>/<counter-id>/  one per counter that lists its fields
    /don-vi/<unit-id>/niem-yet/        the list to post on the notice board
    /don-vi/<unit-id>/niem-yet-phan-anh/  the petition notice to post at the office

Screens are full pages of their own (theme template ``kiosk.html``, no
Material chrome); QR codes are SVG made here, at build time, with segno.
"""

from __future__ import annotations

from collections import defaultdict

import segno
from markupsafe import Markup

from .pages import PageSpec
from .vietnamese import sort_key

LIST_ROWS = 8  # procedures on one list slide, readable from three metres


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code that scales with its box; its text is the URL itself."""
    return Markup(segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True, dark="#000", light="#fff"))


def kiosk_specs(catalog, rel, public_url: str | None, build_id: str) -> list[PageSpec]:
    specs = []
    for unit in catalog.units.values():
        procedures = rel.procedures_of[unit.id]
        if not unit.active_on(rel.today) or not procedures:
            continue
        specs.append(_screen(f"man-hinh/{unit.id}.md", unit, None, procedures, catalog, public_url, build_id))
        for counter in unit.counters:
            if counter.fields:
                chosen = [p for p in procedures if p.field in counter.fields]
                if chosen:
                    specs.append(_screen(f"man-hinh/{unit.id}/{counter.id}.md", unit, counter, chosen, catalog, public_url, build_id))
        specs.append(PageSpec(f"don-vi/{unit.id}/niem-yet.md", "notice_list.html", f"Danh mục thủ tục hành chính — {unit.name}", {
            "u": unit, "groups": _by_field(procedures, catalog), "total": len(procedures),
        }))
    for unit in catalog.units.values():
        if unit.active_on(rel.today):
            specs.append(PageSpec(f"don-vi/{unit.id}/niem-yet-phan-anh.md", "notice_petition.html",
                                  f"Tiếp nhận phản ánh, kiến nghị — {unit.name}", {"u": unit, "portal": catalog.site.petition_portal}))
    return specs


def _by_field(procedures, catalog) -> list[tuple]:
    groups = defaultdict(list)
    for procedure in procedures:
        groups[procedure.field].append(procedure)
    return [(catalog.fields[f], groups[f]) for f in sorted(groups, key=lambda f: sort_key(catalog.fields[f].name))]


def _screen(src_uri, unit, counter, procedures, catalog, public_url, build_id) -> PageSpec:
    groups = _by_field(procedures, catalog)
    slides = []
    for field, items in groups:
        pages = [items[i:i + LIST_ROWS] for i in range(0, len(items), LIST_ROWS)]
        lists = [{"kind": "list", "field": field, "items": page, "part": n + 1, "parts": len(pages)} for n, page in enumerate(pages)]
        details = [_essentials(p, unit, counter, public_url) for p in items]
        slides.append({"field": field, "lists": lists, "details": details})
    where = counter.name if counter else f"Bộ phận Một cửa — {unit.name}"
    return PageSpec(src_uri, "kiosk.html", f"Màn hình {where}", {
        "u": unit, "counter": counter, "where": where, "groups": slides, "total": len(procedures), "build_id": build_id,
    }, theme_template="kiosk.html")


def _essentials(procedure, unit, counter, public_url) -> dict:
    page_url = f"{public_url.rstrip('/')}/thu-tuc/{procedure.code}/" if public_url else None
    online = procedure.online_service
    online_url = online.url if online and online.level != "none" and online.url and online.url.startswith("https://") else None
    return {
        "kind": "procedure", "p": procedure,
        "where": (counter.address if counter and counter.address else None) or unit.address,
        "qr_page": qr_svg(page_url) if page_url else None, "page_url": page_url,
        "qr_online": qr_svg(online_url) if online_url else None,
    }
