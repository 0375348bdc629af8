"""The theme's page around generated pages: learned once, filled per page, shared only where its links fit."""

from __future__ import annotations

import posixpath

from generator.pages import shell
from generator.pages.shell import CANONICAL, CONTENT, DESCRIPTION, READY, TITLE, Shells


def _relative(target: str, url: str) -> str:
    """As MkDocs writes links: the shortest relative path."""
    return posixpath.relpath("/" + target, "/" + url) + "/"


def _theme(url: str, content: str) -> str:
    """What a theme writes: marks for the values, links relative to *url*."""
    return (f'<title>{TITLE}</title>\n    <meta name="description" content="{DESCRIPTION}"><link rel="canonical" href="{CANONICAL}">'
            f'<a href="{_relative("don-vi", url)}">Đơn vị</a><a href="{_relative("tim-kiem", url)}">Tìm</a><a href="#main">Bỏ qua</a>'
            f'<a href="https://example.org/">x</a><h2>{TITLE}</h2>\n      <main>{content}</main>')


def _values(title: str, content: str) -> dict:
    return {TITLE: title, DESCRIPTION: 'Mã "1"', CANONICAL: "https://x.example/a/", CONTENT: content}


def _page(shells: Shells, url: str, content: str, title: str = "T") -> tuple[bool, str]:
    kind = Shells.kind(url, "d", "https://x.example/")
    ready = shells.ready(url, kind)
    return ready, shells.page(url, kind, READY if ready else _theme(url, content), _values(title, content))


def test_first_page_is_rendered_then_its_shell_is_filled_with_escaped_values():
    shells = Shells()
    ready, first = _page(shells, "thu-tuc/1.000001/", "<p>một</p>", "A & B")
    assert not ready
    ready, second = _page(shells, "thu-tuc/1.000002/", "<p>hai</p>", "<script>")
    assert ready
    assert second == _page(Shells(), "thu-tuc/1.000002/", "<p>hai</p>", "<script>")[1]  # the same as a full render
    assert "<title>&lt;script&gt;</title>" in second and 'content="Mã &quot;1&quot;"' in second
    assert "<main><p>hai</p></main>" in second and "\n    " not in second
    assert "<title>A &amp; B</title>" in first


def test_folders_of_one_depth_share_a_shell_where_the_links_lead_to_the_same_places():
    shells = Shells()
    _page(shells, "don-vi/a/niem-yet/", "<p>a</p>")
    assert _page(shells, "don-vi/b/niem-yet/", "<p>b</p>")[0]
    assert not _page(shells, "thu-tuc/1.000001/", "<p>c</p>")[0]  # another depth
    # at the depth of the first, but "../../don-vi/" from linh-vuc/x/y/ leads elsewhere: rendered, and right
    ready, page = _page(shells, "linh-vuc/x/y/", "<p>d</p>")
    assert not ready and 'href="../../../don-vi/"' in page


def test_a_shell_that_links_to_its_own_page_is_not_shared():
    shells = Shells()
    _page(shells, "tim-kiem/", "<p>kết quả</p>")  # its link to tim-kiem/ is "./": itself
    assert not shells.ready("gioi-thieu/", Shells.kind("gioi-thieu/", "d", "x"))


def test_a_page_in_the_navigation_or_with_its_content_twice_is_filled_without_a_shell():
    shells = Shells()
    output = _theme("don-vi/", "<p>x</p>")
    assert "<p>x</p>" in shells.page("don-vi/", None, output, _values("T", "<p>x</p>"))
    kind = Shells.kind("thu-tuc/a/", "d", "x")
    twice = shells.page("thu-tuc/a/", kind, _theme("thu-tuc/a/", "<p>x</p>") + "<p>x</p>", _values("T", "<p>x</p>"))
    assert TITLE not in twice and not shells.ready("thu-tuc/b/", kind)


def test_the_template_renders_the_theme_only_without_a_shell():
    import jinja2

    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": "THEME", shell.TEMPLATE_NAME: shell.TEMPLATE}))
    template = env.get_template(shell.TEMPLATE_NAME)
    assert template.render(ck_shell_ready=True) == READY
    assert template.render(ck_shell_ready=False) == "THEME"
