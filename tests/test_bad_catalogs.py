"""A corpus of the mistakes a clerk really makes, with the exact messages as goldens.

Each folder in tests/bad/ holds files laid over the small fixture catalog
(tests/fixtures/mini) at their catalog paths, a ``remove.txt`` listing
fixture files to delete (optional), and ``expected.txt``: the report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, check_golden
from generator.catalog.load import load_catalog
from generator.catalog.errors import CatalogError

CASES = sorted(p for p in (Path(__file__).parent / "bad").iterdir() if p.is_dir())


def _overlay(case: Path, tmp: Path) -> Path:
    root = tmp / "repo"
    catalog = root / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    (root / ".git").mkdir()
    overlay = case / "catalog"
    for path in overlay.rglob("*"):
        if path.is_file():
            target = catalog / path.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    remove = case / "remove.txt"
    if remove.exists():
        for line in remove.read_text(encoding="utf-8").split():
            (catalog / line).unlink()
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_catalog_reports_every_problem(case, tmp_path, update_goldens):
    root = _overlay(case, tmp_path)
    with pytest.raises(CatalogError) as caught:
        load_catalog(root / "catalog", root)
    check_golden(case / "expected.txt", caught.value.report() + "\n", update_goldens)


def test_corpus_is_large_enough():
    assert len(CASES) >= 20
