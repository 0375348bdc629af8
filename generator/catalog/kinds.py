"""The kinds of catalog file, field by field, with their Vietnamese names."""

from __future__ import annotations

from generator.catalog import models as m
from generator.catalog.linkkinds import Email, PhoneNumber, TextOrLink, Url
from generator.catalog.schema import Date, Enum, Field, ListOf, Record, Switch, Text
from generator.catalog.statements import DocNumber, OrNone
from generator.catalog.media import CAPTION_TYPES, IMAGE_TYPES, VIDEO_TYPES, HttpsUrl, MediaPath, VideoRecord
from generator.catalog.reports import REPORT, TARGET  # noqa: F401 - REPORT: catalog/reports/<unit>/<plan>.yaml
from generator.catalog.results import PETITIONS, SCORES  # noqa: F401 - catalog/petitions/<unit>.yaml, catalog/scores/<unit>.yaml

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
SLUG_HINT = 'chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "so-tu-phap"'
CODE = r"\d\.\d{6}(\.[A-Za-z0-9]+)*"
CODE_HINT = 'mã thủ tục quốc gia gồm một chữ số, dấu chấm và sáu chữ số, ví dụ "1.001193" (nên đặt trong dấu nháy kép)'
INTERNAL_ID = r"[a-z0-9]+([.-][a-z0-9]+)*"

LEVELS = {"tinh": "cấp tỉnh", "xa": "cấp xã", "bo": "cấp bộ", "khac": "cơ quan khác"}
UNIT_LEVELS = {"tinh": "cấp tỉnh", "huyen": "cấp huyện (trước 01/7/2025)", "xa": "cấp xã"}
UNIT_KINDS = {
    "ubnd-tinh": "Ủy ban nhân dân cấp tỉnh",
    "ubnd-huyen": "Ủy ban nhân dân cấp huyện",
    "ubnd-xa": "Ủy ban nhân dân cấp xã",
    "van-phong": "văn phòng",
    "so": "sở, ban, ngành",
    "phong": "phòng, đơn vị trực thuộc",
    "trung-tam": "trung tâm",
    "khac": "cơ quan khác",
}
CHANNELS = {"truc-tiep": "Trực tiếp", "truc-tuyen": "Trực tuyến", "buu-chinh": "Dịch vụ bưu chính"}
ONLINE_LEVELS = {"full": "toàn trình", "partial": "một phần", "none": "không cung cấp trực tuyến"}
ANNOUNCEMENT_KINDS = {"moi": "công bố mới", "sua-doi": "sửa đổi, bổ sung", "thay-the": "thay thế", "bai-bo": "bãi bỏ"}
STATUSES = {
    "active": "đang thực hiện",
    "amended": "đang thực hiện (đã sửa đổi, bổ sung)",
    "replaced": "đã được thay thế",
    "abolished": "đã bãi bỏ",
}
TASK_STATUSES = {"chua-thuc-hien": "chưa thực hiện", "dang-thuc-hien": "đang thực hiện", "hoan-thanh": "đã hoàn thành"}

_slug = Text(pattern=SLUG, hint=SLUG_HINT, noun="mã")
_text = Text()
_texts = ListOf(_text)
_dated = Text(blanks=True)  # text that holds a date or a document's number: "ngày … tháng" is reported


def _f(key, kind, label, required=False, attr=None, if_none=""):
    return Field(key, kind, label, required=required, attr=attr, if_none=if_none)


VIDEO = VideoRecord(m.Video, [
    _f("title", _text, "tiêu đề video", True),
    _f("file", MediaPath(types=VIDEO_TYPES, example="media/<mã đơn vị>/<tên>.webm"),
       "tệp video lưu trong danh mục (.webm hoặc .mp4)"),
    _f("captions", MediaPath(types=CAPTION_TYPES, example="media/<mã đơn vị>/<tên>.vi.vtt"),
       "phụ đề tiếng Việt dạng WebVTT (.vtt), bắt buộc khi có tệp video"),
    _f("poster", MediaPath(types=IMAGE_TYPES, example="media/<mã đơn vị>/<tên>.jpg"), "ảnh hiện trước khi phát (.jpg, .png hoặc .webp)"),
    _f("url", HttpsUrl(), "liên kết https đến trang video ở nơi khác (chỉ hiện thành liên kết, không nhúng)"),
    _f("duration", Text(pattern=r"(\d{1,2}:)?[0-5]?\d:[0-5]\d", hint='ghi dạng phút:giây, ví dụ "2:30" (hoặc giờ:phút:giây "1:05:00")',
                        noun="thời lượng"), "thời lượng"),
], what="video hướng dẫn")
_videos = ListOf(VIDEO)


