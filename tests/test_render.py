import os
from types import SimpleNamespace

import pytest

from generator.pages.specs import PageSpec
from generator.pages.render import TEMPLATES, date_vi, lines, make_environment, relative_url, render_page, safe_url
from generator.pages.render import mailto_url, tel_url


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


# Defence in depth: what the validator refuses never becomes a live link, even when it reaches a template
# (a file written past `congkhai validate`, a site's own template, a future field).
UNSAFE_LINKS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)",
    "javascript://dichvucong.gov.vn/%0Aalert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "//evil.example", "ftp://x.example", "file:///etc/passwd", "HTTPS://DICHVUCONG.GOV.VN",
    "https://user:pass@evil.example/", "https://dichvucong.gov.vn@evil.example/", "http://admin@x.gov.vn",
    "https://", "https:///x", "https://localhost/", "https://dichvucong/", "https://-a.vn/", "https://a.vn:99999/",
    'https://a.vn/"onmouseover="alert(1)', "https://a.vn/'x'", "https://a.vn/<script>", "https://a.vn/ x", "https://a.vn/\n",
    "https://a.vn/\u2028", "https://a.vn/\u202e", "https://a.vn\\@evil.example", "www.dichvucong.gov.vn",
    "mailto:a@b.vn?bcc=c@d.vn", "mailto:a@b.vn?body=x", "mailto:a@b.vn,c@d.vn", "mailto:a%0D%0Abcc:c@d.vn@b.vn", "mailto:",
    "mailto:a b@c.vn", "MAILTO:a@b.vn", "tel:", "tel:chưa có", "tel:0225 3842 123", "tel:+84-225-3842", "tel:12;phone-context=x",
    "tel:javascript:alert(1)", "", None,
]
BAD_PHONES = ["chưa có", "Chưa có số", "0225 3842 123 (máy lẻ 12)", "0200 OOOO OO4", "0225\n3842 123", "0225 3842 123\u2028",
              "12", "+", "javascript:alert(1)", "0225 3842 123, 0225 3842 124", "0225;3842", '0225"><script>', "", None]
BAD_EMAILS = ["a@b.vn?bcc=c@d.vn", "mailto:a@b.vn", "a@b.vn, c@d.vn", "a%0D%0A@b.vn", "a%40c.vn@b.vn", "a b@b.vn",
              "a\n@b.vn", "a@b.vn\u2029", "javascript:alert(1)//@b.vn", '"><script>@b.vn', "a@b", "a@xã.vn", "", None]


@pytest.mark.parametrize("value", UNSAFE_LINKS)
def test_an_unsafe_link_is_never_a_live_href(value):
    assert safe_url(value) is None


@pytest.mark.parametrize("value", BAD_PHONES)
def test_a_phone_that_is_not_a_number_has_no_tel_link(value):
    assert tel_url(value) is None


@pytest.mark.parametrize("value", BAD_EMAILS)
def test_an_email_that_is_not_one_bare_address_has_no_mailto_link(value):
    assert mailto_url(value) is None


def test_good_links_stay_live():
    for url in ("https://dichvucong.gov.vn/p/home/dvc-phan-anh-kien-nghi.html", "http://113.160.1.2:8080/dvc?ma=1#a",
                "https://tinhthu.example/tờ-khai.docx", "mailto:pakn@tinhthu.example", "tel:+842253842123"):
        assert safe_url(url) == url
    assert tel_url("0225 3842 123") == "tel:02253842123"
    assert tel_url("(+84) 225.3842.123") == "tel:+842253842123"
    assert tel_url("1022") == "tel:1022"
    assert mailto_url("van_phong.so-tp+pakn@xn--bcher-kva.example") == "mailto:van_phong.so-tp+pakn@xn--bcher-kva.example"


def _contact(**values):
    env = make_environment()
    fields = dict(address=None, postal_address=None, email=None, website=None, phone=None, phones=(), opening_hours=None)
    template = env.from_string('{% from "_macros.html" import contact with context %}{{ contact(c) }}')
    return template.render(c=SimpleNamespace(**{**fields, **values}))


@pytest.mark.parametrize("email, website, phone", zip(BAD_EMAILS[:-2], UNSAFE_LINKS[:12], BAD_PHONES[:12]))
def test_a_contact_with_unsafe_values_shows_them_as_text(email, website, phone):
    html = _contact(email=email, website=website, phone=phone, phones=(SimpleNamespace(number=phone, label="Văn phòng"),))
    assert "href" not in html
    assert "<script" not in html and "<a " not in html
    assert "Thư điện tử" in html and "Điện thoại chuyên dùng" in html and "Trang thông tin điện tử" in html


def test_a_contact_with_good_values_links_them():
    html = _contact(email="pakn@tinhthu.example", website="https://tinhthu.example", phone="0200 0000 001",
                    phones=(SimpleNamespace(number="(0200) 0000.002", label=None),))
    assert '<a href="mailto:pakn@tinhthu.example">pakn@tinhthu.example</a>' in html
    assert '<a href="https://tinhthu.example" rel="noopener">https://tinhthu.example</a>' in html
    assert '<a href="tel:02000000001">0200 0000 001</a>' in html
    assert '<a href="tel:02000000002">(0200) 0000.002</a>' in html


@pytest.mark.parametrize("portal", UNSAFE_LINKS[:20])
def test_an_unsafe_petition_portal_is_shown_as_text(portal):
    html = make_environment().get_template("petition.html").render(portal=portal, groups=[], heading=("noi-tiep-nhan", "Nơi tiếp nhận"), link=lambda url: url, page_url="", results=None)
    assert "href" not in html
