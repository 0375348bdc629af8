"""A failed build reports every problem once and leaves the good site where it stood."""

from __future__ import annotations

import shutil

from conftest import FIXTURES, build_site


def _snapshot(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_bad_catalog_fails_the_build_and_keeps_the_previous_site(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    assert build_site(tmp_path, tmp_path / "catalog").returncode == 0
    before = _snapshot(tmp_path / "site")
    procedure = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("field: chung-thuc", "field: chung-thu"), encoding="utf-8")
    unit = tmp_path / "catalog" / "units" / "so-tu-phap.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "email: khong-phai-email\n", encoding="utf-8")

    result = build_site(tmp_path, tmp_path / "catalog")

    assert result.returncode != 0
    assert "Danh mục có lỗi" in result.stderr
    assert 'catalog/procedures/so-tu-phap/2.000815.yaml:4:8: field: không có lĩnh vực nào mang mã "chung-thu"' in result.stderr
    assert 'catalog/units/so-tu-phap.yaml:16:8: "email": "khong-phai-email" không phải địa chỉ thư điện tử' in result.stderr
    assert "Danh mục có 2 lỗi" in result.stderr
    assert _snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_a_failure_while_rendering_also_keeps_the_previous_site(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    assert build_site(tmp_path, tmp_path / "catalog").returncode == 0
    before = _snapshot(tmp_path / "site")
    broken = tmp_path / "overrides" / "fragments"
    broken.mkdir(parents=True)
    (broken / "procedure.html").write_text("{{ p.no_such_attribute.deeper }}", encoding="utf-8")

    result = build_site(tmp_path, tmp_path / "catalog")

    assert result.returncode != 0
    assert _snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_a_site_override_of_a_fragment_is_used(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    fragments = tmp_path / "overrides" / "fragments"
    shutil.copytree(FIXTURES.parent.parent / "overrides", tmp_path / "overrides")
    fragments.mkdir()
    (fragments / "level.html").write_text("<h1>{{ label }}</h1><p class='mine'>{{ total }}</p>", encoding="utf-8")
    assert build_site(tmp_path, tmp_path / "catalog").returncode == 0
    assert "<p class='mine'>1</p>" in (tmp_path / "site" / "cap" / "xa" / "index.html").read_text(encoding="utf-8")


def test_a_good_build_replaces_the_site_at_once(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    assert build_site(tmp_path, tmp_path / "catalog").returncode == 0
    procedure = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("Thủ tục chứng thực bản sao từ bản chính", "Tên mới"),
                         encoding="utf-8")
    assert build_site(tmp_path, tmp_path / "catalog").returncode == 0
    assert "Tên mới" in (tmp_path / "site" / "thu-tuc" / "2.000815" / "index.html").read_text(encoding="utf-8")
    # the previous site was moved aside whole, to be deleted by a process of its own
    assert not (tmp_path / ".site-building").exists()
    assert all(p.name.startswith(".site-old-") for p in tmp_path.iterdir() if p.name.startswith(".site"))
