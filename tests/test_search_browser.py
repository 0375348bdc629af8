"""Search in headless Chromium on the sample site: folding, ranking, synonyms, keyboard, results page, filters."""

from __future__ import annotations

import unicodedata

import pytest

from generator.text.vietnamese import fold

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731

# query → a code that must come first (exact) or be among the first three
FIRST = [
    ("dang ky ket hon", "1.000894"),
    ("đăng ký kết hôn", "1.000894"),
    ("ĐĂNG KÝ KẾT HÔN", "1.000894"),
    ("Dang Ky Ket Hon", "1.000894"),
    (NFD("đăng ký khai sinh"), "1.001193"),
    ("lam giay khai sinh", "1.001193"),
    ("1.001193", "1.001193"),
    ("2.000815", "2.000815"),
    ("dang ky khai tu", "1.000656"),
    ("hoa giai tranh chap dat dai", "1.012812"),
    ("hoà giải tranh chấp", "1.012812"),
    ("hòa giải tranh chấp", "1.012812"),
    (NFD("hoà giải"), "1.012812"),
    ("xac nhan tinh trang hon nhan", "1.004873"),
    ("nghia vu quan su lan dau", "1.013133"),
    ("khai tu", "1.000656"),
    ("giay phep xay dung", "1.013225"),
    ("thanh lap hoi", "1.012929"),
    ("nhap quoc tich", "2.002039"),
    ("ho ngheo", "1.011606"),
]
TOP3 = [
    ("dang ky kh", "1.001193"),
    ("1.00119", "1.001193"),
    ("so do", "1.013978"),
    ("sổ đỏ", "1.013978"),
    ("chunh thuc ban sao", "2.000815"),
    ("doc than", "1.004873"),
    ("di linh lan dau", "1.013133"),
    ("bao tu", "1.000656"),
    ("giay phep kinh doanh", "1.001612"),
    ("xin phep xay nha", "1.013225"),
    ("sao y ban chinh", "2.000815"),
    ("KET HÔN", "1.000894"),
]


@pytest.fixture(scope="module")
def site_url(sample_site, serve):
    return serve(sample_site)


SEARCH = "async ([q, n]) => (await congkhai.search(q, n)).results.map(r => r.code || r.url)"


@pytest.fixture
def search(page, site_url):
    page.goto(site_url)

    def run(query: str, limit: int = 10) -> list[str]:
        return page.evaluate(SEARCH, [query, limit])

    return run


def test_query_finds_the_procedure_first(search):
    wrong = [(q, code, search(q)[:3]) for q, code in FIRST if search(q)[:1] != [code]]
    assert wrong == []


def test_query_finds_the_procedure_among_the_first_three(search):
    wrong = [(q, code, search(q)[:3]) for q, code in TOP3 if code not in search(q)[:3]]
    assert wrong == []


def test_abolished_and_replaced_procedures_are_not_found(search):
    assert "2.002622" not in search("dang ky khai tu xoa dang ky thuong tru")
    assert "2.002253" not in search("giai thuong chat luong san pham")


def test_units_fields_plans_and_pages_are_found(search, page):
    kinds = lambda q: page.evaluate("async q => (await congkhai.search(q, 5)).results.map(r => r.kind + ' ' + new URL(r.url).pathname)", q)  # noqa: E731
    assert any("dv /don-vi/ubnd-xa-vinh-am/" in r for r in kinds("xa vinh am"))
    assert any("lv /linh-vuc/ho-tich/" in r for r in kinds("linh vuc ho tich"))
    assert any("kh /ke-hoach/kh-10-2022-ubnd-tp/" in r for r in kinds("10/KH-UBND"))
    assert any("tr /phan-anh-kien-nghi/" in r for r in kinds("khieu nai to cao"))


def test_the_page_folds_exactly_like_the_build(page, site_url):
    page.goto(site_url)
    samples = ["Đăng ký KẾT HÔN", NFD("Thủy lợi hoà bình"), "Quỹ, ĐẤT ĐAI — Ỷ Ỳ Ỹ Ỵ ư ơ ă â ê ô đ", "qúy thuỷ hoà", "ﬁ ẞ"]
    assert page.evaluate("xs => xs.map(congkhai.fold)", samples) == [fold(s) for s in samples]


