"""A preview whose catalog has errors: the pages made from it show the problems, until they are fixed.

Under ``serve`` a catalog error does not stop the preview server. The build
goes on with one page in place of every page the catalog made in the last
good build of this process (and of every page the site's navigation names
that no hand-written file is): each lists every problem as
``path:line:col: message``, escaped, in Vietnamese, and the theme's notice
says the catalog has errors. The host then reloads the browser on it as on
any rebuild; ``404.html`` says the same, and reloads itself, for an address
the failed build did not make (the counter screens keep their last good
build). The next build after a failure writes every page again.
The terminal gets the same lines as ``congkhai validate`` prints, and none of
the host's own words about a failed build.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from markupsafe import Markup

from generator.catalog.errors import Problem
from generator.pages.render import render_page
from generator.pages.specs import PageSpec

TEMPLATE = "catalog_error.html"
PAGE_404 = "catalog_error_404.html"
TITLE = "Danh mục có lỗi"
NOTICE = "Danh mục đang có lỗi — các trang của danh mục hiển thị danh sách lỗi cho đến khi sửa xong."
_MADE: set[str] = set()  # the pages of the last good build in this process


def remember(specs: list[PageSpec]) -> None:
    """A good build: the pages a failure will show the problems in place of."""
    _MADE.clear()
    _MADE.update(spec.src_uri for spec in specs)


def made() -> set[str]:
    return set(_MADE) or {"index.md"}


def error_specs(problems: list[Problem], sources: set[str]) -> list[PageSpec]:
    """A page for each of *sources* that shows *problems*."""
    context = {"problems": problems, "errors": sum(not p.warning for p in problems), "warnings": sum(p.warning for p in problems)}
    return [PageSpec(src, TEMPLATE, TITLE, context, "Danh mục có lỗi: bản xem trước chưa được dựng lại") for src in sorted(sources)]


def stand_in() -> SimpleNamespace:
    """What the pages of a failed build ask of the catalog: its notice, its synonyms."""
    return SimpleNamespace(site=SimpleNamespace(title=TITLE, notice=NOTICE), synonyms=())


def report(problems: list[Problem]) -> str:
    errors = sum(not p.warning for p in problems)
    lines = [str(p) for p in problems]
    lines.append(f"Danh mục có {errors} lỗi — bản xem trước hiển thị các lỗi này thay cho các trang của danh mục; "
                 "hãy sửa rồi lưu tệp, trang sẽ tự tải lại.")
    return "\n".join(lines)


def write_404(env, site_dir: Path, problems: list[Problem], today: str) -> None:
    """An address the failed build did not make: the same problems, on a page that reloads itself."""
    spec = error_specs(problems, {"404.md"})[0]
    html = env.get_template(PAGE_404).render(content=Markup(render_page(env, spec, today)), title=TITLE)
    (site_dir / "404.html").write_text(html, encoding="utf-8")
