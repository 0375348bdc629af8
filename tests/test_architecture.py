"""Rules the layout promises: one MkDocs adapter, no request to another host from our own files."""

import ast
import re

from conftest import ROOT


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_only_the_plugin_imports_mkdocs():
    importers = sorted(p.name for p in (ROOT / "generator").glob("*.py") if any(m.split(".")[0] == "mkdocs" for m in _imports(p)))
    assert importers == ["plugin.py"]


def test_no_theme_file_or_template_loads_from_another_host():
    pattern = re.compile(r"(src|href)=[\"']https?://|@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://")
    offenders = [str(p.relative_to(ROOT)) for folder in ("overrides", "generator/templates", "content")
                 for p in (ROOT / folder).rglob("*") if p.is_file() and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_theme_settings_keep_the_site_offline():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false$", config, re.M)
    assert "language: vi" in config
    assert not re.search(r"^\s+- search\b", config, re.M)