LICENSE = Record(m.License, [
    _f("name", _text, "tên giấy phép", True),
    _f("url", Url(), "liên kết đến toàn văn giấy phép"),
    _f("spdx", Text(pattern=r"[A-Za-z0-9.+-]+", hint='hãy ghi mã SPDX của giấy phép, ví dụ "CC-BY-4.0"', noun="mã giấy phép"),
       "mã SPDX của giấy phép, ví dụ CC-BY-4.0"),
], what="giấy phép")

SITE = Record(m.Site, [
    _f("title", _text, "tên trang", True),
    _f("authority", _slug, "mã cơ quan công bố", True),
    _f("notice", _text, "thông báo đầu trang"),
    _f("popular", ListOf(Text(pattern=CODE, hint=CODE_HINT)), "mã các thủ tục được dùng nhiều"),
    _f("petition_portal", Url(), "địa chỉ Hệ thống tiếp nhận phản ánh, kiến nghị quốc gia"),
    _f("review_months", Text(pattern=r"\d{1,3}", hint='hãy ghi số tháng bằng chữ số, ví dụ "12"', noun="số tháng"),
       "sau bao nhiêu tháng thì nhắc rà soát lại thủ tục (mặc định 12)"),
    _f("media_max_mb", Text(pattern=r"\d{1,5}([.,]\d{1,3})?", hint='hãy ghi số MB bằng chữ số, ví dụ "50" hoặc "0,5"', noun="số MB"),
       "dung lượng tối đa của một tệp video, ảnh, phụ đề, tính bằng MB, trên đó validate cảnh báo (mặc định 50)"),
    _f("license", LICENSE, "giấy phép của dữ liệu mở (trang Dữ liệu mở)"),
], what="cấu hình trang")

FIELD = Record(m.Field, [
    _f("id", _slug, "mã lĩnh vực", True),
    _f("name", _text, "tên lĩnh vực", True),
    _f("sector", _text, "ngành"),
    _f("videos", _videos, "video hướng dẫn chung của lĩnh vực"),
], what="lĩnh vực")

FIELDS = Record(m.FieldList, [_f("fields", ListOf(FIELD, min_items=1), "danh sách lĩnh vực", True)], what="danh sách lĩnh vực")

SYNONYM = Record(m.Synonym, [
    _f("words", ListOf(_text, min_items=1), "các cách gọi thường dùng", True),
    _f("means", _text, "cụm từ chính thức mà các cách gọi đó chỉ đến", True),
], what="từ đồng nghĩa")

SYNONYMS = Record(m.SynonymList, [
    _f("defaults", Switch({"true": "dùng cả danh sách cách gọi có sẵn của congkhai, như khi không ghi",
                           "false": "chỉ dùng các cách gọi trong tệp này"}),
       "có dùng danh sách cách gọi thường dùng có sẵn trong congkhai không"),
    _f("synonyms", ListOf(SYNONYM, min_items=1), "danh sách từ đồng nghĩa, thêm vào hoặc thay cho danh sách có sẵn"),
], what="danh sách từ đồng nghĩa")

PHONE = Record(m.Phone, [_f("number", PhoneNumber(), "số điện thoại", True), _f("label", _text, "tên đường dây")], what="số điện thoại")

COUNTER = Record(m.Counter, [
    _f("id", _slug, "mã quầy", True),
    _f("name", _text, "tên Bộ phận Một cửa", True),
    _f("address", _text, "địa chỉ"),
    _f("fields", ListOf(_slug), "các lĩnh vực tiếp nhận"),
], what="Bộ phận Một cửa")

PETITION = Record(m.Petition, [
    _f("address", _text, "địa chỉ cơ quan"),
    _f("postal_address", _text, "địa chỉ thư tín"),
    _f("phone", PhoneNumber(), "số điện thoại chuyên dùng"),
    _f("email", Email(), "thư điện tử"),
    _f("website", Url(), "trang thông tin điện tử"),
], what="nơi tiếp nhận phản ánh, kiến nghị")

