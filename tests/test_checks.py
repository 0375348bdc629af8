"""The walks behind the cross-file checks, on small graphs and on long ones."""

from __future__ import annotations

import contextlib
import shutil
import sys
from dataclasses import replace
from types import SimpleNamespace

import pytest

from conftest import FIXTURES
from generator.catalog import graph
from generator.catalog.checks import _coming, check_catalog
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.catalog.models import Implementing, Unit

TODAY = "2026-11-01"


def test_cycles_of_one_two_and_three_are_found_once_each_from_their_smallest_place():
    links = {"a": "a", "b": "c", "c": "b", "d": "e", "e": "f", "f": "d", "g": None}
    assert graph.cycles(links) == [("a",), ("b", "c"), ("d", "e", "f")]


def test_places_leading_into_a_cycle_are_not_part_of_it():
    links = {"x": "y", "y": "a", "a": "b", "b": "a", "z": "x"}
    assert graph.cycles(links) == [("a", "b")]


def test_links_to_unknown_places_and_no_links_make_no_cycle():
    assert graph.cycles({"a": "b", "b": "missing", "c": None}) == []
    assert graph.cycles({}) == []


def test_a_cycle_of_fifty_units():
    names = [f"u{i:02d}" for i in range(50)]
    links = {name: names[(i + 1) % 50] for i, name in enumerate(names)}
    assert graph.cycles(links) == [tuple(names)]


def test_long_chains_are_walked_without_recursion():
    names = [f"u{i:04d}" for i in range(1000)]
    links = {name: (names[i + 1] if i + 1 < len(names) else None) for i, name in enumerate(names)}
    with _shallow_stack():  # a recursive walk of a thousand places would fail now
        assert graph.cycles(links) == []
        assert graph.walk(names[0], links) == (names, False)
        long_cycle = {**links, names[-1]: names[0]}
        assert graph.cycles(long_cycle) == [tuple(names)]


