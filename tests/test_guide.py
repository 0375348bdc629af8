"""The contributor guide runs: every command of its code blocks, in order, as written, on a copy of the sample site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TODAY

GUIDE = ROOT / "content" / "huong-dan-dong-gop.md"


def commands(markdown: str) -> list[str]:
    """The commands of the ```sh blocks, a line ending in "\\" joined with the next."""
    found = []
    for block in re.findall(r"^( *)```sh\n(.*?)^\1```", markdown, re.M | re.S):
        text = re.sub(r"\\\n\s*", " ", block[1])
        found += [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return found


@pytest.fixture
def sample(tmp_path) -> Path:
    """A copy of the sample site, a `congkhai` that runs this checkout, and the files a clerk would have at hand."""
    for name in ("catalog", "content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    (bin_dir / "congkhai").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m generator "$@"\n', encoding="utf-8")
    (bin_dir / "congkhai").chmod(0o755)
    _plan_docx(tmp_path / "ke-hoach-2025.docx")
    _portal_xlsx(tmp_path / "danh-sach-thu-tuc.xlsx")
    return tmp_path


def _plan_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/KH-UBND",
                 "Hải Phòng, ngày 10 tháng 01 năm 2025", "KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2025"):
        document.add_paragraph(text)
    rows = [("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"),
            ("I", "CÔNG TÁC CHỈ ĐẠO", "", "", "", ""),
            ("1", "Xây dựng Kế hoạch kiểm soát TTHC năm 2025", "Văn phòng Ủy ban nhân dân thành phố", "Sở, ban, ngành",
             "Tháng 01/2025", "Kế hoạch")]
    table = document.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(1, 5))
    document.save(path)


def _portal_xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["DANH SÁCH THỦ TỤC HÀNH CHÍNH"], [], ["STT", "Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"],
                [1, "1.013135", "Thủ tục đăng ký phục vụ trong ngạch dự bị", "Bộ Quốc phòng", "Ủy ban nhân dân cấp xã", "Nghĩa vụ quân sự"],
                [2, "1.013137", "Thủ tục đăng ký nghĩa vụ quân sự chuyển đến", "Bộ Quốc phòng", "Ủy ban nhân dân cấp xã", "Nghĩa vụ quân sự"]):
        sheet.append(row)
    book.save(path)


def test_the_guide_has_commands_to_run():
    found = commands(GUIDE.read_text(encoding="utf-8"))
    assert [c.split()[1] for c in found] == ["new", "validate", "validate", "import", "import"], found


def test_every_command_of_the_guide_runs_on_the_sample(sample):
    env = dict(os.environ, PATH=f"{sample / '.bin'}{os.pathsep}{os.environ['PATH']}", PYTHONPATH=str(ROOT),
               CONGKHAI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    before = {p.relative_to(sample).as_posix() for p in (sample / "catalog").rglob("*.yaml")}
    for command in commands(GUIDE.read_text(encoding="utf-8")):
        result = subprocess.run(["bash", "-c", command], cwd=sample, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    after = {p.relative_to(sample).as_posix() for p in (sample / "catalog").rglob("*.yaml")}
    assert sorted(after - before) == ["catalog/plans/vp-ubnd-tp/kh-2025-vp-ubnd-tp.yaml",
                                      "catalog/procedures/ubnd-xa-vinh-bao/1.013139.yaml"]  # the list's two procedures: already there
    procedure = yaml.safe_load((sample / "catalog" / "procedures" / "ubnd-xa-vinh-bao" / "1.013139.yaml").read_text(encoding="utf-8"))
    assert procedure["implementing"] == {"kinds": ["ubnd-xa"]} and procedure["documents"][0]["copies"] == "1"
    plan = yaml.safe_load((sample / "catalog" / "plans" / "vp-ubnd-tp" / "kh-2025-vp-ubnd-tp.yaml").read_text(encoding="utf-8"))
    assert plan["number"] == "05/KH-UBND" and plan["tasks"][0]["lead"] == [{"text": "Văn phòng Ủy ban nhân dân thành phố",
                                                                           "unit": "vp-ubnd-tp"}]


def test_the_guides_example_names_a_unit_the_sample_has_and_a_code_it_lacks():
    text = GUIDE.read_text(encoding="utf-8")
    new = next(c for c in commands(text) if c.startswith("congkhai new procedure"))
    code, owner = re.search(r"--code (\S+)", new).group(1), re.search(r"--owner (\S+)", new).group(1)
    assert (ROOT / "catalog" / "units" / f"{owner}.yaml").is_file()
    assert not list((ROOT / "catalog" / "procedures").glob(f"*/{code}.yaml"))
    assert f"/thu-tuc/{code}/" in text and f"catalog/procedures/{owner}/{code}.yaml" in text
