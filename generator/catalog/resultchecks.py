"""Checks of the results units publish (results.py): petitions/<unit>.yaml and scores/<unit>.yaml.

The file's name and its ``unit`` are checked with every other file's name (checks.py); here:
the unit exists, periods are well formed, not yet to come and not given twice, counts add up,
points stay within each group's maximum and the total is their sum, and an answered petition
published for everyone holds no phone number, email address or ID number.
"""

from __future__ import annotations

import datetime as dt

from generator.catalog.report_models import number
from generator.catalog.results import SCORE_GROUPS
from generator.text.personal import KINDS, personal_data


def period_start(period: str) -> str:
    """The first day of a period "2024", "2024-Q2", "2024-03", as an ISO date."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return f"{year}-{3 * int(quarter) - 2:02d}-01"
    return f"{period}-01" if len(period) == 7 else f"{period}-01-01"


def check_petitions(entry, catalog, today: str, error) -> None:
    results = entry.model
    _unit(entry, results.unit, catalog, error)
    _periods(entry, "periods", results.periods, today, error)
    for index, item in enumerate(results.periods):
        received, on_time, late, pending = item.counts
        if on_time + late + pending != received:
            error(entry, f"periods[{index}].received",
                  f"kỳ {item.period}: đúng hạn {on_time} + quá hạn {late} + đang xử lý {pending} = {on_time + late + pending}, "
                  f"khác số tiếp nhận {received} — hãy kiểm tra lại các số của kỳ này")
        if item.note:
            _personal(entry, f"periods[{index}].note", item.note, error)
    for index, answer in enumerate(results.answers):
        if _coming(answer.date, today):
            error(entry, f"answers[{index}].date", f"answers[{index}].date: ngày trả lời {answer.date} chưa đến — chỉ công khai phản ánh, kiến nghị đã trả lời; "
                  "hãy kiểm tra lại năm, tháng, ngày")
        _personal(entry, f"answers[{index}].summary", answer.summary, error)
        _personal(entry, f"answers[{index}].answer", answer.answer, error)


def check_scores(entry, catalog, today: str, error) -> None:
    results = entry.model
    _unit(entry, results.unit, catalog, error)
    _periods(entry, "scores", results.scores, today, error)
    for index, item in enumerate(results.scores):
        points = item.groups.points()
        for key, value in points.items():
            label, most = SCORE_GROUPS[key]
            if value is not None and value > most:
                error(entry, f"scores[{index}].groups.{key}", f"kỳ {item.period}: nhóm chỉ số {label} có {_show(value)} điểm, "
                      f"quá mức tối đa {most} điểm của nhóm theo QĐ 766/QĐ-TTg — hãy kiểm tra lại số điểm")
        total = number(item.total)
        where = f"scores[{index}].total"
        if total is None and all(v is None for v in points.values()):
            error(entry, f"scores[{index}].period", f"kỳ {item.period}: chưa có điểm — hãy ghi điểm các nhóm (groups) hoặc tổng điểm (total)")
        elif total is not None and total > 100:
            error(entry, where, f"kỳ {item.period}: tổng điểm {_show(total)} lớn hơn 100 — điểm Bộ chỉ số tối đa là 100")
        elif total is not None and None not in points.values() and abs(sum(points.values()) - total) > 0.01:
            error(entry, where, f"kỳ {item.period}: tổng điểm {_show(total)} khác tổng điểm năm nhóm chỉ số {_show(sum(points.values()))} "
                  "— hãy sửa tổng điểm hoặc điểm của nhóm bị ghi sai")


def _unit(entry, unit_id, catalog, error) -> None:
    if unit_id not in catalog.units and ("units", unit_id) not in catalog.unreadable:
        error(entry, "unit", f'unit: không có đơn vị nào mang mã "{unit_id}" trong catalog/units/ — hãy ghi đúng mã đơn vị của mình')


def _periods(entry, key, items, today, error) -> None:
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        where = f"{key}[{index}].period"
        if item.period in first:
            line = entry.at(f"{key}[{first[item.period]}].period")[0]
            error(entry, where, f'kỳ "{item.period}" bị trùng (đã có ở dòng {line}) — mỗi kỳ chỉ ghi một lần; hãy gộp hai mục hoặc sửa kỳ')
        else:
            first[item.period] = index
        if period_start(item.period) > today:
            error(entry, where, f'kỳ "{item.period}" chưa bắt đầu — chỉ công bố kết quả của kỳ đã qua hoặc đang diễn ra; '
                  "hãy kiểm tra lại năm và quý, tháng")


def _personal(entry, key, text, error) -> None:
    for kind, masked in personal_data(text):
        error(entry, key, f"{key}: có vẻ chứa {KINDS[kind]} ({masked}) — nội dung công khai không được có thông tin cá nhân "
              "của người phản ánh; hãy xóa hoặc thay bằng \"[đã ẩn]\"", warning=True)


def _coming(day: str, today: str) -> bool:
    """After tomorrow: one day of grace, the machine may be a time zone behind the clerk."""
    return day > (dt.date.fromisoformat(today) + dt.timedelta(days=1)).isoformat()


def _show(value: float) -> str:
    return f"{value:g}".replace(".", ",")


RESULT_CHECKERS = {"petitions": check_petitions, "scores": check_scores}