@contextlib.contextmanager
def _shallow_stack(room: int = 60):
    """Allow only *room* more frames than the test already uses: far fewer than a thousand."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + room)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def test_walk_stops_before_coming_back():
    assert graph.walk("a", {"a": "b", "b": "c", "c": "b"}) == (["a", "b", "c"], True)
    assert graph.walk("a", {"a": "a"}) == (["a"], True)
    assert graph.walk("a", {}) == (["a"], False)


def test_a_long_cycle_is_shown_short_and_read_from_each_file():
    assert graph.shown(("a", "b", "c"), "b") == '"b" → "c" → "a" → "b"'
    names = tuple(f"u{i:02d}" for i in range(50))
    text = graph.shown(names, "u10")
    assert text.startswith('"u10" → "u11" → "u12"') and '"u09" → "u10" (vòng gồm 50 mục)' in text
    assert text.count("→") == graph.SHOWN


def _procedure(code, status="active", replaced_by=None):
    return SimpleNamespace(code=code, status=status, replaced_by=replaced_by)


@pytest.mark.parametrize("chain, expected", [
    ({"a": ("replaced", "b"), "b": ("active", None)}, (["b"], "active")),
    ({"a": ("replaced", "b"), "b": ("replaced", "c"), "c": ("amended", None)}, (["b", "c"], "amended")),
    ({"a": ("replaced", "b"), "b": ("replaced", "c"), "c": ("abolished", None)}, (["b", "c"], "abolished")),
    ({"a": ("replaced", "b"), "b": ("replaced", "missing")}, (["b", "missing"], None)),
    ({"a": ("replaced", "b"), "b": ("replaced", None)}, (["b"], None)),
    ({"a": ("replaced", "b"), "b": ("replaced", "c"), "c": ("replaced", "b")}, (["b", "c"], None)),
])
def test_replacement_follows_replaced_procedures_to_the_last(chain, expected):
    procedures = {code: _procedure(code, *value) for code, value in chain.items()}
    assert graph.replacement("b", procedures) == expected


def test_a_file_known_by_name_only_ends_a_chain_unknown():
    procedures = {"a": _procedure("a", "replaced", "b"), "b": SimpleNamespace(code="b", id="b", owner="x")}
    assert graph.replacement("b", procedures) == (["b"], None)


def _unit(uid, valid_to=None, successors=(), valid_from=None):
    return Unit(id=uid, name=f"Đơn vị {uid}", kind="so", level="tinh", valid_from=valid_from, valid_to=valid_to, successors=tuple(successors))


def test_active_successors_go_past_units_that_ended_too_and_survive_loops():
    units = {u.id: u for u in (
        _unit("old", "2024-12-31", ["mid", "gone"]),
        _unit("mid", "2025-06-30", ["new", "old"]),
        _unit("new"),
        _unit("other"),
    )}
    assert graph.active_successors("old", units, TODAY) == ["new"]
    assert graph.active_successors("new", units, TODAY) == []
    assert graph.active_successors("missing", units, TODAY) == []


def test_no_unit_left_only_when_every_unit_named_has_ended_and_no_kind_is_named():
    units = {"old": _unit("old", "2025-06-30"), "new": _unit("new"), "typo": _unit("typo", "2025-01-01", valid_from="2025-07-01")}
    assert graph.no_unit_left(Implementing(units=("old",)), units, TODAY)
    assert not graph.no_unit_left(Implementing(units=("old", "new")), units, TODAY)
    assert not graph.no_unit_left(Implementing(units=("old",), kinds=("so",)), units, TODAY)
    assert not graph.no_unit_left(Implementing(units=("old", "unknown")), units, TODAY)
    assert not graph.no_unit_left(Implementing(), units, TODAY)
    assert not graph.no_unit_left(Implementing(units=("typo",)), units, TODAY)  # its end before its start is the mistake
    assert not graph.no_unit_left(Implementing(units=("old",)), units, "2025-06-30")  # the last day still counts


class _Entry(SimpleNamespace):
    def at(self, key):
        return self.positions.get(key, (1, 1))


def _catalog_of_units(units):
    entries = [_Entry(folder="units", path=f"catalog/units/{u.id}.yaml", model=u, positions={"id": (1, 5), "parent": (2, 9)}, owner_dir=None)
               for u in units]
    catalog = SimpleNamespace(site=None, units={u.id: u for u in units}, procedures={}, internals={}, plans={}, fields={}, unreadable=set())
    return catalog, entries


def test_a_parent_cycle_of_fifty_is_one_message_on_each_unit_and_none_on_units_below_it():
    names = [f"u{i:02d}" for i in range(50)]
    units = [replace(_unit(name), parent=names[(i + 1) % 50]) for i, name in enumerate(names)]
    units.append(replace(_unit("below"), parent="u00"))
    catalog, entries = _catalog_of_units(units)
    problems = check_catalog(catalog, entries, today=TODAY)
    assert sorted(p.path for p in problems) == sorted(f"catalog/units/{name}.yaml" for name in names)
    assert all((p.line, p.col, p.warning) == (2, 9, False) and "\n" not in p.message for p in problems)
    first = next(p for p in problems if p.path.endswith("u07.yaml"))
    assert first.message.startswith('parent: các đơn vị cấp trên nối thành vòng "u07" → "u08"') and "(vòng gồm 50 mục)" in first.message


def test_a_parent_chain_of_a_thousand_units_is_no_cycle():
    names = [f"u{i:04d}" for i in range(1000)]
    units = [replace(_unit(name), parent=names[i + 1] if i + 1 < 1000 else None) for i, name in enumerate(names)]
    catalog, entries = _catalog_of_units(units)
    with _shallow_stack():
        assert check_catalog(catalog, entries, today=TODAY) == []


def test_today_comes_from_congkhai_today(monkeypatch):
    units = [_unit("a")]
    catalog, entries = _catalog_of_units(units)
    monkeypatch.setenv("CONGKHAI_TODAY", "2026-01-01")
    assert check_catalog(catalog, entries) == []


@pytest.mark.parametrize("day, today, coming", [
    ("2026-11-02", "2026-11-01", False),  # tomorrow: the machine may be a time zone behind the clerk
    ("2026-11-03", "2026-11-01", True),
    ("2027-01-01", "2026-12-31", False),
    ("2027-01-02", "2026-12-31", True),
    ("2026-10-31", "2026-11-01", False),
    (None, "2026-11-01", False),
])
def test_a_date_is_still_to_come_after_a_day_of_grace(day, today, coming):
    assert _coming(day, today) is coming


def test_a_replaced_by_cycle_of_fifty_is_one_error_on_each_procedure():
    codes = [f"2.{i:06d}" for i in range(50)]
    procedures = {code: _procedure(code, "replaced", codes[(i + 1) % 50]) for i, code in enumerate(codes)}
    entries = [_Entry(folder="procedures", path=f"catalog/procedures/x/{c}.yaml", model=p, positions={"replaced_by": (9, 14)}, owner_dir="x")
               for c, p in procedures.items()]
    catalog = SimpleNamespace(units={}, procedures=procedures)
    found = []
    graph.check_replacements(entries, catalog, lambda entry, key, message, warning=False: found.append((entry.path, key, warning, message)))
    assert len(found) == 50 and {f[0] for f in found} == {e.path for e in entries}
    assert all(key == "replaced_by" and not warning and "(vòng gồm 50 mục)" in message for _, key, warning, message in found)


def test_files_known_by_name_only_are_not_judged(tmp_path):
    """`validate --changed` reads only the changed files; the others are known by name, and say nothing of their status."""
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    abolished = catalog / "procedures" / "so-tu-phap" / "2.000815.yaml"
    abolished.write_text(abolished.read_text(encoding="utf-8") + "status: abolished\n", encoding="utf-8")
    site = catalog / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace('popular: ["1.001193"]', 'popular: ["1.001193", "2.000815"]'), encoding="utf-8")
    for changed in ("procedures/so-tu-phap/2.000001.yaml", "procedures/ubnd-xa-an-binh/1.001193.yaml"):
        assert load_catalog(catalog, tmp_path, only={changed}).warnings == []
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog, tmp_path)
    assert [(p.path, p.message.split(":")[0]) for p in caught.value.problems] == [
        ("catalog/procedures/so-tu-phap/2.000001.yaml", "replaced_by"), ("catalog/site.yaml", "popular[1]")]
