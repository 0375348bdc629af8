"""/thong-ke/: the catalog in figures, each a chart beside its table and CSV file (charts.py).

What is counted, all from the catalog as it is at build time:

* listed procedures (those shown to citizens) by field — the chart shows the
  ``TOP_FIELDS`` largest and the rest together, the table every field;
* listed procedures by level — a procedure done at two levels counts at both;
* listed procedures by online-service level, and the share offered fully online
  ("toàn trình"), a target the plans set; a procedure whose file says nothing of
  it is counted as such, not as "none";
* listed internal procedures by the unit that keeps them;
* announcements per quarter, by kind (công bố mới, sửa đổi…), from every
  procedure's ``announcement.date`` and ``.kind``, abolished ones included;
  those without a date or a kind are counted apart, never placed in a quarter.
"""

from __future__ import annotations

from collections import Counter

from generator.catalog import kinds
from generator.pages import charts
from generator.pages.specs import PageSpec
from generator.text.vietnamese import fold, sort_key

URL = "thong-ke/"
TOP_FIELDS = 10
NOT_STATED = "không ghi trong danh mục"
ROMAN = ("I", "II", "III", "IV")


def statistics_page(catalog, rel, extra: dict | None = None) -> PageSpec:
    """The page; *extra* adds to its context (the plans' progress, when that part of the site is there)."""
    online = _online(rel.listed)
    changes = _changes(catalog.procedures.values())
    figures = {
        "by_field": _by_field(catalog, rel),
        "by_level": _by_level(rel),
        "online": online["figure"],
        "internals": _internals(catalog, rel),
        "changes": changes["figure"],
    }
    return PageSpec(URL + "index.md", "stats.html", "Thống kê danh mục", {
        "figures": figures,
        "totals": {"procedures": len(rel.listed), "internals": len(rel.listed_internals),
                   "fields": sum(1 for f in catalog.fields if rel.by_field[f])},
        "online": online, "changes": changes,
        "online_tasks": _tasks_about_online(catalog),
        **(extra or {}),
    }, description="Số thủ tục theo lĩnh vực, cấp, mức độ trực tuyến; thay đổi theo quý")


def _by_field(catalog, rel) -> charts.Figure:
    counts = sorted(((catalog.fields[f].name, len(items)) for f, items in rel.by_field.items() if items),
                    key=lambda item: (-item[1], sort_key(item[0])))
    shown = counts[:TOP_FIELDS]
    rest = counts[TOP_FIELDS:]
    if rest:
        shown.append((f"{len(rest)} lĩnh vực khác", sum(n for _, n in rest)))
    title = "Thủ tục hành chính theo lĩnh vực"
    chart = charts.bar_chart(title, [name for name, _ in shown], [("Số thủ tục", [n for _, n in shown])], unit="thủ tục")
    note = (f"Biểu đồ: {TOP_FIELDS} lĩnh vực có nhiều thủ tục nhất, các lĩnh vực còn lại gộp chung; bảng có đủ mọi lĩnh vực."
            if rest else "")
    return charts.figure(URL, "theo-linh-vuc", title, chart, ["Lĩnh vực", "Số thủ tục"], counts, note=note)


def _by_level(rel) -> charts.Figure:
    rows = [(label.capitalize(), len(rel.by_level[level])) for level, label in kinds.LEVELS.items() if rel.by_level[level]]
    title = "Thủ tục hành chính theo cấp thực hiện"
    chart = charts.bar_chart(title, [r[0] for r in rows], [("Số thủ tục", [r[1] for r in rows])], unit="thủ tục")
    return charts.figure(URL, "theo-cap", title, chart, ["Cấp thực hiện", "Số thủ tục"], rows,
                         note="Một thủ tục thực hiện ở nhiều cấp được tính ở mỗi cấp.")


def _online(procedures) -> dict:
    counts = Counter(p.online_service.level if p.online_service else None for p in procedures)
    rows = [(label.capitalize(), counts[level]) for level, label in kinds.ONLINE_LEVELS.items() if counts[level]]
    if counts[None]:
        rows.append((NOT_STATED.capitalize(), counts[None]))
    total = len(procedures)
    share = round(100 * counts["full"] / total, 1) if total else None
    title = "Thủ tục hành chính theo mức độ dịch vụ công trực tuyến"
    chart = charts.stacked_bar(title, [("Thủ tục đang công khai", [n for _, n in rows])], [name for name, _ in rows])
    return {"figure": charts.figure(URL, "truc-tuyen", title, chart, ["Mức độ", "Số thủ tục"], rows),
            "full": counts["full"], "total": total, "share": charts.number(share)}


def _internals(catalog, rel) -> charts.Figure:
    counts = Counter(item.owner for item in rel.listed_internals)
    rows = sorted(((catalog.units[u].name, n) for u, n in counts.items()), key=lambda r: (-r[1], sort_key(r[0])))
    title = "Thủ tục hành chính nội bộ theo đơn vị"
    chart = charts.bar_chart(title, [r[0] for r in rows], [("Số thủ tục nội bộ", [r[1] for r in rows])], unit="thủ tục")
    return charts.figure(URL, "noi-bo-theo-don-vi", title, chart, ["Đơn vị", "Số thủ tục nội bộ"], rows)


def _quarter(date: str) -> tuple[int, int]:
    return int(date[:4]), (int(date[5:7]) - 1) // 3 + 1


def _changes(procedures) -> dict:
    by_quarter: Counter = Counter()
    undated = unknown_kind = 0
    for procedure in procedures:
        announcement = procedure.announcement
        if announcement is None:
            continue
        if not announcement.date:
            undated += 1
        elif not announcement.kind:
            unknown_kind += 1
        else:
            by_quarter[_quarter(announcement.date), announcement.kind] += 1
    quarters = _quarters_between({q for q, _ in by_quarter})
    used = [k for k in kinds.ANNOUNCEMENT_KINDS if any(kind == k for _, kind in by_quarter)]
    labels = [f"Quý {ROMAN[q - 1]}/{y}" for y, q in quarters]
    series = [(kinds.ANNOUNCEMENT_KINDS[k].capitalize(), [by_quarter[q, k] for q in quarters]) for k in used]
    title = "Thủ tục công bố, sửa đổi, thay thế, bãi bỏ theo quý"
    chart = charts.line_chart(title, labels, series, unit="thủ tục")
    headers = ["Quý"] + [name for name, _ in series]
    rows = [(label, *(values[i] for _, values in series)) for i, label in enumerate(labels)]
    return {"figure": charts.figure(URL, "thay-doi-theo-quy", title, chart, headers, rows),
            "undated": undated, "unknown_kind": unknown_kind, "total": sum(by_quarter.values())}


def _quarters_between(found: set) -> list[tuple[int, int]]:
    """Every quarter from the first to the last found, those with no announcement included (counted 0)."""
    if not found:
        return []
    (year, quarter), last = min(found), max(found)
    out = []
    while (year, quarter) <= last:
        out.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return out


def _tasks_about_online(catalog) -> list[tuple]:
    """Plan tasks whose content or expected output speaks of fully online service: the target the share serves."""
    found = []
    for plan in sorted(catalog.plans.values(), key=lambda p: (p.year, p.id), reverse=True):
        for task in plan.tasks:
            if "toan trinh" in fold(f"{task.content} {task.output or ''}"):
                found.append((plan, task))
    return found