def test_results_appear_while_typing_with_name_code_field_unit_and_level(page, site_url):
    page.goto(site_url)
    page.click("#ck-search-input")
    page.keyboard.type("dang ky ket hon")
    page.wait_for_function(SHOWN, arg="dang ky ket hon")
    first = page.locator("#ck-search-list .ck-result").first
    assert first.locator(".ck-result__title").inner_text() == "Thủ tục đăng ký kết hôn"
    assert first.locator(".ck-result__meta").inner_text() == "Mã 1.000894 · Hộ tịch · Ủy ban nhân dân cấp xã · cấp xã"
    assert page.get_attribute("#ck-search-input", "aria-expanded") == "true"
    assert "kết quả" in page.inner_text(".ck-search__status")


SHOWN = "q => congkhai.timings.shown && congkhai.timings.shown.query === q"  # every result of the whole query is shown


def test_what_was_typed_before_the_script_arrived_is_searched(page, site_url):
    """On a slow network the page shows, and is typed in, before congkhai.js (loaded async) arrives. The page's
    inline script fetches the word files of what is typed meanwhile; congkhai.js takes them over, fetching none twice."""
    held, fetched = [], []
    page.route("**/assets/congkhai.js", lambda route: (held.append(route.request.url), route.fulfill(body="", content_type="text/javascript")))
    page.on("request", lambda request: fetched.append(request.url.rpartition("chi-muc/")[2]) if "/chi-muc/" in request.url else None)
    page.goto(site_url)
    assert held and page.evaluate("typeof (window.congkhai || {}).need") == "undefined"
    page.click("#ck-search-input")
    page.keyboard.type("dang ky ket hon")
    page.wait_for_function("() => Object.keys(congkhai.early).length === 4")
    words = ["tu/da.json", "tu/ho.json", "tu/ke.json", "tu/ky.json"]
    assert sorted(page.evaluate("Object.keys(congkhai.early)")) == words  # fetched while the script was not here
    page.unroute("**/assets/congkhai.js")
    page.add_script_tag(url=held[0])  # the script arrives late, after the typing
    page.wait_for_function(SHOWN, arg="dang ky ket hon")
    assert sorted(path for path in fetched if path.startswith("tu/")) == words  # taken over, not fetched again
    first = page.locator("#ck-search-list .ck-result").first
    assert first.locator(".ck-result__title").inner_text() == "Thủ tục đăng ký kết hôn"


def test_the_beginning_of_a_query_shows_while_the_file_of_a_later_word_is_on_its_way(page, site_url):
    """One round trip is enough for the first results: the first word's file brings the titles of its own first
    results, and they are shown while the rest of the query is still coming."""
    held = []
    page.route("**/chi-muc/tu/si.json", lambda route: held.append(route))  # the second word's file: not answered yet
    page.route("**/chi-muc/muc/*", lambda route: held.append(route))  # nor any title file
    page.goto(site_url)
    page.fill("#ck-search-input", "khai sinh")  # one input event, as when typed before congkhai.js arrived
    page.wait_for_selector("#ck-search-list .ck-result")
    titles = page.locator("#ck-search-list .ck-result__title").all_inner_texts()
    assert titles and all(" khai " in f" {fold(t).lower()} " for t in titles), titles
    assert [route.request.url.rpartition("chi-muc/")[2] for route in held] == ["tu/si.json"]
    page.unroute("**/chi-muc/muc/*")
    for route in held:
        route.continue_()
    page.wait_for_function(SHOWN, arg="khai sinh")
    assert "khai sinh" in fold(page.locator("#ck-search-list .ck-result__title").first.inner_text()).lower()


