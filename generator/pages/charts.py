"""Charts: static SVG made at build time, each beside its data table and a CSV file.

Readable offline and in print, without JavaScript; every label is text from
Python through ``markupsafe.escape`` (a catalog's "<script>" stays text). No
library: pygal (the obvious one) gives each chart a random uuid (pages would
change at every build and break the goldens), links a tooltip script from a
CDN unless told not to, and writes a stylesheet into every chart; ours is a
few hundred lines of SVG with nothing to keep up to date.

Layout is in percentages of the chart's width and pixels of its height
(``width="100%"``, no ``viewBox``), so text keeps its size (13–14 px) on a
320 px phone and on a wide screen alike, and nothing scrolls sideways.
Colours are the Okabe–Ito colour-blind-safe palette, the four that keep
3:1 against white (WCAG 1.4.11), then two greys; segments are also set
apart by white gaps and named in a legend, so colour never carries
meaning alone. Each ``<svg>`` has ``role="img"``, a ``<title>`` and a
``<desc>``; the table beside it holds every value.

API (``series`` is a list of (name, values), one value per category or
period; a value is a number or None, shown as missing, never as 0)::

    bar_chart(title, categories, series, *, unit="", max_value=None, desc="") -> Markup
        horizontal bars, one group per category, one bar per series, values at their ends
    stacked_bar(title, rows, segments, *, unit="", desc="") -> Markup
        rows: list of (label, [count per segment]); segments: the names (e.g. task statuses)
    line_chart(title, periods, series, *, unit="", target=None, higher_is_better=True, desc="") -> Markup
        values over periods, with a dashed line at the target
    figure(page_url, name, title, chart, headers, rows, *, note="") -> Figure
        a chart with its table and CSV file: put it in the page's context under
        ``figures`` (a dict name → Figure); build/site.py writes every CSV file
        found there (``chart_assets``); in a template::

            {% from "_chart.html" import chart_figure with context %}
            {{ chart_figure(figures.by_field) }}

``number(value)`` writes a value the Vietnamese way (1.234,5).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.text.csvtext import csv_text

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#666666")
DASHES = ("", "8 4", "2 3", "12 4 2 4", "4 2", "1 3")  # a line chart's series differ in pattern too: on grey paper
BACKGROUND = "#FFFFFF"
INK, GRID = "#333333", "#BBBBBB"
FONT = 'font-family="system-ui, -apple-system, Roboto, Arial, sans-serif"'
LINE = 18  # px between lines of text
BAR = 14  # px, one bar's height
WRAP = 30  # characters of a label on one line: a 320 px phone shows about as many at 14 px, in bold


@dataclass(frozen=True)
class Figure:
    name: str
    title: str
    chart: Markup
    headers: tuple
    rows: tuple  # of tuples of cells as shown (the CSV has the same cells, numbers unformatted)
    csv_path: str  # from the site's root, e.g. thong-ke/linh-vuc.csv (the template links it with link())
    csv: str  # the file's text
    note: str = ""


def number(value) -> str:
    """1234 → "1.234", 12.5 → "12,5", None → "—"."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _label(value, unit: str) -> str:
    return number(value) + (f" {unit}" if unit and value is not None else "")


def _short(value, unit: str) -> str:
    """A value at a bar's end, where a phone has little room: its unit only when it is a sign ("%")."""
    return _label(value, unit if len(unit) <= 2 else "") if value is not None else "chưa có số liệu"


def _wrap(text: str, width: int = WRAP) -> list[str]:
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines or [""]


def _text(x, y, text, *, anchor="start", size=14, weight="normal", dx=0, fill=INK) -> str:
    extra = f' dx="{dx}"' if dx else ""
    return (f'<text x="{x}" y="{y}"{extra} text-anchor="{anchor}" font-size="{size}" font-weight="{weight}" '
            f'fill="{fill}">{escape(text)}</text>')


def _svg(title: str, desc: str, height: int, body: list[str], key: str) -> Markup:
    ident = "ck-chart-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return Markup(
        f'<svg class="ck-chart" xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" {FONT}>'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
        + "".join(body) + "</svg>")


