"""The search index: small files that the page fetches as the words typed need them.

Like Pagefind, the index is split so that a phone on a slow network fetches
only what a query needs, in two rounds at most: the postings of the typed
words, then the titles of the results shown.

    tim-kiem/chi-muc/tu/<first two letters of a word>.json    every word that starts so, and where it occurs
    tim-kiem/chi-muc/muc/<n>.json                             documents 32·n … 32·n+31: what a result shows
    tim-kiem/chi-muc/ma/<first five digits of a code>.json    procedure codes → documents, with what they show
    tim-kiem/chi-muc.json                                     the table of contents (for tools: the page
                                                              derives every file's name from what is typed)

A word's postings, per field, are flat lists of numbers: ``name``, ``alias``
and ``syn`` hold (gap to the previous document, length in words of the phrase
the word is in, the word's position) triples — a gap of 0 is another
occurrence in the same document; ``meta`` holds gaps.
Documents are numbered by kind, then by folded title, so that near-duplicate
names share a store chunk; every word file gives the first document of each
kind, and the store rows of the two documents congkhai.js ranks first for each
of its words alone, so that the beginning of a query is answered after one
round trip. congkhai.js
scores from this (positions make phrases; lengths make coverage); nothing else
is shipped.
"""

from __future__ import annotations

import json
import math
import os
import shutil
from pathlib import Path

from generator.background import Background
from generator.search.docs import SearchDoc, SynonymExpander, catalog_docs, page_doc, search_text

__all__ = ["SearchDoc", "SynonymExpander", "build_index", "catalog_docs", "index_writer", "page_doc", "search_text", "write_index"]

KINDS = ("tt", "lv", "dv", "nb", "kh", "tr")  # the order of documents in the index
FIELDS = ("name", "alias", "syn", "meta")
CHUNK = 32  # documents per store file
KEY = 2  # a word is filed under its first two letters
CODE_KEY = 5  # a code under its first five digits


def term_key(term: str) -> str:
    return term[:KEY]


def code_key(code: str) -> str | None:
    digits = code.replace(".", "")
    return digits[:CODE_KEY] if digits.isdigit() and len(digits) >= CODE_KEY else None


def order(docs: list[SearchDoc]) -> list[SearchDoc]:
    return sorted(docs, key=lambda d: (KINDS.index(d.kind), search_text(d.title), d.url))


def postings(docs: list[SearchDoc]) -> dict[str, list[list[int]]]:
    """Word → its four flat lists (name, alias, syn, meta), for *docs* in the index's order."""
    table: dict[str, list[list[int]]] = {}
    last: dict[tuple[str, int], int] = {}
    words = _Words()
    for doc, d in enumerate(docs):
        name = words((d.title,))
        popular = [words(p for p in phrases if words((p,)) != name) for phrases in (d.alias, d.syn)]  # the name again adds nothing
        for field, found in enumerate((name, *popular, words((d.meta,)))):
            for position, (term, length) in enumerate(found):
                if term is None:
                    continue
                lists = table.get(term) or table.setdefault(term, [[], [], [], []])
                gap = doc - last.get((term, field), 0)
                last[term, field] = doc
                if field < 3:
                    lists[field] += (gap, length, position)
                elif gap or not lists[3]:  # meta: one entry per document
                    lists[3].append(gap)
    return table


class _Words:
    """A field's words in order, each with the length of its phrase, and (None, 0) between phrases: a phrase
    never runs into the next. Folding is remembered, for the same phrases (units, fields, popular names)
    come back in many documents."""

    def __init__(self):
        self.seen: dict[str, list[tuple[str, int]]] = {}

    def __call__(self, phrases) -> list[tuple[str | None, int]]:
        found: list = []
        for phrase in phrases:
            words = self.seen.get(phrase)
            if words is None:
                split = search_text(phrase).split()
                words = self.seen[phrase] = [(word, len(split)) for word in split]
            found += [*words, (None, 0)]
        return found[:-1]


def build_index(docs: list[SearchDoc]) -> tuple[dict[str, object], dict]:
    """Every file of the index (path in the folder → its JSON value), and the table of contents."""
    docs = order(docs)
    starts = [[kind, next(n for n, d in enumerate(docs) if d.kind == kind)] for kind in KINDS if any(d.kind == kind for d in docs)]
    files: dict[str, object] = {}
    shards: dict[str, dict] = {}
    for term, lists in sorted(postings(docs).items()):
        while lists and not lists[-1]:
            lists = lists[:-1]
        shards.setdefault(term_key(term), {})[term] = lists
    for key, terms in shards.items():
        files[f"tu/{key}.json"] = {"n": len(docs), "k": starts, "t": terms, "p": _previews(terms, docs)}
    codes: dict[str, list] = {}
    for n, d in enumerate(docs):
        if d.kind == "tt" and code_key(d.code):
            codes.setdefault(code_key(d.code), []).append([d.code, n])
    for key, pairs in codes.items():
        files[f"ma/{key}.json"] = {"c": pairs, "p": _store([docs[n] for _, n in pairs], [n for _, n in pairs])}
    for first in range(0, len(docs), CHUNK):
        files[f"muc/{first // CHUNK}.json"] = _store(docs[first:first + CHUNK])
    contents = {"version": 2, "documents": len(docs), "chunk": CHUNK, "kinds": starts, "words": sorted(shards), "codes": sorted(codes)}
    return files, contents


