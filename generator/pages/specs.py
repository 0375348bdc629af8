"""Which pages the site has, their URLs, titles and what each shows.

A ``PageSpec`` names a template and the values it shows; templates decide
only how. URLs are ASCII and end with "/" (MkDocs' directory URLs):

    /thu-tuc/<code>/  /thu-tuc-noi-bo/<id>/  /don-vi/<id>/  /linh-vuc/<id>/
    /cap/<level>/     /ke-hoach/<id>/        /phan-anh-kien-nghi/
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.catalog import kinds
from generator.pages import summary
from generator.pages.progress_stats import with_plans_progress
from generator.pages.videos import video_views
from generator.text.timeexpr import parse, parse_range
from generator.text.vietnamese import sort_key


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    template: str
    title: str
    context: dict = field(default_factory=dict, compare=False, hash=False)
    description: str = ""
    edit_path: str | None = None

    @property
    def url(self) -> str:
        stem = self.src_uri[: -len(".md")]
        if stem == "index":
            return ""
        return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def procedure_url(code: str) -> str:
    return f"thu-tuc/{code}/"


def plan_site(catalog, rel) -> list[PageSpec]:
    specs = [_home(catalog, rel), _petition(catalog, rel), PageSpec("tim-kiem.md", "search.html", "Tìm kiếm")]
    specs += _procedures(catalog, rel)
    specs += _internals(catalog, rel)
    specs += _units(catalog, rel)
    specs += _fields(catalog, rel)
    specs += _levels(catalog, rel)
    specs += _plans(catalog, rel)
    specs += results.result_pages(catalog, rel)  # petition results, service-quality scores (pages/results.py)
    specs += progress_pages.progress_specs(catalog, rel)  # /ke-hoach/<id>/tien-do/ (pages/progress_pages.py)
    specs.append(with_plans_progress(statistics.statistics_page(catalog, rel), catalog, rel))  # /thong-ke/ (pages/statistics.py)
    return specs


def _group_by_field(procedures, catalog) -> list[tuple]:
    groups = defaultdict(list)
    for procedure in procedures:
        groups[procedure.field].append(procedure)
    ordered = sorted(groups, key=lambda f: sort_key(catalog.fields[f].name))
    return [(catalog.fields[f], groups[f]) for f in ordered]


def _facets(procedures, catalog, rel, skip: str = "") -> list[dict]:
    """The filters a listing offers: only values that occur among its procedures."""
    fields = {p.field for p in procedures}
    levels = {level for p in procedures for level in p.levels}
    online = {p.online_service.level if p.online_service else "none" for p in procedures}
    units = rel.units_handling(procedures) if skip != "don-vi" else []
    facets = [
        {"name": "linh-vuc", "label": "Lĩnh vực", "attribute": "data-field",
         "options": [(f.id, f.name, None) for f in _sorted_fields(catalog) if f.id in fields]},
        {"name": "cap", "label": "Cấp thực hiện", "attribute": "data-levels",
         "options": [(k, v.capitalize(), None) for k, v in kinds.LEVELS.items() if k in levels]},
        {"name": "truc-tuyen", "label": "Dịch vụ công trực tuyến", "attribute": "data-online",
         "options": [(k, v.capitalize(), None) for k, v in kinds.ONLINE_LEVELS.items() if k in online]},
        {"name": "don-vi", "label": "Cơ quan thực hiện", "attribute": "data-units",
         "options": [(u.id, u.name, u.kind) for u in units]},
    ]
    return [f for f in facets if f["name"] != skip and len(f["options"]) > 1]


def _home(catalog, rel) -> PageSpec:
    units = [u for u in catalog.units.values() if u.active_on(rel.today)]
    decisions = defaultdict(list)
    for procedure in rel.listed:
        if procedure.announcement:
            decisions[(procedure.announcement.date or "", procedure.announcement.decision)].append(procedure)
    latest = sorted(decisions.items(), key=lambda item: item[0], reverse=True)[:5]
    popular = [catalog.procedures[c] for c in catalog.site.popular if catalog.procedures[c].listed]
    return PageSpec("index.md", "home.html", catalog.site.title, {
        "fields": [(f, len(rel.by_field[f.id])) for f in _sorted_fields(catalog) if rel.by_field[f.id]],
        "levels": [(level, label, len(rel.by_level[level])) for level, label in kinds.LEVELS.items() if rel.by_level[level]],
        "unit_groups": _units_by_level(units),
        "popular": popular,
        "latest": [(date, decision, items) for (date, decision), items in latest],
        "counts": {"procedures": len(rel.listed), "internals": len(rel.listed_internals), "units": len(units), "plans": len(catalog.plans)},
    })


def _sorted_fields(catalog):
    return sorted(catalog.fields.values(), key=lambda f: sort_key(f.name))


def _units_by_level(units) -> list[tuple]:
    groups = []
    for level, label in kinds.UNIT_LEVELS.items():
        members = sorted((u for u in units if u.level == level), key=lambda u: sort_key(u.name))
        if members:
            groups.append((label, members))
    return groups


PETITION_HEADING = ("noi-tiep-nhan", "Nơi tiếp nhận phản ánh, kiến nghị")


def _petition(catalog, rel) -> PageSpec:
    groups = summary.petition_groups(catalog, rel)
    kinds_toc = [{"level": 3, "id": g["id"], "name": g["label"], "children": []} for g in groups]
    return PageSpec("phan-anh-kien-nghi.md", "petition.html", "Phản ánh, kiến nghị về quy định hành chính", {
        "groups": groups, "portal": catalog.site.petition_portal, "heading": PETITION_HEADING, "results": bool(catalog.petitions),
        # the page's own Markdown makes its table of contents; these headings of ours are added to it
        "headings": [{"level": 2, "id": PETITION_HEADING[0], "name": PETITION_HEADING[1], "children": kinds_toc}],
    })


def _procedures(catalog, rel) -> list[PageSpec]:
    specs = [PageSpec("thu-tuc/index.md", "procedure_list.html", "Thủ tục hành chính", {
        "groups": _group_by_field(rel.listed, catalog), "total": len(rel.listed), "facets": _facets(rel.listed, catalog, rel),
    })]
    for procedure in catalog.procedures.values():
        replacement = catalog.procedures.get(procedure.replaced_by) if procedure.replaced_by else None
        specs.append(PageSpec(f"thu-tuc/{procedure.code}.md", "procedure.html", procedure.name, {
            "p": procedure,
            "field": catalog.fields[procedure.field],
            "handlers": _handlers_shown(procedure, catalog, rel),
            "handlers_total": len(rel.handlers[procedure.code]),
            "kinds": [kinds.UNIT_KINDS[k] for k in procedure.implementing.kinds],
            "owner": catalog.units[procedure.owner],
            "replacement": replacement,
            "replaces": rel.replaces.get(procedure.code, []),
            "forms": {form.name: form for form in procedure.forms},
            "videos": video_views(procedure.videos, catalog.media) if procedure.listed else (),
            "where": summary.where(procedure, catalog, rel),
            "times": summary.by_value(procedure.channels, "time"), "fees": summary.by_value(procedure.channels, "fee"),
            "channel_rows": summary.channel_rows(procedure.channels),
            "petition": summary.petition_targets(procedure, catalog, rel),
        }, description=f"Mã {procedure.code} — {catalog.fields[procedure.field].name}", edit_path=procedure.path))
    return specs


HANDLERS_LISTED = 12


def _handlers_shown(procedure, catalog, rel) -> list:
    """Every unit that handles it, unless a kind brings in more than a page should list
    (a province's hundred communes): then only the units named one by one."""
    handlers = rel.handlers[procedure.code]
    if len(handlers) <= HANDLERS_LISTED:
        return handlers
    return [catalog.units[u] for u in procedure.implementing.units]


def _internals(catalog, rel) -> list[PageSpec]:
    specs = [PageSpec("thu-tuc-noi-bo/index.md", "internal_list.html", "Thủ tục hành chính nội bộ", {
        "items": rel.listed_internals, "owners": catalog.units,
    })]
    for internal in catalog.internals.values():
        specs.append(PageSpec(f"thu-tuc-noi-bo/{internal.id}.md", "internal.html", internal.name, {
            "p": internal,
            "owner": catalog.units[internal.owner],
            "field": catalog.fields.get(internal.field) if internal.field else None,
            "units": [catalog.units[u] for u in internal.implementing.units],
            "kinds": [kinds.UNIT_KINDS[k] for k in internal.implementing.kinds],
        }, edit_path=internal.path))
    return specs


def _units(catalog, rel) -> list[PageSpec]:
    all_units = list(catalog.units.values())
    specs = [PageSpec("don-vi/index.md", "unit_list.html", "Cơ quan, đơn vị", {
        "groups": _units_by_level([u for u in all_units if u.active_on(rel.today)]),
        "ended": sorted((u for u in all_units if not u.active_on(rel.today)), key=lambda u: sort_key(u.name)),
        "counts": {u.id: len(rel.procedures_of[u.id]) for u in all_units},
    })]
    for unit in all_units:
        specs.append(PageSpec(f"don-vi/{unit.id}.md", "unit.html", unit.name, {
            "u": unit,
            "ended": not unit.active_on(rel.today),
            "kind": kinds.UNIT_KINDS[unit.kind],
            "level": kinds.UNIT_LEVELS[unit.level],
            "parent": catalog.units.get(unit.parent) if unit.parent else None,
            "children": rel.children[unit.id],
            "successors": [catalog.units[s] for s in unit.successors],
            "petition_to": [catalog.units[s] for s in unit.successors if catalog.units[s].active_on(rel.today)],
            "predecessors": rel.predecessors[unit.id],
            "counters": [(c, [catalog.fields[f] for f in c.fields]) for c in unit.counters],
            "groups": _group_by_field(rel.procedures_of[unit.id], catalog),
            "facets": _facets(rel.procedures_of[unit.id], catalog, rel, skip="don-vi"),
            "total": len(rel.procedures_of[unit.id]),
            "internals": rel.internals_of[unit.id],
            "led": rel.tasks_led[unit.id],
            "partnered": rel.tasks_partnered[unit.id],
            "progress": rel.progress.of_unit.get(unit.id, []),  # its tasks as lead or partner, overdue first (progress.py)
            "plans": rel.plans_issued[unit.id],
            "screen": unit.active_on(rel.today) and bool(rel.procedures_of[unit.id]),
            "videos": video_views(unit.videos, catalog.media) if unit.active_on(rel.today) else (),
            "results": results.unit_results(catalog, unit.id),
        }, edit_path=unit.path))
    return specs


def _fields(catalog, rel) -> list[PageSpec]:
    fields = _sorted_fields(catalog)
    specs = [PageSpec("linh-vuc/index.md", "field_list.html", "Lĩnh vực", {
        "fields": [(f, len(rel.by_field[f.id])) for f in fields],
    })]
    for item in fields:
        procedures = rel.by_field[item.id]
        levels = [(label, [p for p in procedures if level in p.levels]) for level, label in kinds.LEVELS.items()]
        specs.append(PageSpec(f"linh-vuc/{item.id}.md", "field.html", f"Lĩnh vực {item.name}", {
            "f": item, "levels": [(label, items) for label, items in levels if items],
            "total": len(procedures), "internals": rel.internals_by_field[item.id],
            "facets": _facets(procedures, catalog, rel, skip="linh-vuc"),
            "videos": video_views(item.videos, catalog.media),
        }))
    return specs


def _levels(catalog, rel) -> list[PageSpec]:
    specs = []
    for level, label in kinds.LEVELS.items():
        procedures = rel.by_level[level]
        if procedures:
            specs.append(PageSpec(f"cap/{level}.md", "level.html", f"Thủ tục {label}", {
                "label": label, "items": procedures, "total": len(procedures), "facets": _facets(procedures, catalog, rel, skip="cap"),
            }))
    return specs


def _plans(catalog, rel) -> list[PageSpec]:
    plans = sorted(catalog.plans.values(), key=lambda p: (p.year, p.date or "", p.id), reverse=True)
    specs = [PageSpec("ke-hoach/index.md", "plan_list.html", "Kế hoạch kiểm soát thủ tục hành chính", {
        "plans": plans, "units": catalog.units,
    })]
    for plan in plans:
        specs.append(PageSpec(f"ke-hoach/{plan.id}.md", "plan.html", plan.title, {
            "plan": plan,
            "issuer": catalog.units[plan.issuer],
            "sections": _plan_sections(plan),
            "units": catalog.units,
            "columns": _plan_columns(plan),
        }, description=f"{plan.number} — {len(plan.tasks)} nhiệm vụ", edit_path=plan.path))
    return specs


def _plan_sections(plan) -> list[tuple]:
    """Blocks of (section or None, depth, tasks) in the appendix's own order.

    Tasks keep the order of the file; a section's heading comes before its
    first task (with the headings of any empty parents before it), and tasks
    of a section that resume after a sub-section form a block with no heading.
    """
    order = {section.id: index for index, section in enumerate(plan.sections)}
    blocks: list[tuple] = []
    shown, current = -1, None
    for task in plan.tasks:
        span = parse_range(task.start_text, task.end_text) if (task.start_text or task.end_text) else parse(task.time_text)
        index = order[task.section]
        if index > shown:
            for section in plan.sections[shown + 1: index + 1]:
                blocks.append((section, section.id.count(".") + 1, []))
            shown = index
        elif task.section != current:
            blocks.append((None, 1, []))
        current = task.section
        blocks[-1][2].append((task, span))
    for section in plan.sections[shown + 1:]:
        blocks.append((section, section.id.count(".") + 1, []))
    return blocks


def _plan_columns(plan) -> dict:
    return {
        "split_time": any(t.start_text or t.end_text for t in plan.tasks),
        "legal_basis": any(t.legal_basis for t in plan.tasks),
        "output": any(t.output for t in plan.tasks),
    }


from generator.pages import results  # noqa: E402 - at the end: results.py builds on PageSpec above
from generator.pages import statistics  # noqa: E402 - the same
from generator.pages import progress_pages  # noqa: E402 - the same
