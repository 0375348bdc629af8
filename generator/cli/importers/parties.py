"""The units a plan names as lead and partners: its cells split into parties, each matched to a unit id.

A cell holds one party per line, a leading "- " or "+ " dropped and the rest
kept as written ("Sở, ban, ngành;"). A Word file converted from PDF often
flattens a list onto one line: "- Phòng Văn hóa - Thông tin - Văn phòng HĐND
và UBND huyện"; such a line is split again before each " - " that begins a
party's name (Phòng, Văn phòng, Sở, UBND, Các…), not inside a name
("Văn hóa - Thông tin").

A party is matched to a unit when its name, folded (no marks, any case, the
usual abbreviations UBND and HĐND read as the words), is a unit's name or
short name; or, among the units of the plan's own family (its owner and
issuer, the units above them and below them), the beginning of exactly one
unit's name ("Văn phòng" in a department's plan is its office). Nothing else
is guessed: the rest is kept as text and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.catalog.owners import lineage
from generator.text.vietnamese import fold

BULLET = re.compile(r"^[-+•–—*]\s*")
# How a party's name begins, folded: a line "- A - B" is split before " - " only where B begins so.
HEADS = ("van phong", "phong", "so", "ban", "ubnd", "hdnd", "uy ban", "hoi dong", "cac", "trung tam", "chi cuc", "cuc", "bo",
         "cong an", "bao hiem", "co quan", "ca nhan", "pho", "giam doc", "chu tich", "lanh dao", "bao", "dai", "buu dien",
         "hoi", "kho bac", "toa an", "vien", "doan", "to", "thanh tra", "cong thong tin", "dang uy", "mat tran", "lien doan",
         "bo phan", "don vi", "doanh nghiep", "nguoi", "can bo", "cong chuc", "tong cuc", "quy", "ngan hang", "thanh pho", "tinh")
ABBREVIATIONS = ((r"\buy ban nhan dan\b", "ubnd"), (r"\bhoi dong nhan dan\b", "hdnd"))


def parties(cell: str) -> list[str]:
    """The parties a lead or partners cell names, in order, each as written."""
    found: list[str] = []
    for line in cell.split("\n"):
        flat = line.strip()
        if not flat:
            continue
        if BULLET.match(flat) and " - " in flat:
            found += _unflatten(BULLET.sub("", flat))
        else:
            found.append(BULLET.sub("", flat))
    return [party for party in found if party.strip(" ;,.")]


def _unflatten(text: str) -> list[str]:
    pieces = text.split(" - ")
    items = [pieces[0]]
    for piece in pieces[1:]:
        if _begins_a_name(piece):
            items.append(BULLET.sub("", piece))
        else:
            items[-1] += " - " + piece
    return items


def _begins_a_name(text: str) -> bool:
    words = " ".join(_words(text)[:3])
    return any(words == head or words.startswith(head + " ") for head in HEADS)


def lines(text: str) -> str:
    """Free text (a time, an output, a legal basis) flattened as "- A - B": each "- " item on its own line again."""
    kept = []
    for line in text.split("\n"):
        if BULLET.match(line) and " - " in line:
            first, *pieces = line.split(" - ")
            for piece in pieces:
                if piece[:1].isupper() or piece[:1].isdigit() or piece[:1] == "(":
                    kept.append(first)
                    first = "- " + piece
                else:
                    first += " - " + piece
            line = first
        kept.append(line)
    return "\n".join(kept)


def _words(text: str) -> list[str]:
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    for pattern, short in ABBREVIATIONS:
        folded = re.sub(pattern, short, folded)
    return folded.split()


def key(text: str) -> str:
    return " ".join(_words(text))


@dataclass
class Matcher:
    """Party names → unit ids, with a record of what was matched and what was not."""

    units: dict
    family: set[str]
    matched: dict[str, tuple[str, str]] = field(default_factory=dict)  # text → (unit id, "tên" | "phần đầu tên")
    unmatched: dict[str, list[str]] = field(default_factory=dict)  # text → the tasks naming it
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # text → the units it could be

    @classmethod
    def for_plan(cls, units: dict, owner: str, issuer: str | None) -> "Matcher":
        family: set[str] = set()
        for top in filter(None, (owner, issuer)):
            family.update(lineage(top, units))
            family.update(_below(top, units))
        return cls(units, family)

    def unit(self, text: str, task: str) -> str | None:
        wanted = key(text)
        if not wanted:
            return None
        exact = sorted({u.id for u in self.units.values() if wanted in (key(u.name), key(u.short_name or ""))})
        begins = sorted({u.id for u in self.units.values() if u.id in self.family and len(wanted.split()) >= 2 and any(
            name.startswith(wanted + " ") for name in (key(u.name), key(u.short_name or "")))})
        found, how = (exact, "tên") if exact else (begins, "phần đầu tên")
        if len(found) == 1:
            self.matched.setdefault(text, (found[0], how))
            return found[0]
        if found:
            self.ambiguous[text] = tuple(found)
        self.unmatched.setdefault(text, []).append(task)
        return None


def _below(top: str, units: dict) -> set[str]:
    children: dict[str, list[str]] = {}
    for unit in units.values():
        if unit.parent:
            children.setdefault(unit.parent, []).append(unit.id)
    found, stack = set(), [top]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found
