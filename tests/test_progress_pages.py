"""The plans' progress pages in a strict build of the sample: /ke-hoach/<id>/tien-do/, the unit pages'
tasks and /thong-ke/'s section; counts checked against the report files read on their own."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, TODAY, build_site

VINH_BAO = "kh-2024-ubnd-huyen-vinh-bao"
PLANS = ("kh-10-2022-ubnd-tp", "kh-2024-so-khcn", VINH_BAO)
LABELS = {"hoan-thanh": "Đã hoàn thành", "dang-thuc-hien": "Đang thực hiện", "chua-thuc-hien": "Chưa thực hiện", "tam-dung": "Tạm dừng",
          None: "Chưa có báo cáo"}


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _latest_statuses(plan_id: str) -> dict[str, str]:
    """Task id → the status of its latest report, read from the YAML files alone ("done" wins a tie)."""
    found: dict[str, tuple] = {}
    for path in (ROOT / "catalog" / "reports").glob(f"*/{plan_id}.yaml"):
        for report in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader).get("reports", []):
            year, part = report["period"][:4], report["period"][5:]
            key = (year, {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4}.get(part, 4), report["status"] == "hoan-thanh")
            if report["task"] not in found or key > found[report["task"]][0]:
                found[report["task"]] = (key, report["status"])
    return {task: status for task, (_, status) in found.items()}


@pytest.mark.parametrize("plan_id", PLANS)
def test_counts_by_status_match_the_report_files(sample_site, plan_id):
    plan = yaml.load((next((ROOT / "catalog" / "plans").glob(f"*/{plan_id}.yaml"))).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    statuses = _latest_statuses(plan_id)
    expected = {label: 0 for label in LABELS.values()}
    for task in plan["tasks"]:
        expected[LABELS[statuses.get(task["id"])]] += 1
    figure = _page(sample_site, f"ke-hoach/{plan_id}/tien-do/").find(id="bieu-do-trang-thai")
    rows = {tr.find_all("td")[0].get_text(strip=True): int(tr.find_all("td")[1].get_text(strip=True)) for tr in figure.tbody.find_all("tr")}
    assert {k: v for k, v in rows.items() if not k.startswith("Quá hạn")} == expected
    assert sum(expected.values()) == len(plan["tasks"])


def test_overdue_tasks_come_first_with_their_days_late(sample_site):
    page = _page(sample_site, f"ke-hoach/{VINH_BAO}/tien-do/")
    rows = page.find(id="nhiem-vu").tbody.find_all("tr")
    overdue = [row["data-task"] for row in rows if "ck-overdue" in row.get("class", [])]
    assert [row["data-task"] for row in rows[: len(overdue)]] == overdue  # first, all of them
    # ended before 2026-11-01 and not reported done: by their time column (Trong tháng 02/2024, Trước ngày 15/10/2024, …)
    assert set(overdue) == {"II.2.1", "II.2.3", "II.2.4", "II.4.1", "III.1.2"}
    late = (dt.date.fromisoformat(TODAY) - dt.date(2024, 2, 29)).days
    first = page.find(id="qua-han").tbody.find("tr")
    assert first["data-task"] == "II.2.1" and first.find(class_="ck-days-late").get_text(strip=True) == f"{late} ngày"
    days = [int(td.get_text(strip=True).split()[0]) for td in page.find(id="qua-han").find_all(class_="ck-days-late")]
    assert days == sorted(days, reverse=True) and len(days) == 5
    done = next(row for row in rows if row["data-task"] == "III.1.1")
    assert done["data-status"] == "hoan-thanh" and "Quý IV/2024: đã hoàn thành ngày 12/12/2024" in done.get_text(" ", strip=True)


def test_plan_page_links_to_its_progress_and_back(sample_site):
    for plan_id in PLANS:
        plan = _page(sample_site, f"ke-hoach/{plan_id}/")
        assert plan.find("a", href=f"../../ke-hoach/{plan_id}/tien-do/") is not None
        progress = _page(sample_site, f"ke-hoach/{plan_id}/tien-do/")
        anchors = {tr["id"] for tr in plan.find_all("tr", id=True)}
        back = f"../../../ke-hoach/{plan_id}/#"
        links = [a["href"] for a in progress.find(id="nhiem-vu").find_all("a") if a["href"].startswith(back)]
        assert len(links) == len(progress.find(id="nhiem-vu").tbody.find_all("tr"))
        assert {href[len(back):] for href in links} <= anchors


def test_targets_against_actuals_with_chart_table_and_csv(sample_site):
    page = _page(sample_site, f"ke-hoach/{VINH_BAO}/tien-do/")
    figures = page.find(id="chi-tieu").find_all("figure")
    assert [f["id"] for f in figures] == ["bieu-do-chi-tieu-ty-le-so-hoa-ho-so", "bieu-do-chi-tieu-ty-le-thanh-toan-truc-tuyen",
                                          "bieu-do-chi-tieu-muc-do-hai-long", "bieu-do-chi-tieu-ty-le-dung-han"]
    for figure in figures:
        svg = figure.find("svg")
        assert svg["role"] == "img" and svg.find("title") and figure.find("table")
        href = figure.find("a", download=True)["href"]
        rows = list(csv.reader(io.StringIO((sample_site / "ke-hoach" / VINH_BAO / "tien-do" / href).read_text(encoding="utf-8-sig"))))
        assert len(rows) - 1 == len(figure.tbody.find_all("tr"))
    digitised = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in figures[0].tbody.find_all("tr")]
    assert [(r[0], r[2], r[3]) for r in digitised] == [("Quý I/2024", "55", "chưa đạt"), ("Quý II/2024", "63", "chưa đạt"),
                                                        ("Quý III/2024", "71", "chưa đạt"), ("Quý IV/2024", "78,5", "chưa đạt")]
    payments = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in figures[1].tbody.find_all("tr")]
    assert payments[-1][2:] == ["47", "đạt"]  # ≥ 45 %
    note = page.find(id="chi-tieu-muc-do-hai-long").find(class_="ck-note").get_text(strip=True)
    assert note == "Quý II/2024, Văn phòng HĐND và UBND huyện Vĩnh Bảo: Theo phiếu khảo sát tại Bộ phận Một cửa (minh họa)."
    quote = page.find(id="chi-tieu-ty-le-so-hoa-ho-so").find("blockquote").get_text(strip=True)
    assert quote.startswith("Thực hiện tối thiểu 80% số hóa hồ sơ")


def test_sample_data_is_marked_illustrative(sample_site):
    page = _page(sample_site, f"ke-hoach/{VINH_BAO}/tien-do/")
    assert "Số liệu minh họa" in page.find(class_="ck-illustrative-notice").get_text()
    reported = [row for row in page.find(id="nhiem-vu").tbody.find_all("tr") if "Chưa có báo cáo" not in row.get_text()]
    assert reported and all(row.find(class_="ck-illustrative") for row in reported)


def test_unit_page_lists_its_tasks_overdue_first(sample_site):
    page = _page(sample_site, "don-vi/van-phong-so-khcn/")
    rows = page.find(class_="ck-unit-progress").tbody.find_all("tr")
    marks = ["ck-overdue" in row.get("class", []) for row in rows]
    assert any(marks) and marks == sorted(marks, reverse=True)
    assert rows[0]["data-task"] == "kh-2024-so-khcn/A.7"  # due 30/8/2024, the latest report says "đang thực hiện"
    assert len(rows) == 20  # a partner of twenty tasks of the department's plan and lead of one, each listed once


def test_statistics_page_shows_progress_across_plans(sample_site):
    section = _page(sample_site, "thong-ke/").find(id="tien-do-ke-hoach")
    links = {a["href"] for a in section.find_all("a") if a["href"].endswith("/tien-do/")}
    assert links == {f"../ke-hoach/{plan_id}/tien-do/" for plan_id in PLANS}
    table = section.find("figure").tbody.find_all("tr")
    assert len(table) == 3 and (sample_site / "thong-ke" / "tien-do-ke-hoach.csv").is_file()


def test_evidence_links_and_report_text_are_never_html(tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    report = catalog / "reports" / "so-tu-phap" / "kh-2025-so-tu-phap.yaml"
    report.parent.mkdir(parents=True)
    report.write_text('plan: kh-2025-so-tu-phap\nunit: so-tu-phap\nreports:\n  - task: "I.1"\n    period: 2025-Q1\n    status: hoan-thanh\n'
                      '    done_on: 2025-03-20\n    note: "<script>alert(1)</script>"\n'
                      '    evidence:\n      - {document: "Báo cáo <b>số 12</b>", url: "https://stp.example.vn/bc-12"}\n', encoding="utf-8")
    result = build_site(tmp_path, catalog)
    assert result.returncode == 0, result.stderr
    page = _page(tmp_path / "site", "ke-hoach/kh-2025-so-tu-phap/tien-do/")
    link = page.find("a", href="https://stp.example.vn/bc-12")
    assert link is not None and link.get_text() == "Báo cáo <b>số 12</b>"
    assert page.find("script", string="alert(1)") is None and "<script>alert(1)</script>" in page.find(id="nhiem-vu").get_text()
    assert page.find(class_="ck-illustrative-notice") is None  # real data is not marked
