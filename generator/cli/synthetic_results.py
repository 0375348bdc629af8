"""`congkhai sample --results`: petition results and service-quality scores for every unit of a
synthetic catalog, quarterly over the three years before today, so that a build can be measured
with them. Every file says ``illustrative: true``; counts add up and totals are the sums of the
groups, so `congkhai validate` has nothing to report.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from generator.catalog.results import SCORE_GROUPS

YEARS = 3
TOPICS = ("thời hạn trả kết quả", "thành phần hồ sơ", "lệ phí", "việc tiếp nhận hồ sơ trực tuyến", "thái độ phục vụ tại Bộ phận Một cửa")


def quarters(today: dt.date, years: int = YEARS) -> list[str]:
    """The *years* × 4 quarters that ended before *today*, oldest first: "2024-Q1", …"""
    year, quarter = today.year, (today.month - 1) // 3  # the last quarter that has ended (0: last year's fourth)
    if quarter == 0:
        year, quarter = year - 1, 4
    found = []
    for _ in range(4 * years):
        found.append(f"{year}-Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return found[::-1]


def write_results(folder: Path, unit_ids: list[str], today: dt.date, rng: random.Random) -> None:
    periods = quarters(today)
    for unit_id in unit_ids:
        _write(folder / "petitions" / f"{unit_id}.yaml", _petitions(unit_id, periods, rng))
        _write(folder / "scores" / f"{unit_id}.yaml", _scores(unit_id, periods, rng))


def _petitions(unit_id: str, periods: list[str], rng: random.Random) -> str:
    lines = [f"unit: {unit_id}", "illustrative: true", "periods:"]
    for period in periods:
        received = rng.randint(0, 40)
        late = rng.randint(0, received // 8)
        pending = rng.randint(0, (received - late) // 6)
        lines += [f"  - period: {period}", f"    received: {received}", f"    answered_on_time: {received - late - pending}",
                  f"    answered_late: {late}", f"    pending: {pending}"]
    lines.append("answers:")
    for index, period in enumerate(periods[::4]):
        year, quarter = period.split("-Q")
        day = dt.date(int(year), 3 * int(quarter) - 1, rng.randint(1, 28)).isoformat()
        topic = rng.choice(TOPICS)
        lines += [f"  - date: {day}", f"    summary: {json.dumps('Phản ánh về ' + topic + ' (minh họa).', ensure_ascii=False)}",
                  f"    answer: {json.dumps('Đơn vị đã kiểm tra và trả lời về ' + topic + ' theo quy định (minh họa).', ensure_ascii=False)}",
                  f"    document: \"Công văn số {100 + index}/TL-{unit_id[:6].upper()}\""]
    return "\n".join(lines) + "\n"


def _scores(unit_id: str, periods: list[str], rng: random.Random) -> str:
    lines = [f"unit: {unit_id}", "illustrative: true", "scores:"]
    for period in periods:
        points = {key: rng.randint(50 * most, 100 * most) / 100 for key, (_, most) in SCORE_GROUPS.items()}
        lines += [f"  - period: {period}", "    source: https://dichvucong.gov.vn/p/home/dvc-index-tinhtp-tonghop.html", "    groups:"]
        lines += [f"      {key}: {value:.2f}" for key, value in points.items()]
        lines.append(f"    total: {sum(round(v * 100) for v in points.values()) / 100:.2f}")
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
