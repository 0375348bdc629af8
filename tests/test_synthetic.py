from generator.catalog import load_catalog
from generator.synthetic import write_catalog


def test_synthetic_catalog_is_valid_and_deterministic(tmp_path):
    write_catalog(tmp_path / "a", procedures=300)
    write_catalog(tmp_path / "b", procedures=300)
    catalog = load_catalog(tmp_path / "a")
    assert catalog.warnings == []
    assert len(catalog.procedures) == 300
    assert sum(1 for p in catalog.procedures.values() if "ubnd-xa" in p.implementing.kinds) == 60
    assert len([u for u in catalog.units.values() if u.kind == "ubnd-xa"]) == 15
    for path in (tmp_path / "a").rglob("*.yaml"):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
