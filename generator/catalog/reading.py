"""Reading catalog files: each file parsed and validated once, on two cores when there are many.

With many files to read, a second process reads a part of them while this
one reads the rest; its part is the smaller, since its results must still
be pickled over to this process.

A file's result depends only on its bytes and its place, so results are
kept by content hash for the life of the process: ``mkdocs serve`` parses
again only the files that changed.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from generator.catalog import kinds
from generator.background import Background
from generator.catalog.errors import Collector, Problem
from generator.catalog.schema import INVALID, Context
from generator.catalog.yamlio import load

PARALLEL_FROM = 400  # files; below this a second process costs more than it saves
OWN_SHARE = 0.55  # of the files, read by this process
_CACHE: dict[tuple, tuple] = {}


@dataclass
class Entry:
    """One validated file: its model, where it is, and where each value stood."""

    folder: str  # "units", "procedures", … or "" for the top-level files
    path: str  # as shown in messages, relative to the repository
    model: object
    positions: dict[str, tuple[int, int]]
    owner_dir: str | None = None

    def at(self, key: str) -> tuple[int, int]:
        return self.positions.get(key, (1, 1))


@dataclass(frozen=True)
class Job:
    folder: str
    path: Path
    kind: str  # a name in kinds: "PROCEDURE", "UNIT", …
    owner_dir: str | None
    shown: str


@contextlib.contextmanager
def paused_collector():
    """Loading a catalog makes a million objects that all live on, and no cycles worth collecting:
    without the cyclic collector walking them again and again, loading takes a fifth less time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_all(jobs: list[Job]) -> list[tuple[Job, Entry | None, list[Problem]]]:
    """Each job with its entry (None when it could not be read) and its problems, in order."""
    contents = [job.path.read_bytes() for job in jobs]
    keys = [(job.shown, job.kind, job.owner_dir, hashlib.blake2b(data, digest_size=16).digest()) for job, data in zip(jobs, contents)]
    missing = [i for i, key in enumerate(keys) if key not in _CACHE]
    work = [(jobs[i], contents[i]) for i in missing]
    if len(work) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        mine = int(len(work) * OWN_SHARE)
        theirs = Background("reading", "không đọc được các tệp danh mục", _read_pairs, work[mine:]).start()
        results = _read_pairs(work[:mine]) + theirs.wait()
    else:
        results = [_read_pair(pair) for pair in work]
    for i, result in zip(missing, results):
        _CACHE[keys[i]] = result
    return [(job, *_CACHE[key]) for job, key in zip(jobs, keys)]


def _read_pairs(pairs: list[tuple[Job, bytes]]) -> list[tuple[Entry | None, list[Problem]]]:
    return [_read_pair(pair) for pair in pairs]


def _read_pair(pair: tuple[Job, bytes]) -> tuple[Entry | None, list[Problem]]:
    job, data = pair
    out = Collector(job.shown)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(job.shown, line, 1, "tệp không dùng bảng mã UTF-8 — hãy lưu lại tệp với bảng mã UTF-8")]
    raw = load(text, out)
    model = INVALID
    positions: dict[str, tuple[int, int]] = {}
    if raw is not None:
        model = getattr(kinds, job.kind).check(raw, "", Context(out, positions))
    if model is INVALID:
        return None, out.problems
    return Entry(job.folder, job.shown, replace(model, path=job.shown), positions, job.owner_dir), out.problems
