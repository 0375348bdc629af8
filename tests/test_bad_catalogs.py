"""A corpus of the mistakes a clerk really makes, with the exact messages as goldens.

Each folder in tests/bad/ holds files laid over the small fixture catalog
(tests/fixtures/mini) at their catalog paths, a ``remove.txt`` listing
fixture files to delete (optional), a ``links.txt`` of symbolic links to
make (optional; lines ``catalog/path -> target``, the target taken as
written, ``{outside}`` standing for a folder outside the repository), and
``expected.txt``: the report — of the errors, or of the warnings when a case
has only warnings. Every line of a report has the form ``path:line:col: ``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, check_golden
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog

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
    links = case / "links.txt"
    if links.exists():
        outside = tmp / "outside"
        outside.mkdir(exist_ok=True)
        (outside / "secret.yaml").write_text('id: "bi-mat"\nname: "NỘI DUNG BÍ MẬT CỦA MÁY CHẠY CI"\n', encoding="utf-8")
        for line in filter(None, links.read_text(encoding="utf-8").splitlines()):
            name, target = (part.strip() for part in line.split("->"))
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).symlink_to(target.replace("{outside}", str(outside)))
    return root


def report(root: Path) -> str:
    """What `congkhai validate` would say: the errors, or the warnings of a catalog that has none."""
    try:
        catalog = load_catalog(root / "catalog", root)
    except CatalogError as exc:
        return exc.report() + "\n"
    return "".join(f"{problem}\n" for problem in sorted(catalog.warnings)) or "(không có lỗi, không có cảnh báo)\n"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_catalog_reports_every_problem(case, tmp_path, update_goldens):
    root = _overlay(case, tmp_path)
    text = report(root)
    check_golden(case / "expected.txt", text, update_goldens)
    assert "(không có lỗi" not in text, "a bad case must give an error or a warning"
    for line in text.splitlines():  # one line each, located; a value never breaks a line
        assert LINE.fullmatch(line), line


LINE = re.compile(r"(catalog/[^\n:]+:\d+:\d+: .+|Danh mục có \d+ lỗi — .+)")


def test_corpus_is_large_enough():
    assert len(CASES) >= 20
