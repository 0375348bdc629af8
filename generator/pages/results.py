"""Pages of the results units publish: petition handling and service-quality scores (QĐ 766/QĐ-TTg).

    /phan-anh-kien-nghi/ket-qua/             every unit: totals by period (chart, table, CSV), each unit's
                                             latest period, the latest answered petitions
    /phan-anh-kien-nghi/ket-qua/<unit-id>/   one unit: its periods and every answered petition in full
    /thong-ke/chat-luong-phuc-vu/            scores by unit and period, per index group, with their sources

Python computes every number shown; a count the file did not give is never made up (a period a
unit did not report is simply not in its rows), and pages say "minh họa" when a file says so.
"""

from __future__ import annotations

from collections import defaultdict

from generator.catalog.report_models import number
from generator.catalog.results import SCORE_GROUPS
from generator.pages import charts
from generator.pages.specs import PageSpec
from generator.text.vietnamese import sort_key

PETITIONS_URL = "phan-anh-kien-nghi/ket-qua/"
SCORES_URL = "thong-ke/chat-luong-phuc-vu/"
LATEST_ANSWERS = 10
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
COUNTS = ("Tiếp nhận", "Đúng hạn", "Quá hạn", "Đang xử lý")


def period_label(period: str) -> str:
    """"2024" → "Năm 2024", "2024-Q1" → "Quý I/2024", "2024-03" → "Tháng 3/2024"."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return f"Quý {ROMAN[quarter]}/{year}"
    if "-" in period:
        year, month = period.split("-")
        return f"Tháng {int(month)}/{year}"
    return f"Năm {period}"


def period_order(period: str) -> tuple:
    """Chronological, a year after its quarters and months (it ends last)."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return int(year), 3 * int(quarter), 1
    if "-" in period:
        year, month = period.split("-")
        return int(year), int(month), 0
    return int(period), 12, 2


def rate(on_time: int, late: int) -> float | None:
    return round(100 * on_time / (on_time + late), 1) if on_time + late else None


def result_pages(catalog, rel) -> list[PageSpec]:
    specs = []
    petitions = [catalog.petitions[u] for u in _by_name(catalog, catalog.petitions)]
    if petitions:
        specs.append(_petitions_page(catalog, petitions))
        specs += [_unit_petitions_page(catalog, item) for item in petitions]
    scores = [catalog.scores[u] for u in _by_name(catalog, catalog.scores)]
    if scores:
        specs.append(_scores_page(catalog, scores))
    return specs


def unit_results(catalog, unit_id: str) -> dict:
    """What a unit's page shows of its results: its latest petition period and latest scores."""
    petitions, scores = catalog.petitions.get(unit_id), catalog.scores.get(unit_id)
    latest = _latest(petitions.periods) if petitions else None
    score = _latest(scores.scores) if scores else None
    return {
        "petitions": latest and {"period": period_label(latest.period), "counts": latest.counts, "rate": charts.number(latest.on_time_rate),
                                 "answers": len(petitions.answers), "illustrative": petitions.illustrative},
        "petitions_url": f"{PETITIONS_URL}{unit_id}/" if petitions else None,
        "score": score and {"period": period_label(score.period), "total": _total_shown(score), "source": score.source,
                            "illustrative": scores.illustrative},
        "scores_url": SCORES_URL if scores else None,
    }


def _by_name(catalog, files: dict) -> list[str]:
    return sorted((u for u in files if u in catalog.units), key=lambda u: sort_key(catalog.units[u].name))


def _latest(items):
    return max(items, key=lambda item: period_order(item.period), default=None)


def _petitions_page(catalog, petitions) -> PageSpec:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for item in petitions:
        for period in item.periods:
            row = totals[period.period]
            for index, count in enumerate(period.counts):
                row[index] += count
            row[4] += 1
    periods = sorted(totals, key=period_order)
    rows = [(period_label(p), *totals[p][:4], rate(totals[p][1], totals[p][2]), totals[p][4]) for p in periods]
    title = "Kết quả xử lý phản ánh, kiến nghị theo kỳ"
    chart = charts.stacked_bar(title, [(period_label(p), totals[p][1:4]) for p in periods], list(COUNTS[1:]),
                               desc="Số phản ánh, kiến nghị đúng hạn, quá hạn và đang xử lý của các đơn vị, theo kỳ báo cáo.")
    figure = charts.figure(PETITIONS_URL, "theo-ky", title, chart, ("Kỳ", *COUNTS, "Tỷ lệ đúng hạn (%)", "Số đơn vị báo cáo"), rows,
                           note="Tỷ lệ đúng hạn tính trên số đã trả lời (đúng hạn và quá hạn).")
    units = [_unit_row(catalog, item) for item in petitions if item.periods]
    answers = sorted(((a, item.unit) for item in petitions for a in item.answers), key=lambda pair: pair[0].date, reverse=True)
    return PageSpec(f"{PETITIONS_URL}index.md", "petition_results.html", "Kết quả xử lý phản ánh, kiến nghị", {
        "figures": {"theo-ky": figure}, "units": units, "answers": answers[:LATEST_ANSWERS], "answers_total": len(answers),
        "by_unit": {item.unit: catalog.units[item.unit] for item in petitions},
        "illustrative": any(item.illustrative for item in petitions),
    }, description="Công khai kết quả xử lý phản ánh, kiến nghị về quy định hành chính của các đơn vị")


