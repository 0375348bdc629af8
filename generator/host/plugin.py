"""The MkDocs and ProperDocs adapter, the only module that imports the host: it translates the host's events
into calls of the build's story (``generator.build.site``) and our failures into one ``PluginError``.
ProperDocs answers ``import mkdocs`` with itself; its loggers are ``properdocs.*``, so ours follow the host's."""

from __future__ import annotations

import contextlib
import functools
import logging
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from generator.build import publish
from generator.build.site import BuildFailure, Options, SiteBuild, edit_base
from generator.pages import firstpaint, shell

HOST = BasePlugin.__module__.split(".")[0]  # "mkdocs" or "properdocs"
THEME = Path(__file__).resolve().parent.parent / "theme"
log = logging.getLogger(f"{HOST}.plugins.congkhai")
DIRTY_WARNING = "A 'dirty' build is being performed"


class CongkhaiConfig(Config):
    catalog = c.Type(str, default="catalog")
    today = c.Optional(c.Type(str))
    # where "Đề nghị chỉnh sửa" links, relative to repo_url, with the file's path from the repository root
    # appended; by default edit_uri without its docs_dir part ("edit/main/content/" → "edit/main/")
    source_edit_uri = c.Optional(c.Type(str))


class CongkhaiPlugin(BasePlugin[CongkhaiConfig]):
    def __init__(self):
        self.command, self.dirty, self.build, self.final_site_dir, self.hinted = None, False, None, None, False

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty
        if command == "serve" and dirty:
            # congkhai decides itself which pages changed (build/incremental.py), so the host's warning
            # about stale pages in dirty builds does not apply; in strict mode it would stop serve.
            logging.getLogger(f"{HOST}.commands.build").addFilter(lambda r: not r.getMessage().startswith(DIRTY_WARNING))

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("congkhai cần use_directory_urls: true (địa chỉ trang dạng /thu-tuc/<mã>/)")
        custom = config.theme.custom_dir
        config.theme.dirs.insert(1 if custom else 0, str(THEME))  # a site's custom_dir wins over ours, ours over the theme's
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.catalog_dir = (self.root / self.config.catalog).resolve()
        self.fragments = (Path(custom) / "fragments",) if custom else ()
        if self.command in ("build", "gh-deploy"):
            self.final_site_dir, config.site_dir = config.site_dir, publish.staging_dir(config.site_dir)
        return config

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.catalog_dir))
        return server

    def on_files(self, files, config):
        serving = self.command == "serve"
        edits = edit_base(config.repo_url, config.edit_uri, Path(config.docs_dir).name, self.config.source_edit_uri)
        self.build = SiteBuild(Options(self.catalog_dir, self.root, Path(config.site_dir), self.fragments, config.site_url,
                                       self.config.today, serving, serving and self.dirty, edits, Path(config.docs_dir)))
        with _failures():
            for problem in self.build.load():
                log.warning(str(problem))
        if serving and not self.dirty and not self.hinted and (hint := self.build.dirty_hint(HOST)):
            self.hinted = True
            log.info(hint)
        self.specs, self.generated = self.build.by_src, set()
        for spec, new, changed in self.build.placed(set(files.src_uris), config.nav):
            file = File.generated(config, spec.src_uri, content="") if new else files.get_file_from_path(spec.src_uri)
            if new:
                files.append(file)
                self.generated.add(spec.src_uri)
            if self.build.options.incremental:
                file.is_modified = functools.partial(bool, changed)  # write again only what changed
        for path, content in self.build.assets.items():
            files.append(File.generated(config, path, content=content))
        self.build.start_pages(self.generated)
        config.extra.update(congkhai_notice=self.build.catalog.site.notice, congkhai_first_paint=firstpaint.head)
        return files

    def on_nav(self, nav, *, config, files):
        self.nav_pages = {page.file.src_uri for page in nav.pages}
        return nav

    def on_env(self, env, *, config, files):
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({shell.TEMPLATE_NAME: shell.TEMPLATE})])
        self.build.start_index()
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        if page.file.src_uri not in self.generated:
            return markdown
        spec = self.specs[page.file.src_uri]
        page.meta.update(title=spec.title, hide=["navigation", "toc"], template=shell.TEMPLATE_NAME)
        if spec.description:
            page.meta["description"] = spec.description
        page.render = functools.partial(self._render, page, spec)  # our HTML, no Python-Markdown
        return ""

    def _render(self, page, spec, config, files):
        page.content, page.toc, page.present_anchor_ids = "", get_toc([]), set()  # the content comes in on_page_context

    def on_page_content(self, html, *, page, config, files):
        if page.file.src_uri in self.generated:
            return html
        page.toc = get_toc(self.build.table_of_contents(page.file.src_uri, page.toc))  # with the headings we add below
        return self.build.hand_written(page.file.src_uri, page.url, page.title or "", page.toc, html)

    def on_page_context(self, context, *, page, config, nav):
        if page.file.src_uri in self.generated:
            spec = self.specs[page.file.src_uri]
            with _failures():
                page.content = self.build.content(spec)
            self.theme_page = self.build.theme_page(spec, page.url, page.canonical_url, page.file.src_uri in self.nav_pages)
            context["ck_shell_ready"] = self.theme_page.ready
            page.canonical_url = self.theme_page.marks(page.meta)
        return context

    def on_post_page(self, output, *, page, config):
        if page.file.src_uri not in self.generated:
            return output
        page.canonical_url = self.theme_page.values_into(page.meta)
        return self.theme_page.fill(output, page.content)

    def on_post_build(self, *, config):
        try:
            with _failures():
                self.build.finish()
        finally:
            self.build.done()

    def on_build_error(self, *, error):
        if self.build is not None:
            self.build.abort()
            self.build.done()
        if self.final_site_dir:  # the host counts strict-mode warnings after on_post_build: nothing is published
            publish.discard(self.final_site_dir)
            self.final_site_dir = None

    def on_shutdown(self):
        if self.final_site_dir:  # every check of the host passed: the new site takes the old one's place
            publish.swap(self.final_site_dir)


@contextlib.contextmanager
def _failures():
    """Our failures, already in Vietnamese, as the one error the host reports without a traceback."""
    try:
        yield
    except BuildFailure as exc:
        raise PluginError(str(exc)) from None
