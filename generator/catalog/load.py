"""Loading a catalog folder: find the files, read and validate each, check across files.

    catalog/site.yaml, catalog/fields.yaml, catalog/synonyms.yaml (optional; merged with the
    package's popular names, synonyms.py)
    catalog/units/<unit-id>.yaml
    catalog/procedures/<owner>/<code>.yaml
    catalog/internal/<owner>/<id>.yaml
    catalog/plans/<owner>/<plan-id>.yaml
    catalog/reports/<unit-id>/<plan-id>.yaml   a unit's progress reports on a plan (reports.py)
    catalog/petitions/<unit-id>.yaml, catalog/scores/<unit-id>.yaml   petition results, QĐ 766 scores (results.py)

Every problem in every file is collected; ``load_catalog`` raises one
``CatalogError`` listing them all, or returns the ``Catalog`` (with warnings).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from types import SimpleNamespace
from pathlib import Path

from generator.catalog import files
from generator.catalog.checks import check_catalog
from generator.catalog.errors import CatalogError, Problem
from generator.catalog.mediafiles import check_media
from generator.catalog.reading import Entry, Job, paused_collector, read_all
from generator.catalog.synonyms import merged_synonyms

OWNED = {"procedures": "PROCEDURE", "internal": "INTERNAL", "plans": "PLAN"}
RESULTS = {"petitions": "PETITIONS", "scores": "SCORES"}  # one file per unit: <folder>/<unit-id>.yaml
OWNED_LABEL = {"procedures": "mã thủ tục", "internal": "mã thủ tục nội bộ", "plans": "mã kế hoạch"}


@dataclass
class Catalog:
    site: object
    fields: dict
    units: dict
    procedures: dict
    internals: dict
    plans: dict
    synonyms: tuple = ()
    warnings: list[Problem] = field(default_factory=list)
    # (folder, file name without extension) of files that exist but could not be read:
    # their own errors are reported, references to them are not reported again
    unreadable: set[tuple[str, str]] = field(default_factory=set)
    entries: list = field(default_factory=list)  # the validated files, with the positions of their values
    media: dict = field(default_factory=dict)  # the media files the catalog names and that are good, by path (mediafiles.py)
    reports: dict = field(default_factory=dict)  # "<unit>/<plan>" → report_models.ReportFile
    petitions: dict = field(default_factory=dict)  # unit id → results.Petitions
    scores: dict = field(default_factory=dict)  # unit id → results.Scores


def load_catalog(root: Path | str, display_root: Path | str | None = None, only: set[str] | None = None) -> Catalog:
    """Load and check a catalog folder.

    With *only* (paths relative to the catalog folder), procedures, internal
    procedures and plans not in it are not read: they are known by their file
    names, which is enough for the checks of the files that are read (the
    "what did this pull request change" check). Units and the top-level files
    are always read.
    """
    with paused_collector():
        return _load(Path(root), Path(display_root) if display_root else _guess_display_root(Path(root)), only)


def _load(root: Path, display_root: Path, only: set[str] | None) -> Catalog:
    problems: list[Problem] = []
    entries: list[Entry] = []
    unreadable: set[tuple[str, str]] = set()
    jobs = list(_discover(root, display_root, problems, unreadable))
    if only is not None:
        stubs = [_stub(job) for job in jobs if job.folder in OWNED and job.path.relative_to(root).as_posix() not in only]
        jobs = [job for job in jobs if job.folder not in OWNED or job.path.relative_to(root).as_posix() in only]
    for job, entry, found in read_all(jobs):
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
        else:
            unreadable.add(_file_key(job.path.relative_to(root).parts))
    for name in ("site.yaml", "fields.yaml"):
        if not (root / name).is_file():
            problems.append(Problem(_show(root / name, display_root), 1, 1, f"thiếu tệp {name} — mỗi danh mục cần tệp này"))
            unreadable.add(_file_key((name,)))
    checked = list(entries)
    if only is not None:
        entries = stubs + entries  # a clash of names is then reported on the changed file
    catalog = _assemble(entries)
    catalog.unreadable = unreadable
    catalog.entries = checked
    problems += check_catalog(catalog, entries, checked)
    found, catalog.media = check_media(root, _show(root, display_root), catalog, checked)
    problems += found
    if any(not p.warning for p in problems):
        raise CatalogError(problems)
    catalog.warnings = sorted(problems)
    return catalog


def _stub(job: Job) -> Entry:
    """A file that was not read, known by its name and folder only."""
    name = job.path.name[: -len(".yaml")]
    return Entry(job.folder, job.shown, SimpleNamespace(code=name, id=name, owner=job.owner_dir), {}, job.owner_dir)


def _discover(root: Path, display_root: Path, problems: list[Problem], unreadable: set[tuple[str, str]]):
    if not root.is_dir():
        raise CatalogError([Problem(_show(root, display_root), 1, 1, "không tìm thấy thư mục danh mục")])
    prefix = _show(root, display_root)  # resolved once; each file's place is then joined to it
    for directory, subdirs, names in os.walk(root):  # symbolic links to folders are listed, never followed
        base = Path(directory)
        for name in list(subdirs):
            refused = files.refuse(base / name, name, folder=True)
            if refused or name.startswith("."):
                subdirs.remove(name)
                if refused:
                    problems.append(Problem(_shown(base / name, root, prefix), 1, 1, refused))
        subdirs.sort()
        for name in sorted(names):
            path = base / name
            parts = path.relative_to(root).parts
            shown = _shown(path, root, prefix)
            refused = files.refuse(path, name)
            if refused:
                problems.append(Problem(shown, 1, 1, refused))
                unreadable.add(_file_key(parts))
                continue
            skipped = files.skipped(parts)
            if skipped is not None:
                warning, message = skipped
                if message:
                    problems.append(Problem(shown, 1, 1, message, warning=warning))
                if not warning:
                    unreadable.add(_file_key(parts))
                continue
            placed = _place(parts)
            if placed is None:
                problems.append(Problem(shown, 1, 1, _misplaced(parts)))
                unreadable.add(_file_key(parts))
            else:
                folder, kind, owner_dir = placed
                yield Job(folder, path, kind, owner_dir, shown)


def _shown(path: Path, root: Path, prefix: str) -> str:
    parts = path.relative_to(root).parts
    return "/".join(parts) if prefix == "." else "/".join((prefix, *parts))


def _place(parts: tuple[str, ...]):
    """(folder, kind, owner folder) for a file's place in the catalog, or None."""
    if parts == ("site.yaml",):
        return "", "SITE", None
    if parts == ("fields.yaml",):
        return "", "FIELDS", None
    if parts == ("synonyms.yaml",):
        return "", "SYNONYMS", None
    if len(parts) == 2 and parts[0] == "units":
        return "units", "UNIT", None
    if len(parts) == 2 and parts[0] in RESULTS:
        return parts[0], RESULTS[parts[0]], None
    if len(parts) == 3 and parts[0] in OWNED:
        return parts[0], OWNED[parts[0]], parts[1]
    if len(parts) == 3 and parts[0] == "reports":
        return "reports", "REPORT", parts[1]
    return None