def test_keyboard_moves_through_results_and_opens_one(page, site_url):
    page.goto(site_url)
    page.focus("#ck-search-input")
    page.keyboard.type("khai sinh")
    page.wait_for_function(SHOWN, arg="khai sinh")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#ck-search-input", "aria-activedescendant")
    assert active == "ck-search-option-1"
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert page.get_attribute("#ck-search-input", "aria-activedescendant") == "ck-search-option-0"
    page.keyboard.press("Enter")
    page.wait_for_url("**/thu-tuc/1.001193/")
    assert page.inner_text("h1") == "Thủ tục đăng ký khai sinh"


def test_escape_closes_and_enter_without_a_choice_opens_the_results_page(page, site_url):
    page.goto(site_url + "thu-tuc/1.001193/")
    page.focus("#ck-search-input")
    page.keyboard.type("ket hon")
    page.wait_for_selector("#ck-search-list .ck-result")
    page.keyboard.press("Escape")
    assert page.is_hidden(".ck-search__panel")
    assert page.get_attribute("#ck-search-input", "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=ket+hon")
    page.wait_for_selector(".ck-results .ck-result")
    assert page.locator(".ck-results .ck-result__title").first.inner_text() == "Thủ tục đăng ký kết hôn"


def test_results_page_can_be_linked_and_keeps_the_query_in_the_url(page, site_url):
    page.goto(site_url + "tim-kiem/?q=s%E1%BB%95%20%C4%91%E1%BB%8F")
    page.wait_for_selector(".ck-results .ck-result")
    assert page.input_value("#ck-results-input") == "sổ đỏ"
    assert page.inner_text(".ck-results__status").startswith("Tìm thấy")
    page.fill("#ck-results-input", "nghia vu quan su")
    page.wait_for_function("document.querySelector('.ck-results__status').textContent.indexOf('nghia vu quan su') > 0")
    assert "q=nghia+vu+quan+su" in page.url
    titles = page.locator(".ck-results .ck-result__title").all_inner_texts()
    assert titles[0] == "Nghĩa vụ quân sự"  # the field's page: its name is what was typed, in full
    assert titles[1].lower().startswith("thủ tục đăng ký nghĩa vụ quân sự")
    page.fill("#ck-results-input", "zzzz qqqq")
    page.wait_for_function("document.querySelector('.ck-results__status').textContent.indexOf('Không tìm thấy') === 0")


def test_more_results_shows_only_when_there_are_more_and_works(page, site_url):
    page.goto(site_url + "tim-kiem/?q=khai+sinh")
    page.wait_for_selector(".ck-results .ck-result")
    assert page.is_hidden(".ck-results__more")  # Material's .md-button display does not win over [hidden]
    page.goto(site_url + "tim-kiem/?q=cap")
    page.wait_for_selector(".ck-results .ck-result")
    total = int(page.inner_text(".ck-results__status").split()[2])
    assert total > 50 and page.locator(".ck-results .ck-result").count() == 50
    page.click(".ck-results__more")
    page.wait_for_function(f"document.querySelectorAll('.ck-results .ck-result').length === {min(total, 100)}")
    assert page.is_hidden(".ck-results__more") == (total <= 100)


def test_dropdown_options_are_not_links_and_open_their_page(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url)
    page.click("#ck-search-input")
    page.keyboard.type("ket hon")
    page.wait_for_function(SHOWN, arg="ket hon")
    options = page.locator("#ck-search-list [role=option]")
    assert page.locator("#ck-search-list a, #ck-search-list button, #ck-search-list [tabindex], #ck-search-list input").count() == 0
    assert options.last.inner_text() == f"Xem tất cả {options.count() - 1} kết quả"
    violations = Axe().run(page, context=".ck-search").response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    options.first.click()
    page.wait_for_url("**/thu-tuc/1.000894/")
    page.focus("#ck-search-input")
    page.keyboard.type("ket hon")
    page.wait_for_function(SHOWN, arg="ket hon")
    page.keyboard.press("ArrowUp")  # the last option: every result
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=ket%20hon")
    page.wait_for_selector(".ck-results .ck-result")


