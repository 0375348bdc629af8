"""`congkhai sample --reports`: plans of the three years before today with targets, and every unit's
quarterly progress reports on them, so that a build can be measured with them.

Each plan has a task per department (lead) and per commune (partner: each commune is on one task);
every unit reports on its task each quarter of the plan's year that has begun, and the departments
report the actual values of their task's target. Every file says ``illustrative: true``; nothing
`congkhai validate` refuses.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from generator.catalog.report_models import period_bounds

YEARS = 3
STATUSES = ("chua-thuc-hien", "dang-thuc-hien", "dang-thuc-hien", "tam-dung")


def write_reports(folder: Path, departments: list[str], communes: list[str], today: dt.date, rng: random.Random) -> None:
    for year in range(today.year - YEARS, today.year):
        plan_id = f"kh-tien-do-{year}"
        _write(folder / "plans" / "ubnd-tinh" / f"{plan_id}.yaml", _plan(plan_id, year, departments, communes))
        quarters = [q for q in (f"{year}-Q{n}" for n in range(1, 5)) if period_bounds(q)[0] <= today.isoformat()]
        for index, unit_id in enumerate(departments):
            _write(folder / "reports" / unit_id / f"{plan_id}.yaml", _report(plan_id, unit_id, f"D.{index + 1}", quarters, rng, target=f"chi-tieu-{index + 1}"))
        for index, unit_id in enumerate(communes):
            task = f"D.{index % len(departments) + 1}"
            _write(folder / "reports" / unit_id / f"{plan_id}.yaml", _report(plan_id, unit_id, task, quarters, rng))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _plan(plan_id: str, year: int, departments: list[str], communes: list[str]) -> str:
    lines = [f"id: {plan_id}", f'number: "{year % 100}/KH-UBND"', f'title: "Kế hoạch kiểm soát thủ tục hành chính năm {year}"',
             f'year: "{year}"', "issuer: ubnd-tinh", "owner: ubnd-tinh", "sections:", '  - id: "D"', '    title: "NHIỆM VỤ"', "tasks:"]
    for index, unit_id in enumerate(departments):
        partners = communes[index::len(departments)]
        lines += [f'  - id: "D.{index + 1}"', f'    number: "{index + 1}"', '    section: "D"',
                  f'    content: "Nâng tỷ lệ hồ sơ giải quyết trực tuyến toàn trình của {unit_id}"',
                  f'    lead: [{{text: "Sở chủ trì", unit: {unit_id}}}]', f'    time_text: "Quý {("I", "II", "III", "IV")[index % 4]}/{year}"']
        if partners:
            lines.append("    partners: [" + ", ".join(f'{{text: "UBND xã", unit: {c}}}' for c in partners) + "]")
        lines.append(f'    targets: [{{id: chi-tieu-{index + 1}, name: "Tỷ lệ hồ sơ trực tuyến toàn trình", measure: "%", target: "80"}}]')
    return "\n".join(lines) + "\n"


def _report(plan_id: str, unit_id: str, task: str, quarters: list[str], rng: random.Random, target: str | None = None) -> str:
    lines = [f"plan: {plan_id}", f"unit: {unit_id}", "illustrative: true", "reports:"]
    done = rng.randrange(len(quarters) + 1) if quarters else 0  # the quarter it was done in, or never
    for number, quarter in enumerate(quarters):
        if number == done:
            day = period_bounds(quarter)[0][:8] + f"{rng.randint(1, 28):02d}"
            lines += [f'  - task: "{task}"', f"    period: {quarter}", "    status: hoan-thanh", f"    done_on: {day}"]
            break
        lines += [f'  - task: "{task}"', f"    period: {quarter}", f"    status: {rng.choice(STATUSES)}"]
    if not quarters:
        lines[-1] = "reports: []"
    if target and quarters:
        lines.append("actuals:")
        lines += [f'  - {{target: {target}, period: {q}, value: "{rng.uniform(50, 95):.1f}"}}' for q in quarters]
    return "\n".join(lines) + "\n"