UNIT = Record(m.Unit, [
    _f("id", _slug, "mã đơn vị", True),
    _f("name", _text, "tên đơn vị", True),
    _f("short_name", _text, "tên ngắn"),
    _f("kind", Enum(UNIT_KINDS), "loại đơn vị", True),
    _f("level", Enum(UNIT_LEVELS), "cấp", True),
    _f("parent", _slug, "đơn vị cấp trên"),
    _f("address", _text, "địa chỉ trụ sở"),
    _f("postal_address", _text, "địa chỉ thư tín"),
    _f("phones", ListOf(PHONE), "số điện thoại"),
    _f("email", Email(), "thư điện tử"),
    _f("website", Url(), "trang thông tin điện tử"),
    _f("opening_hours", _text, "giờ làm việc"),
    _f("counters", ListOf(COUNTER), "Bộ phận Một cửa"),
    _f("petition", PETITION, "nơi tiếp nhận phản ánh, kiến nghị"),
    _f("maintainers", _texts, "người cập nhật"),
    _f("valid_from", Date(), "ngày bắt đầu hoạt động"),
    _f("valid_to", Date(), "ngày kết thúc hoạt động"),
    _f("successors", ListOf(_slug), "đơn vị kế thừa"),
    _f("contact_note", _text, "ghi chú về thông tin liên hệ"),
    _f("videos", _videos, "video hướng dẫn chung của đơn vị"),
], what="đơn vị")

IMPLEMENTING = Record(m.Implementing, [
    _f("units", ListOf(_slug), "các đơn vị thực hiện"),
    _f("kinds", ListOf(Enum(UNIT_KINDS)), "các loại đơn vị thực hiện"),
], what="cơ quan thực hiện")

DOCUMENT = Record(m.Document, [
    _f("name", _text, "tên giấy tờ", True),
    _f("originals", Text(pattern=r"\d+", hint='hãy ghi số bản bằng chữ số, ví dụ "1"'), "số bản chính"),
    _f("copies", Text(pattern=r"\d+", hint='hãy ghi số bản bằng chữ số, ví dụ "0"'), "số bản sao"),
    _f("form", _text, "mẫu đơn, tờ khai kèm theo"),
], what="giấy tờ")

CHANNEL = Record(m.Channel, [
    _f("kind", Enum(CHANNELS), "cách thức nộp", True),
    _f("time", _text, "thời hạn giải quyết", True),
    _f("fee", _text, "phí, lệ phí", True, if_none='fee: "Không thu phí, lệ phí"'),
    _f("note", _text, "mô tả"),
], what="cách thức thực hiện")

FORM = Record(m.Form, [_f("name", _text, "tên mẫu", True), _f("url", Url(), "liên kết tải mẫu")], what="mẫu đơn, tờ khai")

ONLINE = Record(m.OnlineService, [
    _f("level", Enum(ONLINE_LEVELS), "mức độ dịch vụ công trực tuyến", True),
    _f("url", Url(), "liên kết dịch vụ công trực tuyến"),
], what="dịch vụ công trực tuyến")

ANNOUNCEMENT = Record(m.Announcement, [
    _f("decision", DocNumber(), "số quyết định công bố", True),
    _f("date", Date(), "ngày quyết định"),
    _f("issuer", _text, "người, cơ quan ban hành"),
    _f("kind", Enum(ANNOUNCEMENT_KINDS), "loại công bố"),
    _f("effective", Date(), "ngày có hiệu lực của quyết định"),
], what="quyết định công bố")

PROCEDURE = Record(m.Procedure, [
    _f("code", Text(pattern=CODE, hint=CODE_HINT, noun="mã thủ tục"), "mã thủ tục", True),
    _f("local_code", _text, "mã địa phương"),
    _f("name", _text, "tên thủ tục", True),
    _f("owner", _slug, "đơn vị cập nhật", True),
    _f("aliases", _texts, "tên thường gọi"),
    _f("keywords", _texts, "từ khóa"),
    _f("field", _slug, "lĩnh vực", True),
    _f("levels", ListOf(Enum(LEVELS), min_items=1), "cấp thực hiện", True),
    _f("audiences", _texts, "đối tượng thực hiện"),
    _f("implementing", IMPLEMENTING, "cơ quan thực hiện", True),
    _f("competent_authority", _text, "cơ quan có thẩm quyền"),
    _f("steps", ListOf(_text, min_items=1), "trình tự thực hiện", True),
    _f("documents", OrNone(ListOf(DOCUMENT, min_items=1), "Không phải nộp hồ sơ."), "thành phần hồ sơ", True,
       if_none='documents: {none: "Không phải nộp hồ sơ."}'),
    _f("channels", ListOf(CHANNEL, min_items=1), "cách thức thực hiện", True),
    _f("result", _text, "kết quả thực hiện", True),
    _f("requirements", _text, "yêu cầu, điều kiện", True, if_none='requirements: "Không có yêu cầu, điều kiện."'),
    _f("forms", OrNone(ListOf(FORM, min_items=1), "Không có mẫu đơn, tờ khai."), "mẫu đơn, tờ khai"),
    _f("legal_basis", ListOf(_dated, min_items=1), "căn cứ pháp lý", True),
    _f("online_service", ONLINE, "dịch vụ công trực tuyến"),
    _f("announcement", ANNOUNCEMENT, "quyết định công bố"),
    _f("status", Enum(STATUSES), "tình trạng"),
    _f("replaced_by", Text(pattern=CODE, hint=CODE_HINT), "mã thủ tục thay thế"),
    _f("source", TextOrLink(), "nguồn", attr="source_ref"),
    _f("reviewed_on", Date(), "ngày rà soát gần nhất"),
    _f("videos", _videos, "video hướng dẫn thực hiện thủ tục"),
], what="thủ tục")