def test_a_query_fetches_only_the_files_its_words_need(page, site_url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.split("/tim-kiem/", 1)[-1]) if "/tim-kiem/chi-muc" in request.url else None)
    page.goto(site_url)
    assert fetched == []  # nothing before someone searches
    page.click("#ck-search-input")
    page.keyboard.type("dang ky khai sinh")
    page.wait_for_function(SHOWN, arg="dang ky khai sinh")
    page.wait_for_load_state("networkidle")
    words = sorted(f for f in set(fetched) if f.startswith("chi-muc/tu/"))
    titles = [f for f in set(fetched) if f.startswith("chi-muc/muc/")]
    assert words == ["chi-muc/tu/da.json", "chi-muc/tu/kh.json", "chi-muc/tu/ky.json", "chi-muc/tu/si.json"]
    assert 1 <= len(titles) <= 8 and len(fetched) == len(set(fetched)) == len(words) + len(titles)  # each file once


def test_search_box_has_labels_and_roles(page, site_url):
    page.goto(site_url)
    form = page.locator("form[data-ck-search]")
    assert form.get_attribute("role") == "search"
    assert page.locator("label[for=ck-search-input]").inner_text() == "Tìm thủ tục hành chính"
    assert page.get_attribute("#ck-search-input", "role") == "combobox"
    assert page.get_attribute("#ck-search-input", "aria-controls") == "ck-search-list"
    assert page.get_attribute("#ck-search-list", "role") == "listbox"


def test_listing_filter_folds_text_and_keeps_state_in_the_url(page, site_url):
    page.goto(site_url + "thu-tuc/")
    page.fill("#ck-filter-text", "dang ky ket")
    visible = page.locator("tr[data-code]:not([hidden])")
    assert sorted(visible.evaluate_all("rows => rows.map(r => r.dataset.code)")) == ["1.000894", "2.000806"]
    assert "loc=dang+ky+ket" in page.url
    page.fill("#ck-filter-text", "")
    page.select_option("#ck-filter-cap", "tinh")
    page.select_option("#ck-filter-linh-vuc", "dat-dai")
    codes = visible.evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert codes and all(c in ("1.011441", "1.012753", "1.012783", "1.012786", "1.012789") for c in codes)
    assert page.is_hidden("#linh-vuc-ho-tich")
    assert "cap=tinh" in page.url and "linh-vuc=dat-dai" in page.url
    page.reload()
    assert page.input_value("#ck-filter-cap") == "tinh"
    assert visible.evaluate_all("rows => rows.map(r => r.dataset.code)") == codes
    assert page.inner_text(".ck-filter__status") == f"Đang hiện {len(codes)} trên 47 thủ tục"


def test_unit_facet_covers_procedures_handled_by_kind(page, site_url):
    page.goto(site_url + "thu-tuc/?don-vi=ubnd-xa-vinh-am")
    codes = page.locator("tr[data-code]:not([hidden])").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert "1.001193" in codes and "2.001610" not in codes
    page.goto(site_url + "thu-tuc/?truc-tuyen=full&linh-vuc=ho-tich")
    online = page.locator("tr[data-code]:not([hidden])").evaluate_all("rows => rows.map(r => r.dataset.online)")
    assert online and set(online) == {"full"}


def test_filters_on_field_level_and_unit_pages(page, site_url):
    for url in ("linh-vuc/ho-tich/", "cap/xa/", "don-vi/ubnd-xa-vinh-bao/"):
        page.goto(site_url + url)
        total = page.locator("tr[data-code]").count()
        page.fill("#ck-filter-text", "khai sinh")
        shown = page.locator("tr[data-code]:not([hidden])").count()
        assert 0 < shown < total, url


def test_the_best_results_of_a_word_need_no_second_round_trip(page, site_url):
    """Each word file carries the titles of the shortest names holding its words: with the title files
    unreachable (still on their way on a slow network), the first results show from the word files alone."""
    page.route("**/chi-muc/muc/**", lambda route: route.abort())
    page.goto(site_url)
    page.click("#ck-search-input")
    page.keyboard.type("ket hon")
    page.wait_for_selector("#ck-search-list [role=option]")
    assert page.locator("#ck-search-list .ck-result__title").first.inner_text() == "Thủ tục đăng ký kết hôn"
