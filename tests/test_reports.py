"""Progress reports (catalog/reports/<unit>/<plan>.yaml) and targets: loading, the checks across files,
overdue at the build date, ownership, `congkhai new report` and `congkhai sample --reports`.
The exact messages of the refused files are goldens in tests/bad/160-170."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import terminal
from conftest import FIXTURES, ROOT, TODAY
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.catalog.models import Party, Task, Unit
from generator.catalog.owners import codeowners
from generator.catalog.report_checks import may_report
from generator.catalog.report_models import period_bounds, period_label
from generator.cli.synthetic import write_catalog
from generator.pages.progress import NOT_REPORTED, days_late, track
from generator.text.timeexpr import Span

ENV = dict(os.environ, CONGKHAI_TODAY=TODAY, PYTHONPATH=str(ROOT), PYTHONUTF8="1")
PLAN = "kh-2025-so-tu-phap"


@pytest.fixture
def mini(tmp_path) -> Path:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    (tmp_path / ".git").mkdir()
    return catalog


def _report(catalog: Path, unit: str, body: str, plan: str = PLAN) -> Path:
    path = catalog / "reports" / unit / f"{plan}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"plan: {plan}\nunit: {unit}\n{body}", encoding="utf-8")
    return path


def _add_task(catalog: Path, text: str) -> None:
    path = catalog / "plans" / "so-tu-phap" / f"{PLAN}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_sample_reports_and_targets_load():
    catalog = load_catalog(ROOT / "catalog", ROOT)
    vinh_bao = catalog.reports["vp-hdnd-ubnd-huyen-vinh-bao/kh-2024-ubnd-huyen-vinh-bao"]
    assert vinh_bao.illustrative and len(vinh_bao.reports) == 9 and len(vinh_bao.actuals) == 12
    assert vinh_bao.actuals[3].value == "78,5" and vinh_bao.actuals[3].number == 78.5  # the text typed, read as a number
    task = next(t for t in catalog.plans["kh-2024-ubnd-huyen-vinh-bao"].tasks if t.id == "III.1.1")
    assert [(t.id, t.target, t.higher_is_better) for t in task.targets] == [("ty-le-so-hoa-ho-so", "80", True)]
    assert "tối thiểu 80% số hóa" in task.targets[0].text  # the plan's own words
    khcn = {t.id for task in catalog.plans["kh-2024-so-khcn"].tasks for t in task.targets}
    assert khcn == {"ty-le-toan-trinh", "muc-do-hai-long"}


def test_a_good_report_passes_and_keeps_what_was_typed(mini):
    _report(mini, "so-tu-phap", 'reports:\n  - task: "I.1"\n    period: 2025-Q1\n    status: hoan-thanh\n    done_on: 2025-03-20\n'
                                '    evidence:\n      - {document: "Báo cáo số 12/BC-STP", date: 2025-03-20, url: "https://stp.example.vn/bc-12"}\n')
    catalog = load_catalog(mini, mini.parent)
    report = catalog.reports[f"so-tu-phap/{PLAN}"].reports[0]
    assert (report.task, report.period, report.status, report.done_on) == ("I.1", "2025-Q1", "hoan-thanh", "2025-03-20")
    assert report.evidence[0].url == "https://stp.example.vn/bc-12" and not report.illustrative


def test_a_partner_and_a_unit_under_a_named_one_may_report_others_may_not():
    units = {"tinh": Unit("tinh", "Tỉnh", "ubnd-tinh", "tinh"), "so": Unit("so", "Sở", "so", "tinh", parent="tinh"),
             "vp-so": Unit("vp-so", "Văn phòng Sở", "van-phong", "tinh", parent="so"),
             "cu": Unit("cu", "Huyện cũ", "ubnd-huyen", "huyen", valid_to="2025-06-30", successors=("moi",)),
             "moi": Unit("moi", "Xã mới", "ubnd-xa", "xa"), "khac": Unit("khac", "Khác", "so", "tinh", parent="tinh")}
    task = Task("1", "I", "Việc", lead=(Party("Sở", "so"),), partners=(Party("Huyện", "cu"), Party("Các phòng")))
    assert may_report("so", task, units) and may_report("vp-so", task, units)  # a unit of the lead reports for it
    assert may_report("cu", task, units) and may_report("moi", task, units)  # a partner, and the unit that succeeded it
    assert not may_report("khac", task, units) and not may_report("tinh", task, units)  # the parent is not named


def test_reports_are_refused_by_the_checks(mini):
    _report(mini, "ubnd-xa-an-binh", 'reports:\n  - {task: "I.1", period: 2025-Q2, status: dang-thuc-hien}\n')
    _report(mini, "so-tu-phap", 'reports:\n  - {task: "I.7", period: 2025-Q2, status: dang-thuc-hien}\n')
    with pytest.raises(CatalogError) as caught:
        load_catalog(mini, mini.parent)
    messages = [(p.path, p.line, p.message.split(" — ")[0]) for p in caught.value.problems]
    assert messages == [
        (f"catalog/reports/so-tu-phap/{PLAN}.yaml", 4, f'task: kế hoạch "{PLAN}" không có nhiệm vụ nào mang mã "I.7"'),
        (f"catalog/reports/ubnd-xa-an-binh/{PLAN}.yaml", 4, 'đơn vị "ubnd-xa-an-binh" không chủ trì cũng không phối hợp nhiệm vụ "I.1"'),
    ]


@pytest.mark.parametrize(("period", "first", "last", "label"), [
    ("2024-Q1", "2024-01-01", "2024-03-31", "Quý I/2024"), ("2024-Q4", "2024-10-01", "2024-12-31", "Quý IV/2024"),
    ("2024-02", "2024-02-01", "2024-02-29", "Tháng 02/2024"), ("2023", "2023-01-01", "2023-12-31", "Năm 2023")])
def test_periods(period, first, last, label):
    assert period_bounds(period) == (first, last) and period_label(period) == label


def test_days_late():
    span = Span("quarter", "2025-01-01", "2025-03-31")
    assert days_late(span, "dang-thuc-hien", "2025-04-10") == 10
    assert days_late(span, NOT_REPORTED, "2025-04-01") == 1
    assert days_late(span, "hoan-thanh", "2025-04-10") is None  # done: never late
    assert days_late(span, "dang-thuc-hien", "2025-03-31") is None  # the last day is not late yet
    assert days_late(Span("ongoing"), NOT_REPORTED, "2030-01-01") is None  # "Thường xuyên" has no end


def test_overdue_from_the_latest_report_at_the_build_date(mini):
    _add_task(mini, '  - {id: I.2, section: I, content: "Việc thường xuyên", lead: [{text: "Sở Tư pháp", unit: so-tu-phap}], time_text: "Thường xuyên"}\n'
                    '  - {id: I.3, section: I, content: "Việc có hạn", lead: [{text: "Sở Tư pháp", unit: so-tu-phap}], time_text: "Trước ngày 30/6/2025"}\n'
                    '  - {id: I.4, section: I, content: "Việc đã xong", lead: [{text: "Sở Tư pháp", unit: so-tu-phap}], time_text: "Quý I/2025", status: hoan-thanh}\n')
    _report(mini, "so-tu-phap", 'reports:\n'
            '  - {task: "I.1", period: 2025-Q2, status: hoan-thanh, done_on: 2025-04-20}\n'
            '  - {task: "I.1", period: 2025-Q1, status: dang-thuc-hien}\n'  # an older period, written later: the latest period counts
            '  - {task: "I.3", period: 2025-Q1, status: dang-thuc-hien}\n')
    catalog = load_catalog(mini, mini.parent)
    items = {item.task.id: item for item in track(catalog, "2025-07-10").tasks[PLAN]}
    assert (items["I.1"].status, items["I.1"].overdue) == ("hoan-thanh", False)
    assert (items["I.2"].status, items["I.2"].overdue) == (NOT_REPORTED, False)  # no end: never overdue
    assert (items["I.3"].status, items["I.3"].days_late) == ("dang-thuc-hien", 10)
    assert (items["I.4"].status, items["I.4"].from_plan, items["I.4"].overdue) == ("hoan-thanh", True, False)  # the plan's own status
    before = {item.task.id: item for item in track(catalog, "2025-06-30").tasks[PLAN]}
    assert not before["I.3"].overdue  # on its last day it is not late
    unit = track(catalog, "2025-07-10").of_unit["so-tu-phap"]
    assert [item.task.id for item in unit][0] == "I.3"  # overdue first on the unit's page


def test_a_task_not_reported_is_overdue_once_its_end_has_passed(mini):
    catalog = load_catalog(mini, mini.parent)
    (item,) = track(catalog, "2025-04-01").tasks[PLAN]
    assert (item.status, item.days_late) == (NOT_REPORTED, 1)
    assert track(catalog, "2025-04-01").counts(PLAN) == {"chua-thuc-hien": 0, "dang-thuc-hien": 0, "hoan-thanh": 0, "tam-dung": 0,
                                                           NOT_REPORTED: 1, "overdue": 1}


def test_codeowners_give_a_units_reports_to_its_maintainers():
    catalog = load_catalog(ROOT / "catalog", ROOT)
    lines = codeowners(catalog).splitlines()
    unit = catalog.units["vp-ubnd-tp"]
    assert f"/catalog/reports/vp-ubnd-tp/ {' '.join(unit.maintainers)}" in lines


def _new(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "new", "report", *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL)


def test_new_report_writes_a_file_that_validates(tmp_path):
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    shutil.rmtree(tmp_path / "catalog" / "reports" / "van-phong-so-khcn")
    result = _new(tmp_path, "--unit", "van-phong-so-khcn", "--plan", "kh-2024-so-khcn", "--task-id", "A.7", "--period", "2024-Q3")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "catalog" / "reports" / "van-phong-so-khcn" / "kh-2024-so-khcn.yaml"
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written == {"plan": "kh-2024-so-khcn", "unit": "van-phong-so-khcn",
                       "reports": [{"task": "A.7", "period": "2024-Q3", "status": "dang-thuc-hien"}]}
    assert "# yaml-language-server: $schema=" in path.read_text(encoding="utf-8").splitlines()[0]
    load_catalog(tmp_path / "catalog", tmp_path)


def test_new_report_refuses_a_task_of_another_unit_and_a_period_not_begun(tmp_path):
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    shutil.rmtree(tmp_path / "catalog" / "reports")
    other = _new(tmp_path, "--unit", "so-tu-phap", "--plan", "kh-2024-so-khcn", "--task-id", "A.7", "--period", "2024-Q3")
    assert other.returncode == 1 and 'đơn vị "so-tu-phap" không chủ trì, không phối hợp nhiệm vụ nào' in other.stdout
    coming = _new(tmp_path, "--unit", "van-phong-so-khcn", "--plan", "kh-2024-so-khcn", "--task-id", "A.7", "--period", "2099-Q1")
    assert coming.returncode == 1 and "kỳ 2099-Q1 (Quý I/2099) chưa bắt đầu" in coming.stdout
    assert not (tmp_path / "catalog" / "reports").exists()  # a refused run leaves no folder behind


def test_sample_with_reports_is_valid_and_the_default_unchanged(tmp_path):
    write_catalog(tmp_path / "plain", procedures=60, units=20, today=TODAY)
    write_catalog(tmp_path / "reports", procedures=60, units=20, today=TODAY, reports=True)
    assert not (tmp_path / "plain" / "reports").exists()
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.yaml"))
    for name in plain:  # --reports adds files, changes none
        assert (tmp_path / "reports" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()
    catalog = load_catalog(tmp_path / "reports", tmp_path)
    assert len(catalog.reports) == 3 * 19 and not catalog.warnings  # every unit but the province, for each of three years
    progress = track(catalog, TODAY)
    assert sum(len(f.reports) for f in catalog.reports.values()) > 3 * 19
    assert all(progress.tasks[p] for p in catalog.plans)


def test_new_report_in_a_terminal_lists_only_the_units_tasks(tmp_path):
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    shutil.rmtree(tmp_path / "catalog" / "reports" / "van-phong-so-khcn")
    task = "Nhiệm vụ báo cáo đầu tiên (đơn vị chủ trì hoặc phối hợp): "
    code, output = terminal.converse(["new", "report", "--unit", "van-phong-so-khcn", "--plan", "kh-2024-so-khcn"], [
        (task, 1, "A.99"), (task, 2, "A.7"), ("Kỳ báo cáo (", 1, "2024-Q3")], ENV, tmp_path)
    assert code == 0, output
    listed = output.split(task)[0]
    assert "A.7 — Thực hiện rà soát, đánh giá TTHC 2024" in listed and "A.10 —" not in listed  # A.10 names no unit of the department
    assert 'không có nhiệm vụ nào mang mã "A.99"' in output
    assert (tmp_path / "catalog" / "reports" / "van-phong-so-khcn" / "kh-2024-so-khcn.yaml").is_file()
