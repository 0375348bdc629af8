"""`congkhai import procedures`: the national portal's Excel list becomes a file per procedure the catalog lacks.

Workbooks are made here with openpyxl, as the portal exports them: a title
block, then the heading row, then a procedure per row; variants of the
headings (without marks, "Mã thủ tục", other columns, another order) read
the same. The import report is a golden file; `validate` then names exactly
the fields each new file still lacks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, check_golden

GOLDEN = Path(__file__).parent / "golden" / "import"
PORTAL = ["STT", "Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"]
ROWS = [
    ["1.013139", "Thủ tục đăng ký miễn nghĩa vụ quân sự thời chiến", "Bộ Quốc phòng", "Ủy ban nhân dân cấp xã", "Nghĩa vụ quân sự"],
    ["1.000656", "Thủ tục đăng ký khai tử", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "Hộ tịch"],
    ["1.013140", "Thủ tục giải quyết chế độ hưu trí đối với quân nhân trực tiếp tham gia kháng chiến chống Mỹ cứu nước",
     "Bộ Quốc phòng", "Ban chỉ huy quân sự cấp Xã", "Chính sách"],
    ["1.013139", "Thủ tục đăng ký miễn nghĩa vụ quân sự thời chiến", "Bộ Quốc phòng", "Ủy ban nhân dân cấp xã", "Nghĩa vụ quân sự"],
    ["1,01314", "Sai mã", "", "", ""],
]


def _congkhai(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "CONGKHAI_TODAY": "2026-11-01"})


def _workbook(path: Path, heading: list[str], rows: list[list]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["CỔNG DỊCH VỤ CÔNG QUỐC GIA"])
    sheet.append(["DANH SÁCH THỦ TỤC HÀNH CHÍNH"])
    sheet.merge_cells("A2:F2")
    sheet.append(["Ngày xuất: 01/11/2026"])
    sheet.append([])
    sheet.append(heading)
    for number, row in enumerate(rows, 1):
        values = [number, *row]
        sheet.append(values)
    sheet.append([])
    sheet.append(["Tổng số: 5 thủ tục"])
    book.save(path)
    return path


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    return tmp_path


def test_the_portal_list_writes_what_it_says_and_validate_names_the_rest(site, update_goldens):
    source = _workbook(site / "danh-sach.xlsx", PORTAL, ROWS)
    result = _congkhai("import", "procedures", str(source), "--owner", "ubnd-xa-vinh-bao", cwd=site)
    assert result.returncode == 0, result.stderr
    check_golden(GOLDEN / "procedures.txt", result.stdout, update_goldens)

    folder = site / "catalog" / "procedures" / "ubnd-xa-vinh-bao"
    made = yaml.safe_load((folder / "1.013139.yaml").read_text(encoding="utf-8"))
    assert made == {"code": "1.013139", "name": "Thủ tục đăng ký miễn nghĩa vụ quân sự thời chiến", "owner": "ubnd-xa-vinh-bao",
                    "field": "nghia-vu-quan-su", "implementing": {"kinds": ["ubnd-xa"]}}
    other = (folder / "1.013140.yaml").read_text(encoding="utf-8")
    assert "“Chính sách”" in other and "“Ban chỉ huy quân sự cấp Xã”" in other and "field:" not in other.replace("# field:", "")
    assert not (folder / "1.000656.yaml").exists()  # the catalog has it, under so-tu-phap
    validate = _congkhai("validate", "--no-review", "--all", cwd=site)
    missing = {}
    for line in validate.stdout.splitlines():
        path, _, message = line.partition(": ")
        if "thiếu trường bắt buộc" in message:
            missing.setdefault(path.rsplit("/", 1)[1].split(":")[0], []).append(message.split('"')[1])
    assert missing == {
        "1.013139.yaml": ["channels", "documents", "legal_basis", "levels", "requirements", "result", "steps"],
        "1.013140.yaml": ["channels", "documents", "field", "implementing", "legal_basis", "levels", "requirements", "result", "steps"],
    }


def test_heading_variants_extra_columns_another_order_and_codes_typed_as_numbers(site, update_goldens):
    heading = ["Số thứ tự", "Ten thu tuc", "Ma thu tuc", "Linh vuc", "Cấp thực hiện", "Ghi chú", "Co quan thuc hien"]
    rows = [["Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", 1.00488, "Hộ tịch", "Cấp Xã", "Mới", "UBND xã Vĩnh Hải"],
            ["Thủ tục đăng ký giám hộ", "1.000775", "Hộ tịch", "Cấp Tỉnh, Cấp Xã", "", "Sở Tư pháp thành phố Hải Phòng"]]
    source = _workbook(site / "ds.xlsx", heading, rows)
    result = _congkhai("import", "procedures", str(source), "--owner", "ubnd-xa-vinh-hai", cwd=site)
    assert result.returncode == 0, result.stderr
    check_golden(GOLDEN / "procedures-variants.txt", result.stdout, update_goldens)
    folder = site / "catalog" / "procedures" / "ubnd-xa-vinh-hai"
    first = yaml.safe_load((folder / "1.004880.yaml").read_text(encoding="utf-8"))
    assert (first["code"], first["field"], first["levels"], first["implementing"]) == (
        "1.004880", "ho-tich", ["xa"], {"units": ["ubnd-xa-vinh-hai"]})
    second = yaml.safe_load((folder / "1.000775.yaml").read_text(encoding="utf-8"))
    assert (second["levels"], second["implementing"]) == (["tinh", "xa"], {"units": ["so-tu-phap"]})


def test_a_list_without_the_heading_row_writes_nothing(site):
    source = _workbook(site / "khac.xlsx", ["Họ tên", "Địa chỉ"], [["Nguyễn Văn A", "Hải Phòng"]])
    result = _congkhai("import", "procedures", str(source), "--owner", "ubnd-xa-vinh-bao", cwd=site)
    assert result.returncode == 1 and "không tìm thấy dòng tiêu đề" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [b"", b"Ma so,Ten\n1.000001,x\n", b"PK\x03\x04hong"])
def test_a_file_that_is_not_a_workbook_gives_one_line(site, content):
    (site / "hong.xlsx").write_bytes(content)
    result = _congkhai("import", "procedures", str(site / "hong.xlsx"), "--owner", "ubnd-xa-vinh-bao", cwd=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "hong.xlsx" in result.stderr


def test_a_word_file_given_as_a_workbook_gives_one_line(site):
    import docx
    docx.Document().save(site / "van-ban.xlsx")
    result = _congkhai("import", "procedures", str(site / "van-ban.xlsx"), "--owner", "ubnd-xa-vinh-bao", cwd=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("không đọc được tệp Excel — tệp bị hỏng, hoặc không phải bảng tính .xlsx")


def test_text_from_the_workbook_stays_inside_its_values_and_comments(site):
    rows = [["1.099999", 'Tên"\nowner: so-tu-phap', "Bộ\nfield: ho-tich", "x\n# y", "Lĩnh vực\nlevels: [tinh]"]]
    source = _workbook(site / "la.xlsx", PORTAL, rows)
    result = _congkhai("import", "procedures", str(source), "--owner", "ubnd-xa-vinh-bao", cwd=site)
    assert result.returncode == 0, result.stderr
    made = yaml.safe_load((site / "catalog" / "procedures" / "ubnd-xa-vinh-bao" / "1.099999.yaml").read_text(encoding="utf-8"))
    assert made == {"code": "1.099999", "name": 'Tên" owner: so-tu-phap', "owner": "ubnd-xa-vinh-bao"}
