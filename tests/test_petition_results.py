"""Petition-handling results and service-quality scores (QĐ 766/QĐ-TTg): the personal-data detector,
loading and checking catalog/petitions/ and catalog/scores/, and their pages in a strict build.

The messages of bad files are goldens in tests/bad/180-… to 188-…; here, what they cannot show:
the detector both ways, a file with only warnings still publishing, and every number on the pages
read back against the YAML the clerk wrote (read here with PyYAML's BaseLoader, not our loader).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.catalog.owners import codeowners
from generator.catalog.resultchecks import period_start
from generator.cli.main import main
from generator.cli.synthetic_results import quarters
from generator.pages.results import period_label, period_order
from generator.text.personal import personal_data

SAMPLE = ROOT / "catalog"


# --- the detector ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Gọi cho tôi theo số 0912345678.", "phone"),
    ("điện thoại 0912 345 678", "phone"),
    ("ĐT: 0912.345.678", "phone"),
    ("số máy bàn (0225) 3842 123", "phone"),
    ("số +84 912 345 678", "phone"),
    ("thư gửi nguyen.van.a@gmail.com giúp tôi", "email"),
    ("CCCD số 001093012345", "id"),
    ("CMND 031234567 cấp năm 2010", "id"),
])
def test_detector_finds_personal_data(text, kind):
    found = personal_data(text)
    assert [k for k, _ in found] == [kind]
    masked = found[0][1]
    assert "…" in masked and masked not in text, "the warning must not repeat the number or address"


@pytest.mark.parametrize("text", [
    "Công văn số 123/STP-HCTP ngày 10/02/2024 của Sở Tư pháp",
    "thủ tục 1.001193 và 2.000815.000.00.00.H23",
    "Quyết định số 1085/QĐ-TTg; Thông tư 12/2024/TT-BTP",
    "lệ phí 1.500.000 đồng; số tiền 100000000 đồng",
    "ngày 2024-02-10, năm 2024, quý I/2024, 12 hồ sơ",
    "mã hồ sơ 000.00.12.H23-240101-0001",
    "đường dây nóng 1022",
    "Tổng đài 1900 1234",
])
def test_detector_keeps_quiet_on_what_a_public_answer_holds(text):
    assert personal_data(text) == []


# --- periods ----------------------------------------------------------------------------------

def test_periods_read_as_people_write_them_and_sort_in_time():
    assert [period_label(p) for p in ("2024", "2024-Q1", "2024-03", "2024-Q4")] == ["Năm 2024", "Quý I/2024", "Tháng 3/2024", "Quý IV/2024"]
    assert [period_start(p) for p in ("2024", "2024-Q3", "2024-11")] == ["2024-01-01", "2024-07-01", "2024-11-01"]
    assert sorted(["2024", "2024-Q2", "2023-Q4", "2024-01"], key=period_order) == ["2023-Q4", "2024-01", "2024-Q2", "2024"]


# --- loading and checking ---------------------------------------------------------------------

def _raw(folder: str, unit: str) -> dict:
    return yaml.load((SAMPLE / folder / f"{unit}.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _sample_files(folder: str) -> list[str]:
    return sorted(p.stem for p in (SAMPLE / folder).glob("*.yaml"))


def test_sample_results_load_as_the_files_say():
    catalog = load_catalog(SAMPLE, ROOT)
    assert sorted(catalog.petitions) == _sample_files("petitions") and len(catalog.petitions) >= 3
    assert sorted(catalog.scores) == _sample_files("scores") and len(catalog.scores) >= 3
    for unit, item in catalog.petitions.items():
        raw = _raw("petitions", unit)
        assert item.illustrative is True and raw["illustrative"] == "true"
        assert [p.period for p in item.periods] == [p["period"] for p in raw["periods"]]
        assert [p.counts for p in item.periods] == [tuple(int(p[k]) for k in ("received", "answered_on_time", "answered_late", "pending"))
                                                     for p in raw["periods"]]
    for unit, item in catalog.scores.items():
        assert [s.total for s in item.scores] == [s["total"] for s in _raw("scores", unit)["scores"]]
    assert not [w for w in catalog.warnings if "/petitions/" in w.path or "/scores/" in w.path]


def _mini(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", root / "catalog")
    (root / ".git").mkdir()
    for name, text in files.items():
        path = root / "catalog" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


PERIOD = "  - period: 2024-Q1\n    received: 3\n    answered_on_time: 2\n    answered_late: 1\n    pending: 0\n"


def test_personal_data_is_a_warning_located_at_the_value_and_the_file_still_loads(tmp_path):
    text = ("unit: so-tu-phap\nperiods:\n" + PERIOD + "answers:\n  - date: 2024-02-10\n"
            '    summary: "Ông A (0912 345 678) phản ánh về phí"\n    answer: "Đã trả lời tại Công văn số 12/STP-HCTP"\n')
    root = _mini(tmp_path, {"petitions/so-tu-phap.yaml": text})
    catalog = load_catalog(root / "catalog", root)
    warnings = [str(w) for w in catalog.warnings if "petitions" in w.path]
    assert len(warnings) == 1
    assert warnings[0].startswith("catalog/petitions/so-tu-phap.yaml:10:14: cảnh báo: answers[0].summary: có vẻ chứa số điện thoại")
    assert "345 678" not in warnings[0] and "0912345678" not in warnings[0]
    assert catalog.petitions["so-tu-phap"].answers[0].summary.startswith("Ông A")


def test_counts_that_add_up_pass_and_one_off_fails_naming_the_numbers(tmp_path):
    good = _mini(tmp_path / "a", {"petitions/so-tu-phap.yaml": "unit: so-tu-phap\nperiods:\n" + PERIOD})
    assert load_catalog(good / "catalog", good).petitions["so-tu-phap"].periods[0].on_time_rate == pytest.approx(66.7)
    bad = _mini(tmp_path / "b", {"petitions/so-tu-phap.yaml": "unit: so-tu-phap\nperiods:\n" + PERIOD.replace("pending: 0", "pending: 1")})
    with pytest.raises(CatalogError) as caught:
        load_catalog(bad / "catalog", bad)
    assert "đúng hạn 2 + quá hạn 1 + đang xử lý 1 = 4, khác số tiếp nhận 3" in caught.value.report()


def test_a_total_equal_to_the_groups_to_a_hundredth_passes(tmp_path):
    groups = "".join(f"      {k}: {v}\n" for k, v in zip(
        ("cong-khai-minh-bach", "tien-do-giai-quyet", "dich-vu-truc-tuyen", "muc-do-hai-long", "so-hoa-ho-so"), ("16.11", "18", "20.2", "17", "15.5")))
    text = f"unit: so-tu-phap\nscores:\n  - period: 2024\n    source: https://dichvucong.gov.vn/\n    groups:\n{groups}    total: 86.81\n"
    root = _mini(tmp_path, {"scores/so-tu-phap.yaml": text})
    assert load_catalog(root / "catalog", root).scores["so-tu-phap"].scores[0].groups.points()["so-hoa-ho-so"] == 15.5


def test_codeowners_give_a_units_results_to_its_maintainers():
    catalog = load_catalog(SAMPLE, ROOT)
    text = codeowners(catalog)
    unit = catalog.units["so-tu-phap"]
    owners = " ".join(unit.maintainers)
    assert f"/catalog/petitions/so-tu-phap.yaml {owners}" in text.splitlines()
    assert f"/catalog/scores/so-tu-phap.yaml {owners}" in text.splitlines()


# --- pages ------------------------------------------------------------------------------------

def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _article(site: Path, url: str):
    return _soup(site, url).select_one("article.md-content__inner") or _soup(site, url)


def _cells(row) -> list[str]:
    return [" ".join(td.get_text(" ", strip=True).split()) for td in row.find_all("td")]


def test_results_page_totals_each_period_as_the_files_add_up(sample_site):
    totals: dict[str, list[int]] = {}
    for unit in _sample_files("petitions"):
        for p in _raw("petitions", unit).get("periods", []):
            row = totals.setdefault(period_label(p["period"]), [0, 0, 0, 0, 0])
            for i, key in enumerate(("received", "answered_on_time", "answered_late", "pending")):
                row[i] += int(p[key])
            row[4] += 1
    page = _soup(sample_site, "phan-anh-kien-nghi/ket-qua")
    rows = {c[0]: c[1:] for c in map(_cells, page.select("#bieu-do-theo-ky tbody tr"))}
    assert set(rows) == set(totals)
    for label, (received, on_time, late, pending, units) in totals.items():
        assert rows[label][:4] == [str(received), str(on_time), str(late), str(pending)]
        assert rows[label][5] == str(units)
    svg = page.select_one("#bieu-do-theo-ky svg")
    assert svg["role"] == "img" and svg.find("title").get_text()
    assert "Số liệu minh họa" in page.get_text()
    csv_rows = list(csv.reader(io.StringIO((sample_site / "phan-anh-kien-nghi/ket-qua/theo-ky.csv").read_text(encoding="utf-8-sig"))))
    assert len(csv_rows) == len(totals) + 1


def test_results_page_lists_each_units_latest_period_and_the_latest_answers(sample_site):
    page = _soup(sample_site, "phan-anh-kien-nghi/ket-qua")
    by_unit = {tr["data-unit"]: _cells(tr) for tr in page.select("#theo-don-vi tbody tr")}
    assert sorted(by_unit) == _sample_files("petitions")
    for unit, cells in by_unit.items():
        latest = max(_raw("petitions", unit)["periods"], key=lambda p: period_order(p["period"]))
        assert cells[1:6] == [period_label(latest["period"]), latest["received"], latest["answered_on_time"], latest["answered_late"], latest["pending"]]
    dates = [a["date"] for u in _sample_files("petitions") for a in _raw("petitions", u).get("answers", [])]
    shown = [p.get_text() for p in page.select("#da-tra-loi .ck-answer .ck-meta")]
    assert len(shown) == min(len(dates), 10)
    newest = max(dates)
    assert f"{newest[8:]}/{newest[5:7]}/{newest[:4]}" in shown[0]


def test_unit_results_page_shows_every_answer_in_full(sample_site):
    raw = _raw("petitions", "so-tu-phap")
    page = _soup(sample_site, "phan-anh-kien-nghi/ket-qua/so-tu-phap")
    text = " ".join(page.get_text(" ").split())
    for answer in raw["answers"]:
        assert answer["summary"] in text and answer["answer"] in text
        if answer.get("document"):
            assert answer["document"] in text
    assert len(page.select("#da-tra-loi .ck-answer")) == len(raw["answers"])
    assert len(page.select("#bieu-do-theo-ky tbody tr")) == len(raw["periods"])


def test_scores_page_shows_every_period_with_its_groups_and_source(sample_site):
    page = _soup(sample_site, "thong-ke/chat-luong-phuc-vu")
    rows = page.select("#theo-ky tbody tr")
    expected = []
    for unit in _sample_files("scores"):
        for s in sorted(_raw("scores", unit)["scores"], key=lambda s: period_order(s["period"]), reverse=True):
            groups = [s["groups"][k].replace(".", ",") for k in ("cong-khai-minh-bach", "tien-do-giai-quyet", "dich-vu-truc-tuyen", "muc-do-hai-long", "so-hoa-ho-so")]
            expected.append((unit, [period_label(s["period"]), *groups, s["total"].replace(".", ",")], s["source"]))
    assert sorted((tr["data-unit"], _cells(tr)[1:8], tr.select_one("a[rel=noopener]")["href"]) for tr in rows) == sorted(expected)
    assert page.select_one("#bieu-do-tong-diem svg")["role"] == "img"
    assert (sample_site / "thong-ke/chat-luong-phuc-vu/tong-diem.csv").is_file()
    assert "Số liệu minh họa" in page.get_text()


def test_unit_page_and_petition_page_link_to_the_results(sample_site):
    unit = _soup(sample_site, "don-vi/so-tu-phap")
    block = unit.select_one("#ket-qua-cong-khai")
    links = {a["href"] for a in block.find_all("a")}
    assert "../../phan-anh-kien-nghi/ket-qua/so-tu-phap/" in links and "../../thong-ke/chat-luong-phuc-vu/" in links
    latest = max(_raw("scores", "so-tu-phap")["scores"], key=lambda s: period_order(s["period"]))
    assert latest["total"].replace(".", ",") in block.get_text() and "minh họa" in block.get_text()
    petition = _soup(sample_site, "phan-anh-kien-nghi")
    assert petition.select_one(".ck-results-link a")["href"] == "../phan-anh-kien-nghi/ket-qua/"
    assert _soup(sample_site, "don-vi/so-noi-vu").select_one("#ket-qua-cong-khai") is None  # no results: no section


@pytest.mark.parametrize("url", ["phan-anh-kien-nghi/ket-qua", "phan-anh-kien-nghi/ket-qua/so-tu-phap", "thong-ke/chat-luong-phuc-vu"])
def test_every_link_on_the_result_pages_leads_somewhere(sample_site, url):
    base = f"https://site.example/{url}/"
    for a in _soup(sample_site, url).select("article a[href]"):
        href = urljoin(base, a["href"])
        parsed = urlparse(href)
        if parsed.netloc != "site.example":
            assert parsed.scheme == "https", href
            continue
        target = sample_site / parsed.path.lstrip("/")
        assert (target / "index.html").is_file() or target.is_file(), href


# --- the synthetic catalog ----------------------------------------------------------------------

def test_sample_results_option_writes_every_unit_quarterly_over_three_years_and_validates(tmp_path):
    out = tmp_path / "repo" / "catalog"
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert main(["sample", "--procedures", "60", "--units", "16", "--out", str(out), "--results"]) == 0
    catalog = load_catalog(out, tmp_path / "repo")
    assert set(catalog.petitions) == set(catalog.units) == set(catalog.scores)
    today = dt.date.today()
    expected = quarters(today)
    assert len(expected) == 12 and expected[-1] < f"{today.year}-Q{(today.month - 1) // 3 + 1}" and len(set(expected)) == 12
    for unit in catalog.units:
        assert [p.period for p in catalog.petitions[unit].periods] == expected
        assert [s.period for s in catalog.scores[unit].scores] == expected
        assert catalog.petitions[unit].illustrative and catalog.scores[unit].illustrative
    assert not [w for w in catalog.warnings if "/petitions/" in w.path or "/scores/" in w.path]
    assert quarters(dt.date(2026, 2, 1))[-2:] == ["2025-Q3", "2025-Q4"] and quarters(dt.date(2026, 4, 1))[-1] == "2026-Q1"


def test_the_guides_example_of_petition_results_is_a_good_file(tmp_path):
    guide = (ROOT / "content" / "huong-dan-dong-gop.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", guide, re.S) if block.startswith("unit: so-tu-phap\nperiods:"))
    root = _mini(tmp_path, {"petitions/so-tu-phap.yaml": example})
    catalog = load_catalog(root / "catalog", root)
    assert catalog.petitions["so-tu-phap"].periods[0].counts == (7, 6, 0, 1)
    assert not [w for w in catalog.warnings if "petitions" in w.path]
