"""mkdocs serve --dirty: after a change to one catalog file, only the pages whose values changed are written."""

from __future__ import annotations

import os
import shutil
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXTURES, ROOT


def _serve_build(tmp_path):
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    plugin = config.plugins["congkhai"]
    plugin.on_startup(command="serve", dirty=True)
    config = config.plugins.on_config(config)
    build(config, dirty=True)
    plugin.build.indexer.wait()  # under serve the index and the screens follow the pages; here we wait for them
    plugin.build.screens.wait()


def test_dirty_serve_rewrites_only_what_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGKHAI_TODAY", "2026-11-01")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    _serve_build(tmp_path)
    site = tmp_path / "served"
    pages = {name: site / name / "index.html" for name in ("thu-tuc/2.000815", "thu-tuc/1.001193", "linh-vuc/ho-tich", "don-vi/so-tu-phap")}
    before = {name: path.stat().st_mtime_ns for name, path in pages.items()}
    time.sleep(0.05)
    procedure = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("Thủ tục chứng thực bản sao từ bản chính", "Tên mới"), encoding="utf-8")

    _serve_build(tmp_path)

    assert "Tên mới" in pages["thu-tuc/2.000815"].read_text(encoding="utf-8")
    assert "Tên mới" in pages["don-vi/so-tu-phap"].read_text(encoding="utf-8")  # lists it
    assert pages["thu-tuc/1.001193"].stat().st_mtime_ns == before["thu-tuc/1.001193"]  # untouched
    assert pages["linh-vuc/ho-tich"].stat().st_mtime_ns == before["linh-vuc/ho-tich"]
    assert any('"Tên mới"' in path.read_text(encoding="utf-8") for path in (site / "tim-kiem" / "chi-muc" / "muc").iterdir())
    assert sorted(os.listdir(site / "tim-kiem")) == ["chi-muc", "chi-muc.json", "index.html"]  # no half-written index left
