import os
from types import SimpleNamespace

from generator.pages.specs import PageSpec
from generator.pages.render import TEMPLATES, date_vi, lines, make_environment, relative_url, render_page, safe_url


def test_relative_urls_work_under_any_base_path():
    assert relative_url("thu-tuc/1.001193/", "don-vi/so-tu-phap/") == "../../don-vi/so-tu-phap/"
    assert relative_url("", "thu-tuc/") == "thu-tuc/"
    assert relative_url("thu-tuc/", "") == "../"
    assert relative_url("", "") == "./"


def test_only_safe_schemes_survive():
    assert safe_url("https://dichvucong.gov.vn") == "https://dichvucong.gov.vn"
    assert safe_url("mailto:a@b.vn") == "mailto:a@b.vn"
    assert safe_url("tel:02251234") == "tel:02251234"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example", "ftp://x", None, ""):
        assert safe_url(bad) is None


def test_text_is_escaped_and_keeps_line_breaks():
    assert str(lines("<b>a</b>\nb & c")) == "&lt;b&gt;a&lt;/b&gt;<br>\nb &amp; c"
    assert date_vi("2025-07-01") == "01/07/2025"


def test_catalog_text_is_never_html():
    env = make_environment()
    unit = SimpleNamespace(id="x", name="<script>alert(1)</script>")
    spec = PageSpec("plan.md", "plan_list.html", "t", {"plans": [SimpleNamespace(
        id="p", year="2025", number="<img src=x onerror=alert(1)>", title="T", issuer="x", tasks=[])], "units": {"x": SimpleNamespace(label=unit.name)}})
    html = render_page(env, spec, "2026-01-01")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


def test_page_spec_urls():
    assert PageSpec("index.md", "t", "x").url == ""
    assert PageSpec("thu-tuc/index.md", "t", "x").url == "thu-tuc/"
    assert PageSpec("thu-tuc/1.001193.md", "t", "x").url == "thu-tuc/1.001193/"


def _procedure(name: str, field: str = "ho-tich"):
    return SimpleNamespace(code="1.000001", name=name, field=field, levels=("xa",), online_service=None,
                           implementing=SimpleNamespace(units=(), kinds=("ubnd-xa",)))


def test_rows_are_used_again_in_the_next_build_only_when_they_show_the_same(tmp_path):
    """Under mkdocs serve the environment lives from build to build (rows.py)."""
    fragments = tmp_path / "fragments"
    fragments.mkdir()
    override = fragments / "procedure_row.html"  # a site's own row
    override.write_text((TEMPLATES / "procedure_row.html").read_text(encoding="utf-8"), encoding="utf-8")
    fields = {"ho-tich": SimpleNamespace(id="ho-tich", name="Hộ tịch")}
    procedure = _procedure("Đăng ký khai sinh")
    env = make_environment([fragments], SimpleNamespace(fields=fields))
    first = env.globals["procedure_row"](procedure, True, "don-vi/x/")
    assert "Đăng ký khai sinh" in first and "Hộ tịch" in first

    env = make_environment([fragments], SimpleNamespace(fields=fields))  # the next build, nothing changed
    assert env.globals["procedure_row"](procedure, True, "don-vi/x/") is first
    assert env.globals["procedure_row"].many([procedure], True, "don-vi/x/") == first

    renamed = _procedure("Đăng ký khai sinh lưu động")  # the file changed: another object, another name
    env = make_environment([fragments], SimpleNamespace(fields=fields))
    assert "lưu động" in env.globals["procedure_row"](renamed, True, "don-vi/x/")
    assert "lưu động" in env.globals["procedure_row"].many([renamed], True, "don-vi/x/")

    fields = {"ho-tich": SimpleNamespace(id="ho-tich", name="Hộ tịch — đổi tên")}  # fields.yaml changed
    env = make_environment([fragments], SimpleNamespace(fields=fields))
    assert "đổi tên" in env.globals["procedure_row"](renamed, True, "don-vi/x/")

    override.write_text("<tr><td>{{ p.name }} (mẫu của đơn vị)</td></tr>", encoding="utf-8")
    os.utime(override, ns=(override.stat().st_mtime_ns + 10**9,) * 2)
    env = make_environment([fragments], SimpleNamespace(fields=fields))  # the template changed: Jinja loads it again
    assert env.globals["procedure_row"](renamed, True, "don-vi/x/") == "<tr><td>Đăng ký khai sinh lưu động (mẫu của đơn vị)</td></tr>"
