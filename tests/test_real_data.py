"""Real procedure records (read from ../shared, never copied here) through the loader.

A small adapter writes each record as a catalog YAML file the way a clerk
would — codes unquoted — and the loader must keep codes as strings and give
back clean NFC text.
"""

from __future__ import annotations

import json
import re
import unicodedata

from conftest import shared_path
from generator.catalog.errors import Collector
from generator.catalog.kinds import PROCEDURE
from generator.catalog.schema import INVALID, Context
from generator.catalog.yamlio import load

CHANNEL = {"trực tiếp": "truc-tiep", "trực tuyến": "truc-tuyen", "dịch vụ bưu chính": "buu-chinh", "bưu chính": "buu-chinh"}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml(code: str, name: str, steps: list[str], channels: list[tuple[str, str, str]], result: str, field: str) -> str:
    lines = [f"code: {code}", f"name: {_q(name)}", "owner: don-vi-thu", f"field: {field}", "levels: [xa]",
             "implementing:", "  kinds: [ubnd-xa]", "steps:"]
    lines += [f"  - {_q(step)}" for step in steps or ["(không có)"]]
    lines.append("channels:")
    for kind, time, fee in channels or [("truc-tiep", "", "")]:
        lines += [f"  - kind: {kind}", f"    time: {_q(time or '(không có)')}", f"    fee: {_q(fee or '(không có)')}"]
    lines.append(f"result: {_q(result or '(không có)')}")
    # the legal parts this adapter does not carry over, stated as such (a procedure file must state them)
    lines += ['documents: {none: "(bản ghi không chép thành phần hồ sơ)"}', 'requirements: "(không có)"', 'legal_basis: ["(không có)"]']
    return "\n".join(lines) + "\n"


def _check(text: str, path: str):
    out = Collector(path)
    raw = load(text, out)
    procedure = PROCEDURE.check(raw, "", Context(out, {}))
    errors = [p for p in out.problems if not p.warning]
    assert errors == [], errors
    assert procedure is not INVALID
    return procedure, [p for p in out.problems if p.warning]


def _assert_clean(procedure) -> None:
    for text in [procedure.name, procedure.result, *procedure.steps, *(c.time or "" for c in procedure.channels)]:
        assert unicodedata.is_normalized("NFC", text)
        assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Co") and ch not in "\n\t" for ch in text)


def test_national_database_records_keep_codes_as_strings():
    folder = shared_path("data", "real", "nhdandz_tthc", "data", "extracted")
    files = sorted(folder.glob("*.json"))
    assert len(files) > 200
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        meta, tables = record["metadata"], record["tables"]
        code = meta["mã_thủ_tục"]
        channels = [(CHANNEL.get(row["hinh_thuc"].strip().lower(), "truc-tiep"), row["thoi_han_giai_quyet"], row["phi_le_phi"])
                    for row in tables.get("hinh_thuc_nop", [])]
        steps = [s for s in re.split(r"\n+", record["content"].get("trình_tự_thực_hiện", "")) if s.strip()]
        text = _yaml(code, meta["tên_thủ_tục"], steps, channels, record["content"].get("kết_quả_thực_hiện", ""), "quan-su")
        procedure, _ = _check(text, f"{code}.yaml")
        assert procedure.code == code and isinstance(procedure.code, str)
        _assert_clean(procedure)


def test_crawled_portal_records_come_out_nfc_and_clean():
    data = json.loads(shared_path("data", "real", "dichvucong_7sins", "data.json").read_text(encoding="utf-8"))
    assert len(data) > 80
    not_nfc = 0
    for index, record in enumerate(data):
        not_nfc += not unicodedata.is_normalized("NFC", json.dumps(record, ensure_ascii=False))
        lines = (s.replace("</p>", "").strip() for s in record.get("Trình tự thực hiện", "").split("\n"))
        steps = [s for s in lines if s]
        channels = [(CHANNEL.get(row.get("Hình thức nộp", "").strip().lower(), "truc-tiep"), row.get("Thời hạn giải quyết", ""),
                     row.get("Phí, lệ phí", "")) for row in record.get("Cách thức thực hiện", [])]
        code = f"9.{index:06d}"  # these records carry no code; a made-up one written unquoted, as a clerk would
        procedure, _ = _check(_yaml(code, record["title"], steps, channels, "", "ho-tich"), f"{code}.yaml")
        assert procedure.code == code
        _assert_clean(procedure)
    assert not_nfc > 0, "the corpus was expected to hold some non-NFC text"
