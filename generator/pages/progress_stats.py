"""The section "Tiến độ các kế hoạch" of /thong-ke/: one row per plan, its tasks by status and how many are overdue.

The statistics page (statistics.py, stats.html) includes ``stats_plans.html``
when its context has ``plans_progress``; ``with_plans_progress`` adds it, and
the section's chart to the page's figures, so that its CSV file is written
with the page's.
"""

from __future__ import annotations

from generator.pages import charts
from generator.pages.progress import STATUS_LABELS, STATUS_ORDER, progress_url

FIGURE = "tien-do-ke-hoach"


def with_plans_progress(spec, catalog, rel):
    """*spec* (the /thong-ke/ page) with the plans' progress in its context."""
    progress = plans_progress(catalog, rel, spec.url)
    spec.context["plans_progress"] = progress
    spec.context.setdefault("figures", {})[FIGURE] = progress["figure"]
    return spec


def plans_progress(catalog, rel, page_url: str = "thong-ke/") -> dict:
    plans = sorted(catalog.plans.values(), key=lambda p: (p.year, p.date or "", p.id), reverse=True)
    rows = [(plan, rel.progress.counts(plan.id)) for plan in plans]
    segments = [STATUS_LABELS[key].capitalize() for key in STATUS_ORDER]
    chart = charts.stacked_bar("Nhiệm vụ các kế hoạch theo tình trạng",
                               [(plan.number, [counts[key] for key in STATUS_ORDER]) for plan, counts in rows], segments)
    headers = ("Kế hoạch", "Năm", *segments, "Quá hạn", "Tổng số nhiệm vụ")
    table = [(plan.number, plan.year, *(c[key] for key in STATUS_ORDER), c["overdue"], len(plan.tasks)) for plan, c in rows]
    figure = charts.figure(page_url, FIGURE, "Tiến độ các kế hoạch", chart, headers, table)
    illustrative = any(item.illustrative for items in rel.progress.tasks.values() for item in items)
    return {"rows": rows, "figure": figure, "illustrative": illustrative, "urls": {plan.id: progress_url(plan.id) for plan in plans}}