def _store(docs: list[SearchDoc], numbers: list[int] | None = None) -> dict:
    """What a result shows: kind, URL, title, code and the field, unit and level labels (numbers into ``l``);
    with *numbers*, the rows are keyed by document number."""
    labels: dict[str, int] = {}

    def label(text: str) -> int:
        return labels.setdefault(text, len(labels))

    rows = [[d.kind, d.url, d.title, d.code, label(d.field), label(d.unit), label(d.level)] for d in docs]
    return {"l": list(labels), "d": rows if numbers is None else dict(zip(map(str, numbers), rows))}


KIND_WEIGHT = {"tt": 1, "lv": 0.9, "dv": 0.7, "nb": 0.6, "kh": 0.5, "tr": 0.5}  # as congkhai.js weighs them
FIELD_WEIGHT = (10, 4, 2, 1)  # as congkhai.js weighs the fields
TIER = (6, 4, 3, 1)  # congkhai.js's tier of a word found in the name, a popular name of its own, a synonym, elsewhere
PREVIEWS = 2


def _previews(terms: dict[str, list[list[int]]], docs: list[SearchDoc]) -> dict:
    """The store rows of the documents that come first for each word alone, as congkhai.js ranks them: while
    the rest of a query is on its way, the page shows the results of its beginning without waiting for a
    second round trip."""
    chosen: set[int] = set()
    for lists in terms.values():
        chosen.update(sorted(_alone(lists, docs).items(), key=lambda item: (item[1], item[0]))[:PREVIEWS])
    numbers = sorted(n for n, _ in chosen)
    return _store([docs[n] for n in numbers], numbers)


def _alone(lists: list[list[int]], docs: list[SearchDoc]) -> dict[int, tuple]:
    """Document → congkhai.js's rank of it for the word typed alone, negated so that the first sorts first: the
    tier of the first field holding the word, the share of the shortest phrase holding it there, and the score
    (idf × the weights of the fields holding it), both weighed by kind."""
    shares: dict[int, list[float | None]] = {}  # per field: the largest share of a phrase holding the word (meta: 0)
    for field, values in enumerate(lists):
        doc, step = 0, 3 if field < 3 else 1
        for i in range(0, len(values), step):
            doc += values[i]
            held = shares.setdefault(doc, [None] * 4)
            held[field] = max(held[field] or 0.0, min(1.0, 1 / values[i + 1]) if field < 3 else 0.0)
    idf = math.log(1 + (len(docs) - len(shares) + 0.5) / (len(shares) + 0.5))
    ranks = {}
    for doc, held in shares.items():
        first = next(field for field, share in enumerate(held) if share is not None)
        score = 0.0
        for field, share in enumerate(held):  # added in congkhai.js's order, for the same rounding
            score += FIELD_WEIGHT[field] * idf if share is not None else 0
        weight = KIND_WEIGHT[docs[doc].kind]
        ranks[doc] = (-TIER[first], -held[first] * weight, -math.floor(score * weight * 1000 + 0.5) / 1000)
    return ranks


def write_index(path: Path, docs: list[SearchDoc]) -> None:
    """The table of contents at *path* (tim-kiem/chi-muc.json), the files in the folder beside it
    (tim-kiem/chi-muc/), swapped in whole: a page never reads half an index, nor mixes two builds'."""
    path = Path(path)
    folder = path.with_suffix("")
    files, contents = build_index(docs)
    fresh, old = (folder.with_name(f".{folder.name}.{tag}{os.getpid()}") for tag in ("", "old."))
    shutil.rmtree(fresh, ignore_errors=True)
    for name, value in files.items():
        _write(fresh / name, value)
    _write(fresh / "contents.json", contents)
    if folder.exists():
        os.replace(folder, old)
    os.replace(fresh, folder)
    os.replace(folder / "contents.json", path)
    shutil.rmtree(old, ignore_errors=True)


def _write(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_writer(path, docs: list[SearchDoc], synonyms=()) -> Background:
    """The index, written by a second process while the pages are written. (The synonyms are already in
    the documents: `catalog_docs` gives each the popular names its text calls for.)"""
    return Background("index", "không dựng được chỉ mục tìm kiếm", write_index, path, docs)
