from generator.catalog.load import load_catalog
from generator.catalog.review import review
from generator.cli.synthetic import write_catalog


def test_synthetic_catalog_is_valid_and_deterministic(tmp_path):
    write_catalog(tmp_path / "a", procedures=300, today="2026-11-01")
    write_catalog(tmp_path / "b", procedures=300, today="2026-11-01")
    catalog = load_catalog(tmp_path / "a")
    assert catalog.warnings == []
    assert review(catalog, catalog.entries, "2026-11-01") == []  # reviewed within the year: nothing for a reviewer
    assert len(catalog.procedures) == 300
    assert sum(1 for p in catalog.procedures.values() if "ubnd-xa" in p.implementing.kinds) == 60
    assert len([u for u in catalog.units.values() if u.kind == "ubnd-xa"]) == 15
    for path in (tmp_path / "a").rglob("*.yaml"):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
