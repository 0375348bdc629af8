"""Page contents rendered by a second process (prerender.py): the same pages, and failures that stop the build."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, TODAY
from generator import background
from generator.pages import prerender
from generator.catalog.load import load_catalog
from generator.pages.specs import plan_site
from generator.pages.prerender import Prerender
from generator.pages.relations import relate
from generator.pages.render import make_environment, render_page


@pytest.fixture(autouse=True)
def as_in_a_build(monkeypatch):
    """`mkdocs build` runs no other thread, so it forks; this test process may (a browser's, a server's)."""
    monkeypatch.setattr(background, "_may_fork", lambda: True)



def _procedure_specs(catalog):
    return [s for s in plan_site(catalog, relate(catalog, TODAY)) if s.template == "procedure.html"]


def test_the_second_process_renders_what_this_one_would(monkeypatch):
    monkeypatch.setattr(prerender, "FROM", 2)
    catalog = load_catalog(ROOT / "catalog")
    env = make_environment([], catalog)
    specs = _procedure_specs(catalog)
    job = Prerender(env, specs, TODAY, {specs[-1].src_uri: "https://example.org/edit/x.yaml"})
    taken = [spec for spec in specs if job.owns(spec.src_uri)]
    assert 0 < len(taken) < len(specs)
    for spec in taken:
        edit = "https://example.org/edit/x.yaml" if spec is specs[-1] else None
        assert job.content(spec.src_uri) == render_page(env, spec, TODAY, edit)


def test_a_failure_in_the_second_process_names_the_page(monkeypatch, tmp_path):
    monkeypatch.setattr(prerender, "FROM", 2)
    (tmp_path / "procedure.html").write_text("{{ p.no_such_attribute.deeper }}", encoding="utf-8")
    catalog = load_catalog(ROOT / "catalog")
    specs = _procedure_specs(catalog)
    job = Prerender(make_environment([tmp_path], catalog), specs, TODAY, {})
    first = next(spec for spec in specs if job.owns(spec.src_uri))
    with pytest.raises(RuntimeError, match=f"không dựng được nội dung trang: {first.src_uri}: UndefinedError"):
        job.content(first.src_uri)


def test_a_site_built_with_a_second_process_is_the_same(monkeypatch, tmp_path, sample_site):
    monkeypatch.setattr(prerender, "FROM", 10)
    monkeypatch.setenv("CONGKHAI_TODAY", TODAY)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("content", "overrides", "catalog"):
        shutil.copytree(ROOT / name, tmp_path / name)
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["congkhai"]
    plugin.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()  # as the host does after a build: the new site is published
    assert plugin.build.prerender.pending  # the second process did take pages
    for page in (sample_site / "thu-tuc").glob("*/index.html"):
        built = tmp_path / "site" / page.relative_to(sample_site)
        assert built.read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), page
