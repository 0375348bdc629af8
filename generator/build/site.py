"""The story of a build, told without a host.

A host (MkDocs, ProperDocs, or a writer of plain files) asks, in this order::

    build = SiteBuild(options)
    build.load()                     read and check the catalog, relate, plan every page and screen (and the open data)
                                     (under serve, a catalog with errors: pages that show them, build/preview.py)
    build.specs, build.assets        the generated pages, and the files beside them
    build.start_pages(generated)     part of the pages' contents made by a second process
    build.start_index(page_docs)     the search index, once the hand-written pages' text is known
    build.content(spec)              one generated page's content
    build.theme_page(...)            the theme's page around it: rendered once per kind, then filled
    build.finish()                   the index, the counter screens, ban-dung.json, the media files shown and the open data
                                     (/du-lieu/) written; sitemap.xml's dates from git, robots.txt
    build.abort()                    a failed build: every job stopped

Everything that makes a build fast lives below this module (the second
processes, the shells, the rows rendered once, incremental rebuilds under
serve); a host only translates its events into these calls.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.build import incremental, preview
from generator.build.media import copy_media
from generator.catalog.errors import CatalogError
from generator.catalog.load import load_catalog
from generator.exports.opendata import OpenData
from generator.pages import prerender, shell
from generator.pages.charts import chart_assets
from generator.pages.prerender import Prerender
from generator.pages.relations import relate
from generator.pages.render import make_environment, render_page
from generator.pages.specs import PageSpec, plan_site
from generator.pages.videos import shown_media
from generator.screens.kiosk import kiosk_specs, screen_writer, shared_script, shared_slides
from generator.search.index import catalog_docs, index_writer, page_doc
from generator.text.html import headings_of, plain_text

SCREEN_ASSETS = "assets/man-hinh/{kind}.js"
BUILD_STAMP = "ban-dung.json"  # what the counter screens poll to know that a newer build is published
INDEX = "tim-kiem/chi-muc.json"


class BuildFailure(Exception):
    """Why a build stopped, in Vietnamese, ready to be shown: the host adds no traceback."""


@dataclass(frozen=True)
class Options:
    catalog_dir: Path
    root: Path  # the site's folder: paths in messages are relative to it
    site_dir: Path  # where the pages are written
    fragments: tuple[Path, ...] = ()  # a site's own templates, which win over ours
    site_url: str | None = None
    today: str | None = None
    serving: bool = False  # a preview server: the pages first, the index and the screens a moment later
    incremental: bool = False  # only what changed since the previous build in this process (serve --dirty)
    edit_base: str | None = None  # where "Đề nghị chỉnh sửa" links, before a catalog file's path (edit_base())
    docs_dir: Path | None = None  # the hand-written pages: their files' dates go in sitemap.xml


class SiteBuild:
    def __init__(self, options: Options):
        self.options = options
        self.today = options.today or os.environ.get("CONGKHAI_TODAY") or dt.date.today().isoformat()
        self.build_id = os.environ.get("CONGKHAI_BUILD_ID") or ("serve" if options.incremental else
                                                                dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ"))
        self.specs: list[PageSpec] = []
        self.page_docs: dict = {}
        self.unchanged: set[str] = set()
        self.assets: dict[str, str] = {}
        self.media: list = []  # the catalog's media files that pages and screens show, copied by finish()
        self.shells = shell.Shells()
        self.screens = self.indexer = self.prerender = self.open_data = None
        self.hand_pages: dict[str, str] = {}  # URL → file of the hand-written pages
        self.failure: list | None = None  # under serve, the problems of a catalog that failed to load

    def load(self) -> list:
        """Read, check and relate the catalog; plan its pages and screens. Returns the warnings;
        raises BuildFailure with every problem when there is an error."""
        options = self.options  # the dates of the catalog's files are read from git while it loads
        self.open_data = OpenData(options.root, options.catalog_dir, options.docs_dir, Path(options.site_dir), options.site_url, self.today,
                                  options.incremental)
        try:
            catalog = load_catalog(self.options.catalog_dir, self.options.root)
        except CatalogError as exc:
            if self.options.serving:  # a preview goes on: its pages show the problems (build/preview.py)
                return self._failed(exc.problems)
            raise BuildFailure("Danh mục có lỗi:\n" + exc.report()) from None
        # What lives now lives to the end of the build: the collector need not walk it again and again
        # (nor touch it in the second processes, which share it by fork). Unfrozen when the build ends.
        gc.freeze()
        relations = relate(catalog, self.today)
        shared = shared_slides(catalog, relations, self.options.site_url)
        screens, postings = kiosk_specs(catalog, relations, self.options.site_url, self.build_id, shared)
        self.specs = plan_site(catalog, relations) + postings
        self.specs += self.open_data.plan(catalog, relations, self.specs)  # /du-lieu/, and JSON-LD on the pages
        if len({spec.src_uri for spec in self.specs}) != len(self.specs):
            raise BuildFailure("congkhai: hai trang sinh ra trùng địa chỉ")
        self.catalog, self.search_docs = catalog, catalog_docs(catalog, relations)
        self.by_src = {spec.src_uri: spec for spec in self.specs}
        self.env = make_environment(self.options.fragments, catalog)
        preview.remember(self.specs)
        self.assets = {SCREEN_ASSETS.format(kind=kind): shared_script(self.env, kind, slides) for kind, slides in shared.items()}
        self.assets.update(chart_assets(self.specs))  # the CSV file beside every chart (pages/charts.py)
        self.media = shown_media(catalog, self.today)
        if self.options.incremental:  # only the pages and screens whose values changed
            self.unchanged = {spec.src_uri for spec in self.specs if not incremental.changed(spec)}
            changed_screens = [spec for spec in screens if incremental.changed(spec)]
            incremental.remember(self.specs + screens)
            screens = changed_screens
        self.screens = screen_writer(Path(self.options.site_dir), self.env, screens, self.today)
        if not self.options.serving:
            self.screens.start()
            self.open_data.job.start()  # a build (not a preview) always has the job
        return list(catalog.warnings)

    def _failed(self, problems: list) -> list:
        """Under serve, a catalog with errors: its pages show the problems, the terminal lists them as validate does."""
        print(preview.report(problems), file=sys.stderr, flush=True)
        self.failure, self.catalog, self.search_docs = problems, preview.stand_in(), []
        self.specs = preview.error_specs(problems, preview.made())
        self.by_src = {spec.src_uri: spec for spec in self.specs}
        self.env = make_environment(self.options.fragments)
        incremental.forget()  # the next build writes every page again
        return []

    def dirty_hint(self, host: str) -> str | None:
        """For a plain preview server of a large catalog: that --dirty rebuilds only what changed."""
        if len(self.specs) >= prerender.FROM:
            return f"Danh mục có {len(self.specs)} trang: '{host} serve --dirty' chỉ dựng lại những trang có thay đổi, nhanh hơn nhiều."
        return None

    def changed(self, spec: PageSpec) -> bool:
        """Whether the page must be written again (always, but under an incremental rebuild)."""
        return spec.src_uri not in self.unchanged

    def placed(self, existing: set[str], nav) -> list[tuple[PageSpec, bool, bool]]:
        """The pages to give the host, each as (spec, new: no hand-written page has its name, changed).
        Under an incremental rebuild, an unchanged new page outside the navigation is left out: what was
        written stays."""
        in_nav, placed = nav_files(nav), []
        if self.failure:  # a page the navigation names shows the problems too, even before a first good build
            named = {src for src in in_nav or () if src.endswith(".md")} - existing - set(self.by_src)
            self.specs += preview.error_specs(self.failure, named)
            self.by_src.update((spec.src_uri, spec) for spec in self.specs)
        for spec in self.specs:
            new, changed = spec.src_uri not in existing, self.changed(spec)
            if not (new and not changed and in_nav is not None and spec.src_uri not in in_nav):
                placed.append((spec, new, changed))
        return placed

    def start_pages(self, generated: set[str]) -> None:
        """A second process renders part of the procedure pages' contents (large catalogs only)."""
        many = [] if self.options.incremental else [s for s in self.specs if s.src_uri in generated and s.template == "procedure.html"]
        self.prerender = Prerender(self.env, many, self.today, {spec.src_uri: self.edit_url(spec) for spec in many})

    def edit_url(self, spec: PageSpec) -> str | None:
        base = self.options.edit_base
        return base + spec.edit_path if base and spec.edit_path else None

    def start_index(self) -> None:
        """Every page's text is known now; under build, the index is made while the pages are written."""
        if self.failure:  # the index of the last good build stays
            return
        docs = self.search_docs + incremental.page_docs(self.page_docs)
        self.indexer = index_writer(Path(self.options.site_dir) / INDEX, docs, self.catalog.synonyms)
        if not self.options.serving:
            self.indexer.start()

    def content(self, spec: PageSpec) -> str:
        """A generated page's content; raises BuildFailure when a second process failed."""
        if self.prerender is not None and self.prerender.owns(spec.src_uri):
            with _job_failures():
                return self.prerender.content(spec.src_uri)
        return render_page(self.env, spec, self.today, self.edit_url(spec))

    def hand_written(self, src_uri: str, url: str, title: str, toc, html: str) -> str:
        """A hand-written page, rendered by the host: its text goes to the index, and what a generated spec
        of the same name adds goes below it."""
        self.page_docs[src_uri] = page_doc(url, title, headings_of(toc), plain_text(html))
        self.hand_pages[url] = src_uri
        spec = self.by_src.get(src_uri)
        return html if spec is None else html + render_page(self.env, spec, self.today)

    def table_of_contents(self, src_uri: str, toc) -> list[dict]:
        """A hand-written page's table of contents (the host's, as tokens: level, id, name, children) with the
        headings that a generated spec of the same name adds below the page, under the page's title."""
        tokens = _toc_tokens(toc)
        spec = self.by_src.get(src_uri)
        parent = tokens[0]["children"] if len(tokens) == 1 and tokens[0]["level"] == 1 else tokens
        parent.extend(spec.context.get("headings", []) if spec is not None else [])
        return tokens

    def theme_page(self, spec: PageSpec, url: str, canonical: str | None, in_nav: bool) -> ThemePage:
        """The theme writes the same page around the generated pages that are not in the navigation but
        for four values: it is rendered once, with marks in their place, and filled (shell.py)."""
        return ThemePage(self.shells, spec, url, canonical, in_nav)

    def finish(self) -> None:
        """Write what follows the pages; raises BuildFailure when a second process failed."""
        (Path(self.options.site_dir) / BUILD_STAMP).write_text(json.dumps({"build": self.build_id}), encoding="utf-8")
        copy_media(Path(self.options.site_dir), self.media)
        if self.failure:
            preview.write_404(self.env, Path(self.options.site_dir), self.failure, self.today)
        self.open_data.finish(self.open_data.sources(self.specs, self.hand_pages))  # sitemap.xml's dates, robots.txt
        jobs = [job for job in (self.screens, self.indexer, self.open_data.job) if job is not None]
        if self.options.serving:  # the index and the screens follow a moment later: the pages need not wait
            for job in jobs:
                if not job.start().forked:
                    job.wait()
            return
        with _job_failures():
            for job in jobs:
                job.wait()

    def abort(self) -> None:
        for job in (self.screens, self.indexer, self.prerender, self.open_data):
            if job is not None:
                job.stop()

    @staticmethod
    def done() -> None:
        gc.unfreeze()


