import re
import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT
from generator.cli.main import main


def test_validate_a_good_catalog(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--no-review"]) == 0
    assert "Danh mục hợp lệ: 3 thủ tục, 1 thủ tục nội bộ, 4 đơn vị, 1 kế hoạch." in capsys.readouterr().err


def test_validate_prints_every_problem_and_exits_1(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    bad = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("field: chung-thuc", "field: chung-thu").replace("levels: [tinh]", "levels: [huyen]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "catalog"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert lines == [
        'catalog/procedures/so-tu-phap/2.000815.yaml:5:10: "levels[0]": giá trị "huyen" không hợp lệ — chỉ dùng một trong: tinh (cấp tỉnh), xa (cấp xã), bo (cấp bộ), khac (cơ quan khác)',
    ]
    assert "Danh mục có 1 lỗi" in captured.err


def test_github_annotations(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    (tmp_path / "catalog" / "fields.yaml").write_text("fields:\n  - id: Hộ tịch\n    name: Hộ tịch\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error file=catalog/fields.yaml,line=2,col=9::")


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "thư mục danh mục" in result.stdout


def test_sample_writes_a_valid_catalog_and_refuses_a_folder_in_use(tmp_path, capsys):
    out = tmp_path / "synthetic"
    assert main(["sample", "--procedures", "120", "--units", "40", "--out", str(out)]) == 0
    assert main(["validate", "--no-review", str(out)]) == 0
    assert "120 thủ tục" in capsys.readouterr().err and len(list((out / "units").glob("*.yaml"))) == 40
    assert main(["sample", "--procedures", "5", "--out", str(out)]) == 2
    assert "đã có dữ liệu" in capsys.readouterr().err


def _help(*command: str) -> str:
    result = subprocess.run([sys.executable, "-m", "generator", *command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


SUBCOMMANDS = ("validate", "sample", "new", "schema", "codeowners", "init", "export", "import")
NESTED = (("import", "plan"), ("import", "procedures"))  # commands of a command: congkhai import plan|procedures


def test_every_help_is_in_vietnamese_and_every_option_explained():
    from generator import __version__

    version = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"congkhai {__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in pyproject or 'dynamic = ["version"]' in pyproject
    for command in ((), *((name,) for name in SUBCOMMANDS), *NESTED):
        text = _help(*command)
        for english in ("usage:", "options:", "positional arguments", "show this help", "show program's"):
            assert english not in text, (command, english)
        lines = text.splitlines()
        for number, line in enumerate(lines):
            # an option alone on its line, with nothing after it nor an indented line below, has no help
            if line.startswith("  -") and len(line.split("  ")) < 3:
                below = lines[number + 1] if number + 1 < len(lines) else ""
                assert below.startswith(" " * 8) and below.strip(), (command, line)


def test_argparse_errors_are_in_vietnamese():
    result = subprocess.run([sys.executable, "-m", "generator", "khong-co-lenh"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "lỗi: tham số LỆNH: lựa chọn không hợp lệ: 'khong-co-lenh'" in result.stderr
    result = subprocess.run([sys.executable, "-m", "generator", "sample"], capture_output=True, text=True)
    assert result.returncode == 2 and "thiếu các tham số bắt buộc: --out" in result.stderr


def test_a_file_name_or_a_value_cannot_forge_a_report_line_or_a_workflow_command(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    units = tmp_path / "catalog" / "units"
    text = (units / "ubnd-xa-an-binh.yaml").read_text(encoding="utf-8")
    forged = text.replace('phone: "0200 0000 003"', 'phone: "chưa có\\n::error file=catalog/site.yaml::giả\\Lcatalog/site.yaml:1:1: giả"')
    assert forged != text
    (units / "ubnd-xa-an-binh.yaml").write_text(forged, encoding="utf-8")
    (units / "x\n::error file=site.yaml,line=1::giả\r.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert main(["validate", "--no-review"]) == 1
    lines = capsys.readouterr().out.splitlines()  # every kind of line break, U+2028 included
    assert lines and all(re.fullmatch(r"catalog/.+?:\d+:\d+: .+", line) for line in lines), lines
    assert any(line.startswith("catalog/units/x\\n::error file=site.yaml,line=1::giả\\r.yaml:") for line in lines)
    assert any('"chưa có\\n::error file=catalog/site.yaml::giả\\u2028catalog/site.yaml:1:1: giả"' in line for line in lines)

    assert main(["validate", "--no-review", "--format", "github"]) == 1
    annotations = capsys.readouterr().out.splitlines()
    assert len(annotations) == len(lines)
    assert all(re.fullmatch(r"::(error|warning) file=[^:,]+,line=\d+,col=\d+::.+", line) for line in annotations), annotations
    assert any(line.startswith("::error file=catalog/units/x\\n%3A%3Aerror file=site.yaml%2Cline=1%3A%3Agiả\\r.yaml,") for line in annotations)


def test_validate_and_the_strict_build_agree_on_warnings(tmp_path):
    """A warning of reading (here a bidi override removed from a name) stops a strict build: validate says so too."""
    from conftest import build_site

    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    procedure = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("bản sao từ", "bản sao \u202etừ"), encoding="utf-8")
    built = build_site(tmp_path, tmp_path / "catalog")  # the project's mkdocs.yml: strict: true
    validate = subprocess.run([sys.executable, "-m", "generator", "validate", "--no-review"], cwd=tmp_path, capture_output=True, text=True)
    assert built.returncode != 0 and validate.returncode == 1
    assert "2.000815.yaml:2:7: cảnh báo: đã bỏ 1 ký tự ẩn" in validate.stdout and "chế độ strict" in validate.stderr
    relaxed = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").replace("strict: true", "strict: false")
    (tmp_path / "mkdocs.yml").write_text(relaxed, encoding="utf-8")
    built = build_site(tmp_path, tmp_path / "catalog", strict=False, copy_config=False)
    validate = subprocess.run([sys.executable, "-m", "generator", "validate", "--no-review"], cwd=tmp_path, capture_output=True, text=True)
    assert built.returncode == 0 and validate.returncode == 0
    explicit = subprocess.run([sys.executable, "-m", "generator", "validate", "--no-review", "--strict"], cwd=tmp_path, capture_output=True, text=True)
    assert explicit.returncode == 1
