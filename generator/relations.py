"""What links to what, computed once for the whole catalog.

Each relation is built in one pass over the catalog, so the cost of every
page's lists grows with the catalog, not with its square.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .vietnamese import sort_key


@dataclass
class Relations:
    today: str
    handlers: dict[str, list] = field(default_factory=dict)  # procedure code → units
    procedures_of: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    internals_of: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    tasks_led: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    tasks_partnered: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    predecessors: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    children: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    replaces: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    plans_issued: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    by_field: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    by_level: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    internals_by_field: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    listed: list = field(default_factory=list)
    listed_internals: list = field(default_factory=list)


def relate(catalog, today: str) -> Relations:
    rel = Relations(today=today)
    units = sorted(catalog.units.values(), key=lambda u: sort_key(u.name))
    active_by_kind = defaultdict(list)
    for unit in units:
        if unit.active_on(today):
            active_by_kind[unit.kind].append(unit)
        if unit.parent:
            rel.children[unit.parent].append(unit)
        for successor in unit.successors:
            rel.predecessors[successor].append(unit)
    _relate_procedures(rel, catalog, active_by_kind)
    _relate_internals(rel, catalog, active_by_kind)
    _relate_tasks(rel, catalog)
    return rel


def _implementers(implementing, catalog, active_by_kind) -> list:
    found = {unit_id: catalog.units[unit_id] for unit_id in implementing.units if unit_id in catalog.units}
    for kind in implementing.kinds:
        for unit in active_by_kind[kind]:
            found.setdefault(unit.id, unit)
    return sorted(found.values(), key=lambda u: sort_key(u.name))


def _relate_procedures(rel, catalog, active_by_kind) -> None:
    procedures = sorted(catalog.procedures.values(), key=lambda p: sort_key(p.name))
    for procedure in procedures:
        handlers = _implementers(procedure.implementing, catalog, active_by_kind)
        rel.handlers[procedure.code] = handlers
        if procedure.replaced_by:
            rel.replaces[procedure.replaced_by].append(procedure)
        if not procedure.listed:
            continue
        rel.listed.append(procedure)
        rel.by_field[procedure.field].append(procedure)
        for level in procedure.levels:
            rel.by_level[level].append(procedure)
        for unit in handlers:
            rel.procedures_of[unit.id].append(procedure)


def _relate_internals(rel, catalog, active_by_kind) -> None:
    for internal in sorted(catalog.internals.values(), key=lambda i: sort_key(i.name)):
        if not internal.listed:
            continue
        rel.listed_internals.append(internal)
        if internal.field:
            rel.internals_by_field[internal.field].append(internal)
        units = _implementers(internal.implementing, catalog, active_by_kind)
        for unit_id in {internal.owner, *(u.id for u in units)}:
            rel.internals_of[unit_id].append(internal)


def _relate_tasks(rel, catalog) -> None:
    for plan in sorted(catalog.plans.values(), key=lambda p: (p.year, p.id), reverse=True):
        rel.plans_issued[plan.issuer].append(plan)
        for task in plan.tasks:
            for unit_id in {party.unit for party in task.lead if party.unit}:
                rel.tasks_led[unit_id].append((plan, task))
            for unit_id in {party.unit for party in task.partners if party.unit}:
                rel.tasks_partnered[unit_id].append((plan, task))
