"""Checks a reviewer would otherwise do by hand, each with its reason.

They depend on today's date or are matters of judgement, so they are
warnings printed by ``congkhai validate`` (and shown on the pull request),
not reasons to stop publishing the site.
"""

from __future__ import annotations

import datetime as dt

from generator.catalog.errors import Problem
from generator.catalog.graph import no_unit_left

DEFAULT_REVIEW_MONTHS = 12


def review(catalog, entries, today: str) -> list[Problem]:
    problems: list[Problem] = []
    months = int(catalog.site.review_months or DEFAULT_REVIEW_MONTHS) if catalog.site else DEFAULT_REVIEW_MONTHS
    due = _months_before(today, months)
    for entry in entries:
        if entry.folder in ("procedures", "internal"):
            for key, message in _procedure(entry.model, catalog, today, due, months):
                problems.append(Problem(entry.path, *entry.at(key), message, warning=True))
    return problems


def _procedure(p, catalog, today: str, due: str, months: int):
    listed = p.status in ("active", "amended")
    reviewed = getattr(p, "reviewed_on", None)
    if listed and hasattr(p, "reviewed_on") and (reviewed is None or reviewed < due):
        when = f"lần cuối ngày {reviewed}" if reviewed else "chưa ghi ngày rà soát"
        yield ("reviewed_on" if reviewed else "code"), (
            f"thủ tục chưa được rà soát trong {months} tháng qua ({when}) — TT 02/2017/TT-VPCP yêu cầu rà soát định kỳ; "
            "hãy đối chiếu với Cơ sở dữ liệu quốc gia rồi cập nhật reviewed_on")
    announcement = p.announcement
    if p.status == "abolished" and (announcement is None or announcement.kind != "bai-bo"):
        yield ("announcement" if announcement else "status"), (
            "thủ tục đã bãi bỏ nhưng chưa ghi quyết định bãi bỏ — hãy ghi announcement với kind: bai-bo, "
            "số và ngày của quyết định, để người dân biết căn cứ")
    if announcement and announcement.date and announcement.effective and announcement.date > announcement.effective:
        yield "announcement.effective", (
            f"quyết định ngày {announcement.date} nhưng có hiệu lực từ {announcement.effective}, trước cả ngày ký — "
            "hãy kiểm tra lại hai ngày này")
    if listed and not no_unit_left(p.implementing, catalog.units, today):  # else checked on loading, with the successors
        for index, unit_id in enumerate(p.implementing.units):
            unit = catalog.units.get(unit_id)
            if unit is not None and not unit.active_on(today):
                yield f"implementing.units[{index}]", (
                    f'thủ tục vẫn ghi đơn vị "{unit.name}", đơn vị đã kết thúc hoạt động từ ngày {unit.valid_to} — '
                    "hãy chuyển sang đơn vị kế thừa")
    for key, url in _links(p):
        if url and not url.startswith("https://"):
            yield key, f'liên kết "{url}" không dùng https — trình duyệt sẽ cảnh báo người dân; hãy dùng địa chỉ https:// của trang đó'


def _links(p):
    for index, form in enumerate(getattr(p, "forms", ())):
        yield f"forms[{index}].url", form.url
    service = getattr(p, "online_service", None)
    if service is not None:
        yield "online_service.url", service.url


def _months_before(day: str, months: int) -> str:
    date = dt.date.fromisoformat(day)
    month = date.month - 1 - months
    year, month = date.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(date.day, 28)).isoformat()
