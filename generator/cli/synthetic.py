"""Synthetic catalogs of any size, for benchmarks and load tests.

``write_catalog(folder, procedures=N)`` writes a complete, valid catalog:
departments and communes, procedures with steps, documents and channel
tables, internal procedures and a plan. Names are made of real Vietnamese
words, so folding, sorting and page sizes behave as with real data. The
output is deterministic for a given size and seed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path

from generator.cli.synthetic_reports import write_reports
from generator.cli.synthetic_results import write_results

ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Đăng ký", "Đăng ký thay đổi", "Gia hạn", "Điều chỉnh", "Thẩm định", "Phê duyệt",
           "Công nhận", "Xác nhận", "Thu hồi", "Chấp thuận", "Giải quyết chế độ", "Hỗ trợ", "Thông báo"]
OBJECTS = ["giấy phép hoạt động", "giấy chứng nhận đủ điều kiện", "chứng chỉ hành nghề", "hồ sơ đề nghị", "quyết định thành lập",
           "giấy xác nhận", "kế hoạch bảo vệ môi trường", "phương án sản xuất", "trợ cấp xã hội hằng tháng", "quyền sử dụng đất",
           "giấy phép xây dựng", "hộ kinh doanh", "hợp tác xã", "cơ sở giáo dục", "nhà thuốc", "đề tài khoa học", "tàu cá",
           "giống cây trồng", "di tích lịch sử", "câu lạc bộ thể thao"]
QUALIFIERS = ["", " cho tổ chức", " cho cá nhân", " đối với doanh nghiệp", " trong trường hợp bị mất, hỏng", " lần đầu",
              " do thay đổi thông tin", " có yếu tố nước ngoài", " tại địa phương", " theo thủ tục rút gọn"]
FIELDS = [("ho-tich", "Hộ tịch", "Tư pháp"), ("chung-thuc", "Chứng thực", "Tư pháp"), ("dat-dai", "Đất đai", "Nông nghiệp và Môi trường"),
          ("xay-dung", "Hoạt động xây dựng", "Xây dựng"), ("bao-tro-xa-hoi", "Bảo trợ xã hội", "Nội vụ"),
          ("ho-kinh-doanh", "Thành lập và hoạt động của hộ kinh doanh", "Tài chính"), ("giao-duc", "Giáo dục và Đào tạo", "Giáo dục"),
          ("y-te", "Khám bệnh, chữa bệnh", "Y tế"), ("van-hoa", "Văn hóa", "Văn hóa, Thể thao và Du lịch"),
          ("khcn", "Hoạt động khoa học và công nghệ", "Khoa học và Công nghệ"), ("thuy-san", "Thủy sản", "Nông nghiệp và Môi trường"),
          ("moi-truong", "Môi trường", "Nông nghiệp và Môi trường")]
COMMUNE_NAMES = ["An", "Bình", "Hòa", "Thủy", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Phú", "Quang", "Tân", "Vĩnh", "Thịnh", "Hải",
                 "Lạc", "Đức", "Minh", "Thuận", "Long"]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


FIXED_UNITS = 1 + len(FIELDS)  # the province and one department per field


def write_catalog(folder: Path | str, procedures: int = 1000, units: int | None = None, seed: int = 1,
                  today: str | None = None, results: bool = False, reports: bool = False) -> None:
    """Write a catalog of *procedures* procedures and *units* units (the province, its
    departments, and communes for the rest: by default one per 20 procedures, at most 300).

    Procedures were reviewed within the eleven months before *today* (CONGKHAI_TODAY, or the
    date), as in a well-kept catalog: `congkhai validate` has nothing to warn of. The same seed
    and the same day give the same catalog."""
    folder = Path(folder)
    rng = random.Random(seed)
    today_date = dt.date.fromisoformat(today or os.environ.get("CONGKHAI_TODAY") or dt.date.today().isoformat())
    communes = units - FIXED_UNITS if units is not None else min(300, max(10, procedures // 20))
    if communes < 1:
        raise ValueError(f"cần ít nhất {FIXED_UNITS + 1} đơn vị")
    departments = [f"so-{field_id}" for field_id, _, _ in FIELDS]
    commune_ids = [f"ubnd-xa-{i:04d}" for i in range(communes)]
    _write(folder / "site.yaml", f"title: {_q('Danh mục tổng hợp')}\nauthority: ubnd-tinh\nnotice: {_q('Dữ liệu tổng hợp để đo tốc độ.')}\n")
    _write(folder / "fields.yaml", "fields:\n" + "".join(f"  - id: {i}\n    name: {_q(n)}\n    sector: {_q(s)}\n" for i, n, s in FIELDS))
    _write_units(folder, departments, commune_ids, rng)
    commune_level = min(200, procedures // 5)
    for index in range(procedures):
        field_index = index % len(FIELDS)
        owner = departments[field_index]
        code = f"{1 + index % 3}.{100000 + index:06d}"
        reviewed = (today_date - dt.timedelta(days=rng.randint(0, 330))).isoformat()
        text = _procedure(code, owner, FIELDS[field_index][0], index < commune_level, reviewed, rng)
        _write(folder / "procedures" / owner / f"{code}.yaml", text)
    for index, owner in enumerate(departments):
        _write(folder / "internal" / owner / f"nb-{index:03d}.yaml", _internal(f"nb-{index:03d}", owner, rng))
    _write(folder / "plans" / "ubnd-tinh" / "kh-tong-hop.yaml", _plan(departments, rng))
    if results:  # petition results and QĐ 766 scores of every unit, quarterly over three years (synthetic_results.py)
        write_results(folder, ["ubnd-tinh", *departments, *commune_ids], today_date, rng)
    if reports:  # plans of three years with targets, every unit's quarterly progress reports (synthetic_reports.py)
        write_reports(folder, departments, commune_ids, today_date, rng)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_units(folder: Path, departments: list[str], commune_ids: list[str], rng: random.Random) -> None:
    _write(folder / "units" / "ubnd-tinh.yaml", f"id: ubnd-tinh\nname: {_q('Ủy ban nhân dân tỉnh Tổng Hợp')}\nkind: ubnd-tinh\nlevel: tinh\n"
           "petition:\n  phone: \"0200 0000 000\"\n  email: pakn@tinh.example\n")
    for index, unit_id in enumerate(departments):
        name = f"Sở {FIELDS[index][2]} tỉnh Tổng Hợp"
        _write(folder / "units" / f"{unit_id}.yaml", (
            f"id: {unit_id}\nname: {_q(name)}\nkind: so\nlevel: tinh\nparent: ubnd-tinh\n"
            f"address: {_q(f'Số {index + 1} đường Trần Phú (địa chỉ minh họa)')}\nemail: vanphong@{unit_id}.example\n"
            f"opening_hours: {_q('Sáng 7:30 – 11:30, chiều 13:30 – 17:00, thứ Hai đến thứ Sáu')}\n"
            f"counters:\n  - id: mot-cua\n    name: {_q('Bộ phận Một cửa ' + name)}\n    fields: [{FIELDS[index][0]}]\n"
            f"petition:\n  phone: \"0200 0000 {index + 100:03d}\"\n  email: pakn@{unit_id}.example\n"))
    for index, unit_id in enumerate(commune_ids):
        name = f"Ủy ban nhân dân xã {rng.choice(COMMUNE_NAMES)} {rng.choice(COMMUNE_NAMES)} {index}"
        _write(folder / "units" / f"{unit_id}.yaml", (
            f"id: {unit_id}\nname: {_q(name)}\nkind: ubnd-xa\nlevel: xa\nparent: ubnd-tinh\nvalid_from: \"2025-07-01\"\n"
            f"petition:\n  phone: \"0200 1000 {index:03d}\"\n"))


def _procedure(code: str, owner: str, field_id: str, commune: bool, reviewed: str, rng: random.Random) -> str:
    name = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}"
    implementing = "  kinds: [ubnd-xa]\n" if commune else f"  units: [{owner}]\n"
    steps = "".join(f"  - {_q(f'Bước {i + 1}: ' + rng.choice(STEP_TEXTS))}\n" for i in range(rng.randint(3, 5)))
    documents = "".join(f"  - name: {_q(rng.choice(DOCUMENTS))}\n    originals: \"1\"\n    copies: \"{rng.randint(0, 2)}\"\n"
                        for _ in range(rng.randint(2, 6)))
    days = rng.choice([3, 5, 7, 10, 15, 20, 30])
    fee = rng.choice(["Miễn lệ phí", "Lệ phí: 50.000 đồng", "Phí thẩm định: 1.500.000 đồng", "Lệ phí: 100.000 đồng/giấy"])
    channels = "".join(f"  - kind: {kind}\n    time: {_q(f'{days:02d} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ')}\n    fee: {_q(fee)}\n"
                       for kind in ("truc-tiep", "truc-tuyen", "buu-chinh"))
    return (f"code: {_q(code)}\nname: {_q(name[0].upper() + name[1:])}\nowner: {owner}\n"
            f"aliases: [{_q(name.lower())}]\nfield: {field_id}\nlevels: [{'xa' if commune else 'tinh'}]\n"
            f"audiences: [{_q('Công dân Việt Nam')}, {_q('Doanh nghiệp')}]\nimplementing:\n{implementing}"
            f"competent_authority: {_q('Ủy ban nhân dân cấp xã' if commune else 'Giám đốc Sở')}\nsteps:\n{steps}"
            f"documents:\n{documents}channels:\n{channels}result: {_q('Văn bản chấp thuận hoặc giấy phép')}\n"
            f"requirements: {_q('Không')}\nlegal_basis:\n  - {_q('Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ')}\n"
            f"online_service:\n  level: {rng.choice(['full', 'partial', 'none'])}\n  url: https://dichvucong.gov.vn\n"
            f"announcement:\n  decision: {_q(f'Quyết định số {rng.randint(100, 3000)}/QĐ-UBND')}\n  date: \"2025-0{rng.randint(1, 9)}-15\"\n  kind: moi\n"
            f"reviewed_on: \"{reviewed}\"\n")


def _internal(internal_id: str, owner: str, rng: random.Random) -> str:
    steps = "".join(f"  - {_q(rng.choice(STEP_TEXTS))}\n" for _ in range(3))
    return (f"id: {internal_id}\nname: {_q('Thủ tục nội bộ ' + rng.choice(OBJECTS))}\nowner: {owner}\n"
            f"steps:\n{steps}time: {_q('10 ngày làm việc')}\n")


def _plan(departments: list[str], rng: random.Random) -> str:
    tasks = "".join(
        f"  - id: \"I.{i + 1}\"\n    number: \"{i + 1}\"\n    section: I\n    content: {_q('Rà soát ' + rng.choice(OBJECTS))}\n"
        f"    lead:\n      - text: {_q('Sở chủ trì')}\n        unit: {rng.choice(departments)}\n    time_text: {_q('Quý ' + rng.choice(QUARTERS) + '/2025')}\n"
        for i in range(40))
    return (f"id: kh-tong-hop\nnumber: \"1/KH-UBND\"\ntitle: {_q('Kế hoạch kiểm soát thủ tục hành chính năm 2025')}\nyear: \"2025\"\n"
            f"issuer: ubnd-tinh\nowner: ubnd-tinh\nsections:\n  - id: I\n    title: {_q('NHIỆM VỤ')}\ntasks:\n{tasks}")


QUARTERS = ["I", "II", "III", "IV"]
STEP_TEXTS = [
    "Tổ chức, cá nhân chuẩn bị hồ sơ đầy đủ theo quy định và nộp tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công.",
    "Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; nếu hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.",
    "Cơ quan có thẩm quyền thẩm định hồ sơ, kiểm tra thực tế (nếu cần) và trình lãnh đạo xem xét, quyết định.",
    "Trả kết quả giải quyết cho tổ chức, cá nhân tại Bộ phận Một cửa, qua dịch vụ bưu chính hoặc trực tuyến.",
    "Trường hợp không đủ điều kiện, cơ quan giải quyết trả lời bằng văn bản và nêu rõ lý do.",
]
DOCUMENTS = [
    "Đơn đề nghị theo mẫu", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "Bản sao căn cước của người đại diện",
    "Văn bản ủy quyền (nếu có)", "Bản vẽ thiết kế, sơ đồ mặt bằng", "Báo cáo kết quả thực hiện", "Giấy tờ chứng minh quyền sử dụng đất",
    "Danh sách nhân sự kèm bằng cấp, chứng chỉ", "Biên lai nộp phí, lệ phí",
]
