"""The popular names that ship with the package: true to real official names, merged with a site's synonyms.yaml."""

from __future__ import annotations

import json
import shutil
import unicodedata
from dataclasses import astuple
from importlib import resources

import jsonschema
import pytest

from conftest import FIXTURES, ROOT, shared_path
from generator.catalog import checks, kinds
from generator.catalog.errors import CatalogError, Collector
from generator.catalog.jsonschema import schemas
from generator.catalog.load import load_catalog
from generator.catalog.reading import Entry
from generator.catalog.schema import Context
from generator.catalog.synonyms import PACKAGE_FILE, key, package_synonyms
from generator.catalog.yamlio import load
from generator.pages.relations import relate
from generator.search.index import catalog_docs

RULES = package_synonyms()
# what citizens say at the counter, topic by topic: each must be a word of a rule
SAID = {
    "đất đai": ["sổ đỏ", "sổ hồng", "bìa đỏ", "tách sổ", "sang tên sổ đỏ", "lên thổ cư", "thế chấp sổ đỏ"],
    "hộ tịch": ["giấy khai sinh", "giấy đăng ký kết hôn", "giấy chứng tử", "độc thân", "nhận con nuôi", "đổi tên", "trích lục"],
    "căn cước, cư trú": ["CCCD", "làm lại CCCD", "CMND", "hộ khẩu", "cắt khẩu", "KT3", "báo tạm vắng", "VNeID"],
    "lái xe, phương tiện": ["bằng lái", "GPLX", "đổi bằng lái", "cà vẹt", "bấm biển số", "sang tên xe"],
    "hộ chiếu": ["passport", "làm hộ chiếu", "mất hộ chiếu", "visa"],
    "kinh doanh": ["giấy phép kinh doanh", "đăng ký kinh doanh", "mở công ty", "mở cửa hàng", "công ty TNHH", "khắc dấu"],
    "xây dựng": ["xin phép xây nhà", "GPXD", "sửa nhà"],
    "bảo hiểm": ["BHXH", "BHYT", "thẻ BHYT", "nghỉ sinh", "nghỉ hưu", "tiền thất nghiệp", "rút BHXH một lần"],
    "trợ giúp xã hội": ["trợ cấp người cao tuổi", "sổ hộ nghèo", "giấy chứng nhận khuyết tật"],
    "giáo dục": ["xin chuyển trường", "bằng tốt nghiệp", "sao bằng", "thi THPT", "miễn học phí"],
    "tư pháp": ["LLTP", "phiếu lý lịch", "sao y", "công chứng giấy tờ", "xác nhận chữ ký", "đơn khiếu nại"],
    "lao động": ["work permit", "giấy phép lao động cho người nước ngoài", "tìm việc", "thi công chức"],
    "thuế": ["MST", "làm mã số thuế", "thuế TNCN", "quyết toán thuế TNCN", "trước bạ"],
    "nghĩa vụ quân sự": ["đi lính", "đi nghĩa vụ", "đăng ký NVQS"],
}
TOO_COMMON = 25  # official names a word may already be part of, without its phrase (fold collisions: "súng" is "bổ sung")


def _rule_of(word: str):
    return next((rule for rule in RULES if key(word) in {key(w) for w in rule.words}), None)


def test_the_package_file_reads_and_passes_the_checks_of_a_site_file():
    text = resources.files("generator.catalog").joinpath(PACKAGE_FILE).read_text(encoding="utf-8")
    out, positions = Collector(PACKAGE_FILE), {}
    model = kinds.SYNONYMS.check(load(text, out), "", Context(out, positions))
    found = list(out.problems)
    checks._check_synonyms(Entry("", PACKAGE_FILE, model, positions), lambda entry, where, message: found.append((where, message)))
    assert found == []
    assert model.synonyms == RULES and model.defaults is True
    assert all(unicodedata.is_normalized("NFC", text) for rule in RULES for text in (*rule.words, rule.means))


def test_there_are_at_least_a_hundred_rules_each_phrase_once_and_no_word_its_own_phrase():
    assert len(RULES) >= 100
    phrases = [key(rule.means) for rule in RULES]
    assert len(set(phrases)) == len(phrases)  # a site rule with a phrase replaces exactly one package rule
    words = [key(word) for rule in RULES for word in rule.words]
    assert len(set(words)) == len(words)  # a word points to one phrase
    assert [w for rule in RULES for w in rule.words if key(w) == key(rule.means)] == []


@pytest.mark.parametrize("topic", list(SAID))
def test_what_citizens_say_is_covered(topic):
    assert [word for word in SAID[topic] if _rule_of(word) is None] == []


@pytest.mark.parametrize("word, phrase", [
    ("sổ hồng", "giấy chứng nhận quyền sử dụng đất"),
    ("lam lai cccd", "cấp lại thẻ căn cước"),
    ("giấy đăng ký kết hôn", "đăng ký kết hôn"),
    ("đổi bằng lái", "đổi giấy phép lái xe"),
    ("GPLX", "giấy phép lái xe"),
    ("cắt hộ khẩu", "xóa đăng ký thường trú"),
])
def test_a_popular_name_points_to_the_narrowest_official_phrase(word, phrase):
    assert key(_rule_of(word).means) == key(phrase)


