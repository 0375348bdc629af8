"""The progress pages of the plans: /ke-hoach/<plan id>/tien-do/ (the section on /thong-ke/: progress_stats.py).

What each shows is computed here from ``progress.py``; the templates
(``plan_progress.html``, ``stats_plans.html``) decide only how.
"""

from __future__ import annotations

from generator.catalog.report_models import period_bounds, period_label
from generator.pages import charts
from generator.pages.progress import NOT_REPORTED, STATUS_LABELS, STATUS_ORDER, overdue_first, progress_url
from generator.pages.specs import PageSpec
from generator.text.vietnamese import sort_key


def progress_specs(catalog, rel) -> list[PageSpec]:
    specs = []
    for plan in catalog.plans.values():
        url = progress_url(plan.id)
        items = rel.progress.tasks[plan.id]
        counts = rel.progress.counts(plan.id)
        figures = {"trang-thai": _status_figure(url, plan, counts)}
        targets = [_target_view(url, plan, target, task, rel.progress, catalog.units) for target, task in _targets(plan)]
        figures.update((t["figure"].name, t["figure"]) for t in targets if t["figure"])
        specs.append(PageSpec(f"{url}index.md", "plan_progress.html", f"Tiến độ: {plan.title}", {
            "plan": plan, "issuer": catalog.units[plan.issuer], "units": catalog.units, "counts": counts,
            "labels": STATUS_LABELS, "tasks": sorted(items, key=overdue_first),
            "overdue": [item for item in items if item.overdue], "by_unit": _by_unit(items, catalog.units),
            "targets": targets, "figures": figures,
            "illustrative": any(item.illustrative for item in items) or any(v.illustrative for t in targets for v in t["actuals"]),
        }, description=f"{plan.number} — tiến độ {len(items)} nhiệm vụ"))
    return specs


def _status_figure(url, plan, counts) -> charts.Figure:
    labels = [STATUS_LABELS[key].capitalize() for key in STATUS_ORDER]
    values = [counts[key] for key in STATUS_ORDER]
    chart = charts.bar_chart("Nhiệm vụ theo tình trạng", labels + ["Quá hạn"], [("Số nhiệm vụ", values + [counts["overdue"]])],
                             unit="nhiệm vụ")
    rows = [(label, value) for label, value in zip(labels, values)] + [("Quá hạn (trong các nhiệm vụ trên)", counts["overdue"])]
    return charts.figure(url, "trang-thai", "Nhiệm vụ theo tình trạng", chart, ("Tình trạng", "Số nhiệm vụ"), rows)


def _by_unit(items, units) -> list[dict]:
    """Per lead unit: its tasks, done, in progress, overdue, not reported; tasks whose lead is named in words only come last."""
    rows: dict[str, dict] = {}
    for item in items:
        for key in item.lead_units or (None,):
            row = rows.setdefault(key, {"unit": units.get(key) if key else None, "tasks": 0, "done": 0, "doing": 0, "overdue": 0, "none": 0})
            row["tasks"] += 1
            row["done"] += item.status == "hoan-thanh"
            row["doing"] += item.status == "dang-thuc-hien"
            row["overdue"] += item.overdue
            row["none"] += item.status == NOT_REPORTED
    named = sorted((r for k, r in rows.items() if k), key=lambda r: sort_key(r["unit"].name))
    return named + ([rows[None]] if None in rows else [])


def _targets(plan):
    yield from ((target, None) for target in plan.targets)
    for task in plan.tasks:
        yield from ((target, task) for target in task.targets)


def _target_view(url, plan, target, task, progress, units) -> dict:
    values = progress.actuals.get((plan.id, target.id), [])
    periods = sorted({v.actual.period for v in values}, key=lambda p: period_bounds(p)[::-1])
    reporters = list(dict.fromkeys(v.unit for v in values))
    name = {unit_id: units[unit_id].label for unit_id in reporters}
    figure = None
    if values:
        found = {(v.unit, v.actual.period): v.actual.number for v in values}
        series = [(name[unit], [found.get((unit, p)) for p in periods]) for unit in reporters]
        chart = charts.line_chart(target.name, [_axis_label(p) for p in periods], series, unit=target.measure,
                                  target=target.value, higher_is_better=target.higher_is_better)
        table = [(period_label(v.actual.period), name[v.unit], v.actual.number, "đạt" if _met(v.actual.number, target) else "chưa đạt") for v in values]
        figure = charts.figure(url, f"chi-tieu-{target.id}", target.name, chart, ("Kỳ", "Đơn vị", f"Thực hiện ({target.measure})", "So với chỉ tiêu"), table)
    return {"target": target, "task": task, "actuals": values, "figure": figure,
            "illustrative": any(v.illustrative for v in values)}


def _axis_label(period: str) -> str:
    """A period short enough for four side by side on a phone: "2024-Q1" → "Q1/2024" (the table beside says "Quý I/2024")."""
    return f"{period[5:]}/{period[:4]}" if len(period) > 4 else period


def _met(value: float, target) -> bool:
    return value >= target.value if target.higher_is_better else value <= target.value
