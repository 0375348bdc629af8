"""`congkhai import`: catalog files from the documents clerks already have.

    congkhai import plan KẾ-HOẠCH.docx --owner MÃ-ĐƠN-VỊ        the appendix of a plan issued as a Word file
    congkhai import procedures DANH-SÁCH.xlsx --owner MÃ-ĐƠN-VỊ  the national portal's Excel list of procedures

python-docx and openpyxl are imported only by these commands: `congkhai
validate` (a pre-commit hook, with its own small environment) does not need them.
"""

from __future__ import annotations


def add_parser(commands) -> None:
    command = commands.add_parser("import", help="nhập danh mục từ tệp Word (kế hoạch) hoặc Excel (danh sách thủ tục)")
    what = command.add_subparsers(dest="what", required=True, metavar="LOẠI", title="các loại")
    plan = what.add_parser("plan", help="một kế hoạch từ tệp Word .docx: các bảng phụ lục thành các mục và nhiệm vụ")
    plan.add_argument("file", metavar="TỆP.docx", help="văn bản kế hoạch dạng Word .docx, có bảng phụ lục các nhiệm vụ")
    plan.add_argument("--owner", required=True, metavar="MÃ", help="mã đơn vị cập nhật kế hoạch (thư mục catalog/plans/<mã>/)")
    plan.add_argument("--issuer", metavar="MÃ", help="mã cơ quan ban hành: đơn vị cập nhật hoặc đơn vị cấp trên "
                                                    "(không ghi: tìm ở đầu văn bản, không thấy thì để trống cho bổ sung)")
    plan.add_argument("--id", metavar="MÃ", help="mã kế hoạch, chữ thường không dấu (mặc định: kh-<năm>-<mã đơn vị>)")
    plan.add_argument("--number", metavar="SỐ", help='số, ký hiệu của kế hoạch, ví dụ "10/KH-UBND" (không ghi: tìm dòng "Số:" ở đầu văn bản)')
    plan.add_argument("--title", metavar="TRÍCH-YẾU", help='trích yếu (không ghi: dòng sau chữ "KẾ HOẠCH" ở đầu văn bản)')
    plan.add_argument("--year", metavar="NĂM", help="năm của kế hoạch (không ghi: năm của ngày ban hành)")
    _common(plan)
    procedures = what.add_parser("procedures", help="thủ tục từ danh sách Excel .xlsx xuất từ Cổng Dịch vụ công quốc gia")
    procedures.add_argument("file", metavar="TỆP.xlsx", help="bảng Excel có dòng tiêu đề Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực")
    procedures.add_argument("--owner", required=True, metavar="MÃ", help="mã đơn vị cập nhật các thủ tục (thư mục catalog/procedures/<mã>/)")
    _common(procedures)


def _common(parser) -> None:
    parser.add_argument("--catalog", default="catalog", metavar="THƯ-MỤC", help="thư mục danh mục (mặc định: catalog)")
    parser.add_argument("--schemas", metavar="THƯ-MỤC",
                        help="thư mục JSON Schema mà dòng đầu tệp mới trỏ tới (mặc định: schemas, hoặc generator/schemas nếu có)")


def run(args) -> int:
    if args.what == "plan":
        from generator.cli.importers import plan_docx
        return plan_docx.run(args)
    from generator.cli.importers import procedures_xlsx
    return procedures_xlsx.run(args)
