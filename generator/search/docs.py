"""What search finds: one document per listed procedure, internal procedure, unit, plan, field and page.

A document has four searchable fields, each a tuple of phrases in folded words:
``name`` (its title), ``alias`` (the popular names its own file gives — a
procedure's aliases and keywords, a unit's short name), ``syn`` (popular names
reached only through a synonym rule: they may add a result, never outrank
what was typed) and ``meta`` (field, units, levels…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.catalog import kinds
from generator.text.vietnamese import fold

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")


@dataclass(frozen=True)
class SearchDoc:
    kind: str  # tt (procedure), nb (internal), dv (unit), kh (plan), lv (field), tr (page)
    url: str
    title: str
    code: str = ""
    field: str = ""
    unit: str = ""
    level: str = ""
    alias: tuple[str, ...] = ()
    syn: tuple[str, ...] = ()
    meta: str = ""


def search_text(text: str) -> str:
    """What the index holds and the page searches for: folded words, no punctuation, numbers without their
    leading zeros ("Mức 01" → "muc 1"), so that "mức 1" and "mức 01" meet. congkhai.js does the same."""
    return _LEADING_ZEROS.sub("", " ".join(_NON_WORD.split(fold(text))).strip())


class SynonymExpander:
    """The popular names of every official phrase a text contains."""

    def __init__(self, synonyms):
        self.rules = [(f" {search_text(s.means)} ", tuple(search_text(w) for w in s.words)) for s in synonyms]

    def __call__(self, text: str) -> tuple[str, ...]:
        padded = f" {search_text(text)} "
        return tuple(word for phrase, words in self.rules if phrase in padded for word in words)


def catalog_docs(catalog, rel) -> list[SearchDoc]:
    expand = SynonymExpander(catalog.synonyms)
    docs = [_procedure_doc(p, catalog, rel, expand) for p in rel.listed]
    for internal in rel.listed_internals:
        owner = catalog.units[internal.owner]
        field = catalog.fields[internal.field].name if internal.field else ""
        docs.append(SearchDoc("nb", f"thu-tuc-noi-bo/{internal.id}/", internal.name, field=field, unit=owner.label,
                              syn=expand(internal.name), meta=f"thủ tục nội bộ {owner.name} {field}"))
    for unit in catalog.units.values():
        level = kinds.UNIT_LEVELS[unit.level]
        docs.append(SearchDoc("dv", f"don-vi/{unit.id}/", unit.name, unit=unit.label, level=level,
                              alias=tuple(filter(None, [unit.short_name, unit.id.replace("-", " ")])),
                              meta=f"{kinds.UNIT_KINDS[unit.kind]} {level} {unit.address or ''}"))
    for plan in catalog.plans.values():
        issuer = catalog.units[plan.issuer]
        docs.append(SearchDoc("kh", f"ke-hoach/{plan.id}/", plan.title, code=plan.number, unit=issuer.label,
                              alias=(plan.number, f"kế hoạch {plan.year}"), meta=f"{issuer.name} {plan.summary or ''}"[:600]))
    for field in catalog.fields.values():
        docs.append(SearchDoc("lv", f"linh-vuc/{field.id}/", field.name, alias=(f"lĩnh vực {field.name}",), meta=field.sector or ""))
    return docs


def _procedure_doc(procedure, catalog, rel, expand) -> SearchDoc:
    field = catalog.fields[procedure.field].name
    units = [catalog.units[u] for u in procedure.implementing.units]
    unit = "; ".join([*(kinds.UNIT_KINDS[k] for k in procedure.implementing.kinds), *(u.label for u in units)])
    levels = ", ".join(kinds.LEVELS[level] for level in procedure.levels)
    popular = (*procedure.aliases, *procedure.keywords)
    return SearchDoc(
        "tt", f"thu-tuc/{procedure.code}/", procedure.name, code=procedure.code, field=field, unit=unit, level=levels,
        alias=popular, syn=expand(" ".join((procedure.name, *popular))),
        meta=" ".join([field, levels, unit, *(u.name for u in units), procedure.local_code or ""]),
    )


def page_doc(url: str, title: str, headings: list[str], text: str) -> SearchDoc:
    """A hand-written page: its title, headings and the start of its text."""
    return SearchDoc("tr", url, title, alias=tuple(headings), meta=text[:2000])
