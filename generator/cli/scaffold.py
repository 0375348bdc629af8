"""New catalog files for clerks: `congkhai new procedure|internal|plan|unit`.

From a few answers (asked one by one, or given as options for scripts) a
complete, commented file is written in the right folder, with a first line
that tells the editor which JSON Schema checks it. The file is checked with
the rest of the catalog before it is written: a clerk never gets a file
that does not pass `congkhai validate`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.catalog import kinds

SCHEMA_LINE = "# yaml-language-server: $schema={path}\n"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _list(key: str, items, indent: str = "") -> str:
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {q(item)}\n" for item in items)


def procedure(a: dict) -> tuple[str, str]:
    channels = "".join(f"  - kind: {kind}\n    time: {q(time)}\n    fee: {q(fee)}\n" for kind, time, fee in a["channels"])
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


NONE_WORDS = {"khong", "không", "none"}


def _documents(lines) -> str:
    """documents: one per answer "tên | bản chính | bản sao"; the single answer "không" states there are none."""
    if len(lines) == 1 and lines[0].strip().lower() in NONE_WORDS:
        return 'documents: {none: "Không phải nộp hồ sơ."}\n'
    text = "documents:\n"
    for line in lines:
        name, _, rest = line.partition("|")
        originals, _, copies = rest.partition("|")
        text += f"  - name: {q(name.strip())}\n"
        text += f"    originals: {q(originals.strip())}\n" if originals.strip() else ""
        text += f"    copies: {q(copies.strip())}\n" if copies.strip() else ""
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


KINDS = {"procedure": (procedure, "procedure"), "internal": (internal, "internal"), "plan": (plan, "plan"), "unit": (unit, "unit")}


def render(kind: str, answers: dict, schemas: Path, catalog: Path) -> tuple[Path, str]:
    """The path and text of a new file of *kind*; the schema line points from the file to *schemas*."""
    build, schema = KINDS[kind]
    relative, text = build(answers)
    path = catalog / relative
    schema_path = Path(os.path.relpath(schemas / f"{schema}.schema.json", path.parent)).as_posix()
    return path, SCHEMA_LINE.format(path=schema_path) + text


# What to ask for each kind: (answer, question, how many). "many" answers end with an empty line.
QUESTIONS = {
    "procedure": [("code", "Mã thủ tục (ví dụ 1.001193)", "one"), ("name", "Tên thủ tục, đúng như quyết định công bố", "one"),
                  ("owner", "Mã đơn vị cập nhật (ví dụ so-tu-phap)", "one"), ("field", "Mã lĩnh vực (xem catalog/fields.yaml)", "one"),
                  ("levels", "Cấp thực hiện: tinh, xa, bo hoặc khac (mỗi dòng một giá trị)", "many"),
                  ("steps", "Trình tự thực hiện, mỗi bước một dòng", "many"),
                  ("channels", "Cách thức thực hiện, mỗi dòng dạng: truc-tiep | thời hạn | phí", "many"),
                  ("result", "Kết quả thực hiện", "one"),
                  ("documents", 'Giấy tờ cần nộp, mỗi dòng dạng: tên giấy tờ | số bản chính | số bản sao (hoặc một dòng "không")', "many"),
                  ("requirements", 'Yêu cầu, điều kiện thực hiện (nếu không có, ghi "Không có yêu cầu, điều kiện.")', "one"),
                  ("legal_basis", "Căn cứ pháp lý, mỗi văn bản một dòng", "many")],
    "internal": [("id", "Mã thủ tục nội bộ (chữ thường không dấu, ví dụ nb-tham-dinh-du-toan)", "one"), ("name", "Tên thủ tục nội bộ", "one"),
                 ("owner", "Mã đơn vị cập nhật", "one"), ("steps", "Trình tự thực hiện, mỗi bước một dòng", "many")],
    "plan": [("id", "Mã kế hoạch (ví dụ kh-2025-so-tu-phap)", "one"), ("number", "Số, ký hiệu (ví dụ 12/KH-STP)", "one"),
             ("title", "Trích yếu", "one"), ("year", "Năm", "one"), ("owner", "Mã đơn vị cập nhật", "one"),
             ("issuer", "Mã cơ quan ban hành (đơn vị này hoặc đơn vị cấp trên)", "one"),
             ("section", "Tên mục I của phụ lục", "one"), ("task", "Nội dung nhiệm vụ đầu tiên", "one"),
             ("lead_text", "Đơn vị chủ trì nhiệm vụ đó, như trong văn bản", "one")],
    "unit": [("id", "Mã đơn vị (chữ thường không dấu, ví dụ ubnd-xa-an-binh)", "one"), ("name", "Tên đầy đủ của đơn vị", "one"),
             ("kind", "Loại đơn vị: " + ", ".join(kinds.UNIT_KINDS), "one"), ("unit_level", "Cấp: tinh, huyen hoặc xa", "one"),
             ("parent", "Mã đơn vị cấp trên (để trống nếu không có)", "optional"),
             ("maintainers", "Tài khoản người cập nhật, ví dụ @ten-tai-khoan (mỗi dòng một người)", "many")],
}


def parse_channel(line: str) -> tuple[str, str, str]:
    kind, _, rest = line.partition("|")
    time, _, fee = rest.partition("|")
    return kind.strip(), time.strip(), fee.strip()
