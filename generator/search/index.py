"""The search index: built at build time, read by lunr.js.

Every listed procedure, internal procedure, unit, plan, field and hand-written
page becomes a document with three searchable fields — ``name`` (boost 10),
``alias`` (popular names, keywords, synonyms; boost 4) and ``meta`` (field,
units, levels…; boost 1) — all in the folded form ("dang ky khai sinh"),
so the page folds the query the same way and diacritics never matter. Codes
are not in the lunr index: the page matches them directly, exact code first.

The file the page downloads is a compact transport of what lunr's builder
makes (sorted term list, postings without empty fields, vectors per field),
made here directly (``lunr_transport``), plus a small document store;
``congkhai.js`` expands it and calls ``lunr.Index.load``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass

from generator.background import Background
from generator.catalog import kinds
from generator.text.vietnamese import fold

FIELDS = (("name", 10), ("alias", 4), ("meta", 1))
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class SearchDoc:
    kind: str  # tt (procedure), nb (internal), dv (unit), kh (plan), lv (field), tr (page)
    url: str
    title: str
    code: str = ""
    field: str = ""
    unit: str = ""
    level: str = ""
    alias: str = ""
    meta: str = ""


def search_text(text: str) -> str:
    """What the index holds and the page searches for: folded words, no punctuation."""
    return " ".join(_NON_WORD.split(fold(text))).strip()


class SynonymExpander:
    """Adds the popular names of every official phrase a text contains."""

    def __init__(self, synonyms):
        self.rules = [(f" {search_text(s.means)} ", " ".join(search_text(w) for w in s.words)) for s in synonyms]

    def __call__(self, text: str) -> str:
        padded = f" {search_text(text)} "
        return " ".join(words for phrase, words in self.rules if phrase in padded)


def catalog_docs(catalog, rel) -> list[SearchDoc]:
    expand = SynonymExpander(catalog.synonyms)
    docs = [_procedure_doc(p, catalog, rel, expand) for p in rel.listed]
    for internal in rel.listed_internals:
        owner = catalog.units[internal.owner]
        field = catalog.fields[internal.field].name if internal.field else ""
        docs.append(SearchDoc("nb", f"thu-tuc-noi-bo/{internal.id}/", internal.name, field=field, unit=owner.label,
                              alias=expand(internal.name), meta=f"thủ tục nội bộ {owner.name} {field}"))
    for unit in catalog.units.values():
        level = kinds.UNIT_LEVELS[unit.level]
        docs.append(SearchDoc("dv", f"don-vi/{unit.id}/", unit.name, unit=unit.label, level=level,
                              alias=" ".join(filter(None, [unit.short_name, unit.id.replace("-", " ")])),
                              meta=f"{kinds.UNIT_KINDS[unit.kind]} {level} {unit.address or ''}"))
    for plan in catalog.plans.values():
        issuer = catalog.units[plan.issuer]
        docs.append(SearchDoc("kh", f"ke-hoach/{plan.id}/", plan.title, code=plan.number, unit=issuer.label,
                              alias=f"{plan.number} kế hoạch {plan.year}", meta=f"{issuer.name} {plan.summary or ''}"[:600]))
    for field in catalog.fields.values():
        docs.append(SearchDoc("lv", f"linh-vuc/{field.id}/", field.name, alias=f"lĩnh vực {field.name}", meta=field.sector or ""))
    return docs


def _procedure_doc(procedure, catalog, rel, expand) -> SearchDoc:
    field = catalog.fields[procedure.field].name
    units = [catalog.units[u] for u in procedure.implementing.units]
    unit = "; ".join([*(kinds.UNIT_KINDS[k] for k in procedure.implementing.kinds), *(u.label for u in units)])
    levels = ", ".join(kinds.LEVELS[level] for level in procedure.levels)
    popular = " ".join([*procedure.aliases, *procedure.keywords])
    return SearchDoc(
        "tt", f"thu-tuc/{procedure.code}/", procedure.name, code=procedure.code, field=field, unit=unit, level=levels,
        alias=f"{popular} {expand(procedure.name + ' ' + popular)}",
        meta=" ".join([field, levels, unit, *(u.name for u in units), procedure.local_code or ""]),
    )


def page_doc(url: str, title: str, headings: list[str], text: str) -> SearchDoc:
    """A hand-written page: its title, headings and the start of its text."""
    return SearchDoc("tr", url, title, alias=" ".join(headings), meta=text[:2000])


def build_index(docs: list[SearchDoc], synonyms=()) -> dict:
    """The transport form of a lunr index over *docs*, with the document store.

    The synonyms go along (folded) so that the page can also search for the
    official phrase when a query is a popular name ("so do").
    """
    rows = [{"name": search_text(d.title), "alias": search_text(d.alias), "meta": search_text(d.meta)} for d in docs]
    labels: dict[str, int] = {}

    def label(text: str) -> int:
        return labels.setdefault(text, len(labels))

    store = [[d.kind, d.url, d.title, d.code, label(d.field), label(d.unit), label(d.level)] for d in docs]
    rules = [[[search_text(w) for w in s.words], search_text(s.means)] for s in synonyms]
    return {"version": 1, "lunr": lunr_transport(rows), "labels": list(labels), "docs": store, "synonyms": rules}


K1, B = 1.2, 0.75  # lunr's BM25 parameters


def lunr_transport(rows: list[dict[str, str]]) -> dict:
    """What lunr's builder makes of *rows* (the folded text of each field, documents numbered in order), in
    transport form: terms in order, postings per field as gaps between document numbers (empty ones left
    out), and every document's vector per field as (term number, BM25 score to three places).

    lunr.py's builder gives the same to the last digit (a test compares them) in ten times the time: it
    tokenises character by character. Folded text needs no more than a split on spaces.
    """
    names = [name for name, _ in FIELDS]
    counts = {name: [Counter(row[name].split()) for row in rows] for name in names}
    holding: Counter = Counter()  # term → how many (field, document) pairs hold it, as lunr's idf counts
    for name in names:
        for terms in counts[name]:
            holding.update(terms.keys())
    terms = sorted(holding)
    number = {term: n for n, term in enumerate(terms)}
    total = len(rows)
    idf = {term: math.log(1 + abs((total - n + 0.5) / (n + 0.5))) for term, n in holding.items()}
    postings, vectors = {}, {}
    for name, boost in FIELDS:
        lengths = [sum(found.values()) for found in counts[name]]
        average = sum(lengths) / total if total else 0
        holders: dict[int, list[int]] = {}
        vectors[name] = []
        for doc, (found, length) in enumerate(zip(counts[name], lengths)):
            vector = []
            for term, tf in sorted(found.items(), key=lambda item: number[item[0]]):
                holders.setdefault(number[term], []).append(doc)
                score = idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf)
                vector += [number[term], round(score * boost, 3)]
            vectors[name].append(vector)
        postings[name] = [[n, *_gaps(holders[n])] for n in sorted(holders)]
    return {"fields": names, "terms": terms, "postings": postings, "vectors": vectors}


def _gaps(numbers: list[int]) -> list[int]:
    """[3, 4, 5, 9] → [3, 1, 1, 4]: small repeated numbers, which gzip packs well."""
    return [b - a for a, b in zip([0, *numbers], numbers)]


def write_index(path, docs: list[SearchDoc], synonyms=()) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build_index(docs, synonyms), ensure_ascii=False, separators=(",", ":"))
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)  # a page never reads half an index


def index_writer(path, docs: list[SearchDoc], synonyms=()) -> Background:
    """The index, written by a second process while the pages are written."""
    return Background("index", "không dựng được chỉ mục tìm kiếm", write_index, path, docs, synonyms)
