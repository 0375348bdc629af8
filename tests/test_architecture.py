"""Rules the layout promises: one thin host adapter, stages that import only downward, small modules,
no request to another host from our own files."""

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


MODULES = sorted((ROOT / "generator").rglob("*.py"))
# The stages, from the bottom up: a module imports only from its own stage or from stages below it;
# the few modules at the top of the package (a second process's work) import none of them.
FLOORS = ["text", "catalog", "pages", "search", "screens", "exports", "build", "host", "cli"]


def test_only_the_host_adapter_imports_the_host():
    importers = sorted(str(p.relative_to(ROOT)) for p in MODULES
                       if any(m.split(".")[0] in ("mkdocs", "properdocs", "material") for m in _imports(p)))
    assert importers == ["generator/host/plugin.py"]


def test_the_adapter_is_thin():
    assert len((ROOT / "generator" / "host" / "plugin.py").read_text(encoding="utf-8").splitlines()) <= 160


def test_modules_are_small():
    assert [str(p.relative_to(ROOT)) for p in MODULES if len(p.read_text(encoding="utf-8").splitlines()) > 300] == []


def test_no_import_runs_up_a_floor():
    upward = []
    for path in MODULES:
        parts = path.relative_to(ROOT / "generator").parts
        floor = FLOORS.index(parts[0]) if len(parts) > 1 else len(FLOORS) if path.name == "__main__.py" else -1
        for module in _imports(path):
            names = module.split(".")
            target = FLOORS.index(names[1]) if len(names) > 1 and names[1] in FLOORS else -1
            if names[0] == "generator" and target > floor:
                upward.append(f"{path.relative_to(ROOT)} imports {module}")
    assert upward == []


def test_no_theme_file_or_template_loads_from_another_host():
    pattern = re.compile(r"(src|href)=[\"']https?://|@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://")
    offenders = [str(p.relative_to(ROOT)) for folder in ("overrides", "generator/pages/templates", "generator/theme", "content")
                 for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in (".html", ".css", ".js", ".md") and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_theme_settings_keep_the_site_offline():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false$", config, re.M)
    assert "language: vi" in config
    assert not re.search(r"^\s+- search\b", config, re.M)