def _lines(text: str, y: int, **style) -> tuple[list[str], int]:
    """*text* wrapped, one <text> a line from baseline *y*; returns them and the next line's baseline."""
    body = []
    for line in _wrap(text, WRAP - 2 if style.get("dx") else WRAP):
        body.append(_text(0, y, line, **style))
        y += LINE
    return body, y


def _legend(names, y: int, values=None, unit: str = "", lines: bool = False) -> tuple[list[str], int]:
    """One entry per series: a square of its colour (a line in its pattern), its name (and its value)."""
    body = []
    for index, name in enumerate(names):
        shown = name if values is None else f"{name}: {_label(values[index], unit)}"
        colour = PALETTE[index % len(PALETTE)]
        body.append(f'<line x1="0" x2="14" y1="{y - 5}" y2="{y - 5}" stroke="{colour}" stroke-width="3"{_dash(index)}/>'
                    if lines else f'<rect x="0" y="{y - 11}" width="12" height="12" fill="{colour}"/>')
        lines, y = _lines(shown, y, dx=18)
        body += lines
    return body, y


def _percent(value, top) -> float:
    return round(78 * value / top, 2) if top else 0  # 78 %: room left for the value after the longest bar


def bar_chart(title: str, categories, series, *, unit: str = "", max_value=None, desc: str = "") -> Markup:
    values = [v for _, vs in series for v in vs if v is not None]
    top = max_value if max_value is not None else max(values, default=0)
    body, y = _legend([name for name, _ in series], LINE) if len(series) > 1 else ([], 0)
    for row, category in enumerate(categories):
        lines, y = _lines(category, y + LINE - 4, weight="bold")
        body += lines
        y -= LINE - 4
        for index, (_, vs) in enumerate(series):
            value = vs[row]
            width = _percent(max(value, 0), top) if value is not None else 0
            if value is not None:
                body.append(f'<rect x="0" y="{y}" width="{width}%" height="{BAR}" fill="{PALETTE[index % len(PALETTE)]}"/>')
            body.append(_text(f"{width}%", y + BAR - 2, _short(value, unit), dx=6, size=13))
            y += BAR + 4
        y += 6
    measure = f" Đơn vị: {unit}." if unit else ""
    summary = desc or f"Biểu đồ thanh: {len(categories)} mục.{measure} Số liệu đầy đủ ở bảng bên cạnh."
    return _svg(title, summary, y + 4, body, repr((title, categories, series)))


def stacked_bar(title: str, rows, segments, *, unit: str = "", desc: str = "") -> Markup:
    body, y = [], 0
    for label, counts in rows:
        total = sum(c for c in counts if c)
        lines, y = _lines(f"{label} — tổng {number(total)}", y + LINE - 4, weight="bold")
        body += lines
        y -= LINE - 4
        x = 0.0
        for index, count in enumerate(counts):
            if not count or not total:
                continue
            width = round(100 * count / total, 2)
            body.append(f'<rect x="{round(x, 2)}%" y="{y}" width="{width}%" height="{BAR + 6}" '
                        f'fill="{PALETTE[index % len(PALETTE)]}" stroke="{BACKGROUND}" stroke-width="2"/>')
            x += width
        y += BAR + 6
        legend, y = _legend(segments, y + LINE, counts, unit)
        body += legend
        y += 4
    summary = desc or "Biểu đồ thanh chồng: " + "; ".join(
        f"{label}: " + ", ".join(f"{s} {number(c)}" for s, c in zip(segments, counts)) for label, counts in rows)
    return _svg(title, summary, y, body, repr((title, rows, segments)))


