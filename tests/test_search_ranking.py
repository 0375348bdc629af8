"""Search ranking, run by congkhai.js itself in headless Chromium over an index written by the builder.

The sweep types every official name — of the sample and of the real national records in
../shared/data/real (read from there, never copied here) — unaccented and accented, and the
procedure must come first, or tied-first with a name that folds the same. Field and unit pages
and the sample's synonyms (the package's popular names included) are in the index, as on a site.
Then one test per rule: typed words before synonyms, shorter names first, typos, numbers, codes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT, shared_path
from generator.catalog.load import load_catalog
from generator.pages.relations import relate
from generator.search.index import SearchDoc, SynonymExpander, build_index, catalog_docs, search_text, write_index
from generator.text.vietnamese import fold

PAGE = '<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="ck-base" content="/"><title>t</title>' \
       '<script defer src="/assets/congkhai.js"></script></html>'

# For each [query, url]: the place of the url among the results (-1: absent), whether the first result ties
# with it (the same rank, or a name that folds the same), and the first three titles.
PLACES = """async cases => { const out = [];
  for (const [q, url] of cases) {
    const found = (await congkhai.search(q, 10000)).results, at = found.findIndex(r => r.url.endsWith('/' + url));
    const tie = at > 0 && (JSON.stringify(found[0].score) === JSON.stringify(found[at].score) ||
                           congkhai.searchText(found[0].title) === congkhai.searchText(found[at].title));
    out.push([q, at, tie, found.slice(0, 3).map(r => r.title)]);
  }
  return out; }"""


def _serve_index(tmp: Path, serve, docs: list[SearchDoc]) -> str:
    write_index(tmp / "tim-kiem" / "chi-muc.json", docs)
    (tmp / "assets").mkdir()
    shutil.copy(ROOT / "generator" / "theme" / "assets" / "congkhai.js", tmp / "assets")
    (tmp / "index.html").write_text(PAGE, encoding="utf-8")
    return serve(tmp)


def _sample_docs() -> tuple[list[SearchDoc], tuple]:
    catalog = load_catalog(ROOT / "catalog")
    return catalog_docs(catalog, relate(catalog, "2026-11-01")), catalog.synonyms


def _real_docs(synonyms) -> list[SearchDoc]:
    """The real records as a site would index them: procedures, and a page per field and per unit."""
    expand, docs, fields, units = SynonymExpander(synonyms), [], set(), set()
    for path in sorted(shared_path("data", "real", "nhdandz_tthc", "data", "extracted").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        name, field, level = meta["tên_thủ_tục"], meta["lĩnh_vực"], meta["cấp_thực_hiện"]
        docs.append(SearchDoc("tt", f"thu-tuc/{meta['mã_thủ_tục']}/", name, code=meta["mã_thủ_tục"], field=field, level=level,
                              syn=expand(name), meta=f"{field} {level} Bộ Quốc phòng"))
        fields.add(field)
    records = json.loads(shared_path("data", "real", "dichvucong_7sins", "data.json").read_text(encoding="utf-8"))
    for index, record in enumerate(records):
        unit = str(record.get("Cơ quan thực hiện") or "")
        code = f"9.{index:06d}"  # these records carry no code
        docs.append(SearchDoc("tt", f"thu-tuc/{code}/", record["title"], code=code, unit=unit, syn=expand(record["title"]), meta=unit))
        units.add(unit)
    docs += [SearchDoc("lv", f"linh-vuc/{n}/", field, alias=(f"lĩnh vực {field}",)) for n, field in enumerate(sorted(fields))]
    docs += [SearchDoc("dv", f"don-vi/{n}/", unit, meta="cơ quan") for n, unit in enumerate(sorted(units)) if unit]
    return docs


def _sweep(page, url: str, docs: list[SearchDoc]) -> tuple[list, float, float]:
    """Every procedure's name typed as it is and unaccented: the misses, and the top-1 and top-5 shares."""
    page.goto(url)
    cases = [[text, d.url] for d in docs if d.kind == "tt" for text in (d.title, fold(d.title))]
    places = page.evaluate(PLACES, cases)
    first = [p for p in places if p[1] == 0 or p[2]]
    five = [p for p in places if 0 <= p[1] < 5]
    return [p for p in places if not (p[1] == 0 or p[2])], len(first) / len(places), len(five) / len(places)


def test_every_sample_name_typed_in_full_comes_first(page, serve, tmp_path):
    docs, _ = _sample_docs()
    misses, top1, top5 = _sweep(page, _serve_index(tmp_path, serve, docs), docs)
    print(f"sample: {sum(d.kind == 'tt' for d in docs)} names, top-1 {top1:.1%}, top-5 {top5:.1%}")
    assert misses == []


