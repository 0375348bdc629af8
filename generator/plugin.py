"""The MkDocs adapter: the only module of congkhai that imports ``mkdocs``.

It translates MkDocs events into calls of the library: load and check the
catalog, add one virtual page per spec (never in the navigation), render
each with our templates, and turn our errors into one ``PluginError``.
A ``mkdocs build`` writes into a sibling folder and swaps it into place only
when the build succeeded, so a failed build never leaves a half-built site.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from . import incremental, prerender, shell
from .catalog import load_catalog
from .errors import CatalogError
from .kiosk import kiosk_specs, screen_writer, shared_script, shared_slides
from .pages import plan_site
from .prerender import Prerender
from .relations import relate
from .render import make_environment, render_page
from .search import catalog_docs, index_writer, page_doc
from .text import headings_of, plain_text

log = logging.getLogger("mkdocs.plugins.congkhai")


class CongkhaiConfig(Config):
    catalog = c.Type(str, default="catalog")
    today = c.Optional(c.Type(str))
    # where "Đề nghị chỉnh sửa" links, relative to repo_url, with the file's path from the repository root
    # appended; by default edit_uri without its docs_dir part ("edit/main/content/" → "edit/main/")
    source_edit_uri = c.Optional(c.Type(str))


class CongkhaiPlugin(BasePlugin[CongkhaiConfig]):
    def __init__(self):
        self.command = None
        self.dirty = False
        self.specs = {}
        self.generated = set()
        self.final_site_dir = None
        self.hinted = False
        self.nav_pages = set()

    @property
    def incremental(self) -> bool:
        return self.command == "serve" and self.dirty

    def on_startup(self, *, command, dirty):
        self.command = command
        self.dirty = dirty
        if self.incremental:
            # congkhai decides itself which pages changed (incremental.py), so MkDocs' warning
            # about stale pages in dirty builds does not apply; in strict mode it would stop serve.
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("congkhai cần use_directory_urls: true (địa chỉ trang dạng /thu-tuc/<mã>/)")
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        self.catalog_dir = (root / self.config.catalog).resolve()
        if self.command in ("build", "gh-deploy"):
            self.final_site_dir = config.site_dir
            config.site_dir = _staging_dir(config.site_dir)
        return config

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.catalog_dir))
        return server

    def on_files(self, files, config):
        try:
            catalog = load_catalog(self.catalog_dir, self.root)
        except CatalogError as exc:
            raise PluginError("Danh mục có lỗi:\n" + exc.report()) from None
        for problem in catalog.warnings:
            log.warning(str(problem))
        # What lives now lives to the end of the build: the collector need not walk it again and again
        # (nor touch it in the second processes, which share it by fork). Unfrozen when the build ends.
        gc.freeze()
        self.today = self.config.today or os.environ.get("CONGKHAI_TODAY") or dt.date.today().isoformat()
        relations = relate(catalog, self.today)
        self.build_id = os.environ.get("CONGKHAI_BUILD_ID") or ("serve" if self.incremental else
                                                                dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ"))
        shared = shared_slides(catalog, relations, config.site_url)
        screens, postings = kiosk_specs(catalog, relations, config.site_url, self.build_id, shared)
        specs = plan_site(catalog, relations) + postings
        self.search_docs = catalog_docs(catalog, relations)
        self.synonyms = catalog.synonyms
        self.page_docs = {}
        self.env = make_environment([self.root / "overrides" / "fragments"], catalog)
        self._add_pages(specs, files, config)
        for kind, slides in shared.items():
            files.append(File.generated(config, f"assets/man-hinh/{kind}.js", content=shared_script(self.env, kind, slides)))
        if self.incremental:  # only the screens whose values changed
            changed_screens = [spec for spec in screens if incremental.changed(spec)]
            incremental.remember(specs + screens)
            screens = changed_screens
        self.screens = screen_writer(Path(config.site_dir), self.env, screens, self.today)
        if self.command != "serve":
            self.screens.start()
        config.extra["congkhai_notice"] = catalog.site.notice
        many = [] if self.incremental else [spec for spec in specs if spec.src_uri in self.generated and spec.template == "procedure.html"]
        self.prerender = Prerender(self.env, many, self.today, {spec.src_uri: self._edit_url(spec, config) for spec in many})
        return files

    def _add_pages(self, specs, files, config):
        """One virtual file per spec (a spec may also add to a hand-written page of the same name)."""
        self.specs = {spec.src_uri: spec for spec in specs}
        if len(self.specs) != len(specs):
            raise PluginError("congkhai: hai trang sinh ra trùng địa chỉ")
        if self.command == "serve" and not self.dirty and len(specs) >= prerender.FROM and not self.hinted:
            self.hinted = True
            log.info(f"Danh mục có {len(specs)} trang: 'mkdocs serve --dirty' chỉ dựng lại những trang có thay đổi, nhanh hơn nhiều.")
        self.generated = set()
        in_nav = _nav_files(config.nav)
        for spec in specs:
            file = files.get_file_from_path(spec.src_uri)
            is_changed = not self.incremental or incremental.changed(spec)
            if file is None:
                if not is_changed and in_nav is not None and spec.src_uri not in in_nav:
                    continue  # mkdocs serve --dirty: an unchanged page is left out; what was written stays
                file = File.generated(config, spec.src_uri, content="")
                files.append(file)
                self.generated.add(spec.src_uri)
            if self.incremental and (is_changed or spec.src_uri in self.generated):
                file.is_modified = functools.partial(bool, is_changed)  # write again only what changed

    def on_nav(self, nav, *, config, files):
        self.nav_pages = {page.file.src_uri for page in nav.pages}
        return nav

    def on_env(self, env, *, config, files):
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({shell.TEMPLATE_NAME: shell.TEMPLATE})])
        self.shells = shell.Shells()
        # Every page's text is known now; under build, the index is made while the theme writes the pages.
        path = Path(config.site_dir) / "tim-kiem" / "chi-muc.json"
        self.indexer = index_writer(path, self.search_docs + incremental.page_docs(self.page_docs), self.synonyms)
        if self.command != "serve":
            self.indexer.start()
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        spec = self.specs.get(page.file.src_uri)
        if spec is None or page.file.src_uri not in self.generated:
            return markdown
        page.meta["title"] = spec.title
        page.meta["hide"] = ["navigation", "toc"]  # generated pages have neither; their tables get the width
        page.meta["template"] = shell.TEMPLATE_NAME
        if spec.description:
            page.meta["description"] = spec.description
        page.render = functools.partial(self._render_generated, page, spec)  # our HTML, no Python-Markdown
        return ""

    def _render_generated(self, page, spec, config, files):
        if self.prerender.owns(spec.src_uri):
            page.content = ""  # the second process renders it; taken in on_page_context
        else:
            page.content = render_page(self.env, spec, self.today, self._edit_url(spec, config))
        page.toc = get_toc([])
        page.present_anchor_ids = set()

    def _edit_url(self, spec, config):
        if not (config.repo_url and spec.edit_path):
            return None
        base = self.config.source_edit_uri
        if base is None:
            docs = Path(config.docs_dir).name + "/"
            base = (config.edit_uri or "edit/main/").removesuffix(docs)
        return config.repo_url.rstrip("/") + "/" + base.strip("/") + "/" + spec.edit_path

    def on_page_content(self, html, *, page, config, files):
        if page.file.src_uri in self.generated:
            return html
        self.page_docs[page.file.src_uri] = page_doc(page.url, page.title or "", headings_of(page.toc), plain_text(html))
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return html
        return html + render_page(self.env, spec, self.today)

    def on_post_build(self, *, config):
        try:
            self._finish(config)
        finally:
            gc.unfreeze()

    def _finish(self, config):
        # What the counter screens poll to know that a newer build is published.
        (Path(config.site_dir) / "ban-dung.json").write_text(json.dumps({"build": self.build_id}), encoding="utf-8")
        if self.command == "serve":  # the index and the screens follow a moment later: the pages need not wait
            for job in (self.screens, self.indexer):
                if not job.start().forked:
                    job.wait()
            return
        try:
            self.screens.wait()
            self.indexer.wait()
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None
        if self.final_site_dir:
            _swap(config.site_dir, self.final_site_dir)
            config.site_dir = self.final_site_dir

    def on_page_context(self, context, *, page, config, nav):
        if page.file.src_uri in self.generated:
            # The theme writes the same page around the generated pages that are not in the navigation
            # but for four values: it is rendered once, with marks in their place, and filled (shell.py).
            spec = self.specs[page.file.src_uri]
            if self.prerender.owns(spec.src_uri):
                try:
                    page.content = self.prerender.content(spec.src_uri)
                except RuntimeError as exc:
                    raise PluginError(str(exc)) from None
            in_nav = page.file.src_uri in self.nav_pages
            kind = None if in_nav else shell.Shells.kind(page.url, spec.description, page.canonical_url)
            context["ck_shell_ready"] = self.shells.ready(page.url, kind)
            page.meta["title"] = shell.TITLE
            if spec.description:
                page.meta["description"] = shell.DESCRIPTION
            self.values = {shell.TITLE: spec.title, shell.DESCRIPTION: spec.description,
                           shell.CANONICAL: page.canonical_url, shell.CONTENT: page.content}
            if page.canonical_url is not None:
                page.canonical_url = shell.CANONICAL
            self.shell_kind = kind
        return context

    def on_post_page(self, output, *, page, config):
        if page.file.src_uri not in self.generated:
            return output
        page.meta["title"], page.canonical_url = self.values[shell.TITLE], self.values[shell.CANONICAL]
        if self.values[shell.DESCRIPTION]:
            page.meta["description"] = self.values[shell.DESCRIPTION]
        return self.shells.page(page.url, self.shell_kind, output, self.values)

    def on_build_error(self, *, error):
        gc.unfreeze()
        for job in (getattr(self, "screens", None), getattr(self, "indexer", None), getattr(self, "prerender", None)):
            if job is not None:
                job.stop()
        if self.final_site_dir:
            shutil.rmtree(_staging_dir(self.final_site_dir), ignore_errors=True)


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record):
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _nav_files(nav) -> set[str] | None:
    """The files named in the configured navigation; None when MkDocs makes it of every file."""
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


def _staging_dir(site_dir: str) -> str:
    path = Path(site_dir)
    return str(path.parent / f".{path.name}-building")


def _swap(staging: str, final: str) -> None:
    """The new site takes the place of the old at once; the old is deleted by a process of its own,
    which goes on after this build has ended (ten thousand pages take seconds to delete)."""
    parent, name = Path(final).parent, Path(final).name
    old = parent / f".{name}-old-{time.time_ns()}"
    if os.path.exists(final):
        os.rename(final, old)
    os.rename(staging, final)
    leftovers = [str(p) for p in parent.glob(f".{name}-old-*")]
    if leftovers:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, True)", *leftovers],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
