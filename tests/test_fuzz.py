"""Property tests over loading and validating: no input ever raises, hangs, or prints an unlocated line.

Arbitrary text goes to the YAML reader, and mutated copies of real catalog
files (the sample's and the fixture's) go through the whole loader. Every
problem must come out as one line, ``path:line:col: …``, with a line and a
column inside the file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from generator.catalog.errors import CatalogError, Collector
from generator.catalog.load import load_catalog
from generator.catalog.yamlio import load

LINE = re.compile(r"(?P<path>[^\n]+?):(?P<line>[0-9]+):(?P<col>[0-9]+): [^\n]+")
SEEDS = sorted([*FIXTURES.joinpath("mini").rglob("*.yaml"), *ROOT.joinpath("catalog", "procedures").rglob("*.yaml")][:40])
# What clerks paste and what breaks YAML: its indicators, quotes, breaks, odd spaces, controls, look-alike digits
PIECES = [":", ": ", "- ", "#", " #", "'", '"', "[", "]", "{", "}", "&a", "*a", "!", "|", ">", "---", "\t", "\n", "  ", "\r\n",
          "\u00a0", "\u2028", "\u2029", "\x0b", "\x00", "\x1b", "\u200b", "\u202e", "\ufeff", "%", "@", "`", "２", "٣", "đ", "…",
          "<<<<<<< HEAD\n", "=======\n", ">>>>>>> x\n", "[" * 60, "a:\n" * 3, "\\", "\\x", "?", ",", "~", "null", "1.001193"]


def _located(problem: str, text: str) -> bool:
    match = LINE.fullmatch(problem)
    if not match:
        return False
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1  # a lone CR is a line break in editors
    return 1 <= int(match["line"]) <= lines + 1 and int(match["col"]) >= 1


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400) | st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_is_read_or_refused_with_located_one_line_problems(text):
    out = Collector("catalog/x.yaml")
    load(text, out)
    for problem in out.problems:
        assert _located(str(problem), text), repr(str(problem))


@st.composite
def mutations(draw):
    """A real catalog file with a few clerk-sized edits: pieces inserted, lines cut, doubled or re-indented."""
    source = draw(st.sampled_from(SEEDS))
    lines = source.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        action = draw(st.sampled_from(["insert", "delete", "double", "indent", "dedent"]))
        if action == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.sampled_from(PIECES)) + lines[at][column:]
        elif action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "double":
            lines.insert(at, lines[at])
        elif action == "indent":
            lines[at] = "  " + lines[at]
        else:
            lines[at] = lines[at][2:] if lines[at].startswith("  ") else lines[at]
    return source, "\n".join(lines)


@pytest.fixture(scope="module")
def catalog_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(FIXTURES / "mini", root / "catalog")
    (root / ".git").mkdir()
    return root


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutations())
def test_a_mutated_catalog_file_never_raises_and_every_problem_is_located(catalog_copy, mutated):
    source, text = mutated
    target = catalog_copy / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    original = target.read_bytes()
    target.write_text(text, encoding="utf-8")
    try:
        try:
            catalog = load_catalog(catalog_copy / "catalog", catalog_copy)
            problems = [str(p) for p in catalog.warnings]
        except CatalogError as exc:
            problems = [str(p) for p in exc.problems]
            assert any(not p.warning for p in exc.problems)
        for problem in problems:
            assert LINE.fullmatch(problem) and problem.startswith("catalog/"), repr(problem)
    finally:
        target.write_bytes(original)
