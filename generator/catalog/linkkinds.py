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
        return _ruled(Text(noun=self.noun).check(value, path, ctx), lambda text: url_problem(text, self.schemes), value, path, ctx)


class Email(Kind):
    noun = "địa chỉ thư điện tử"

    def check(self, value, path, ctx):  # one bare address: no "mailto:", no "?bcc=…", no second address, no %
        return _ruled(Text(noun=self.noun).check(value, path, ctx), email_problem, value, path, ctx)


@dataclass
class PhoneNumber(Text):
    """One phone number, shown as typed; its tel: link is its digits (and a leading +)."""

    noun: str = "số điện thoại"

    def check(self, value, path, ctx):
        return _ruled(super().check(value, path, ctx), phone_problem, value, path, ctx)


@dataclass
class TextOrLink(Text):
    """Words ("Cơ sở dữ liệu quốc gia về TTHC"), or a web address: what is written as a link must be a good one."""

    if_words: str = "nếu nguồn không phải một trang web, hãy ghi tên nguồn bằng lời"

    def check(self, value, path, ctx):
        rule = lambda text: looks_like_link(text) and url_problem(text)  # noqa: E731
        return _ruled(super().check(value, path, ctx), rule, value, path, ctx, f" ({self.if_words})")


def _ruled(text, problem_of, value, path: str, ctx, more: str = ""):
    """*text* as checked as text, then by a rule of generator/text/links.py: the problem it names is reported."""
    problem = text is not INVALID and problem_of(text)
    if problem:
        ctx.out.error(value, f"{_name(path)}: {problem}{more}")
    return INVALID if problem else text