def test_every_real_name_typed_in_full_comes_first(page, serve, tmp_path):
    docs, synonyms = _sample_docs()
    real = _real_docs(synonyms)
    names = sum(d.kind == "tt" for d in real)
    assert names > 280
    misses, top1, top5 = _sweep(page, _serve_index(tmp_path, serve, docs + real), real)
    print(f"real records: {names} names (with the sample's {len(docs)} documents), top-1 {top1:.1%}, top-5 {top5:.1%}")
    assert misses == []


def _run(page, serve, tmp_path, docs: list[SearchDoc], queries: list[str]) -> dict[str, list[str]]:
    page.goto(_serve_index(tmp_path, serve, docs))
    return {q: page.evaluate("async q => (await congkhai.search(q, 20)).results.map(r => r.title)", q) for q in queries}


def _tt(title: str, **fields) -> SearchDoc:
    return SearchDoc("tt", f"thu-tuc/{search_text(title).replace(' ', '-')}/", title, code="", **fields)


def test_a_synonym_adds_results_but_never_outranks_what_was_typed(page, serve, tmp_path):
    expand = SynonymExpander([SimpleNamespace(words=("giấy đăng ký kết hôn", "cưới"), means="kết hôn"),
                              SimpleNamespace(words=("sổ đỏ", "sổ hồng"), means="giấy chứng nhận quyền sử dụng đất")])
    docs = [_tt("Đăng ký kết hôn"), _tt("Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam", syn=expand("kết hôn")),
            _tt("Đăng ký lại kết hôn"), _tt("Cấp đổi Giấy chứng nhận quyền sử dụng đất", syn=expand("giấy chứng nhận quyền sử dụng đất")),
            _tt("Xóa đăng ký cấp đổi sổ tiết kiệm")]
    assert "giay dang ky ket hon" in docs[1].syn and "so do" in docs[3].syn  # the rules this test leans on
    found = _run(page, serve, tmp_path, docs, ["dang ky ket hon", "Đăng ký kết hôn", "giay dang ky ket hon", "so do", "cap doi so do"])
    assert found["dang ky ket hon"] == ["Đăng ký kết hôn", "Đăng ký lại kết hôn", docs[1].title]  # typed words first, then the synonym
    assert found["Đăng ký kết hôn"] == found["dang ky ket hon"]
    assert found["giay dang ky ket hon"] == [docs[1].title]  # what only a synonym reaches is still found
    assert found["so do"] == ["Cấp đổi Giấy chứng nhận quyền sử dụng đất", "Xóa đăng ký cấp đổi sổ tiết kiệm"]  # "do…" may be "đổi"
    assert found["cap doi so do"][0] == "Cấp đổi Giấy chứng nhận quyền sử dụng đất"