INTERNAL = Record(m.Internal, [
    _f("id", Text(pattern=INTERNAL_ID, hint=SLUG_HINT, noun="mã"), "mã thủ tục nội bộ", True),
    _f("name", _text, "tên thủ tục nội bộ", True),
    _f("owner", _slug, "đơn vị cập nhật", True),
    _f("field", _slug, "lĩnh vực"),
    _f("scope", _text, "phạm vi"),
    _f("implementing", IMPLEMENTING, "cơ quan thực hiện"),
    _f("steps", ListOf(_text, min_items=1), "trình tự thực hiện", True),
    _f("documents", ListOf(DOCUMENT), "thành phần hồ sơ"),
    _f("time", _text, "thời hạn giải quyết"),
    _f("result", _text, "kết quả thực hiện"),
    _f("legal_basis", ListOf(_dated), "căn cứ pháp lý"),
    _f("announcement", ANNOUNCEMENT, "quyết định công bố"),
    _f("status", Enum(STATUSES), "tình trạng"),
], what="thủ tục nội bộ")

SECTION = Record(m.Section, [_f("id", _text, "số mục", True), _f("title", _text, "tên mục", True)], what="mục của phụ lục")

PARTY = Record(m.Party, [_f("text", _text, "tên như trong văn bản", True), _f("unit", _slug, "mã đơn vị")], what="đơn vị chủ trì, phối hợp")

TASK = Record(m.Task, [
    _f("id", _text, "mã nhiệm vụ", True),
    _f("number", _text, "số thứ tự"),
    _f("section", _text, "mục", True),
    _f("content", _text, "nội dung nhiệm vụ", True),
    _f("lead", ListOf(PARTY), "đơn vị chủ trì"),
    _f("partners", ListOf(PARTY), "đơn vị phối hợp"),
    _f("time_text", _dated, "thời gian thực hiện"),
    _f("start_text", _dated, "thời gian bắt đầu"),
    _f("end_text", _dated, "thời gian hoàn thành"),
    _f("output", _text, "sản phẩm dự kiến"),
    _f("legal_basis", _dated, "căn cứ thực hiện"),
    _f("status", Enum(TASK_STATUSES), "tình trạng"),
    _f("targets", ListOf(TARGET), "chỉ tiêu đo được của nhiệm vụ"),
], what="nhiệm vụ")

PLAN = Record(m.Plan, [
    _f("id", _slug, "mã kế hoạch", True),
    _f("number", DocNumber(), "số ký hiệu", True),
    _f("title", _text, "trích yếu", True),
    _f("year", Text(pattern=r"\d{4}", hint='hãy ghi năm bằng bốn chữ số, ví dụ "2024"', noun="năm"), "năm", True),
    _f("issuer", _slug, "cơ quan ban hành", True),
    _f("owner", _slug, "đơn vị cập nhật", True),
    _f("date", Date(), "ngày ban hành"),
    _f("date_text", _dated, "ngày ban hành như trong văn bản"),
    _f("source", TextOrLink(), "nguồn", attr="source_ref"),
    _f("summary", _text, "tóm tắt"),
    _f("sections", ListOf(SECTION, min_items=1), "các mục của phụ lục", True),
    _f("tasks", ListOf(TASK, min_items=1), "các nhiệm vụ", True),
    _f("targets", ListOf(TARGET), "chỉ tiêu đo được của kế hoạch"),
], what="kế hoạch")
