"""`congkhai new` in a terminal: each answer checked as typed, a wrong one asked again alone, choices listed and picked
by number or by name; a refused run leaves no file and no folder behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import terminal
from conftest import ROOT, TODAY
from generator.cli.wizard import write_checked

ENV = dict(os.environ, CONGKHAI_TODAY=TODAY, PYTHONPATH=str(ROOT), PYTHONUTF8="1")


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    shutil.copytree(ROOT / "generator" / "schemas", tmp_path / "schemas")
    return tmp_path


def converse(args: list[str], cwd: Path, answers: list[tuple[str, int, str]]) -> tuple[int, str]:
    return terminal.converse(args, answers, ENV, cwd)


CODE, NAME, OWNER, FIELD = "Mã thủ tục (ví dụ 1.001193): ", "Tên thủ tục, đúng như quyết định công bố: ", \
    "Đơn vị cập nhật (đơn vị của bạn): ", "Lĩnh vực: "
LEVELS, KINDS = "Cấp thực hiện (một hoặc nhiều, cách nhau bằng dấu phẩy): ", "Mọi đơn vị loại nào cùng thực hiện? (để trống: chỉ đơn vị cập nhật): "
STEP, CHANNEL, TIME = "Trình tự thực hiện — dòng ", "  Cách thức nộp: ", "  Thời hạn giải quyết, như trong quyết định (ví dụ 05 ngày làm việc): "
FEE, DOCUMENT = '  Phí, lệ phí (nếu không thu, ghi "Không thu phí, lệ phí"): ', "  Tên giấy tờ: "
ORIGINALS, COPIES = "  Số bản chính (chữ số; để trống nếu quyết định không ghi): ", "  Số bản sao (chữ số; để trống nếu quyết định không ghi): "
FORM, RESULT = "  Mẫu đơn, tờ khai kèm theo (để trống nếu không có): ", "Kết quả thực hiện: "
REQUIREMENTS = 'Yêu cầu, điều kiện thực hiện (nếu không có, ghi "Không có yêu cầu, điều kiện."): '
LEGAL = "Căn cứ pháp lý — dòng "


def test_a_procedure_with_mistakes_asks_again_only_what_was_wrong(site):
    code, output = converse(["new", "procedure"], site, [
        (CODE, 1, "1,013139"),              # a comma for the point
        (CODE, 2, "1.000656"),              # a code the catalog has
        (CODE, 3, "1.013139"),
        (NAME, 1, "Thủ tục đăng ký miễn nghĩa vụ quân sự thời chiến"),
        (OWNER, 1, "xa vinh"),              # six communes match
        (OWNER, 2, "ubnd xa vinh bao"),     # without marks
        (FIELD, 1, "so-tu-phap"),           # a unit's id, not a field's
        (FIELD, 2, "nghia vu quan su"),
        (LEVELS, 1, "2"),                   # by number
        (KINDS, 1, "ubnd xa"),
        (STEP + "1: ", 1, "Cơ quan, tổ chức nơi công dân công tác cử đại diện đến Ban Chỉ huy quân sự cấp xã."),
        (STEP + "2: ", 1, ""),
        (CHANNEL, 1, "truc tiep"), (TIME, 1, "1 Ngày làm việc"), (FEE, 1, "Phí : 0 Đồng"),
        (CHANNEL, 2, "2"), (TIME, 2, "02 Giờ"), (FEE, 2, "Phí : 0 Đồng"),
        (CHANNEL, 3, ""),
        (DOCUMENT, 1, "Quyết định bổ nhiệm chức vụ"), (ORIGINALS, 1, "một"), (ORIGINALS, 2, "1"), (COPIES, 1, "1"), (FORM, 1, ""),
        (DOCUMENT, 2, "Tờ khai"), (ORIGINALS, 3, "1"), (COPIES, 2, ""), (FORM, 2, "Mẫu số 01"),
        (DOCUMENT, 3, ""),
        (RESULT, 1, "Đăng ký miễn gọi nhập ngũ trong thời chiến cho công dân"),
        (REQUIREMENTS, 1, "Không"),
        (LEGAL + "1: ", 1, "Luật Nghĩa vụ quân sự số 78/2015/QH13"),
        (LEGAL + "2: ", 1, ""),
    ])
    assert code == 0, output
    # nothing asked again but the wrong answers, and each of those once per mistake
    asked = {CODE: 3, NAME: 1, OWNER: 2, FIELD: 2, LEVELS: 1, KINDS: 1, STEP + "1: ": 1, STEP + "2: ": 1, CHANNEL: 3, TIME: 2,
             FEE: 2, DOCUMENT: 3, ORIGINALS: 3, COPIES: 2, FORM: 2, RESULT: 1, REQUIREMENTS: 1, LEGAL + "1: ": 1, LEGAL + "2: ": 1}
    assert {prompt: output.count(prompt) for prompt in asked} == asked, output
    assert 'có phải ý bạn là "1.013139"?' in output
    assert 'mã thủ tục "1.000656" đã có trong danh mục (catalog/procedures/so-tu-phap/1.000656.yaml)' in output
    assert '"xa vinh" khớp với 6 đơn vị' in output and "12) UBND xã Vĩnh Bảo" in output
    assert 'không có lĩnh vực nào mang mã "so-tu-phap"' in output
    assert "   12. Nghĩa vụ quân sự (nghia-vu-quan-su)" in output  # the fields are listed with their names
    assert '"một" không đúng dạng — hãy ghi số bản bằng chữ số' in output
    assert "Traceback" not in output

    path = site / "catalog" / "procedures" / "ubnd-xa-vinh-bao" / "1.013139.yaml"
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written["field"] == "nghia-vu-quan-su" and written["levels"] == ["xa"] and written["implementing"] == {"kinds": ["ubnd-xa"]}
    assert written["channels"] == [{"kind": "truc-tiep", "time": "1 Ngày làm việc", "fee": "Phí : 0 Đồng"},
                                   {"kind": "truc-tuyen", "time": "02 Giờ", "fee": "Phí : 0 Đồng"}]
    assert written["documents"] == [{"name": "Quyết định bổ nhiệm chức vụ", "originals": "1", "copies": "1"},
                                    {"name": "Tờ khai", "originals": "1", "form": "Mẫu số 01"}]
    assert written["forms"] == [{"name": "Mẫu số 01"}]
    assert written["legal_basis"] == ["Luật Nghĩa vụ quân sự số 78/2015/QH13"]
    assert subprocess.run([sys.executable, "-m", "generator", "validate", "--no-review"], cwd=site, env=ENV).returncode == 0


def test_a_procedure_without_documents_says_so_in_its_own_words(site):
    code, output = converse(["new", "procedure", "--code", "1.013139", "--name", "Thủ tục thử", "--owner", "ubnd-xa-vinh-hai",
                             "--field", "nghia-vu-quan-su", "--level", "xa", "--step", "Bước 1.", "--channel",
                             "truc-tiep | 1 Ngày làm việc | Không thu phí", "--result", "Kết quả", "--requirements", "Không",
                             "--legal-basis", "Luật"], site, [("Mọi đơn vị loại nào", 1, ""), (DOCUMENT, 1, "không")])
    assert code == 0, output
    text = (site / "catalog" / "procedures" / "ubnd-xa-vinh-hai" / "1.013139.yaml").read_text(encoding="utf-8")
    assert 'documents: {none: "Không phải nộp hồ sơ."}' in text
    assert CODE not in output and OWNER not in output  # given as options: not asked


def test_end_of_input_at_a_question_writes_nothing(site):
    before = sorted(p.relative_to(site) for p in (site / "catalog").rglob("*"))
    code, output = converse(["new", "unit"], site, [("Mã đơn vị (", 1, "ubnd-xa-moi"), ("Tên đầy đủ của đơn vị: ", 1, "\x04")])
    assert code == 2 and "Đã dừng — chưa viết tệp nào." in output and "Traceback" not in output
    assert sorted(p.relative_to(site) for p in (site / "catalog").rglob("*")) == before


def test_a_plan_lists_the_units_that_may_issue_it(site):
    code, output = converse(["new", "plan", "--id", "kh-2026-xa-vinh-hai", "--number", "01/KH-UBND", "--title", "Kế hoạch",
                             "--year", "2026", "--owner", "ubnd-xa-vinh-hai", "--section", "CHỈ ĐẠO", "--task", "Xây dựng kế hoạch.",
                             "--lead-text", "UBND xã"], site, [("Cơ quan ban hành (đơn vị này hoặc đơn vị cấp trên): ", 1, "so tu phap"),
                                                                ("Cơ quan ban hành (đơn vị này hoặc đơn vị cấp trên): ", 2, "1")])
    assert code == 0, output
    listed = output.split("Cơ quan ban hành")[1]
    assert "UBND thành phố Hải Phòng (ubnd-tp-hai-phong)" in listed and "UBND xã Vĩnh Hải (ubnd-xa-vinh-hai)" in listed
    assert "Sở Tư pháp" not in listed.split(": so tu phap")[0]  # only the unit and the units above it


def test_wrong_options_without_a_terminal_write_no_file_and_no_folder(site):
    """The issue's run: a name for the unit's id and a comma in the code used to leave catalog/procedures/UBND xã Vĩnh Bảo/."""
    result = subprocess.run([sys.executable, "-m", "generator", "new", "procedure", "--code", "1,004837", "--name", "Thử",
                             "--owner", "UBND xã Vĩnh Hải", "--field", "so-tu-phap", "--level", "xa", "--step", "B1",
                             "--channel", "truc-tiep | 1 ngày | Không thu", "--result", "R", "--document", "không",
                             "--requirements", "Không", "--legal-basis", "Luật"], cwd=site, env=ENV, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        '--code: "1,004837" không đúng dạng — mã thủ tục quốc gia gồm một chữ số, dấu chấm và sáu chữ số, ví dụ "1.001193" '
        '(nên đặt trong dấu nháy kép) — có phải ý bạn là "1.004837"?',
        '--field: không có lĩnh vực nào mang mã "so-tu-phap" — hãy ghi mã lĩnh vực như trong danh mục, '
        'hoặc chạy lệnh trong cửa sổ lệnh để chọn trong danh sách',
    ]
    assert not (site / "catalog" / "procedures" / "ubnd-xa-vinh-hai").exists()
    assert not any(" " in p.name for p in (site / "catalog" / "procedures").iterdir())


def test_a_file_the_catalog_refuses_is_removed_with_every_folder_made_for_it(site, capsys):
    path = site / "catalog" / "internal" / "ubnd-xa-vinh-hai" / "nb-thu.yaml"
    text = "id: nb-thu\nname: Thử\nowner: ubnd-xa-vinh-bao\nsteps: [Bước 1.]\n"  # owner is not the folder's unit
    old = os.getcwd()
    os.chdir(site)
    try:
        assert write_checked(Path("catalog/internal/ubnd-xa-vinh-hai/nb-thu.yaml"), text, Path("catalog")) == 1
    finally:
        os.chdir(old)
    assert not path.exists() and not path.parent.exists()
    assert (site / "catalog" / "internal").is_dir()  # what was there before stays
    assert 'owner "ubnd-xa-vinh-bao" khác thư mục "ubnd-xa-vinh-hai"' in capsys.readouterr().out