def _unit_row(catalog, item) -> dict:
    latest = _latest(item.periods)
    return {"unit": catalog.units[item.unit], "period": period_label(latest.period), "counts": latest.counts,
            "rate": charts.number(latest.on_time_rate), "illustrative": item.illustrative}


def _unit_petitions_page(catalog, item) -> PageSpec:
    unit = catalog.units[item.unit]
    periods = sorted(item.periods, key=lambda p: period_order(p.period))
    figures = {}
    if periods:
        title = f"Kết quả xử lý phản ánh, kiến nghị của {unit.label}"
        chart = charts.stacked_bar(title, [(period_label(p.period), p.counts[1:]) for p in periods], list(COUNTS[1:]),
                                   desc="Số phản ánh, kiến nghị đúng hạn, quá hạn và đang xử lý theo kỳ báo cáo.")
        rows = [(period_label(p.period), *p.counts, p.on_time_rate) for p in periods]
        figures["theo-ky"] = charts.figure(f"{PETITIONS_URL}{unit.id}/", "theo-ky", title, chart, ("Kỳ", *COUNTS, "Tỷ lệ đúng hạn (%)"), rows)
    return PageSpec(f"{PETITIONS_URL}{unit.id}.md", "petition_results_unit.html", f"Kết quả xử lý phản ánh, kiến nghị — {unit.name}", {
        "u": unit, "figures": figures, "sources": [(period_label(p.period), p.source, p.note) for p in periods if p.source or p.note],
        "answers": sorted(item.answers, key=lambda a: a.date, reverse=True), "illustrative": item.illustrative,
    }, edit_path=item.path)


def _scores_page(catalog, scores) -> PageSpec:
    groups = [(key, label, most) for key, (label, most) in SCORE_GROUPS.items()]
    latest = [(catalog.units[item.unit], _latest(item.scores)) for item in scores]
    title = "Tổng điểm chất lượng phục vụ, kỳ gần nhất của mỗi đơn vị"
    chart = charts.bar_chart(title, [u.label for u, _ in latest], [("Tổng điểm", [_total(s) for _, s in latest])], unit="điểm", max_value=100,
                             desc="Tổng điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (tối đa 100) của mỗi đơn vị ở kỳ đánh giá gần nhất.")
    rows = [(u.label, period_label(s.period), _total(s)) for u, s in latest]
    headers = ("Đơn vị", "Kỳ", "Tổng điểm")  # the groups are in the table of every period below
    history = []
    for item in scores:
        for period in sorted(item.scores, key=lambda p: period_order(p.period), reverse=True):
            history.append({"unit": catalog.units[item.unit], "period": period_label(period.period), "total": _total_shown(period),
                            "points": [_typed(getattr(period.groups, key.replace("-", "_"))) for key, _, _ in groups], "source": period.source})
    return PageSpec(f"{SCORES_URL[:-1]}.md", "service_scores.html", "Chất lượng phục vụ người dân, doanh nghiệp", {
        "figures": {"tong-diem": charts.figure(SCORES_URL, "tong-diem", title, chart, headers, rows)},
        "groups": groups, "history": history, "illustrative": any(item.illustrative for item in scores),
    }, description="Điểm Bộ chỉ số chất lượng phục vụ người dân, doanh nghiệp theo Quyết định số 766/QĐ-TTg")


def _total(score) -> float | None:
    return number(score.total)


def _total_shown(score) -> str:
    return _typed(score.total)


def _typed(text: str | None) -> str:
    """Points as the file gives them, with the Vietnamese decimal comma; "—" when not given."""
    return "—" if text is None else text.replace(".", ",")
