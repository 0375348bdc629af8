"""The search index as the builder writes it: folded words, the files a query needs, and what a result shows."""

from __future__ import annotations

import gzip
import json
import os
from types import SimpleNamespace

from conftest import FIXTURES, ROOT
from generator.catalog.load import load_catalog
from generator.pages.relations import relate
from generator.search.index import CHUNK, SearchDoc, SynonymExpander, build_index, catalog_docs, order, search_text, write_index


def test_search_text_is_folded_words_with_numbers_without_leading_zeros():
    assert search_text("Thủ tục ĐĂNG KÝ (khai sinh), mã 1.001193") == "thu tuc dang ky khai sinh ma 1 1193"
    assert search_text("Hoà bình / hòa bình") == "hoa binh hoa binh"
    assert search_text("Mức 01, lần 002, năm 2020, 0 và 00") == "muc 1 lan 2 nam 2020 0 va 0"


def test_synonyms_give_the_popular_names_of_the_official_phrases_a_text_holds():
    expand = SynonymExpander([SimpleNamespace(words=("sổ đỏ", "Sổ hồng"), means="giấy chứng nhận quyền sử dụng đất"),
                              SimpleNamespace(words=("CCCD",), means="căn cước")])
    assert expand("Cấp đổi Giấy chứng nhận quyền sử dụng đất") == ("so do", "so hong")
    assert expand("Cấp lại thẻ Căn cước") == ("cccd",)
    assert expand("Cấp căn cứ") == ()


def _mini():
    catalog = load_catalog(FIXTURES / "mini")
    return catalog_docs(catalog, relate(catalog, "2026-01-01"))


def _decode(files: dict, term: str) -> list[list[int]]:
    """What congkhai.js does with a word's postings: gaps back into document numbers."""
    lists = files[f"tu/{term[:2]}.json"]["t"][term]
    out = []
    for field, flat in enumerate(lists):
        step, doc, entries = (3, 3, 3, 1)[field], 0, []
        for i in range(0, len(flat), step):
            doc += flat[i]
            entries.append([doc, *flat[i + 1:i + step]])
        out.append(entries)
    return out


def test_every_word_of_every_name_is_found_where_it_stands():
    docs = order(_mini())
    files, contents = build_index(docs)
    for number, doc in enumerate(docs):
        words = search_text(doc.title).split()
        for position, word in enumerate(words):
            assert [number, len(words), position] in _decode(files, word)[0], (doc.title, word)
    assert contents["documents"] == len(docs) and contents["chunk"] == CHUNK
    assert sorted(f"tu/{key}.json" for key in contents["words"]) == sorted(f for f in files if f.startswith("tu/"))


def test_popular_names_keep_their_phrases_apart_and_meta_is_listed_once():
    doc = SearchDoc("tt", "thu-tuc/1/", "Đăng ký khai sinh", code="1", alias=("làm giấy khai sinh", "khai sinh cho con"),
                    syn=("giay khai sinh",), meta="Hộ tịch, hộ tịch cấp xã")
    files, _ = build_index([doc])
    name, alias, syn = _decode(files, "khai")[:3]
    assert name == [[0, 4, 2]]
    assert alias == [[0, 4, 2], [0, 4, 5]]  # "làm giấy khai sinh" at 0–3, a gap, "khai sinh cho con" at 5–8
    assert syn == [[0, 3, 1]]
    assert _decode(files, "tich")[3] == [[0]]


def test_store_holds_what_a_result_shows():
    docs = order(_mini())
    files, _ = build_index(docs)
    number = next(n for n, d in enumerate(docs) if d.code == "1.001193")
    chunk = files[f"muc/{number // CHUNK}.json"]
    kind, url, title, code, field, unit, level = chunk["d"][number % CHUNK]
    labels = chunk["l"]
    assert (kind, url, title, code) == ("tt", "thu-tuc/1.001193/", "Thủ tục đăng ký khai sinh", "1.001193")
    assert (labels[field], labels[unit], labels[level]) == ("Hộ tịch", "Ủy ban nhân dân cấp xã", "cấp xã")
    assert files["ma/10011.json"]["c"] == [["1.001193", number]]
    assert files["ma/10011.json"]["p"]["d"][str(number)][2] == "Thủ tục đăng ký khai sinh"  # a code shows at once
    assert not any(d.code == "2.000001" for d in docs), "replaced procedures are not searchable"


