"""New catalog files for clerks: `congkhai new procedure|internal|plan|unit|report`.

From the answers (asked and checked one by one in ``wizard.py`` and
``answers.py``, or given as options for scripts) a complete, commented file
is written in the right folder, with a first line that tells the editor
which JSON Schema checks it. The file is checked with the rest of the
catalog before it is kept: a clerk never gets a file that does not pass
`congkhai validate`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.catalog import kinds
from generator.catalog.reports import REPORT_STATUSES

SCHEMA_LINE = "# yaml-language-server: $schema={path}\n"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _list(key: str, items, indent: str = "") -> str:
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {q(item)}\n" for item in items)


def procedure(a: dict) -> tuple[str, str]:
    channels = "".join(f"  - kind: {c['kind']}\n    time: {q(c['time'])}\n    fee: {q(c['fee'])}\n" for c in a["channels"])
    implementing = f"  kinds: [{', '.join(a['kinds'])}]\n" if a.get("kinds") else f"  units: [{a['owner']}]\n"
    text = f"""code: {q(a['code'])}
name: {q(a['name'])}
owner: {a['owner']}                     # mã đơn vị cập nhật = tên thư mục chứa tệp
field: {a['field']}                     # mã lĩnh vực trong catalog/fields.yaml
levels: [{', '.join(a['levels'])}]      # tinh | xa | bo | khac
implementing:                           # đơn vị thực hiện: units (mã đơn vị) và/hoặc kinds (mọi đơn vị cùng loại)
{implementing}steps:                                  # trình tự thực hiện, giữ nguyên văn
{''.join(f"  - {q(step)}{chr(10)}" for step in a['steps'])}channels:                               # cách thức: truc-tiep | truc-tuyen | buu-chinh, mỗi cách một thời hạn và phí
{channels}result: {q(a['result'])}
{_documents(a['documents'])}requirements: {q(a['requirements'])}
{_list('legal_basis', a['legal_basis'])}# Các trường nên bổ sung (bỏ dấu # ở đầu dòng rồi điền):
# aliases: ["tên thường gọi"]
# audiences: ["Công dân Việt Nam"]
# competent_authority: "Ủy ban nhân dân cấp xã"
# online_service: {{level: full, url: "https://dichvucong.gov.vn/…"}}
# announcement: {{decision: "Quyết định số …/QĐ-UBND", date: "2025-07-01", kind: moi}}
# reviewed_on: "2025-07-01"
"""
    return f"procedures/{a['owner']}/{a['code']}.yaml", text


def _documents(documents) -> str:
    """documents: one item per document (name, originals, copies, form), or the statement that there are none."""
    if isinstance(documents, str):
        return f"documents: {{none: {q(documents)}}}\n"
    text = "documents:\n"
    for document in documents:
        text += f"  - name: {q(document['name'])}\n"
        text += "".join(f"    {key}: {q(document[key])}\n" for key in ("originals", "copies", "form") if document.get(key))
    forms = list(dict.fromkeys(document["form"] for document in documents if document.get("form")))
    if forms:  # a document's form is one of the procedure's forms: its link to download is to be added
        text += "forms:                                  # mẫu đơn, tờ khai; thêm url: liên kết tải mẫu\n"
        text += "".join(f"  - name: {q(form)}\n" for form in forms)
    return text


def internal(a: dict) -> tuple[str, str]:
    text = f"""id: {a['id']}
name: {q(a['name'])}
owner: {a['owner']}                     # mã đơn vị cập nhật = tên thư mục chứa tệp
{_list('steps', a['steps'])}# Các trường nên bổ sung (bỏ dấu # ở đầu dòng rồi điền):
# field: "ma-linh-vuc"
# time: "10 ngày làm việc"
# result: "…"
# legal_basis: ["Quyết định số …"]
"""
    return f"internal/{a['owner']}/{a['id']}.yaml", text


def plan(a: dict) -> tuple[str, str]:
    text = f"""id: {a['id']}
number: {q(a['number'])}                # số, ký hiệu như trong văn bản
title: {q(a['title'])}
year: {q(a['year'])}
issuer: {a['issuer']}                   # cơ quan ban hành: đơn vị này hoặc đơn vị cấp trên
owner: {a['owner']}
# date: "2025-01-15"
sections:                               # các mục của phụ lục, theo thứ tự
  - id: "I"
    title: {q(a['section'])}
tasks:                                  # mỗi dòng của phụ lục là một nhiệm vụ
  - id: "I.1"
    number: "1"
    section: "I"
    content: {q(a['task'])}
    lead:
      - text: {q(a['lead_text'])}
        unit: {a['owner']}
    # partners: [{{text: "Các phòng có liên quan"}}]
    # time_text: "Quý I/2025"
    # output: "Báo cáo"
"""
    return f"plans/{a['owner']}/{a['id']}.yaml", text


def unit(a: dict) -> tuple[str, str]:
    parent = f"parent: {a['parent']}\n" if a.get("parent") else ""
    maintainers = f"maintainers: [{', '.join(q(m) for m in a['maintainers'])}]\n" if a.get("maintainers") else ""
    text = f"""id: {a['id']}
name: {q(a['name'])}
kind: {a['kind']}                       # {' | '.join(kinds.UNIT_KINDS)}
level: {a["unit_level"]}                # tinh | huyen | xa
{parent}{maintainers}# Các trường nên bổ sung (bỏ dấu # ở đầu dòng rồi điền):
# address: "…"
# phones: [{{label: "Văn phòng", number: "…"}}]
# email: "…"
# website: "https://…"
# opening_hours: "Sáng 7:30 – 11:30, chiều 13:30 – 17:00"
# petition: {{address: "…", phone: "…", email: "…"}}
"""
    return f"units/{a['id']}.yaml", text


def report(a: dict) -> tuple[str, str]:
    text = f"""plan: {a['plan']}
unit: {a['unit']}                       # mã đơn vị báo cáo = tên thư mục chứa tệp
reports:                                # mỗi nhiệm vụ, mỗi kỳ một báo cáo
  - task: {q(a['task_id'])}
    period: {q(a['period'])}            # NĂM-Qn (quý), NĂM-THÁNG (tháng) hoặc NĂM (cả năm)
    status: dang-thuc-hien              # {' | '.join(REPORT_STATUSES)}
    # done_on: "2025-03-20"             # ngày hoàn thành: bắt buộc khi status: hoan-thanh, chỉ khi đó
    # evidence: [{{document: "Báo cáo số …", date: "2025-03-20", url: "https://…"}}]
    # note: "…"
# actuals:                              # số thực hiện các chỉ tiêu (targets) của kế hoạch: mỗi chỉ tiêu, mỗi kỳ một số
#   - {{target: "ma-chi-tieu", period: "2025-Q1", value: "76,5"}}
"""
    return f"reports/{a['unit']}/{a['plan']}.yaml", text


KINDS = {"procedure": (procedure, "procedure"), "internal": (internal, "internal"), "plan": (plan, "plan"), "unit": (unit, "unit"),
         "report": (report, "report")}


def render(kind: str, answers: dict, schemas: Path, catalog: Path) -> tuple[Path, str]:
    """The path and text of a new file of *kind*; the schema line points from the file to *schemas*."""
    build, schema = KINDS[kind]
    relative, text = build(answers)
    path = catalog / relative
    schema_path = Path(os.path.relpath(schemas / f"{schema}.schema.json", path.parent)).as_posix()
    return path, SCHEMA_LINE.format(path=schema_path) + text
