"""What links to what, computed once for the whole catalog.

Each relation is built in one pass over the catalog, so the cost of every
page's lists grows with the catalog, not with its square.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.pages.progress import Progress, track
from generator.text.vietnamese import sort_key


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
    rank: dict[str, int] = field(default_factory=dict)  # unit id → place in Vietnamese order of names
    units: dict = field(default_factory=dict)
    active_by_kind: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    progress: Progress | None = None  # where each plan task stands at *today* (progress.py)

    def units_handling(self, procedures) -> list:
        """Active units that handle any of *procedures*, in Vietnamese order; linear in its input."""
        found = {}
        kinds = set()
        for procedure in procedures:
            kinds.update(procedure.implementing.kinds)
            for unit_id in procedure.implementing.units:
                unit = self.units[unit_id]
                if unit.active_on(self.today):
                    found[unit_id] = unit
        for kind in kinds:
            for unit in self.active_by_kind[kind]:
                found[unit.id] = unit
        return sorted(found.values(), key=lambda u: self.rank[u.id])


def relate(catalog, today: str) -> Relations:
    rel = Relations(today=today, units=catalog.units)
    units = sorted(catalog.units.values(), key=lambda u: sort_key(u.name))
    rel.rank = {unit.id: place for place, unit in enumerate(units)}
    active_by_kind = rel.active_by_kind
    for unit in units:
        if unit.active_on(today):
            active_by_kind[unit.kind].append(unit)
        if unit.parent:
            rel.children[unit.parent].append(unit)
        for successor in unit.successors:
            rel.predecessors[successor].append(unit)
    _relate_procedures(rel, catalog)
    _relate_internals(rel, catalog)
    _relate_tasks(rel, catalog)
    rel.progress = track(catalog, today)
    return rel


def _implementers(implementing, catalog, rel) -> list:
    if not implementing.units and len(implementing.kinds) == 1:
        return rel.active_by_kind[implementing.kinds[0]]  # already in order; shared, never changed
    found = {unit_id: catalog.units[unit_id] for unit_id in implementing.units if unit_id in catalog.units}
    for kind in implementing.kinds:
        for unit in rel.active_by_kind[kind]:
            found.setdefault(unit.id, unit)
    return sorted(found.values(), key=lambda u: rel.rank[u.id])


def _relate_procedures(rel, catalog) -> None:
    procedures = sorted(catalog.procedures.values(), key=lambda p: sort_key(p.name))
    for procedure in procedures:
        handlers = _implementers(procedure.implementing, catalog, rel)
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


def _relate_internals(rel, catalog) -> None:
    for internal in sorted(catalog.internals.values(), key=lambda i: sort_key(i.name)):
        if not internal.listed:
            continue
        rel.listed_internals.append(internal)
        if internal.field:
            rel.internals_by_field[internal.field].append(internal)
        units = _implementers(internal.implementing, catalog, rel)
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
