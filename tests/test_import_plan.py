"""`congkhai import plan`: the Word files of seeds 000, 001 and 004 import to the sample's transcriptions of them.

The Word files are made here with python-docx from the seeds' appendix tables
(tests/seed_docx.py says exactly how). Each is imported into a copy of the
sample catalog from which the sample's own transcription of that plan was
removed; the imported file is then compared with the transcription task by
task: the same task ids in the same order, and for each task its number,
section, content, lead and partners (each party's text, and its unit id where
one is given), time_text, start_text, end_text, output and legal_basis —
every string as written, but for the final line break of a YAML block
scalar. The plan's sections are compared by id. The import report is a
golden file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, check_golden
from seed_docx import write_000_docx, write_tab_docx

GOLDEN = Path(__file__).parent / "golden" / "import"
SEEDS = {  # seed → (owner, issuer, the sample's transcription)
    "000": ("vp-ubnd-tp", "ubnd-tp-hai-phong", "kh-10-2022-ubnd-tp"),
    "001": ("vp-hdnd-ubnd-huyen-vinh-bao", "ubnd-huyen-vinh-bao", "kh-2024-ubnd-huyen-vinh-bao"),
    "004": ("so-khcn", "so-khcn", "kh-2024-so-khcn"),
}
COMPARED = ("number", "section", "content", "lead", "partners", "time_text", "start_text", "end_text", "output", "legal_basis")


def _congkhai(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "CONGKHAI_TODAY": "2026-11-01"})


def _site(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    return tmp_path


def _task(task: dict) -> dict:
    return {key: (value.rstrip("\n") if isinstance(value, str) else value) for key, value in task.items() if key in COMPARED}


@pytest.mark.parametrize("seed", list(SEEDS))
def test_a_seed_plan_imports_to_the_same_tasks_as_the_sample(tmp_path, seed, update_goldens):
    owner, issuer, plan_id = SEEDS[seed]
    site = _site(tmp_path)
    sample = ROOT / "catalog" / "plans" / owner / f"{plan_id}.yaml"
    (site / "catalog" / "plans" / owner / f"{plan_id}.yaml").unlink()
    for report in (site / "catalog" / "reports").glob(f"*/{plan_id}.yaml"):
        report.unlink()  # reports on a plan come after it: the plan is imported first
    source = tmp_path / f"ke-hoach-{seed}.docx"
    heading = ["PHỤ LỤC", "DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", "(Kèm theo Kế hoạch)"]
    write_000_docx(source, heading) if seed == "000" else write_tab_docx(source, seed, heading)

    result = _congkhai("import", "plan", str(source), "--owner", owner, "--issuer", issuer, "--id", plan_id,
                       "--number", "10/KH-UBND", "--title", "Kế hoạch kiểm soát thủ tục hành chính", "--year", "2024", cwd=site)
    assert result.returncode == 0, result.stderr
    check_golden(GOLDEN / f"plan-{seed}.txt", result.stdout, update_goldens)

    got = yaml.safe_load((site / "catalog" / "plans" / owner / f"{plan_id}.yaml").read_text(encoding="utf-8"))
    want = yaml.safe_load(sample.read_text(encoding="utf-8"))
    assert [t["id"] for t in got["tasks"]] == [t["id"] for t in want["tasks"]]
    for mine, theirs in zip(got["tasks"], want["tasks"]):
        assert _task(mine) == _task(theirs), mine["id"]
    assert [s["id"] for s in got["sections"]] == [s["id"] for s in want["sections"]]
    assert "Tệp hợp lệ" in result.stdout  # the catalog with the imported plan passes validate
    assert _congkhai("validate", "--no-review", cwd=site).returncode == 0


def test_seed_000_has_51_tasks_in_11_sections(tmp_path):
    site = _site(tmp_path)
    source = write_000_docx(tmp_path / "kh.docx", [])
    result = _congkhai("import", "plan", str(source), "--owner", "vp-ubnd-tp", "--id", "kh-nhap", cwd=site)
    assert result.returncode == 0 and "51 nhiệm vụ trong 11 mục" in result.stdout, result.stdout + result.stderr


def test_what_the_document_does_not_say_is_left_to_complete_and_validate_names_it(tmp_path):
    """No number, title nor year in the document or the options: the file says CẦN BỔ SUNG, validate says what is missing."""
    site = _site(tmp_path)
    source = write_tab_docx(tmp_path / "kh.docx", "004", [])
    result = _congkhai("import", "plan", str(source), "--owner", "so-khcn", cwd=site)
    assert result.returncode == 0, result.stderr
    text = (site / "catalog" / "plans" / "so-khcn" / "kh-so-khcn.yaml").read_text(encoding="utf-8")
    assert '# number: ""  # CẦN BỔ SUNG' in text and '# year: ""  # CẦN BỔ SUNG' in text
    validate = _congkhai("validate", "--no-review", cwd=site)
    assert validate.returncode == 1
    missing = sorted(line.split('"')[1] for line in validate.stdout.splitlines() if "thiếu trường bắt buộc" in line)
    assert missing == ["issuer", "number", "title", "year"], validate.stdout


def test_the_first_lines_of_the_document_give_the_plan_its_number_date_title_and_issuer(tmp_path):
    site = _site(tmp_path)
    before = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 10/KH-UBND",
              "Hải Phòng, ngày 19 tháng 01 năm 2022", "KẾ HOẠCH",
              "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022 TRÊN ĐỊA BÀN THÀNH PHỐ HẢI PHÒNG"]
    source = write_000_docx(tmp_path / "kh.docx", before)
    result = _congkhai("import", "plan", str(source), "--owner", "vp-ubnd-tp", cwd=site)
    assert result.returncode == 0, result.stderr
    plan = yaml.safe_load((site / "catalog" / "plans" / "vp-ubnd-tp" / "kh-2022-vp-ubnd-tp.yaml").read_text(encoding="utf-8"))
    assert (plan["number"], plan["date"], plan["date_text"], plan["year"], plan["issuer"]) == (
        "10/KH-UBND", "2022-01-19", "ngày 19 tháng 01 năm 2022", "2022", "ubnd-tp-hai-phong")
    assert plan["title"] == before[-1]


def test_an_existing_plan_is_never_written_over(tmp_path):
    site = _site(tmp_path)
    source = write_tab_docx(tmp_path / "kh.docx", "004", [])
    target = site / "catalog" / "plans" / "so-khcn" / "kh-2024-so-khcn.yaml"
    before = target.read_bytes()
    result = _congkhai("import", "plan", str(source), "--owner", "so-khcn", "--id", "kh-2024-so-khcn", cwd=site)
    assert result.returncode == 2 and "không ghi đè" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"not a word file", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_word_document_gives_one_line(tmp_path, content):
    site = _site(tmp_path)
    (tmp_path / "hong.docx").write_bytes(content)
    result = _congkhai("import", "plan", str(tmp_path / "hong.docx"), "--owner", "so-khcn", cwd=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "hong.docx" in result.stderr
    assert not list((site / "catalog" / "plans" / "so-khcn").glob("kh-so-khcn*"))


def test_a_damaged_package_and_a_workbook_given_as_a_plan_give_one_line(tmp_path):
    site = _site(tmp_path)
    with zipfile.ZipFile(tmp_path / "rong.docx", "w") as archive:
        archive.writestr("word/document.xml", "<không phải xml")
    import openpyxl
    openpyxl.Workbook().save(tmp_path / "bang.docx")
    for name in ("rong.docx", "bang.docx"):
        result = _congkhai("import", "plan", str(tmp_path / name), "--owner", "so-khcn", cwd=site)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.strip().endswith("không đọc được tệp Word — tệp bị hỏng, hoặc không phải văn bản .docx")


def test_text_from_the_document_cannot_forge_a_report_line_nor_a_yaml_key(tmp_path):
    import docx

    site = _site(tmp_path)
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nội dung", "Chủ trì", "Phối hợp"]):
        cell.text = text
    row = table.rows[1].cells
    row[0].text, row[1].text = "1", 'Nội dung"\nid: gia\n  - x: "y'
    row[2].text, row[3].text = "Đơn vị lạ\u2028catalog/site.yaml:1:1: giả", "Sở Tư pháp"
    document.save(tmp_path / "la.docx")
    result = _congkhai("import", "plan", str(tmp_path / "la.docx"), "--owner", "so-khcn", "--id", "kh-la", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not any(line.startswith("catalog/site.yaml") for line in result.stdout.splitlines())
    plan = yaml.safe_load((site / "catalog" / "plans" / "so-khcn" / "kh-la.yaml").read_text(encoding="utf-8"))
    assert plan["id"] == "kh-la" and plan["tasks"][0]["content"] == 'Nội dung"\nid: gia\n- x: "y'