def test_with_every_word_matched_shorter_names_come_first(page, serve, tmp_path):
    titles = ["Đăng ký khai sinh có yếu tố nước ngoài", "Thủ tục đăng ký khai sinh lưu động", "Đăng ký khai sinh",
              "Đăng ký lại khai sinh", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con"]
    found = _run(page, serve, tmp_path, [_tt(t) for t in titles] + [SearchDoc("lv", "linh-vuc/ho-tich/", "Khai sinh", alias=("lĩnh vực hộ tịch",))],
                 ["dang ky khai sinh", "dang ky khai sinh co yeu to nuoc ngoai", "ĐĂNG KÝ LẠI KHAI SINH"])
    assert found["dang ky khai sinh"] == ["Đăng ký khai sinh", "Thủ tục đăng ký khai sinh lưu động", "Đăng ký khai sinh có yếu tố nước ngoài",
                                          "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "Đăng ký lại khai sinh"]
    assert found["dang ky khai sinh co yeu to nuoc ngoai"] == ["Đăng ký khai sinh có yếu tố nước ngoài"]
    assert found["ĐĂNG KÝ LẠI KHAI SINH"][0] == "Đăng ký lại khai sinh"


def test_a_one_letter_typo_still_finds_the_procedure_below_exact_matches(page, serve, tmp_path):
    docs = [_tt("Cấp giấy phép khai thác khoáng sản"), _tt("Cấp giấy phép khai thuc khoáng sản"), _tt("Đăng ký khai sinh")]
    found = _run(page, serve, tmp_path, docs, ["cap giay phep khai thac khoang san", "cap giay phep khai thax khoang san",
                                               "cap giay phep khia thac khoang san", "dang ky khai sinhh", "dang ky khai sinh",
                                               "xang ky khai sinh"])
    assert found["cap giay phep khai thac khoang san"] == ["Cấp giấy phép khai thác khoáng sản", "Cấp giấy phép khai thuc khoáng sản"]
    assert found["cap giay phep khai thax khoang san"][0] == "Cấp giấy phép khai thác khoáng sản"  # changed
    assert found["cap giay phep khia thac khoang san"][0] == "Cấp giấy phép khai thác khoáng sản"  # swapped
    assert found["dang ky khai sinhh"] == ["Đăng ký khai sinh"]  # added
    assert found["xang ky khai sinh"] == ["Đăng ký khai sinh"]  # in the first letters: found by the other words
    assert found["dang ky khai sinh"] == ["Đăng ký khai sinh"]


def test_numbers_match_without_their_leading_zeros(page, serve, tmp_path):
    docs = [_tt("Cấp chứng chỉ hành nghề mức 01"), _tt("Cấp chứng chỉ hành nghề mức 02"), _tt("Hỗ trợ lần 2 cho hộ nghèo"),
            _tt("Cấp chứng chỉ hành nghề mức 10")]
    found = _run(page, serve, tmp_path, docs, ["chung chi hanh nghe muc 1", "muc 02", "ho tro lan 02", "muc 10", "mức 001"])
    assert found["chung chi hanh nghe muc 1"] == ["Cấp chứng chỉ hành nghề mức 01"]
    assert found["muc 02"] == ["Cấp chứng chỉ hành nghề mức 02"]
    assert found["ho tro lan 02"] == ["Hỗ trợ lần 2 cho hộ nghèo"]
    assert found["muc 10"] == ["Cấp chứng chỉ hành nghề mức 10"]
    assert found["mức 001"] == ["Cấp chứng chỉ hành nghề mức 01"]
    assert page.evaluate("xs => xs.map(congkhai.searchText)", ["Mức 01", "lần 002, 100", "0 00 ba"]) == \
        [search_text("Mức 01"), search_text("lần 002, 100"), search_text("0 00 ba")] == ["muc 1", "lan 2 100", "0 0 ba"]


def test_an_official_name_comes_before_field_and_unit_pages(page, serve, tmp_path):
    docs = [_tt("Hộ tịch"), SearchDoc("lv", "linh-vuc/ho-tich/", "Hộ tịch", alias=("lĩnh vực hộ tịch",)),
            SearchDoc("dv", "don-vi/phong-ho-tich/", "Phòng Hộ tịch"), _tt("Cấp bản sao trích lục hộ tịch")]
    found = _run(page, serve, tmp_path, docs, ["ho tich", "linh vuc ho tich"])
    assert found["ho tich"][:2] == ["Hộ tịch", "Hộ tịch"] and found["ho tich"][2] == "Phòng Hộ tịch"
    assert page.evaluate("async () => (await congkhai.search('ho tich', 2)).results.map(r => r.kind)") == ["tt", "lv"]
    assert found["linh vuc ho tich"][0] == "Hộ tịch"


def test_codes_come_first_exact_then_those_they_start(page, serve, tmp_path):
    docs = [SearchDoc("tt", f"thu-tuc/{c}/", f"Thủ tục {n}", code=c) for n, c in enumerate(["1.001193", "1.001194", "1.0011931", "2.001193"])]
    page.goto(_serve_index(tmp_path, serve, docs))
    codes = lambda q: page.evaluate("async q => (await congkhai.search(q, 9)).results.map(r => r.code)", q)  # noqa: E731
    assert codes("1.001193") == ["1.001193", "1.0011931"]
    assert codes(" 1.00119 ") == ["1.001193", "1.001194", "1.0011931"]
    assert codes("2.001193") == ["2.001193"]


def test_word_files_preview_what_congkhai_js_shows_first_for_each_word(page, serve, tmp_path):
    """The beginning of a query is shown after one round trip only if the titles of its first results came with
    the word file: for every word of the sample's index, the page's own first two results for it alone."""
    docs, _ = _sample_docs()
    page.goto(_serve_index(tmp_path, serve, docs))
    files, _ = build_index(docs)
    words = {term: set(map(int, value["p"]["d"])) for name, value in files.items() if name.startswith("tu/") for term in value["t"]}
    first = page.evaluate("""async terms => { const out = {};
      for (const t of terms) { const p = congkhai.parse(t + ' '); await congkhai.need(p); out[t] = congkhai.rank(p, 2).map(r => r.doc); }
      return out; }""", sorted(words))
    assert len(first) > 300
    assert {term: docs for term, docs in first.items() if not set(docs) <= words[term]} == {}
