"""The open data of one build, in the order the build needs it.

    data = OpenData(root, catalog_dir, docs_dir, site_dir, site_url, today)   the git dates start being read
    data.plan(catalog, relations, specs)   the /du-lieu/ page, and schema.org JSON-LD on the pages
    data.job                               the files of /du-lieu/: made in a second process while pages are written
    data.finish(sources)                   sitemap.xml's dates and robots.txt, once the host has written the pages
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from generator.background import Background
from generator.exports import jsonld, sitemap
from generator.exports.csvfiles import write_csv
from generator.exports.datapackage import write_datapackage
from generator.exports.feed import UNIT_FEED, Feeds
from generator.exports.history import History
from generator.exports.jsonfiles import write_json
from generator.exports.page import FOLDER, data_page
from generator.exports.records import catalog_records


_WRITTEN: set[Path] = set()  # the site folders this process wrote the files to (serve --dirty writes them once)


class OpenData:
    def __init__(self, root: Path, catalog_dir: Path, docs_dir: Path | None, site_dir: Path, site_url: str | None, today: str,
                 once: bool = False):
        """*once*: an incremental rebuild (serve --dirty) writes the files only if this process has not yet: a preview
        is for pages, and the files would add a second to every save of a large catalog."""
        self.root, self.site_dir, self.site_url, self.today, self.once = root, site_dir, site_url, today, once
        self.catalog_path = _relative(catalog_dir, root)
        self.docs_path = _relative(docs_dir, root) if docs_dir else None
        self.history = History(root, [catalog_dir] + ([docs_dir] if docs_dir else []))
        self.job, self.planned = None, False

    def plan(self, catalog, relations, specs: list) -> list:
        """The /du-lieu/ page (returned, to add to the site's pages); schema.org descriptions given to *specs*;
        the job that writes the files."""
        page = data_page(catalog, self.today, self.history.dates(), self.catalog_path)
        jsonld.attach([*specs, page], catalog, self.site_url)
        for spec in specs:
            if spec.template == "unit.html":  # a unit's page links its feed
                spec.context["feed"] = UNIT_FEED.format(spec.context["u"].id)
        self.planned = True
        if not (self.once and self.site_dir in _WRITTEN):
            _WRITTEN.add(self.site_dir)
            self.job = Background("exports", "không viết được các tệp dữ liệu mở", write_files,
                                  self.site_dir / FOLDER, catalog, relations, self.site_url, self.today)
        return [page]

    def sources(self, specs: list, hand_written: dict[str, str]) -> dict[str, list[str]]:
        """Each page's sources: its catalog file, else the whole catalog; and a hand-written page's Markdown file."""
        found = {spec.url: [spec.edit_path or self.catalog_path + "/"] for spec in specs}
        for url, src_uri in hand_written.items():
            if self.docs_path is not None:
                found.setdefault(url, []).append(f"{self.docs_path}/{src_uri}")
        return found

    def finish(self, sources: dict[str, list[str]]) -> None:
        """sitemap.xml with each page's date (see sitemap.py), and robots.txt."""
        if not self.planned:  # the catalog did not load (a preview shows its problems): nothing to date
            self.history.stop()
            return
        lastmod = sitemap.page_dates(sources, self.history.dates(), self.today)
        has_sitemap = sitemap.rewrite(self.site_dir, self.site_url, lastmod, self.today)
        sitemap.write_robots(self.site_dir, self.site_url, has_sitemap)

    def stop(self) -> None:
        self.history.stop()
        if self.job is not None:
            self.job.stop()
            _WRITTEN.discard(self.site_dir)  # a failed build: the next one writes the files


def write_files(folder: Path, catalog, relations, site_url: str | None, today: str) -> int:
    """Every file of /du-lieu/: JSON with its schemas, CSV with datapackage.json, the feeds. Returns how many.
    In a second process it works at a lower priority: the pages, which the build waits for, come first."""
    if multiprocessing.parent_process() is not None:
        os.nice(10)
    folder.mkdir(parents=True, exist_ok=True)
    records = catalog_records(catalog, site_url)
    written = write_json(folder, records, catalog) + write_csv(folder, records) + [write_datapackage(folder, catalog)]
    feeds = Feeds(catalog, relations, site_url, today)
    for path, text in (feeds.site_feed(), *feeds.unit_feeds()):
        target = folder.parent / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return len(written)


def _relative(path: Path, root: Path) -> str:
    """*path* as git names it from *root* ("catalog"), or as it is when it lies outside."""
    relative = os.path.relpath(Path(path).resolve(), Path(root).resolve())
    return Path(relative).as_posix() if not relative.startswith("..") else Path(path).as_posix()