def _file_key(parts: tuple[str, ...]) -> tuple[str, str]:
    """(folder, name): ("procedures", "1.001193") for procedures/<owner>/1.001193.yaml, ("", "fields") for fields.yaml."""
    return (parts[0] if len(parts) > 1 else "", parts[-1].rsplit(".", 1)[0])


def _misplaced(parts: tuple[str, ...]) -> str:
    if (parts[0] in OWNED or parts[0] == "reports") and len(parts) == 2:
        return f"tệp phải nằm trong thư mục mang mã đơn vị cập nhật: catalog/{parts[0]}/<mã đơn vị>/{parts[1]}"
    return ("tệp nằm sai chỗ — danh mục chỉ gồm site.yaml, fields.yaml, synonyms.yaml, units/<mã đơn vị>.yaml, "
            "procedures/<mã đơn vị>/<mã thủ tục>.yaml, internal/<mã đơn vị>/<mã>.yaml, plans/<mã đơn vị>/<mã kế hoạch>.yaml, "
            "reports/<mã đơn vị>/<mã kế hoạch>.yaml, petitions/<mã đơn vị>.yaml và scores/<mã đơn vị>.yaml")


def _assemble(entries: list[Entry]) -> Catalog:
    site = next((e.model for e in entries if e.folder == "" and hasattr(e.model, "authority")), None)
    field_list = next((e.model for e in entries if e.folder == "" and hasattr(e.model, "fields")), None)
    fields = {}
    for item in field_list.fields if field_list else ():
        fields.setdefault(item.id, item)
    synonyms = merged_synonyms(next((e.model for e in entries if e.folder == "" and hasattr(e.model, "synonyms")), None))
    by_folder: dict[str, dict] = {"units": {}, "procedures": {}, "internal": {}, "plans": {}, "reports": {}, "petitions": {}, "scores": {}}
    for entry in entries:
        if entry.folder:
            key = entry.model.code if entry.folder == "procedures" else entry.model.id
            by_folder[entry.folder].setdefault(key, entry.model)
    return Catalog(site, fields, by_folder["units"], by_folder["procedures"], by_folder["internal"], by_folder["plans"], synonyms,
                   reports=by_folder["reports"], petitions=by_folder["petitions"], scores=by_folder["scores"])


def _show(path: Path, display_root: Path) -> str:
    try:
        return path.resolve().relative_to(display_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _guess_display_root(root: Path) -> Path:
    """The repository root (the nearest folder with .git or mkdocs.yml), else the catalog's parent."""
    for folder in [root.resolve(), *root.resolve().parents]:
        if (folder / ".git").exists() or (folder / "mkdocs.yml").exists():
            return folder
    return root.resolve().parent