def _official_names() -> list[str]:
    """Real national procedure names (../shared, read here, never copied) and the sample's."""
    names = [record["title"] for record in json.loads(shared_path("data", "real", "dichvucong_7sins", "data.json").read_text("utf-8"))]
    for path in shared_path("data", "real", "nhdandz_tthc", "data").glob("*/*.json"):
        names.append(json.loads(path.read_text("utf-8"))["metadata"]["tên_thủ_tục"])
    names += shared_path("data", "vi", "icu_vi_sorted", "ten_thu_tuc.vi.txt").read_text("utf-8").splitlines()
    names += [p.name for p in load_catalog(ROOT / "catalog").procedures.values()]
    return [f" {key(name)} " for name in names if name.strip()]


@pytest.fixture(scope="module")
def official():
    return _official_names()


def test_every_phrase_occurs_in_real_official_names(official):
    assert [rule.means for rule in RULES if not any(f" {key(rule.means)} " in name for name in official)] == []


def test_no_word_already_names_many_other_procedures(official):
    common = {}
    for rule in RULES:
        for word in rule.words:
            others = [n for n in official if f" {key(word)} " in n and f" {key(rule.means)} " not in n]
            if len(others) > TOO_COMMON:
                common[word] = len(others)
    assert common == {}


def _site(tmp_path, synonyms: str | None):
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini", catalog)
    (tmp_path / ".git").mkdir()
    if synonyms is not None:
        (catalog / "synonyms.yaml").write_text(synonyms, encoding="utf-8")
    return catalog


def _searched(catalog, code: str) -> str:
    """Everything the search document of a procedure holds."""
    return str(astuple(next(d for d in catalog_docs(catalog, relate(catalog, "2026-01-01")) if d.code == code)))


def test_a_site_without_synonyms_gets_the_package_list(tmp_path):
    catalog = load_catalog(_site(tmp_path, None))
    assert catalog.synonyms == RULES
    assert "lam giay khai sinh" in _searched(catalog, "1.001193")  # the package's rule reached the search index


def test_site_rules_extend_the_list_replace_a_rule_by_phrase_and_take_their_words(tmp_path):
    catalog = load_catalog(_site(tmp_path, """synonyms:
  - words: ["bìa xanh"]
    means: "Giay chung nhan quyen su dung dat"
  - words: ["làm lại CCCD"]
    means: "căn cước"
  - words: ["bến đò"]
    means: "bến khách ngang sông"
"""))
    site = catalog.synonyms[-3:]
    assert [rule.means for rule in site] == ["Giay chung nhan quyen su dung dat", "căn cước", "bến khách ngang sông"]
    kept = catalog.synonyms[:-3]
    assert len(kept) == len(RULES) - 1
    assert not [rule for rule in kept if key(rule.means) == key("giấy chứng nhận quyền sử dụng đất")]
    again = next(rule for rule in kept if rule.means == "cấp lại thẻ căn cước")
    assert "làm lại CCCD" not in again.words and "mất CCCD" in again.words


def test_defaults_false_leaves_the_package_list_out(tmp_path):
    catalog = load_catalog(_site(tmp_path, 'defaults: false\nsynonyms:\n  - words: ["bến đò"]\n    means: "bến khách ngang sông"\n'))
    assert [rule.words for rule in catalog.synonyms] == [("bến đò",)]
    assert "lam giay khai sinh" not in _searched(catalog, "1.001193")


def test_a_file_may_only_turn_the_defaults_off(tmp_path):
    assert load_catalog(_site(tmp_path, "defaults: false\n")).synonyms == ()


def test_a_wrong_switch_is_reported_where_it_stands(tmp_path):
    with pytest.raises(CatalogError) as caught:
        load_catalog(_site(tmp_path, 'synonyms:\n  - words: ["bến đò"]\n    means: "bến phà"\ndefaults: có\n'), tmp_path)
    assert caught.value.report().splitlines()[0] == (
        'catalog/synonyms.yaml:4:11: "defaults": giá trị "có" không hợp lệ — chỉ dùng một trong: '
        "true (dùng cả danh sách cách gọi có sẵn của congkhai, như khi không ghi), false (chỉ dùng các cách gọi trong tệp này)")


def test_the_schema_takes_the_switch_as_an_editor_reads_it():
    validator = jsonschema.Draft202012Validator(schemas()["synonyms"])
    assert validator.is_valid({"defaults": False}) and validator.is_valid({"defaults": "true"})
    assert not validator.is_valid({"defaults": "không"})


def test_the_sample_builds_strictly_with_the_package_list_and_its_own_rules(sample_site):
    shipped = "".join(p.read_text(encoding="utf-8") for p in (sample_site / "tim-kiem").rglob("*.json"))
    assert '"gcnqsdd"' in shipped  # a package word, for the sample's names with "giấy chứng nhận quyền sử dụng đất"
    assert '"clb"' in shipped  # the sample's own word, for "Thủ tục thành lập hội"
    assert '"gpkd"' not in shipped  # the package's rule for "hộ kinh doanh" gave way to the sample's
