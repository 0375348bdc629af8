"""The pull-request path: new files, reviewer checks, changed-files validation, CODEOWNERS, workflows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import FIXTURES, ROOT
from generator.catalog.load import load_catalog
from generator.cli.main import main
from generator.catalog.owners import codeowners


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository holding the small fixture catalog, on a branch off main."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    shutil.copytree(ROOT / "generator" / "schemas", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CONGKHAI_TODAY", "2025-12-01")
    git = lambda *args: subprocess.run(["git", *args], check=True, capture_output=True)  # noqa: E731
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "base")
    git("checkout", "-qb", "feature")
    return tmp_path


NEW = {
    "procedure": ["--code", "1.000656", "--name", "Thủ tục đăng ký khai tử", "--owner", "ubnd-xa-an-binh", "--field", "ho-tich",
                  "--level", "xa", "--for-all", "ubnd-xa", "--step", "Bước 1: Nộp tờ khai.", "--step", "Bước 2: Nhận trích lục.",
                  "--channel", "truc-tiep | Ngay trong ngày | Miễn lệ phí", "--result", "Trích lục khai tử",
                  "--document", "Tờ khai đăng ký khai tử | 1 | 0", "--requirements", "Không có yêu cầu, điều kiện.",
                  "--legal-basis", "Luật Hộ tịch số 60/2014/QH13"],
    "internal": ["--id", "nb-moi", "--name", "Thủ tục nội bộ mới", "--owner", "so-tu-phap", "--step", "Tiếp nhận."],
    "plan": ["--id", "kh-2026-so-tu-phap", "--number", "1/KH-STP", "--title", "Kế hoạch năm 2026", "--year", "2026",
             "--owner", "so-tu-phap", "--issuer", "ubnd-tinh-thu", "--section", "CHỈ ĐẠO", "--task", "Xây dựng kế hoạch.",
             "--lead-text", "Sở Tư pháp"],
    "unit": ["--id", "ubnd-xa-binh-an", "--name", "Ủy ban nhân dân xã Bình An", "--kind", "ubnd-xa", "--unit-level", "xa",
             "--parent", "ubnd-tinh-thu", "--maintainer", "@tinhthu/xa-binh-an"],
}
WHERE = {"procedure": "procedures/ubnd-xa-an-binh/1.000656.yaml", "internal": "internal/so-tu-phap/nb-moi.yaml",
         "plan": "plans/so-tu-phap/kh-2026-so-tu-phap.yaml", "unit": "units/ubnd-xa-binh-an.yaml"}


@pytest.mark.parametrize("kind", list(NEW))
def test_new_writes_a_valid_commented_file_with_its_schema(repo, kind):
    assert main(["new", kind, *NEW[kind]]) == 0
    path = repo / "catalog" / WHERE[kind]
    text = path.read_text(encoding="utf-8")
    schema = f"{'procedure' if kind == 'procedure' else kind}.schema.json"
    first = text.split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith(schema)
    assert (path.parent / first.split("=", 1)[1]).resolve() == (repo / "schemas" / schema).resolve()
    assert "# " in text.split("\n", 2)[2]  # commented fields to fill in
    load_catalog(repo / "catalog")


def test_new_refuses_answers_that_do_not_validate_and_writes_nothing(repo, capsys):
    args = [a if a != "ho-tich" else "ho-tichx" for a in NEW["procedure"]]
    assert main(["new", "procedure", *args]) == 1
    assert not (repo / "catalog" / WHERE["procedure"]).exists()
    assert 'không có lĩnh vực nào mang mã "ho-tichx"' in capsys.readouterr().out


def test_new_without_a_terminal_names_what_is_missing(repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["new", "internal", "--id", "nb-x"]) == 2
    assert "--name, --owner, --step" in capsys.readouterr().err


def test_new_asks_when_run_in_a_terminal(repo, monkeypatch):
    answers = iter(["nb-hoi", "Thủ tục hỏi đáp", "so-tu-phap", "Bước một.", "Bước hai.", ""])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert main(["new", "internal"]) == 0
    assert '  - "Bước hai."' in (repo / "catalog" / "internal" / "so-tu-phap" / "nb-hoi.yaml").read_text(encoding="utf-8")


def test_reviewer_checks_give_their_reasons(repo, capsys):
    procedure = repo / "catalog" / "procedures" / "ubnd-xa-an-binh" / "1.001193.yaml"
    text = procedure.read_text(encoding="utf-8")
    text = text.replace("url: https://dichvucong.gov.vn/mau-to-khai.docx", "url: http://dichvucong.gov.vn/mau-to-khai.docx")
    text = text.replace('  kind: moi', '  kind: moi\n  effective: "2025-06-01"')
    text = text.replace('reviewed_on: "2025-09-01"', 'reviewed_on: "2024-09-01"')
    procedure.write_text(text, encoding="utf-8")
    abolished = repo / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    abolished.write_text(abolished.read_text(encoding="utf-8") + 'status: abolished\nreviewed_on: "2025-11-01"\n', encoding="utf-8")
    (repo / "catalog" / "procedures" / "so-tu-phap" / "2.000001.yaml").unlink()  # replaced by 2.000815: never by an abolished one
    nb = repo / "catalog" / "internal" / "so-tu-phap" / "nb-tham-dinh.yaml"
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "1.001193.yaml:36:14: cảnh báo: thủ tục chưa được rà soát trong 12 tháng qua (lần cuối ngày 2024-09-01)" in out
    assert "1.001193.yaml:35:14: cảnh báo: quyết định ngày 2025-07-01 nhưng có hiệu lực từ 2025-06-01" in out
    assert 'cảnh báo: liên kết "http://dichvucong.gov.vn/mau-to-khai.docx" không dùng https' in out
    assert "2.000815.yaml:22:9: cảnh báo: thủ tục đã bãi bỏ nhưng chưa ghi quyết định bãi bỏ" in out
    assert nb.exists()
    assert main(["validate", "--no-review"]) == 0
    assert "cảnh báo" not in capsys.readouterr().out


def test_reviewer_flags_a_procedure_still_listed_at_an_ended_unit(repo, capsys):
    unit = repo / "catalog" / "units" / "so-tu-phap.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + 'valid_to: "2025-10-01"\n', encoding="utf-8")
    assert main(["validate"]) == 0
    assert '2.000815.yaml:7:11: cảnh báo: thủ tục vẫn ghi đơn vị "Sở Tư pháp tỉnh Thử", đơn vị đã kết thúc hoạt động từ ngày 2025-10-01' in capsys.readouterr().out


def test_validate_changed_checks_only_the_branch_and_its_references(repo, capsys):
    assert main(["validate", "--changed", "main", "--no-review"]) == 0
    assert "Không có tệp danh mục nào thay đổi" in capsys.readouterr().err
    procedure = repo / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("field: chung-thuc", "field: chung-thucx"), encoding="utf-8")
    (repo / "catalog" / "procedures" / "so-tu-phap" / "1.001193.yaml").write_text(
        (repo / "catalog" / "procedures" / "ubnd-xa-an-binh" / "1.001193.yaml").read_text(encoding="utf-8").replace(
            "owner: ubnd-xa-an-binh", "owner: so-tu-phap"), encoding="utf-8")
    assert main(["validate", "--changed", "main", "--no-review", "--format", "github"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        '::error file=catalog/procedures/so-tu-phap/1.001193.yaml,line=1,col=7::code "1.001193" đã dùng cho thủ tục khác ở '
        'catalog/procedures/ubnd-xa-an-binh/1.001193.yaml:1 — mỗi thủ tục chỉ có một tệp với một mã riêng',
        '::error file=catalog/procedures/so-tu-phap/2.000815.yaml,line=4,col=8::field: không có lĩnh vực nào mang mã "chung-thucx" '
        '— hãy kiểm tra chính tả, hoặc thêm lĩnh vực đó vào danh mục trước',
    ]


def test_a_changed_unit_file_checks_the_whole_catalog(repo, capsys):
    unit = repo / "catalog" / "units" / "so-tu-phap.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("id: so-tu-phap", "id: so-tu-phap-moi"), encoding="utf-8")
    assert main(["validate", "--changed", "main", "--no-review"]) == 1
    out = capsys.readouterr().out
    assert 'tên tệp "so-tu-phap.yaml" không khớp với id "so-tu-phap-moi"' in out


def test_codeowners_follows_the_maintainers(repo):
    text = codeowners(load_catalog(repo / "catalog"))
    assert "/catalog/units/so-tu-phap.yaml @tinhthu/so-tu-phap" in text
    assert "/catalog/procedures/so-tu-phap/ @tinhthu/so-tu-phap" in text
    assert "ubnd-xa-an-binh" not in text  # no maintainers listed: no line
    assert main(["codeowners", "--out", "CODEOWNERS"]) == 0
    assert (repo / "CODEOWNERS").read_text(encoding="utf-8") == text


def test_committed_codeowners_is_current():
    assert (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == codeowners(load_catalog(ROOT / "catalog")), \
        "run `congkhai codeowners` after changing maintainers"


def _workflow(name):
    return yaml.load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_workflows_pass_the_github_workflow_schema(name):
    check = pytest.importorskip("check_jsonschema")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(ROOT / ".github" / "workflows" / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert check


def test_pull_request_workflow_validates_tests_builds_and_uploads_a_preview():
    steps = json.dumps(_workflow("pull-request.yml"))
    for needed in ("congkhai validate --changed", "--format github", "pytest", "mkdocs build --strict", "actions/upload-artifact"):
        assert needed in steps, needed


def test_publish_workflow_deploys_to_pages_after_the_same_checks():
    workflow = _workflow("publish.yml")
    text = json.dumps(workflow)
    assert workflow["on"]["push"]["branches"] == ["main"]
    for needed in ("congkhai validate", "pytest", "mkdocs build --strict", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert needed in text, needed


def test_pre_commit_runs_validate():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert "generator validate" in hook["entry"] and hook["files"] == "^catalog/"
