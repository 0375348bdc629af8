"""Personal data that must not be published with a petition's answer: phone numbers, email
addresses, identity card numbers (CMND 9 digits, CCCD 12 digits).

``personal_data(text)`` gives what it finds, each as (kind, masked text), so that a warning
can say what to remove without repeating the number in a log. It looks for shapes, not
words, and keeps quiet on what a public answer does hold: document numbers ("123/STP-HCTP"),
dates ("10/02/2024"), procedure codes ("1.001193"), amounts ("1.500.000 đồng"), years.
"""

from __future__ import annotations

import re

KINDS = {"phone": "số điện thoại", "email": "địa chỉ thư điện tử", "id": "số CMND/CCCD"}

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# A run of digits with the separators people type inside phone numbers (space, dot, dash,
# brackets), not touching other digits, letters, slashes or a decimal part.
_DIGITS = re.compile(r"(?<![\w/.,-])(\+?\(?\d[\d .()-]{6,}\d)(?![\w/]|[.,-]\d)", re.ASCII)
_SEPARATOR = re.compile(r"[ .()-]")
_MONEY = re.compile(r"\s*(?:đồng|đ\b|VNĐ|VND)", re.I)


def personal_data(text: str) -> list[tuple[str, str]]:
    """(kind, masked) for each phone number, email address or ID number in *text*."""
    found = [("email", _mask_email(m.group())) for m in _EMAIL.finditer(text)]
    rest = _EMAIL.sub(" ", text)
    for match in _DIGITS.finditer(rest):
        if _MONEY.match(rest, match.end()):
            continue  # an amount: "100000000 đồng"
        kind = _digits_kind(match.group(1))
        if kind:
            found.append((kind, _mask(re.sub(r"\D", "", match.group(1)))))
    return found


def _digits_kind(run: str) -> str | None:
    digits = re.sub(r"\D", "", run)
    grouped = bool(_SEPARATOR.search(run.strip("+")))
    if run.startswith("+84") and 10 <= len(digits) <= 12:
        return "phone"
    if digits.startswith("0") and len(digits) in (10, 11) and (digits[1] in "35789" or digits.startswith("02")):
        if grouped and "." in run and not _phone_dots(run):
            return None  # 0.123.456.789 is not how a number is written; an amount or a code may be
        return "phone"
    if not grouped and len(digits) in (9, 12):
        return "id"
    return None


def _phone_dots(run: str) -> bool:
    """Dotted groups as phone numbers are written: 0912.345.678, 0225.3842.123."""
    return re.fullmatch(r"0\d{2,3}\.\d{3,4}\.\d{3,4}", run) is not None


def _mask(digits: str) -> str:
    return digits[:3] + "…" + digits[-2:]


def _mask_email(address: str) -> str:
    name, _, domain = address.partition("@")
    return name[:1] + "…@" + domain