def test_documents_are_ordered_by_kind_then_name_and_every_word_file_says_where_kinds_start():
    docs = [SearchDoc("tr", "gioi-thieu/", "Giới thiệu"), SearchDoc("tt", "thu-tuc/2/", "Đăng ký B"), SearchDoc("lv", "linh-vuc/a/", "Ấp"),
            SearchDoc("tt", "thu-tuc/1/", "Cấp A")]
    assert [d.url for d in order(docs)] == ["thu-tuc/1/", "thu-tuc/2/", "linh-vuc/a/", "gioi-thieu/"]
    files, contents = build_index(docs)
    assert files["tu/gi.json"]["k"] == contents["kinds"] == [["tt", 0], ["lv", 2], ["tr", 3]]
    assert files["muc/0.json"]["d"][3] == ["tr", "gioi-thieu/", "Giới thiệu", "", 0, 0, 0]


def test_the_index_is_swapped_in_whole(tmp_path):
    path = tmp_path / "tim-kiem" / "chi-muc.json"
    write_index(path, [SearchDoc("tt", "thu-tuc/1/", "Đăng ký khai sinh", code="1.000001")])
    assert (tmp_path / "tim-kiem" / "chi-muc" / "tu" / "kh.json").is_file()
    write_index(path, [SearchDoc("tt", "thu-tuc/2/", "Cấp phép", code="1.000002")])
    assert sorted(os.listdir(tmp_path / "tim-kiem")) == ["chi-muc", "chi-muc.json"]  # nothing half-written left
    assert not (tmp_path / "tim-kiem" / "chi-muc" / "tu" / "kh.json").exists()  # the last build's words are gone
    assert json.loads(path.read_text(encoding="utf-8"))["documents"] == 1
    assert '"Cấp phép"' in (tmp_path / "tim-kiem" / "chi-muc" / "muc" / "0.json").read_text(encoding="utf-8")


def test_a_query_needs_little_of_a_large_index(tmp_path):
    """At 10,000 procedures, what a typical query fetches before its first result stays far below 100 KB (gzip)."""
    from generator.cli.synthetic import write_catalog

    write_catalog(tmp_path / "c", procedures=10000, today="2026-11-01")
    catalog = load_catalog(tmp_path / "c")
    files, _ = build_index(catalog_docs(catalog, relate(catalog, "2026-11-01")))
    size = {name: len(gzip.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 9)) for name, value in files.items()}
    assert sum(size.values()) > 400_000  # the whole index: what the page fetched before
    titles = 8 * max(n for name, n in size.items() if name.startswith("muc/"))  # eight results, from eight files at most
    script = len(gzip.compress((ROOT / "generator" / "theme" / "assets" / "congkhai.js").read_bytes(), 9))
    for query in ("dang ky thay doi ho kinh doanh", "tro cap xa hoi hang thang", "giay chung nhan du dieu kien", "cap lai giay phep hoat dong"):
        words = {f"tu/{w[:2]}.json" for w in search_text(query).split()}
        assert sum(size[w] for w in words) + titles + script < 100_000, query


def test_word_files_preview_the_shortest_names_holding_each_word():
    docs = [SearchDoc("tt", f"thu-tuc/{n}/", title, code=str(n)) for n, title in
            enumerate(["Đăng ký khai sinh có yếu tố nước ngoài", "Đăng ký khai sinh", "Khai sinh lưu động", "Đăng ký khai tử"])]
    files, _ = build_index(docs)
    preview = files["tu/si.json"]["p"]  # in the index's order: 0 Đăng ký khai sinh, 1 … nước ngoài, 2 Đăng ký khai tử, 3 Khai sinh…
    assert sorted(row[2] for row in preview["d"].values()) == ["Khai sinh lưu động", "Đăng ký khai sinh"]
    assert preview["d"]["0"] == ["tt", "thu-tuc/1/", "Đăng ký khai sinh", "1", 0, 0, 0] and preview["l"] == [""]
