import csv
import unicodedata

import pytest

from conftest import shared_path
from generator.text.vietnamese import clean, compact_key, fold, slug, sort_key, sort_vi


@pytest.mark.parametrize("text, folded", [
    ("Đăng ký kết hôn", "dang ky ket hon"),
    ("ĐĂNG KÝ KHAI SINH", "dang ky khai sinh"),
    ("Hòa Bình", "hoa binh"),
    ("Hoà Bình", "hoa binh"),
    ("thủy", "thuy"),
    ("thuỷ", "thuy"),
    (unicodedata.normalize("NFD", "Cấp lại căn cước"), "cap lai can cuoc"),
    ("Mã 1.001193", "ma 1.001193"),
])
def test_fold_removes_marks_and_d_bar(text, folded):
    assert fold(text) == folded


def test_both_tone_placements_fold_the_same():
    pairs = [("hòa", "hoà"), ("thủy", "thuỷ"), ("Khỏe", "Khoẻ"), ("quý", "qúy")]
    for old, new in pairs:
        assert fold(old) == fold(new)


def test_slug_is_ascii():
    assert slug("Hộ tịch") == "ho-tich"
    assert slug("  Đất đai / Xây dựng ") == "dat-dai-xay-dung"


def test_name_to_key_oracle():
    path = shared_path("data", "vi", "underthesea_pkg", "name_to_key.tsv")
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]
    pairs = [row for row in rows[1:] if len(row) == 2]
    assert len(pairs) > 9000
    wrong = [(name, key) for name, key in pairs if compact_key(name) != key]
    assert wrong == []


def test_clean_removes_invisible_characters_and_normalises():
    text, removed = clean("Gi\u00adấy\u200b t\u1edd\uf0b7 \u202amở\u202c\r\nhai")
    assert text == "Giấy tờ mở\nhai"
    assert len(removed) == 5
    assert any("SOFT HYPHEN" in r for r in removed)
    decomposed = unicodedata.normalize("NFD", "Đăng ký")
    assert clean(decomposed) == ("Đăng ký", [])


def test_clean_keeps_tabs_newlines_and_turns_nbsp_into_space():
    assert clean("a\tb\nc\u00a0d") == ("a\tb\nc d", [])


def test_normalization_test_vectors():
    path = shared_path("data", "vi", "NormalizationTest.vi-subset.txt")
    checked = 0
    for line in path.open(encoding="utf-8"):
        if not line.strip() or line.startswith(("#", "@")):
            continue
        columns = [''.join(chr(int(cp, 16)) for cp in col.split()) for col in line.split(";")[:5]]
        for source in columns[:3]:
            assert clean(source)[0] == columns[1] or not _visible(source)
            assert fold(source) == fold(columns[1])
        checked += 1
    assert checked > 600


def _visible(text):
    return all(unicodedata.category(c)[0] != "C" for c in text)


def test_sort_matches_icu_minimal_pairs():
    path = shared_path("data", "vi", "icu_vi_sorted", "minimal_pairs.tsv")
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))[1:]
    icu = [row[1] for row in rows]
    assert sort_vi(reversed(icu)) == icu


def test_sort_matches_icu_field_names():
    path = shared_path("data", "vi", "icu_vi_sorted", "linh_vuc.vi.txt")
    icu = [line.rstrip("\n") for line in path.open(encoding="utf-8") if line.strip()]
    assert sort_vi(sorted(icu)) == icu


@pytest.mark.parametrize("name", ["ten_thu_tuc", "co_quan_thuc_hien"])
def test_sort_agrees_with_icu_on_every_adjacent_pair(name):
    # These oracle files hold some names that span several lines; a line that
    # starts in lower case or with punctuation continues the name above it.
    path = shared_path("data", "vi", "icu_vi_sorted", f"{name}.vi.txt")
    lines = [line.rstrip("\n") for line in path.open(encoding="utf-8") if line.strip()]
    starts = [line for line in lines if line[0].isupper()]
    assert len(starts) > 400
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a[0].isupper() and b[0].isupper()]
    assert [(a, b) for a, b in pairs if sort_key(a) > sort_key(b)] == []


def test_sort_vietnamese_letters_and_tones():
    words = ["ư", "u", "ơ", "ô", "o", "đ", "d", "â", "ă", "a", "á", "à", "ả", "ã", "ạ", "A"]
    assert sort_vi(words) == ["a", "A", "à", "ả", "ã", "á", "ạ", "ă", "â", "d", "đ", "o", "ô", "ơ", "u", "ư"]


def test_python_sorted_is_wrong_and_ours_is_right():
    names = ["Đất đai", "Dân số", "Ân xá", "Bảo hiểm", "An toàn"]
    assert sorted(names) != sort_vi(names)
    assert sort_vi(names) == ["An toàn", "Ân xá", "Bảo hiểm", "Dân số", "Đất đai"]
