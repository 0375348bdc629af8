"""Kinds of value that become links on a page: web addresses, e-mail addresses, phone numbers.

They are ``Text`` to the JSON Schemas (any scalar); the rules are those of
generator/text/links.py, which the pages' filters apply again when rendering.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalog.schema import INVALID, Kind, Text, _name
from generator.text.links import email_problem, looks_like_link, phone_problem, url_problem


@dataclass
class Url(Kind):
    schemes: tuple[str, ...] = ("https", "http")
    noun: str = "liên kết"

    def check(self, value, path, ctx):  # the rules, shared with the pages' filters: generator/text/links.py
        text = Text(noun=self.noun).check(value, path, ctx)
        problem = text is not INVALID and url_problem(text, self.schemes)
        if problem:
            ctx.out.error(value, f"{_name(path)}: {problem}")
        return INVALID if problem else text


class Email(Kind):
    noun = "địa chỉ thư điện tử"

    def check(self, value, path, ctx):  # one bare address: no "mailto:", no "?bcc=…", no second address, no %
        text = Text(noun=self.noun).check(value, path, ctx)
        problem = text is not INVALID and email_problem(text)
        if problem:
            ctx.out.error(value, f"{_name(path)}: {problem}")
        return INVALID if problem else text


@dataclass
class PhoneNumber(Text):
    """One phone number, shown as typed; its tel: link is its digits (and a leading +)."""

    noun: str = "số điện thoại"

    def check(self, value, path, ctx):
        text = super().check(value, path, ctx)
        problem = text is not INVALID and phone_problem(text)
        if problem:
            ctx.out.error(value, f"{_name(path)}: {problem}")
        return INVALID if problem else text


@dataclass
class TextOrLink(Text):
    """Words ("Cơ sở dữ liệu quốc gia về TTHC"), or a web address: what is written as a link must be a good one."""

    if_words: str = "nếu nguồn không phải một trang web, hãy ghi tên nguồn bằng lời"

    def check(self, value, path, ctx):
        text = super().check(value, path, ctx)
        problem = text is not INVALID and looks_like_link(text) and url_problem(text)
        if problem:
            ctx.out.error(value, f"{_name(path)}: {problem} ({self.if_words})")
        return INVALID if problem else text