def line_chart(title: str, periods, series, *, unit: str = "", target=None, higher_is_better: bool = True,
               desc: str = "") -> Markup:
    values = [v for _, vs in series for v in vs if v is not None] + ([target] if target is not None else [])
    top = max(values, default=0) or 1
    top = _nice(top)
    body, y0 = _legend([name for name, _ in series], LINE, lines=True) if len(series) > 1 else ([], 0)
    plot_top, plot_height = y0 + LINE + 4, 160
    bottom = plot_top + plot_height
    at = lambda v: round(bottom - plot_height * v / top, 1)  # noqa: E731 — y of a value
    col = lambda i: round(10 + 80 * (i + 0.5) / max(len(periods), 1), 2)  # noqa: E731 — x (%) of a period
    whole = all(float(v).is_integer() for v in values)
    for tick in (0, top / 2, top) if not whole or top % 2 == 0 else (0, top):  # no half on an axis of counts
        body.append(f'<line x1="0" x2="100%" y1="{at(tick)}" y2="{at(tick)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(0, at(tick) - 3, _short(tick, unit), size=12))
    if target is not None:
        sign = "≥" if higher_is_better else "≤"
        body.append(f'<line class="ck-chart__target" x1="0" x2="100%" y1="{at(target)}" y2="{at(target)}" stroke="{INK}" '
                    f'stroke-width="1.5"/>')
        body.append(_text("100%", at(target) - 4, f"Mục tiêu {sign} {_label(target, unit)}", anchor="end", size=12,
                          weight="bold"))
    for index, (_, vs) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        for i, (v1, v2) in enumerate(zip(vs, vs[1:])):  # a missing value is a gap, not a line across it
            if v1 is not None and v2 is not None:
                body.append(f'<line x1="{col(i)}%" y1="{at(v1)}" x2="{col(i + 1)}%" y2="{at(v2)}" stroke="{colour}" '
                            f'stroke-width="2.5"{_dash(index)}/>')
        for i, v in enumerate(vs):
            if v is not None:
                body.append(f'<circle cx="{col(i)}%" cy="{at(v)}" r="4" fill="{colour}"/>')
    shown = _spread(periods)
    for i, period in enumerate(periods):
        if i in shown:
            body.append(_text(f"{col(i)}%", bottom + LINE, period, anchor="middle", size=12))
    goal = f" Mục tiêu {'≥' if higher_is_better else '≤'} {_label(target, unit)}." if target is not None else ""
    summary = desc or f"Biểu đồ đường: {len(periods)} kỳ.{goal} Số liệu đầy đủ ở bảng bên cạnh."
    return _svg(title, summary, bottom + LINE + 8, body, repr((title, periods, series, target)))


NARROWEST = 288  # px: a chart's width on a 320 px phone


def _spread(periods) -> set[int]:
    """Which periods get a label under the axis: first and last, evenly between, as many as fit on a phone
    without touching (12 px text is about 7 px a character); the table has them all."""
    n = len(periods)
    wide = 7 * max((len(str(p)) for p in periods), default=0) + 10
    for count in range(min(n, 8), 1, -1):
        if NARROWEST * 0.8 * (n - 1) / (count - 1) / n >= wide:
            return {round(k * (n - 1) / (count - 1)) for k in range(count)}
    return {0} if n else set()


def _dash(index: int) -> str:
    pattern = DASHES[index % len(DASHES)]
    return f' stroke-dasharray="{pattern}"' if pattern else ""


def _nice(value: float) -> float:
    """The axis' top: the value rounded up to 1, 2 or 5 times a power of ten."""
    power = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def figure(page_url: str, name: str, title: str, chart: Markup, headers, rows, *, note: str = "") -> Figure:
    """*rows* hold raw values (numbers as numbers, None for missing): the CSV keeps them so, the table
    shows them the Vietnamese way. *page_url* is the page's ("thong-ke/"), *name* the CSV's file stem."""
    shown = tuple(tuple(number(c) if isinstance(c, (int, float)) or c is None else str(c) for c in row) for row in rows)
    raw = [["" if c is None else c for c in row] for row in rows]
    return Figure(name, title, chart, tuple(headers), shown, f"{page_url}{name}.csv", csv_text(headers, raw), note)


def chart_assets(specs) -> dict[str, str]:
    """The CSV file of every figure on the generated pages, by its path in the site."""
    return {f.csv_path: f.csv for spec in specs for f in spec.context.get("figures", {}).values()}
