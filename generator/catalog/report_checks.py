"""Checks of the progress report files against the plans they report on.

A unit reports only on tasks of a plan that exists, on which it (or a unit
above it, or a unit it succeeded) is named as lead or partner; a task is
reported once per period; what happened is not dated in the future; a target
is one the plan declares. Each problem is reported at the value that is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from generator.catalog.owners import lineage
from generator.catalog.report_models import period_bounds, period_label


def check_reports(entries, catalog, today: str, error) -> None:
    tomorrow = (dt.date.fromisoformat(today) + dt.timedelta(days=1)).isoformat()
    for entry in entries:
        if entry.folder == "reports":
            _check_file(entry, catalog, tomorrow, error)
        elif entry.folder == "plans":
            _check_target_ids(entry, error)


def _check_target_ids(entry, error) -> None:
    """Target ids are unique within a plan: reports name them alone."""
    plan = entry.model
    places = [(f"targets[{i}]", t) for i, t in enumerate(plan.targets)]
    places += [(f"tasks[{n}].targets[{i}]", t) for n, task in enumerate(plan.tasks) for i, t in enumerate(task.targets)]
    first: dict[str, str] = {}
    for where, target in sorted(places, key=lambda place: entry.at(place[0] + ".id")):  # in the file's order
        if target.id in first:
            line = entry.at(first[target.id] + ".id")[0]
            error(entry, f"{where}.id", f'mã chỉ tiêu "{target.id}" bị trùng (đã có ở dòng {line}) — mỗi chỉ tiêu trong kế hoạch mang một mã riêng')
        else:
            first[target.id] = where


def target_ids(plan) -> set[str]:
    """The ids of the targets a plan declares, on itself and on its tasks."""
    return {t.id for t in plan.targets} | {t.id for task in plan.tasks for t in task.targets}


def reporters(task, units: dict) -> set[str]:
    """The units named on a task as lead or partner, and the units that succeeded them."""
    named = [party.unit for party in (*task.lead, *task.partners) if party.unit]
    found: set[str] = set()
    while named:
        unit_id = named.pop()
        if unit_id not in found:
            found.add(unit_id)
            named.extend(getattr(units.get(unit_id), "successors", ()))
    return found


def may_report(unit_id: str, task, units: dict) -> bool:
    return bool(reporters(task, units) & set(lineage(unit_id, units) or [unit_id]))


def _check_file(entry, catalog, tomorrow, error) -> None:
    report = entry.model
    stem = PurePosixPath(entry.path).name[: -len(".yaml")]
    if stem != report.plan:
        error(entry, "plan", f'tên tệp "{stem}.yaml" không khớp với plan "{report.plan}" — mỗi tệp báo cáo mang mã kế hoạch: hãy đổi tên tệp thành "{report.plan}.yaml" hoặc sửa plan')
    if entry.owner_dir not in catalog.units and ("units", entry.owner_dir) not in catalog.unreadable:
        error(entry, "unit", f'thư mục "{entry.owner_dir}" không phải mã của đơn vị nào trong catalog/units/ — hãy đặt tệp vào thư mục mang mã đơn vị của mình')
    elif report.unit != entry.owner_dir:
        error(entry, "unit", f'unit "{report.unit}" khác thư mục "{entry.owner_dir}" chứa tệp — mỗi đơn vị chỉ báo cáo trong thư mục của mình; '
              f"hãy sửa unit hoặc chuyển tệp sang catalog/reports/{report.unit}/")
    plan = catalog.plans.get(report.plan)
    if plan is None:
        if ("plans", report.plan) not in catalog.unreadable:
            error(entry, "plan", f'plan: không có kế hoạch nào mang mã "{report.plan}" — hãy kiểm tra chính tả, mã ở dòng id: của tệp trong catalog/plans/')
        plan = None
    elif not hasattr(plan, "tasks"):
        plan = None  # a plan known by its file name only (validate --changed): its tasks are not read
    _check_task_reports(entry, report, plan, catalog, tomorrow, error)
    _check_actuals(entry, report, plan, catalog.units, tomorrow, error)


def _check_task_reports(entry, report, plan, catalog, tomorrow, error) -> None:
    tasks = {task.id: task for task in plan.tasks} if plan else {}
    seen: dict[tuple[str, str], int] = {}
    for index, item in enumerate(report.reports):
        where = f"reports[{index}]"
        task = tasks.get(item.task)
        if plan and task is None:
            error(entry, f"{where}.task", f'task: kế hoạch "{plan.id}" không có nhiệm vụ nào mang mã "{item.task}" — hãy ghi đúng id của nhiệm vụ trong {plan.path or "tệp kế hoạch"}')
        elif task and report.unit in catalog.units and not may_report(report.unit, task, catalog.units):
            error(entry, f"{where}.task", f'đơn vị "{report.unit}" không chủ trì cũng không phối hợp nhiệm vụ "{item.task}" — chỉ đơn vị có tên ở lead hoặc partners '
                  "của nhiệm vụ mới báo cáo nhiệm vụ đó; hãy xóa báo cáo này hoặc để đơn vị chủ trì báo cáo")
        first = seen.setdefault((item.task, item.period), index)
        if first != index:
            line = entry.at(f"reports[{first}].task")[0]
            error(entry, f"{where}.period", f'nhiệm vụ "{item.task}" đã có báo cáo kỳ {item.period} ở dòng {line} — mỗi nhiệm vụ chỉ một báo cáo mỗi kỳ; hãy gộp hai báo cáo làm một')
        _check_period(entry, f"{where}.period", item.period, tomorrow, error)
        if item.status == "hoan-thanh" and not item.done_on:
            error(entry, f"{where}.status", 'nhiệm vụ đã hoàn thành (status: hoan-thanh) cần ghi ngày hoàn thành — hãy thêm dòng done_on: "NĂM-THÁNG-NGÀY"')
        elif item.done_on and item.status != "hoan-thanh":
            error(entry, f"{where}.done_on", f"chỉ ghi done_on khi nhiệm vụ đã hoàn thành, nhưng status là {item.status} — hãy xóa dòng done_on hoặc sửa status thành hoan-thanh")
        elif item.done_on and item.done_on > tomorrow:
            error(entry, f"{where}.done_on", f"done_on: ngày hoàn thành {item.done_on} chưa đến — chỉ báo cáo việc đã làm; hãy kiểm tra lại ngày")
        for e_index, evidence in enumerate(item.evidence):
            if evidence.date and evidence.date > tomorrow:
                error(entry, f"{where}.evidence[{e_index}].date", f"ngày văn bản {evidence.date} chưa đến — hãy kiểm tra lại ngày của văn bản minh chứng")


def _check_actuals(entry, report, plan, units, tomorrow, error) -> None:
    known = target_ids(plan) if plan else set()
    owners = _target_owners(plan, units) if plan and report.unit in units else {}
    seen: dict[tuple[str, str], int] = {}
    for index, actual in enumerate(report.actuals):
        where = f"actuals[{index}]"
        if plan and actual.target not in known:
            listed = ", ".join(sorted(known)) or "kế hoạch chưa khai báo chỉ tiêu nào (targets)"
            error(entry, f"{where}.target", f'target: kế hoạch "{plan.id}" không có chỉ tiêu nào mang mã "{actual.target}" — các chỉ tiêu: {listed}')
        elif plan and not owners[actual.target](report.unit):
            error(entry, f"{where}.target", f'đơn vị "{report.unit}" không được báo cáo số thực hiện chỉ tiêu "{actual.target}" — chỉ tiêu của một nhiệm vụ do đơn vị '
                  "chủ trì, phối hợp nhiệm vụ đó báo cáo; chỉ tiêu chung của kế hoạch do cơ quan ban hành, đơn vị cập nhật hoặc đơn vị có tên ở một nhiệm vụ báo cáo")
        first = seen.setdefault((actual.target, actual.period), index)
        if first != index:
            line = entry.at(f"actuals[{first}].target")[0]
            error(entry, f"{where}.period", f'chỉ tiêu "{actual.target}" đã có số thực hiện kỳ {actual.period} ở dòng {line} — mỗi chỉ tiêu chỉ một số mỗi kỳ')
        _check_period(entry, f"{where}.period", actual.period, tomorrow, error)


def _target_owners(plan, units) -> dict:
    """Target id → whether a unit may report its actual values: a task's by the task's units, a plan's by the plan's."""
    def on_plan(unit_id: str) -> bool:
        chain = set(lineage(unit_id, units) or [unit_id])
        return bool({plan.issuer, plan.owner} & chain) or any(may_report(unit_id, task, units) for task in plan.tasks)
    owners = {target.id: on_plan for target in plan.targets}
    for task in plan.tasks:
        owners.update((target.id, lambda unit_id, task=task: may_report(unit_id, task, units)) for target in task.targets)
    return owners


def _check_period(entry, where, period, tomorrow, error) -> None:
    first, _ = period_bounds(period)
    if first > tomorrow:
        error(entry, where, f"kỳ {period} ({period_label(period)}) chưa bắt đầu — chỉ báo cáo kỳ đã đến; hãy kiểm tra lại năm và quý, tháng")
