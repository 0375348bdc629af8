import json

import pytest

from conftest import shared_path
from generator.catalog.errors import Collector
from generator.catalog.yamlio import YMap, YSeq, YStr, load


def _load(text):
    out = Collector("t.yaml")
    return load(text, out), [str(p) for p in out.problems]


@pytest.mark.parametrize("typed", ["1.002390", "1.000120", "no", "yes", "off", "07:30", "7:30", "50.000", "01", "0123",
                                   "2024-01-31", "~", "null", "true", "1e3", ".inf", "0x1F"])
def test_every_scalar_stays_the_string_typed(typed):
    value, problems = _load(f"value: {typed}\n")
    assert problems == []
    assert value == {"value": typed}
    assert type(value["value"]) is YStr


def test_positions_are_one_based_line_and_column():
    value, _ = _load("a: x\nlist:\n  - first\n  - second\nmap:\n  key: value\n")
    assert value.pos == (1, 1)
    assert value["a"].pos == (1, 4)
    assert value.key_pos["list"] == (2, 1)
    assert isinstance(value["list"], YSeq) and value["list"][1].pos == (4, 5)
    assert isinstance(value["map"], YMap) and value["map"]["key"].pos == (6, 8)


def test_duplicate_keys_are_errors():
    value, problems = _load("name: a\nname: b\n")
    assert problems == ['t.yaml:2:1: trường "name" bị lặp (đã có ở dòng 1) — hãy giữ một dòng và xóa dòng kia']


def test_aliases_are_refused_without_expanding():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    value, problems = _load(laughs)
    assert problems and all("bí danh" in p for p in problems)


def test_tags_and_documents_are_refused():
    assert "thẻ kiểu" in _load("a: !!python/object:os.system x\n")[1][0]
    assert "một mục" in _load("a: 1\n---\nb: 2\n")[1][0]
    assert "tệp trống" in _load("# only a comment\n")[1][0]


def test_syntax_errors_explain_in_vietnamese():
    assert _load("name: Thủ tục: đăng ký\n")[1] == [
        "t.yaml:1:14: lỗi cú pháp YAML: có dấu hai chấm ':' không đúng chỗ — nếu giá trị có chứa ': ', hãy đặt cả giá trị trong dấu nháy kép \"...\""]
    assert "tab" in _load("a:\n\t- b\n")[1][0]
    assert "nháy" in _load('a: "open\n')[1][0]


def test_invisible_characters_are_removed_with_a_warning():
    value, problems = _load("a: \"x\u00ady\"\n")
    assert value["a"] == "xy"
    assert problems[0].startswith("t.yaml:1:4: cảnh báo: đã bỏ 1 ký tự")


# Cases where libyaml itself reads the text differently from the YAML spec (or,
# for G4RS, where our loader removes control characters and normalises line ends
# on purpose). Listed so that any new divergence fails the test.
KNOWN_LIBYAML_DIVERGENCES = ["652Z", "G4RS", "HM87/01", "JEF9/02", "L24T/01", "Y2GN"]


def _cases():
    root = shared_path("data", "yaml-test-suite")
    for case in sorted(p for p in root.iterdir() if p.is_dir()):
        if (case / "in.yaml").exists():
            yield case
        for sub in sorted(p for p in case.iterdir() if p.is_dir()):
            if (sub / "in.yaml").exists():
                yield sub


def _same_strings(ours, expected) -> bool:
    """Structure equal, and every string in the expected JSON equal to ours."""
    if isinstance(expected, dict):
        return isinstance(ours, dict) and set(ours) == set(map(str, expected)) and all(
            _same_strings(ours[str(k)], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(ours, list) and len(ours) == len(expected) and all(map(_same_strings, ours, expected))
    if isinstance(expected, str):
        return ours == expected
    return isinstance(ours, str)  # numbers, booleans and null stay the text typed


def test_yaml_test_suite_never_crashes(capsys):
    tally = {"invalid rejected": 0, "invalid accepted": 0, "valid accepted": 0, "valid refused by policy": 0}
    mismatches = []
    for case in _cases():
        text = (case / "in.yaml").read_bytes().decode("utf-8")
        value, problems = _load(text)  # any exception other than our reports fails the test
        errors = [p for p in problems if ": cảnh báo: " not in p]
        if (case / "error").exists():
            tally["invalid rejected" if errors else "invalid accepted"] += 1
        elif errors:
            tally["valid refused by policy"] += 1
        else:
            tally["valid accepted"] += 1
            if not (case / "in.json").exists():
                continue
            expected = json.loads("[" + ",".join(_documents((case / "in.json").read_text(encoding="utf-8"))) + "]")
            if len(expected) == 1 and not _same_strings(value, expected[0]):
                mismatches.append(case.name if (case / "===").exists() and not case.name.isdigit() else f"{case.parent.name}/{case.name}")
    with capsys.disabled():
        print(f"\nyaml-test-suite: {tally}")
    assert sum(tally.values()) > 300
    assert mismatches == KNOWN_LIBYAML_DIVERGENCES
    assert tally["invalid rejected"] > tally["invalid accepted"]


def _documents(text: str):
    decoder = json.JSONDecoder()
    index, text = 0, text.strip()
    while index < len(text):
        value, end = decoder.raw_decode(text, index)
        yield json.dumps(value)
        index = end
        while index < len(text) and text[index].isspace():
            index += 1
