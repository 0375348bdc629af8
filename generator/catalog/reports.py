"""The kinds of a unit's progress report file and of a plan's measurable targets, field by field.

    catalog/reports/<unit id>/<plan id>.yaml

    plan: kh-10-2022-ubnd-tp
    unit: so-tu-phap
    reports:
      - task: "I.05"
        period: 2024-Q1          # YYYY-Qn (quý), YYYY-MM (tháng) or YYYY (năm)
        status: hoan-thanh
        done_on: 2024-03-20      # when hoan-thanh, and only then
        evidence: [{document: "Báo cáo số 12/BC-STP", date: 2024-03-20, url: https://…}]
    actuals:
      - {target: ty-le-ho-so-so-hoa, period: 2024-Q1, value: 76.5}

Targets are declared in the plan file (``targets:`` on the plan or a task).
The checks across files (the plan, the task, the unit's place on it) are in
``report_checks.py``.
"""

from __future__ import annotations

from generator.catalog import report_models as m
from generator.catalog.linkkinds import Url
from generator.catalog.schema import Date, Enum, Field, ListOf, Record, Switch, Text

REPORT_STATUSES = {
    "chua-thuc-hien": "chưa thực hiện",
    "dang-thuc-hien": "đang thực hiện",
    "hoan-thanh": "đã hoàn thành",
    "tam-dung": "tạm dừng",
}
PERIOD = r"\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?"
PERIOD_HINT = 'hãy ghi kỳ báo cáo dạng NĂM-Qn cho quý (ví dụ "2024-Q1"), NĂM-THÁNG cho tháng (ví dụ "2024-03") hoặc NĂM cho cả năm (ví dụ "2024")'
NUMBER = r"-?\d+([.,]\d+)?"
NUMBER_HINT = 'hãy ghi một số bằng chữ số, không kèm đơn vị, ví dụ "80" hoặc "76,5"'
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
SLUG_HINT = 'chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "ty-le-ho-so-so-hoa"'

_slug = Text(pattern=SLUG, hint=SLUG_HINT, noun="mã")
_text = Text()
_number = Text(pattern=NUMBER, hint=NUMBER_HINT, noun="số")
_period = Text(pattern=PERIOD, hint=PERIOD_HINT, noun="kỳ báo cáo")
_illustrative = Switch({"true": "dữ liệu minh họa, trang ghi rõ là minh họa", "false": "dữ liệu thật, như khi không ghi"})


def _f(key, kind, label, required=False):
    return Field(key, kind, label, required=required)


TARGET = Record(m.Target, [
    _f("id", _slug, "mã chỉ tiêu, không trùng trong kế hoạch", True),
    _f("name", _text, "tên chỉ tiêu", True),
    _f("measure", _text, 'đơn vị tính, ví dụ "%" hoặc "hồ sơ"', True),
    _f("target", _number, "giá trị chỉ tiêu", True),
    _f("higher_is_better", Switch({"true": "càng cao càng tốt: đạt khi số thực hiện từ chỉ tiêu trở lên",
                                   "false": "càng thấp càng tốt: đạt khi số thực hiện từ chỉ tiêu trở xuống"}),
       "chiều của chỉ tiêu"),
    _f("text", _text, "lời văn của kế hoạch về chỉ tiêu, giữ nguyên văn"),
], what="chỉ tiêu")

EVIDENCE = Record(m.Evidence, [
    _f("document", _text, "số, ký hiệu và tên văn bản làm minh chứng", True),
    _f("date", Date(), "ngày văn bản"),
    _f("url", Url(), "liên kết đến văn bản"),
], what="minh chứng")

TASK_REPORT = Record(m.TaskReport, [
    _f("task", Text(noun="mã nhiệm vụ"), "mã nhiệm vụ trong kế hoạch (id của nhiệm vụ)", True),
    _f("period", _period, "kỳ báo cáo", True),
    _f("status", Enum(REPORT_STATUSES), "tình trạng thực hiện", True),
    _f("done_on", Date(), "ngày hoàn thành: bắt buộc khi status là hoan-thanh, không ghi khi chưa hoàn thành"),
    _f("evidence", ListOf(EVIDENCE), "minh chứng (văn bản, báo cáo)"),
    _f("note", _text, "ghi chú"),
    _f("illustrative", _illustrative, "dữ liệu minh họa"),
], what="báo cáo nhiệm vụ")

ACTUAL = Record(m.Actual, [
    _f("target", _slug, "mã chỉ tiêu của kế hoạch hoặc của một nhiệm vụ", True),
    _f("period", _period, "kỳ báo cáo", True),
    _f("value", _number, "số thực hiện, cùng đơn vị tính với chỉ tiêu", True),
    _f("note", _text, "ghi chú"),
    _f("illustrative", _illustrative, "dữ liệu minh họa"),
], what="số thực hiện chỉ tiêu")

REPORT = Record(m.ReportFile, [
    _f("plan", _slug, "mã kế hoạch = tên tệp", True),
    _f("unit", _slug, "mã đơn vị báo cáo = tên thư mục chứa tệp", True),
    _f("reports", ListOf(TASK_REPORT), "báo cáo tiến độ các nhiệm vụ"),
    _f("actuals", ListOf(ACTUAL), "số thực hiện các chỉ tiêu theo kỳ"),
    _f("illustrative", _illustrative, "cả tệp là dữ liệu minh họa"),
], what="báo cáo tiến độ")