class ThemePage:
    """One generated page on its way through the theme: its marks, then its filled output."""

    def __init__(self, shells: shell.Shells, spec: PageSpec, url: str, canonical: str | None, in_nav: bool):
        self.shells, self.url = shells, url
        self.kind = None if in_nav else shell.Shells.kind(url, spec.description, canonical)
        self.ready = shells.ready(url, self.kind)
        self.values = {shell.TITLE: spec.title, shell.DESCRIPTION: spec.description, shell.CANONICAL: canonical}
        self.description = spec.description

    def marks(self, meta: dict) -> str | None:
        """Marks in place of the page's values, for the theme; returns the canonical address to give it."""
        meta["title"] = shell.TITLE
        if self.description:
            meta["description"] = shell.DESCRIPTION
        return None if self.values[shell.CANONICAL] is None else shell.CANONICAL

    def values_into(self, meta: dict) -> str | None:
        """The page's own values back, once the theme has written it; returns its canonical address."""
        meta["title"] = self.values[shell.TITLE]
        if self.description:
            meta["description"] = self.description
        return self.values[shell.CANONICAL]

    def fill(self, output: str, content: str) -> str:
        return self.shells.page(self.url, self.kind, output, {**self.values, shell.CONTENT: content})


def _toc_tokens(toc) -> list[dict]:
    return [{"level": item.level, "id": item.id, "name": item.title, "children": _toc_tokens(item.children)} for item in toc or ()]


@contextlib.contextmanager
def _job_failures():
    try:
        yield
    except RuntimeError as exc:  # a second process failed; its message is in Vietnamese
        raise BuildFailure(str(exc)) from None


def edit_base(repo_url: str | None, edit_uri: str | None, docs_name: str, source_edit_uri: str | None) -> str | None:
    """Where "Đề nghị chỉnh sửa" links, before a catalog file's path from the repository root: by default
    the host's edit_uri without its docs folder ("edit/main/content/" → "edit/main/")."""
    if not repo_url:
        return None
    base = source_edit_uri if source_edit_uri is not None else (edit_uri or "edit/main/").removesuffix(docs_name + "/")
    return repo_url.rstrip("/") + "/" + base.strip("/") + "/"


def nav_files(nav) -> set[str] | None:
    """The files named in a configured navigation; None when the host makes it of every file."""
    if nav is None:
        return None
    found, stack = set(), [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        else:
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found
