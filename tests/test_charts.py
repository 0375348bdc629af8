"""The SVG charts (generator/pages/charts.py): well-formed, accessible, escaped, deterministic, readable colours."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from generator.pages import charts
from generator.pages.render import make_environment
from generator.pages.specs import PageSpec

NS = {"s": "http://www.w3.org/2000/svg"}


def _parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def _bars(root) -> list[ET.Element]:
    return [r for r in root.iterfind(".//s:rect", NS) if r.get("height") == str(charts.BAR)]


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("colour", charts.PALETTE + (charts.INK,))
def test_every_colour_keeps_three_to_one_against_the_background(colour):
    assert _contrast(colour, charts.BACKGROUND) >= 3.0


def test_grid_lines_are_lighter_than_the_data():
    assert _contrast(charts.GRID, charts.BACKGROUND) < min(_contrast(c, charts.BACKGROUND) for c in charts.PALETTE)


def test_a_bar_chart_is_an_image_with_a_title_and_one_bar_per_value_given():
    svg = charts.bar_chart("Thủ tục theo lĩnh vực", ["Hộ tịch", "Đất đai", "Tư pháp"],
                           [("2025", [12, 7, None]), ("2026", [10, 0, 3])], unit="thủ tục")
    root = _parse(svg)
    assert root.get("role") == "img"
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert title.text == "Thủ tục theo lĩnh vực" and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert len(_bars(root)) == 5  # six values, one missing: no bar for it (a zero is a bar of no width)
    texts = [t.text for t in root.iterfind(".//s:text", NS)]
    assert "12" in texts and "0" in texts and "chưa có số liệu" in texts  # a word-long unit: in the description
    assert "Đơn vị: thủ tục" in desc.text
    assert texts[:2] == ["2025", "2026"]  # two series: a legend
    percent = _parse(charts.bar_chart("T", ["a"], [("s", [12.5])], unit="%"))
    assert "12,5 %" in [t.text for t in percent.iterfind(".//s:text", NS)]  # a sign stays by its value


def test_the_longest_bar_leaves_room_for_its_value_and_bars_are_proportional():
    root = _parse(charts.bar_chart("T", ["a", "b"], [("s", [40, 10])]))
    widths = [float(r.get("width").rstrip("%")) for r in _bars(root)]
    assert widths[0] < 85 and widths[0] == pytest.approx(4 * widths[1])
    fixed = _parse(charts.bar_chart("T", ["a"], [("s", [50])], max_value=100))
    assert float(_bars(fixed)[0].get("width").rstrip("%")) == pytest.approx(widths[0] / 2)


def test_labels_from_the_catalog_stay_text():
    evil = '<script>alert("x")</script> & "quotes"'
    for svg in (charts.bar_chart(evil, [evil], [(evil, [1]), ("b", [2])]),
                charts.stacked_bar(evil, [(evil, [1, 2])], [evil, "b"]),
                charts.line_chart(evil, [evil, "Q2"], [(evil, [1, 2]), ("b", [2, 1])])):
        root = _parse(svg)  # well-formed: the text did not open an element
        assert not [e for e in root.iter() if e.tag.endswith("script")]
        assert "<script>" not in str(svg)
        assert any(t.text and t.text.startswith("<script>") for t in root.iterfind(".//s:text", NS))


def test_long_labels_wrap_so_that_a_phone_shows_them_whole():
    name = "Đăng ký giao dịch bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất"
    root = _parse(charts.bar_chart("T", [name], [("s", [1])]))
    lines = [t.text for t in root.iterfind(".//s:text", NS) if t.get("font-weight") == "bold"]
    assert len(lines) > 1 and " ".join(lines) == name and all(len(line) <= charts.WRAP for line in lines)


def test_text_is_never_smaller_than_twelve_pixels_nor_scaled():
    for svg in (charts.bar_chart("T", ["a"], [("s", [1])]), charts.line_chart("T", ["Q1"], [("s", [1])], target=2),
                charts.stacked_bar("T", [("a", [1, 1])], ["x", "y"])):
        root = _parse(svg)
        assert root.get("viewBox") is None and root.get("width") == "100%"
        assert min(int(t.get("font-size")) for t in root.iterfind(".//s:text", NS)) >= 12


def test_a_stacked_bar_fills_its_width_and_names_every_segment_with_its_count():
    root = _parse(charts.stacked_bar("Trạng thái", [("Kế hoạch 1", [3, 0, 1])], ["Hoàn thành", "Đang thực hiện", "Quá hạn"]))
    segments = [r for r in root.iterfind(".//s:rect", NS) if r.get("stroke")]
    assert len(segments) == 2 and sum(float(r.get("width").rstrip("%")) for r in segments) == pytest.approx(100)
    texts = [t.text for t in root.iterfind(".//s:text", NS)]
    assert texts == ["Kế hoạch 1 — tổng 4", "Hoàn thành: 3", "Đang thực hiện: 0", "Quá hạn: 1"]
    assert segments[1].get("fill") == charts.PALETTE[2]  # a segment keeps its colour when one before it is empty


def test_a_line_chart_leaves_a_gap_for_a_missing_value_and_draws_the_target():
    root = _parse(charts.line_chart("Hồ sơ đúng hạn", ["Q1/2025", "Q2/2025", "Q3/2025", "Q4/2025"],
                                    [("Thực hiện", [70, None, 85, 92.5])], unit="%", target=90))
    assert len(root.findall(".//s:circle", NS)) == 3
    data_lines = [line for line in root.iterfind(".//s:line", NS) if line.get("stroke") == charts.PALETTE[0]]
    assert len(data_lines) == 1  # Q3–Q4 only: nothing crosses the missing Q2
    target = [line for line in root.iterfind(".//s:line", NS) if line.get("class") == "ck-chart__target"]
    assert len(target) == 1 and target[0].get("y1") == target[0].get("y2")
    texts = [t.text for t in root.iterfind(".//s:text", NS)]
    assert "Mục tiêu ≥ 90 %" in texts
    lower = _parse(charts.line_chart("T", ["Q1"], [("s", [3])], target=5, higher_is_better=False))
    assert "Mục tiêu ≤ 5" in [t.text for t in lower.iterfind(".//s:text", NS)]


def test_charts_are_the_same_at_every_build_and_their_ids_differ_between_charts():
    make = lambda title: charts.bar_chart(title, ["a"], [("s", [1])])  # noqa: E731
    assert make("A") == make("A")
    assert _parse(make("A")).find("s:title", NS).get("id") != _parse(make("B")).find("s:title", NS).get("id")


@pytest.mark.parametrize("value, shown", [(1234, "1.234"), (1234567.0, "1.234.567"), (12.5, "12,5"), (0, "0"), (None, "—")])
def test_numbers_are_written_the_vietnamese_way(value, shown):
    assert charts.number(value) == shown


def test_a_figure_carries_its_csv_file_in_the_site_conventions():
    fig = charts.figure("thong-ke/", "linh-vuc", "Theo lĩnh vực", charts.bar_chart("T", ["a"], [("s", [1])]),
                        ["Lĩnh vực", "Số thủ tục"], [("Hộ tịch, chứng thực", 1234), ('Nói "khác"', None)])
    assert fig.csv_path == "thong-ke/linh-vuc.csv"
    assert fig.csv.startswith("\ufeffLĩnh vực,Số thủ tục\r\n")
    assert list(csv.reader(io.StringIO(fig.csv.removeprefix("\ufeff")))) == [
        ["Lĩnh vực", "Số thủ tục"], ["Hộ tịch, chứng thực", "1234"], ['Nói "khác"', ""]]
    assert fig.rows == (("Hộ tịch, chứng thực", "1.234"), ('Nói "khác"', "—"))
    spec = PageSpec("thong-ke/index.md", "stats.html", "T", {"figures": {"x": fig}})
    assert charts.chart_assets([spec, PageSpec("a.md", "b.html", "c")]) == {"thong-ke/linh-vuc.csv": fig.csv}


def test_the_figure_macro_puts_a_table_and_the_csv_link_beside_the_chart():
    fig = charts.figure("thong-ke/", "cap", "Theo cấp", charts.bar_chart("Theo cấp", ["Tỉnh"], [("s", [3])]),
                        ["Cấp", "Số thủ tục"], [("<b>Tỉnh</b>", 3)])
    env = make_environment()
    html = env.from_string('{% from "_chart.html" import chart_figure with context %}{{ chart_figure(f) }}').render(
        f=fig, link=lambda url: "../" + url)
    assert '<svg class="ck-chart"' in html and "<caption>Số liệu: Theo cấp</caption>" in html
    assert 'href="../thong-ke/cap.csv" download' in html and "&lt;b&gt;Tỉnh&lt;/b&gt;" in html
    assert '<td data-label="Số thủ tục">3</td>' in html and '<table class="ck-figure__table">' in html  # two columns stay a table on a phone


def test_a_line_charts_series_differ_by_pattern_too_and_period_labels_are_spread():
    periods = [f"Q{q}/{y}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)] + ["Q1/2027", "Q2/2027"]
    root = _parse(charts.line_chart("T", periods, [("a", [1] * 14), ("b", [2] * 14)]))
    patterns = {line.get("stroke"): line.get("stroke-dasharray") for line in root.iterfind(".//s:line", NS)
                if line.get("stroke") in charts.PALETTE[:2]}
    assert patterns[charts.PALETTE[0]] is None and patterns[charts.PALETTE[1]] == charts.DASHES[1]
    labels = [t.text for t in root.iterfind(".//s:text", NS) if t.text in periods]
    assert labels[0] == "Q1/2024" and labels[-1] == "Q2/2027" and 2 < len(labels) < len(periods)
    long = [f"Quý {q}/2025" for q in ("I", "II", "III", "IV")] + ["Quý I/2026"]
    texts = [t for t in _parse(charts.line_chart("T", long, [("a", [1] * 5)])).iterfind(".//s:text", NS) if t.text in long]
    gaps = [float(b.get("x").rstrip("%")) - float(a.get("x").rstrip("%")) for a, b in zip(texts, texts[1:])]
    assert [t.text for t in texts][::len(texts) - 1] == ["Quý I/2025", "Quý I/2026"]
    assert min(gaps) * 2.88 >= 7 * len("Quý III/2025")  # px apart on a 320 px phone: no label touches the next
