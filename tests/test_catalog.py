from conftest import FIXTURES, ROOT
from generator.catalog.load import load_catalog
from generator.pages.relations import relate


def test_mini_catalog_loads_with_typed_models():
    catalog = load_catalog(FIXTURES / "mini")
    assert catalog.warnings == []
    birth = catalog.procedures["1.001193"]
    assert birth.code == "1.001193" and birth.levels == ("xa",)
    assert birth.documents[0].originals == "1"
    assert birth.path == "tests/fixtures/mini/procedures/ubnd-xa-an-binh/1.001193.yaml"
    assert catalog.plans["kh-2025-so-tu-phap"].tasks[0].lead[0].unit == "so-tu-phap"
    assert list(catalog.fields) == ["ho-tich", "chung-thuc"]


def test_relations():
    catalog = load_catalog(FIXTURES / "mini")
    rel = relate(catalog, "2026-01-01")
    assert [u.id for u in rel.handlers["1.001193"]] == ["ubnd-xa-an-binh"]
    assert [p.code for p in rel.procedures_of["ubnd-xa-an-binh"]] == ["1.001193"]
    assert [p.code for p in rel.procedures_of["so-tu-phap"]] == ["2.000815"]  # the replaced one is not listed
    assert [p.code for p in rel.listed] == ["2.000815", "1.001193"]  # Vietnamese order: "chứng" before "đăng"
    assert [p.code for p in rel.replaces["2.000815"]] == ["2.000001"]
    assert [u.id for u in rel.predecessors["ubnd-xa-an-binh"]] == ["ubnd-huyen-cu"]
    assert [t.id for _, t in rel.tasks_led["so-tu-phap"]] == ["I.1"]
    assert [i.id for i in rel.internals_of["so-tu-phap"]] == ["nb-tham-dinh"]


def test_units_that_ended_stop_handling_procedures_by_kind():
    catalog = load_catalog(FIXTURES / "mini")
    before = relate(catalog, "2025-06-30")
    assert "ubnd-huyen-cu" not in [u.id for u in before.handlers["1.001193"]]  # other kind
    ended = [u for u in catalog.units.values() if not u.active_on("2025-07-01")]
    assert [u.id for u in ended] == ["ubnd-huyen-cu"]


def test_the_sample_catalog_is_valid_and_complete():
    catalog = load_catalog(ROOT / "catalog")
    assert catalog.warnings == []
    assert len(catalog.procedures) >= 40
    assert len({p.field for p in catalog.procedures.values()}) >= 6
    assert any("xa" in p.levels for p in catalog.procedures.values())
    assert len(catalog.internals) >= 5
    assert {"kh-10-2022-ubnd-tp", "kh-2024-ubnd-huyen-vinh-bao", "kh-2024-so-khcn"} <= set(catalog.plans)
    assert [len(catalog.plans[p].tasks) for p in ("kh-10-2022-ubnd-tp", "kh-2024-ubnd-huyen-vinh-bao", "kh-2024-so-khcn")] == [51, 29, 21]
    vinh_bao = catalog.units["ubnd-huyen-vinh-bao"]
    assert vinh_bao.valid_to == "2025-06-30" and vinh_bao.successors
    assert {p.status for p in catalog.procedures.values()} >= {"active", "abolished", "replaced"}
