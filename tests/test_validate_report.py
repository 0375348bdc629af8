"""`congkhai validate` as a clerk reads it: their changed files first, a warning repeated across the catalog once
with a count (``--all`` lists them), ``--changed`` finding the base branch by itself; GitHub annotations unsummarised."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TODAY

LINE = re.compile(r"catalog/[^:]+:\d+:\d+: .+")
OVERDUE = "cảnh báo: thủ tục chưa được rà soát trong 12 tháng qua"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "CONGKHAI_TODAY": TODAY, "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", "generator", "validate", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    """The sample catalog committed on main; a branch that changed one procedure, and a change not yet committed."""
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    git = lambda *args: subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],  # noqa: E731
                                       cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "mẫu")
    git("checkout", "-qb", "xa-vinh-bao")
    mine = tmp_path / "catalog" / "procedures" / "ubnd-xa-vinh-bao" / "1.013138.yaml"
    mine.write_text(mine.read_text(encoding="utf-8").replace('url: "https://dichvucong.gov.vn"', 'url: "http://dichvucong.gov.vn"'),
                    encoding="utf-8")
    git("commit", "-qam", "sửa")
    draft = tmp_path / "catalog" / "procedures" / "ubnd-xa-vinh-hoa" / "1.001699.yaml"
    draft.write_text(draft.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # uncommitted: still the clerk's own
    return tmp_path


def test_the_clerks_own_files_come_first_and_a_repeated_warning_is_counted(repo):
    result = _run(cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(LINE.fullmatch(line) for line in lines), lines
    mine = ("catalog/procedures/ubnd-xa-vinh-bao/1.013138.yaml", "catalog/procedures/ubnd-xa-vinh-hoa/1.001699.yaml")
    firsts = [line for line in lines if line.startswith(mine)]
    assert lines[:len(firsts)] == firsts and len(firsts) == 3  # the link, and each file's overdue review
    assert "không dùng https" in lines[0] or "không dùng https" in lines[1]
    rest = lines[len(firsts):]
    assert sum(OVERDUE in line for line in rest) == 1  # shown once…
    counted = re.search(r"… và (\d+) cảnh báo khác cùng loại “thủ tục chưa được rà soát trong 12 tháng qua” ở các tệp khác — "
                        r"thêm --all để xem từng dòng\.", result.stderr)
    assert counted, result.stderr  # …and counted, on one plain line
    assert "Trong các tệp bạn đã thay đổi (so với main, kể cả phần chưa commit):" in result.stderr

    every = _run("--all", cwd=repo)
    overdue = [line for line in every.stdout.splitlines() if OVERDUE in line]
    assert len(overdue) == 2 + 1 + int(counted.group(1)) and "cùng loại" not in every.stderr
    assert sorted(every.stdout.splitlines()) == sorted(set(every.stdout.splitlines()))


def test_changed_finds_the_base_branch_by_itself(repo):
    result = _run("--changed", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {
        "catalog/procedures/ubnd-xa-vinh-bao/1.013138.yaml", "catalog/procedures/ubnd-xa-vinh-hoa/1.001699.yaml"}
    assert "Đã kiểm tra 2 tệp thay đổi cùng các tham chiếu của chúng." in result.stderr
    named = _run("--changed", "main", cwd=repo)
    assert named.stdout == result.stdout


def test_changed_without_a_base_branch_checks_everything(tmp_path):
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    result = _run("--changed", "--no-review", cwd=tmp_path)
    assert result.returncode == 0 and "Không tìm thấy nhánh gốc" in result.stderr


def test_github_annotations_are_all_there_the_clerks_first(repo):
    result = _run("--format", "github", cwd=repo)
    annotations = result.stdout.splitlines()
    every = _run("--all", cwd=repo).stdout.splitlines()
    assert len(annotations) == len(every) and all(line.startswith("::warning file=catalog/") for line in annotations)
    assert annotations[0].startswith(("::warning file=catalog/procedures/ubnd-xa-vinh-bao/1.013138.yaml,",
                                      "::warning file=catalog/procedures/ubnd-xa-vinh-hoa/1.001699.yaml,"))
    assert "cùng loại" not in result.stderr


def test_errors_are_never_summarised_and_still_exit_1(repo):
    for code in ("1.013133", "1.013134", "1.013135", "1.013136", "1.013137"):
        path = repo / "catalog" / "procedures" / "ubnd-xa-vinh-bao" / f"{code}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace('field: "nghia-vu-quan-su"', 'field: "nghia-vu"'), encoding="utf-8")
    result = _run("--no-review", cwd=repo)
    assert result.returncode == 1
    assert sum('không có lĩnh vực nào mang mã "nghia-vu"' in line for line in result.stdout.splitlines()) == 5
    assert "Danh mục có 5 lỗi" in result.stderr
