"""Kinds of value for the legal parts of a procedure: a part stated to be absent, a document's number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.catalog.models import NoneStated
from generator.catalog.schema import INVALID, Kind, ListOf, Text, _name
from generator.catalog.yamlio import YMap, YStr


@dataclass
class OrNone(Kind):
    """A list, or an explicit statement that there is none: ``{none: "Không phải nộp hồ sơ."}``."""

    items: ListOf
    example: str
    noun: str = "danh sách, hoặc nhóm 'none'"

    def check(self, value, path, ctx):
        if isinstance(value, YMap) and "none" in value:
            if len(value) > 1:
                ctx.out.error(value, f'{_name(path)}: khi đã ghi "none" thì không ghi thêm trường nào khác — hãy chỉ để dòng "none: ..."')
                return INVALID
            text = Text().check(value["none"], f"{path}.none", ctx) if value["none"] is not None else INVALID
            return INVALID if text is INVALID else NoneStated(text)
        return self.items.check(value, path, ctx)


@dataclass
class DocNumber(Text):
    """The number of a document, as written ("12/QĐ-UBND"): a number left blank ("/QĐ-UBND") is refused."""

    noun: str = "số, ký hiệu văn bản"
    blanks: bool = True

    def check(self, value, path, ctx):
        if isinstance(value, YStr) and value.strip() and not re.search(r"[0-9]", value):
            ctx.out.error(value, f'{_name(path)}: "{value}" chưa có số — hãy ghi đủ số, ký hiệu của văn bản, ví dụ "12/QĐ-UBND"')
            return INVALID
        return super().check(value, path, ctx)
