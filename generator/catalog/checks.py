"""Checks across files: names and folders, duplicates, references, dates.

Each check reads the validated entries and reports at the position of the
value that is wrong, with what to do about it. The checks along links
(parent, replaced_by, successors) are in ``graph.py``.

"Today" is CONGKHAI_TODAY or the date of the machine, as for the review
checks. A date that has not come yet is allowed one day of grace: the
machine may be in another time zone than the clerk.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import PurePosixPath

from generator.catalog import graph
from generator.catalog.errors import Problem
from generator.catalog.models import LISTED_STATUSES as LISTED
from generator.catalog.owners import lineage
from generator.catalog.report_checks import check_reports
from generator.catalog.resultchecks import RESULT_CHECKERS
from generator.text.vietnamese import fold

_FOLDER_WORD = {"units": "đơn vị", "procedures": "thủ tục", "internal": "thủ tục nội bộ", "plans": "kế hoạch",
                "petitions": "tệp kết quả xử lý phản ánh, kiến nghị", "scores": "tệp điểm chất lượng phục vụ"}


def check_catalog(catalog, entries, checked=None, today: str | None = None) -> list[Problem]:
    """Problems across *entries*; the per-file checks run on *checked* (default: all)."""
    problems: list[Problem] = []
    today = today or os.environ.get("CONGKHAI_TODAY") or dt.date.today().isoformat()

    def error(entry, key, message, warning=False):
        problems.append(Problem(entry.path, *entry.at(key), message, warning=warning))

    _check_names(entries, catalog, error)
    _check_duplicates(entries, error)
    for entry in entries if checked is None else checked:
        checker = _CHECKERS.get(entry.folder)
        if checker:
            checker(entry, catalog, error)
        if entry.folder in RESULT_CHECKERS:  # petitions/, scores/ (resultchecks.py)
            RESULT_CHECKERS[entry.folder](entry, catalog, today, error)
        _check_dates(entry, catalog, today, error)
    check_reports(entries if checked is None else checked, catalog, today, error)
    graph.check_parent_cycles(entries, catalog, error)
    graph.check_replacements(entries, catalog, error)
    if catalog.site is not None:
        _check_site(next(e for e in entries if e.model is catalog.site), catalog, error)
    for entry in entries:
        if entry.folder == "" and hasattr(entry.model, "synonyms"):
            _check_synonyms(entry, error)
    return problems


def _identity(entry) -> tuple[str, str]:
    if entry.folder == "procedures":
        return "code", entry.model.code
    if entry.folder in RESULT_CHECKERS:
        return "unit", entry.model.unit
    return "id", entry.model.id


def _check_names(entries, catalog, error) -> None:
    for entry in entries:
        if entry.folder not in _FOLDER_WORD:  # top-level files; reports are checked in report_checks.py
            continue
        key, value = _identity(entry)
        stem = PurePosixPath(entry.path).name[: -len(".yaml")]
        if stem != value:
            error(entry, key, f'tên tệp "{stem}.yaml" không khớp với {key} "{value}" — hãy đổi tên tệp thành "{value}.yaml" hoặc sửa {key}')
        if entry.owner_dir is None:
            continue
        if entry.owner_dir not in catalog.units and not _unreadable(catalog, "units", entry.owner_dir):
            error(entry, "owner", f'thư mục "{entry.owner_dir}" không phải mã của đơn vị nào trong catalog/units/ — hãy đặt tệp vào thư mục mang mã đơn vị của mình')
        elif entry.model.owner != entry.owner_dir:
            error(entry, "owner", f'owner "{entry.model.owner}" khác thư mục "{entry.owner_dir}" chứa tệp — mỗi đơn vị chỉ cập nhật tệp trong thư mục của mình; hãy sửa owner hoặc chuyển tệp sang catalog/{entry.folder}/{entry.model.owner}/')


def _check_duplicates(entries, error) -> None:
    seen: dict[tuple[str, str], object] = {}
    for entry in entries:
        if entry.folder not in _FOLDER_WORD:  # top-level files; reports are checked in report_checks.py
            continue
        key, value = _identity(entry)
        first = seen.setdefault((entry.folder, value), entry)
        if first is not entry:
            line = first.at(key)[0]
            error(entry, key, f'{key} "{value}" đã dùng cho {_FOLDER_WORD[entry.folder]} khác ở {first.path}:{line} — mỗi {_FOLDER_WORD[entry.folder]} chỉ có một tệp với một mã riêng')
    for entry in entries:
        if entry.folder == "" and hasattr(entry.model, "fields"):
            _unique(entry, entry.model.fields, "fields", "id", "mã lĩnh vực", error)


def _unique(entry, items, path, attr, label, error) -> None:
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if value in first:
            line = entry.at(f"{path}[{first[value]}].{attr}")[0]
            error(entry, f"{path}[{index}].{attr}", f'{label} "{value}" bị trùng (đã có ở dòng {line}) — mỗi mã chỉ dùng một lần')
        else:
            first[value] = index


def _unreadable(catalog, folder, value) -> bool:
    """A file for *value* exists but has errors of its own: references to it are not reported again."""
    if folder == "fields":
        return ("", "fields") in catalog.unreadable
    return (folder, value) in catalog.unreadable


def _ref(entry, key, value, catalog, folder, what, error) -> None:
    if value is not None and value not in getattr(catalog, folder) and not _unreadable(catalog, folder, value):
        error(entry, key, f'{key}: không có {what} nào mang mã "{value}" — hãy kiểm tra chính tả, hoặc thêm {what} đó vào danh mục trước')


def _check_unit(entry, catalog, error) -> None:
    unit = entry.model
    _ref(entry, "parent", unit.parent, catalog, "units", "đơn vị", error)
    for index, successor in enumerate(unit.successors):
        _ref(entry, f"successors[{index}]", successor, catalog, "units", "đơn vị", error)
    if unit.successors and not unit.valid_to:
        error(entry, "successors", "chỉ ghi đơn vị kế thừa (successors) khi đơn vị đã kết thúc — hãy thêm valid_to (ngày kết thúc) hoặc bỏ successors")
    if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
        error(entry, "valid_to", f"ngày kết thúc {unit.valid_to} trước ngày bắt đầu {unit.valid_from} — hãy kiểm tra lại hai ngày này")
    _unique(entry, unit.counters, "counters", "id", "mã Bộ phận Một cửa", error)
    for c_index, counter in enumerate(unit.counters):
        for f_index, field_id in enumerate(counter.fields):
            _ref(entry, f"counters[{c_index}].fields[{f_index}]", field_id, catalog, "fields", "lĩnh vực", error)


def _check_implementing(entry, implementing, catalog, error) -> None:
    for index, unit_id in enumerate(implementing.units):
        _ref(entry, f"implementing.units[{index}]", unit_id, catalog, "units", "đơn vị", error)
    for index, kind in enumerate(implementing.kinds):
        if not any(u.kind == kind for u in catalog.units.values()) and not any(f == "units" for f, _ in catalog.unreadable):
            error(entry, f"implementing.kinds[{index}]", f'chưa có đơn vị nào thuộc loại "{kind}" trong catalog/units/ — thủ tục sẽ không hiện ở đơn vị nào', warning=True)


def _check_documents(entry, model, error) -> None:
    forms = {form.name for form in getattr(model, "forms", ())}
    for index, document in enumerate(model.documents):
        if document.form and forms and document.form not in forms:
            error(entry, f"documents[{index}].form", f'mẫu "{document.form}" không có trong danh sách forms của thủ tục — hãy ghi đúng tên một mẫu trong forms')
        elif document.form and not forms and hasattr(model, "forms"):
            error(entry, f"documents[{index}].form", f'giấy tờ dẫn đến mẫu "{document.form}" nhưng thủ tục chưa có mục forms — hãy thêm mẫu đó vào forms')


def _check_publishes_as_owner(entry, implementing, catalog, error) -> None:
    """A unit publishes only under its own name: the units it names are itself or units under it."""
    owner = entry.model.owner
    for index, unit_id in enumerate(implementing.units):
        if unit_id in catalog.units and owner in catalog.units and owner not in lineage(unit_id, catalog.units):
            error(entry, f"implementing.units[{index}]", f'đơn vị "{owner}" chỉ được công bố thủ tục dưới tên mình hoặc đơn vị trực thuộc, '
                  f'không phải "{unit_id}" — hãy để đơn vị "{unit_id}" cập nhật tệp này trong thư mục của họ, hoặc dùng kinds nếu thủ tục áp dụng cho mọi đơn vị cùng loại')


def _check_procedure(entry, catalog, error) -> None:
    procedure = entry.model
    _ref(entry, "field", procedure.field, catalog, "fields", "lĩnh vực", error)
    _check_implementing(entry, procedure.implementing, catalog, error)
    _check_publishes_as_owner(entry, procedure.implementing, catalog, error)
    if not procedure.implementing.units and not procedure.implementing.kinds:
        error(entry, "implementing", "cần ghi ít nhất một đơn vị (units) hoặc một loại đơn vị (kinds) thực hiện thủ tục")
    _check_documents(entry, procedure, error)
    if procedure.status == "replaced" and not procedure.replaced_by:
        error(entry, "status", 'thủ tục có status: replaced (đã được thay thế) cần có dòng replaced_by: "<mã thủ tục thay thế>" — hãy thêm dòng đó, hoặc sửa status nếu thủ tục vẫn đang thực hiện')
    if procedure.replaced_by and procedure.replaced_by not in catalog.procedures and not _unreadable(catalog, "procedures", procedure.replaced_by):
        error(entry, "replaced_by", f'replaced_by: không có thủ tục nào mang mã "{procedure.replaced_by}" — hãy thêm thủ tục thay thế vào danh mục hoặc sửa mã')


def _check_internal(entry, catalog, error) -> None:
    internal = entry.model
    _ref(entry, "field", internal.field, catalog, "fields", "lĩnh vực", error)
    _check_implementing(entry, internal.implementing, catalog, error)
    _check_publishes_as_owner(entry, internal.implementing, catalog, error)


def _check_plan(entry, catalog, error) -> None:
    plan = entry.model
    _ref(entry, "issuer", plan.issuer, catalog, "units", "đơn vị", error)
    if plan.issuer in catalog.units and plan.owner in catalog.units and plan.issuer not in lineage(plan.owner, catalog.units):
        error(entry, "issuer", f'kế hoạch trong thư mục của "{plan.owner}" chỉ được ghi cơ quan ban hành là chính đơn vị đó hoặc đơn vị cấp trên của nó — '
              f'"{plan.issuer}" không phải; hãy để "{plan.issuer}" cập nhật kế hoạch này trong thư mục của họ')
    _unique(entry, plan.sections, "sections", "id", "số mục", error)
    _unique(entry, plan.tasks, "tasks", "id", "mã nhiệm vụ", error)
    sections = {section.id for section in plan.sections}
    for t_index, task in enumerate(plan.tasks):
        if task.section not in sections:
            error(entry, f"tasks[{t_index}].section", f'mục "{task.section}" không có trong sections của kế hoạch — hãy thêm mục đó vào sections hoặc sửa lại')
        if task.time_text and (task.start_text or task.end_text):
            error(entry, f"tasks[{t_index}].time_text", "chỉ dùng time_text, hoặc start_text và end_text — không dùng cả hai cách")
        for role in ("lead", "partners"):
            for p_index, party in enumerate(getattr(task, role)):
                _ref(entry, f"tasks[{t_index}].{role}[{p_index}].unit", party.unit, catalog, "units", "đơn vị", error)


def _check_site(entry, catalog, error) -> None:
    _ref(entry, "authority", catalog.site.authority, catalog, "units", "đơn vị", error)
    links = graph.replaced_links(catalog.procedures)
    for index, code in enumerate(catalog.site.popular):
        _ref(entry, f"popular[{index}]", code, catalog, "procedures", "thủ tục", error)
        status = getattr(catalog.procedures.get(code), "status", "active")  # a file not read is not judged
        if status == "abolished":
            error(entry, f"popular[{index}]", f'popular[{index}]: thủ tục "{code}" đã bãi bỏ (status: abolished) nên trang chủ không hiện nó trong các thủ tục '
                  "được dùng nhiều — hãy xóa dòng này hoặc thay bằng mã một thủ tục đang thực hiện")
        elif status == "replaced":
            path, final = graph.replacement(code, catalog.procedures, links)
            fix = f'hãy thay bằng mã thủ tục thay thế đang thực hiện "{path[-1]}"' if final in LISTED else "hãy xóa dòng này hoặc thay bằng mã một thủ tục đang thực hiện"
            error(entry, f"popular[{index}]", f'popular[{index}]: thủ tục "{code}" đã được thay thế (status: replaced) nên trang chủ không hiện nó '
                  f"trong các thủ tục được dùng nhiều — {fix}")


def _check_synonyms(entry, error) -> None:
    """A popular name may point to one official phrase only, and never to itself."""
    first: dict[str, str] = {}
    for s_index, synonym in enumerate(entry.model.synonyms):
        for w_index, word in enumerate(synonym.words):
            key = fold(word).strip()
            where = f"synonyms[{s_index}].words[{w_index}]"
            if key == fold(synonym.means).strip():
                error(entry, where, f'"{word}" trùng với chính cụm từ "{synonym.means}" — hãy xóa dòng này')
            elif key in first:
                error(entry, where, f'"{word}" đã có ở dòng {entry.at(first[key])[0]} — mỗi cách gọi chỉ được chỉ đến một cụm từ chính thức')
            else:
                first[key] = where


def _check_dates(entry, catalog, today, error) -> None:
    """What has happened is not dated in the future; a unit that has ended publishes nothing new."""
    if entry.folder in ("procedures", "internal"):
        _check_happened(entry, today, error)
        if entry.model.status in LISTED:
            graph.check_ended_folder(entry, catalog, today, error)
            graph.check_ended_implementing(entry, catalog, today, error)
    elif entry.folder == "plans" and _coming(entry.model.date, today):
        error(entry, "date", f"date: ngày ban hành kế hoạch {entry.model.date} chưa đến — hãy kiểm tra lại ngày ký ban hành; "
              "kế hoạch cho năm sau vẫn ghi ngày đã ký", warning=True)
    elif entry.folder == "plans":
        graph.check_plan_after_end(entry, catalog, today, error)


def _coming(day, today: str) -> bool:
    """A date after tomorrow: one day of grace, the machine may be a time zone behind the clerk."""
    return bool(day) and day > (dt.date.fromisoformat(today) + dt.timedelta(days=1)).isoformat()


def _check_happened(entry, today, error) -> None:
    model = entry.model
    if _coming(getattr(model, "reviewed_on", None), today):
        error(entry, "reviewed_on", f"reviewed_on: ngày rà soát {model.reviewed_on} chưa đến — chỉ ghi ngày đã thực sự rà soát (hôm nay hoặc trước đó); "
              "hãy kiểm tra lại năm, tháng, ngày")
    announcement = model.announcement
    if announcement and _coming(announcement.date, today):
        error(entry, "announcement.date", f"announcement.date: ngày ký quyết định công bố {announcement.date} chưa đến — hãy kiểm tra lại ngày ký; "
              "nếu quyết định có hiệu lực từ một ngày sau, hãy ghi ngày đó ở announcement.effective", warning=True)


_CHECKERS = {"units": _check_unit, "procedures": _check_procedure, "internal": _check_internal, "plans": _check_plan}
