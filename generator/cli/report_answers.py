"""What `congkhai new report` asks: the reporting unit, the plan, the first task and the period.

The tasks offered are those of the chosen plan on which the unit (or a unit
above it, or one it succeeded) is lead or partner — the same rule as
`congkhai validate` (catalog/report_checks.py), so a clerk cannot pick one
the check would refuse.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.catalog import reports
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.catalog.report_checks import may_report
from generator.cli.answers import Choice, Known, Question, Refused, choose, chooser, rule


def questions(known: Known) -> list[Question]:
    plans = tuple(Choice(plan_id, plan_id) for plan_id in sorted(known.taken.get("plans", ())))
    return [
        choose("unit", "Đơn vị báo cáo (đơn vị của bạn)", known.unit_choices(active=False), "đơn vị"),
        choose("plan", "Kế hoạch được báo cáo", plans, "kế hoạch"),
        Question("task_id", "Nhiệm vụ báo cáo đầu tiên (đơn vị chủ trì hoặc phối hợp)", rule(reports.TASK_REPORT, "task"),
                 what="nhiệm vụ", narrow=lambda q, answers: _tasks(q, answers, known)),
        Question("period", "Kỳ báo cáo (ví dụ 2025-Q1 cho quý I năm 2025, 2025-03 cho tháng 3, 2025 cho cả năm)",
                 rule(reports.TASK_REPORT, "period")),
    ]


def _tasks(q: Question, answers: dict, known: Known) -> Question:
    plan = _plan(known.folder, answers.get("plan"))
    if plan is None:
        return q  # the plan has errors of its own: the task is checked when the file is
    unit = answers.get("unit") or ""
    choices = tuple(Choice(t.id, f"{t.id} — {t.content[:90]}") for t in plan.tasks if may_report(unit, t, known.units))
    if not choices:
        def refuse(text: str) -> str:
            raise Refused(f'đơn vị "{unit}" không chủ trì, không phối hợp nhiệm vụ nào của kế hoạch "{plan.id}" — '
                          "chỉ đơn vị có tên ở lead hoặc partners của nhiệm vụ mới báo cáo nhiệm vụ đó")
        return replace(q, check=refuse)
    return replace(q, choices=choices, check=chooser(choices, q.what))


def _plan(folder: Path, plan_id: str | None):
    for path in sorted(folder.glob(f"plans/*/{plan_id}.yaml")) if plan_id else ():
        try:
            return load_catalog(folder, Path.cwd(), only={path.relative_to(folder).as_posix()}).plans.get(plan_id)
        except CatalogError:
            return None
    return None
