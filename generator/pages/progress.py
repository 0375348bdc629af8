"""Where each plan task stands: its latest report, whether it is overdue, and the targets against actuals.

A task's end comes from its normalised time (``timeexpr``: the words of its
time column, or of its start and end columns). At the build date ("today")
a task is overdue when its end has passed and its latest report does not say
it is done; a task nobody reported on counts as not done ("chưa có báo
cáo"). Where several units report the same period, a report of "done" wins.
A plan's own ``status`` of a task stands for a report when no unit reported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.catalog.report_models import period_bounds
from generator.catalog.reports import REPORT_STATUSES
from generator.text.timeexpr import Span, parse, parse_range

NOT_REPORTED = "chua-bao-cao"
STATUS_LABELS = {**REPORT_STATUSES, NOT_REPORTED: "chưa có báo cáo"}
DONE = "hoan-thanh"
STATUS_ORDER = (DONE, "dang-thuc-hien", "chua-thuc-hien", "tam-dung", NOT_REPORTED)


def progress_url(plan_id: str) -> str:
    return f"ke-hoach/{plan_id}/tien-do/"


@dataclass(frozen=True)
class Reported:
    unit: str
    report: object  # report_models.TaskReport
    illustrative: bool


@dataclass(frozen=True)
class TaskProgress:
    plan: object
    task: object
    span: Span
    status: str  # a REPORT_STATUSES key, or NOT_REPORTED
    reports: tuple[Reported, ...] = ()  # oldest period first
    days_late: int | None = None  # set when overdue
    from_plan: bool = False  # the status is the plan file's, not a unit's report

    @property
    def overdue(self) -> bool:
        return self.days_late is not None

    @property
    def latest(self) -> Reported | None:
        return self.reports[-1] if self.reports else None

    @property
    def illustrative(self) -> bool:
        return any(r.illustrative for r in self.reports)

    @property
    def lead_units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.unit for p in self.task.lead if p.unit))

    @property
    def partner_units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.unit for p in self.task.partners if p.unit))


@dataclass(frozen=True)
class ActualValue:
    unit: str
    actual: object  # report_models.Actual
    illustrative: bool


@dataclass
class Progress:
    today: str
    tasks: dict[str, list[TaskProgress]] = field(default_factory=dict)  # plan id → in the plan's order
    actuals: dict[tuple[str, str], list[ActualValue]] = field(default_factory=lambda: defaultdict(list))  # (plan, target) → by period
    of_unit: dict[str, list[TaskProgress]] = field(default_factory=lambda: defaultdict(list))  # lead or partner, overdue first

    def counts(self, plan_id: str) -> dict[str, int]:
        """Tasks by status (every status, zeros too), and how many are overdue."""
        found = {key: 0 for key in STATUS_LABELS}
        for item in self.tasks.get(plan_id, ()):
            found[item.status] += 1
        found["overdue"] = sum(1 for item in self.tasks.get(plan_id, ()) if item.overdue)
        return found


def task_span(task) -> Span:
    if task.start_text or task.end_text:
        return parse_range(task.start_text, task.end_text)
    return parse(task.time_text)


def days_late(span: Span, status: str, today: str) -> int | None:
    """Days since the task's end when that end has passed and the task is not done; otherwise None."""
    if status == DONE or not span.end or span.end >= today:
        return None
    return (dt.date.fromisoformat(today) - dt.date.fromisoformat(span.end)).days


def _order(reported: Reported) -> tuple:
    first, last = period_bounds(reported.report.period)
    return last, first, reported.report.status == DONE


def track(catalog, today: str) -> Progress:
    progress = Progress(today)
    by_task: dict[tuple[str, str], list[Reported]] = defaultdict(list)
    for report_file in catalog.reports.values():
        for item in report_file.reports:
            by_task[(report_file.plan, item.task)].append(Reported(report_file.unit, item, report_file.illustrative or item.illustrative))
        for actual in report_file.actuals:
            progress.actuals[(report_file.plan, actual.target)].append(
                ActualValue(report_file.unit, actual, report_file.illustrative or actual.illustrative))
    for values in progress.actuals.values():
        values.sort(key=lambda v: (period_bounds(v.actual.period)[1], v.unit))
    for plan in catalog.plans.values():
        items = progress.tasks[plan.id] = [_task(plan, task, by_task[(plan.id, task.id)], today) for task in plan.tasks]
        for item in items:
            for unit_id in dict.fromkeys(item.lead_units + item.partner_units):
                progress.of_unit[unit_id].append(item)
    for items in progress.of_unit.values():
        items.sort(key=overdue_first)
    return progress


def overdue_first(item: TaskProgress) -> tuple:
    """Overdue tasks first, the latest first among them; then the rest, by plan year (newest first) and order."""
    return (not item.overdue, -(item.days_late or 0), -int(item.plan.year))


def _task(plan, task, reported: list[Reported], today: str) -> TaskProgress:
    reported = sorted(reported, key=_order)
    if reported:
        status, from_plan = reported[-1].report.status, False
    elif task.status in REPORT_STATUSES:
        status, from_plan = task.status, True
    else:
        status, from_plan = NOT_REPORTED, False
    span = task_span(task)
    return TaskProgress(plan, task, span, status, tuple(reported), days_late(span, status, today), from_plan)
