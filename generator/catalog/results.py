"""What units publish of their results: petition handling and service-quality scores.

    catalog/petitions/<unit-id>.yaml   kết quả xử lý phản ánh, kiến nghị: counts per period, answered petitions
    catalog/scores/<unit-id>.yaml      điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) per period

Counts and points stay the text typed (like every value); the properties read them as numbers
once the checks (resultchecks.py) have said they are well formed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.catalog.linkkinds import Url, _ruled
from generator.catalog.report_models import number
from generator.catalog.reports import PERIOD
from generator.catalog.schema import Date, Field, ListOf, Record, Switch, Text
from generator.text.links import url_problem

# The five index groups of QĐ 766/QĐ-TTg (23/6/2022) and their maximum points; 100 in all.
SCORE_GROUPS = {
    "cong-khai-minh-bach": ("Công khai, minh bạch", 18),
    "tien-do-giai-quyet": ("Tiến độ giải quyết", 20),
    "dich-vu-truc-tuyen": ("Dịch vụ trực tuyến", 22),
    "muc-do-hai-long": ("Mức độ hài lòng", 18),
    "so-hoa-ho-so": ("Số hóa hồ sơ", 22),
}
PERIOD_HINT = 'kỳ báo cáo ghi dạng NĂM (ví dụ "2024"), NĂM-Qn cho quý (ví dụ "2024-Q1") hoặc NĂM-THÁNG (ví dụ "2024-03")'


@dataclass(frozen=True)
class PetitionPeriod:
    period: str
    received: str
    answered_on_time: str
    answered_late: str
    pending: str
    source: str | None = None
    note: str | None = None

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return int(self.received), int(self.answered_on_time), int(self.answered_late), int(self.pending)

    @property
    def on_time_rate(self) -> float | None:
        """Answered on time, in per cent of those answered; None when none was answered."""
        answered = int(self.answered_on_time) + int(self.answered_late)
        return round(100 * int(self.answered_on_time) / answered, 1) if answered else None


@dataclass(frozen=True)
class Answer:
    date: str
    summary: str
    answer: str
    document: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Petitions:
    unit: str
    periods: tuple[PetitionPeriod, ...] = ()
    answers: tuple[Answer, ...] = ()
    illustrative: bool = False
    path: str = ""

    @property
    def id(self) -> str:
        return self.unit


@dataclass(frozen=True)
class ScoreGroups:
    cong_khai_minh_bach: str | None = None
    tien_do_giai_quyet: str | None = None
    dich_vu_truc_tuyen: str | None = None
    muc_do_hai_long: str | None = None
    so_hoa_ho_so: str | None = None

    def points(self) -> dict[str, float | None]:
        """Each group's points by its key in SCORE_GROUPS (None when not given)."""
        return {key: number(getattr(self, key.replace("-", "_"))) for key in SCORE_GROUPS}


@dataclass(frozen=True)
class ScorePeriod:
    period: str
    source: str
    groups: ScoreGroups = ScoreGroups()
    total: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Scores:
    unit: str
    scores: tuple[ScorePeriod, ...]
    illustrative: bool = False
    path: str = ""

    @property
    def id(self) -> str:
        return self.unit


class SourceUrl(Url):
    """A web address that many periods repeat (where the scores are published): its rules are applied once per address."""

    def check(self, value, path, ctx):
        return _ruled(Text(noun=self.noun).check(value, path, ctx), _cached_problem, value, path, ctx)


@functools.lru_cache(maxsize=1024)
def _cached_problem(text: str) -> str | None:
    return url_problem(text)


def _f(key, kind, label, required=False):
    return Field(key, kind, label, required=required, attr=key.replace("-", "_") if "-" in key else None)


_period = Text(pattern=PERIOD, hint=PERIOD_HINT, noun="kỳ báo cáo")
_count = Text(pattern=r"\d{1,7}", hint='hãy ghi số lượng bằng chữ số, không có dấu chấm, ví dụ "12"', noun="số lượng")
_points = Text(pattern=r"\d{1,3}([.,]\d{1,2})?", hint='hãy ghi số điểm bằng chữ số, phần thập phân sau dấu chấm, ví dụ "16.5"', noun="số điểm")
_unit = Text(pattern=r"[a-z0-9]+(-[a-z0-9]+)*", hint='mã đơn vị trong catalog/units/, ví dụ "so-tu-phap"', noun="mã")
_illustrative = Switch({"true": "số liệu minh họa (dữ liệu mẫu), trang ghi rõ là minh họa", "false": "số liệu thật"})

PETITION_PERIOD = Record(PetitionPeriod, [
    _f("period", _period, "kỳ báo cáo", True),
    _f("received", _count, "số phản ánh, kiến nghị tiếp nhận trong kỳ", True),
    _f("answered_on_time", _count, "số đã xử lý, trả lời đúng hạn", True),
    _f("answered_late", _count, "số đã xử lý, trả lời quá hạn", True),
    _f("pending", _count, "số đang xử lý; tổng đúng hạn + quá hạn + đang xử lý phải bằng số tiếp nhận", True),
    _f("source", SourceUrl(), "liên kết đến báo cáo đã công bố"),
    _f("note", Text(), "ghi chú (không ghi thông tin cá nhân)"),
], what="kỳ báo cáo kết quả xử lý phản ánh, kiến nghị")

ANSWER = Record(Answer, [
    _f("date", Date(), "ngày trả lời", True),
    _f("summary", Text(), "tóm tắt nội dung phản ánh, kiến nghị (không ghi họ tên, số điện thoại, thư điện tử, số CMND/CCCD)", True),
    _f("answer", Text(), "nội dung trả lời (không ghi thông tin cá nhân)", True),
    _f("document", Text(), "số, ký hiệu văn bản trả lời"),
    _f("url", Url(), "liên kết đến văn bản trả lời"),
], what="phản ánh, kiến nghị đã trả lời")

PETITIONS = Record(Petitions, [
    _f("unit", _unit, "mã đơn vị công bố; tên tệp phải là mã này", True),
    _f("periods", ListOf(PETITION_PERIOD), "kết quả xử lý theo từng kỳ"),
    _f("answers", ListOf(ANSWER), "các phản ánh, kiến nghị đã trả lời được công khai"),
    _f("illustrative", _illustrative, "số liệu minh họa"),
], what="kết quả xử lý phản ánh, kiến nghị")

SCORE_GROUP_POINTS = Record(ScoreGroups, [
    _f(key, _points, f"điểm nhóm chỉ số {label} (tối đa {most} điểm)") for key, (label, most) in SCORE_GROUPS.items()
], what="điểm theo nhóm chỉ số")

SCORE_PERIOD = Record(ScorePeriod, [
    _f("period", _period, "kỳ đánh giá", True),
    _f("source", SourceUrl(), "liên kết đến nơi công bố điểm (Cổng Dịch vụ công quốc gia hoặc văn bản công bố)", True),
    _f("groups", SCORE_GROUP_POINTS, "điểm theo các nhóm chỉ số của QĐ 766/QĐ-TTg"),
    _f("total", _points, "tổng điểm (tối đa 100); khi ghi đủ năm nhóm, phải bằng tổng điểm các nhóm"),
    _f("note", Text(), "ghi chú"),
], what="kỳ đánh giá chất lượng phục vụ")

SCORES = Record(Scores, [
    _f("unit", _unit, "mã đơn vị được đánh giá; tên tệp phải là mã này", True),
    _f("scores", ListOf(SCORE_PERIOD, min_items=1), "điểm theo từng kỳ đánh giá", True),
    _f("illustrative", _illustrative, "số liệu minh họa"),
], what="điểm chất lượng phục vụ")
