"""The first paint needs the HTML alone: the stylesheets load without blocking it.

On a phone's slow network every request costs a round trip (2 s under Chrome's
"Slow 3G"), and a stylesheet linked in the head holds back the first paint
until it has arrived. So the theme (main.html) hands the stylesheets it links
to ``head``, which writes

* one inline ``<style>`` with the rules the first screen needs, taken from those
  very stylesheets: the header, tabs, banner, grid and the content's type, for
  this site's palette, without print, right-to-left, hover or focus rules, and
  only the custom properties those rules use;
* the same links, loaded without blocking (``media="print"``, switched to all once
  loaded), so that the full sheets stay one cacheable file each;
* a ``<noscript>`` copy of the links, for browsers without JavaScript.

The inline rules are a subset of the full sheets and come before them: once the
sheets have loaded, every element is styled exactly as if they had blocked.
"""

from __future__ import annotations

import functools
import re

import jinja2
from markupsafe import Markup

# The parts of the first screen: Material's components by class prefix, and all of ours.
FIRST_SCREEN = ("md-banner", "md-container", "md-content", "md-copyright", "md-dialog", "md-ellipsis", "md-footer", "md-grid", "md-header",
                "md-icon", "md-logo", "md-main", "md-nav", "md-overlay", "md-sidebar", "md-skip", "md-source", "md-tabs", "md-toggle",
                "md-typeset", "ck-")
# Selectors that style what the first paint cannot show: states, other writing directions, elements further down,
# the repository's stars and forks (never fetched: partials/source.html).
_LATER = re.compile(r":(hover|focus|active|checked|target|visited)|:-|::-|::selection|::placeholder|\[dir=rtl\]|md-source__fact"
                    r"|(?<![\w.#-])(pre|code|kbd|mark|del|ins|abbr|blockquote|figure|figcaption|iframe|video|audio)(?![\w-])")
_COLOR = re.compile(r"\[data-md-color-(scheme|primary|accent)=[\"']?([\w-]+)")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
_VAR = re.compile(r"var\((--[\w-]+)")
_COMMENT = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')|/\*.*?\*/", re.S)  # a string (kept) or a comment
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"\s*/?>')
_DROPPED_AT = ("@media print", "@page", "@font-face", "@keyframes", "@-webkit-keyframes", "@charset", "@import")


@jinja2.pass_environment
def head(env: jinja2.Environment, links: str, palette=None) -> Markup:
    """*links*, the HTML of the theme's stylesheet links, as inline first-screen rules, the same links loaded
    without blocking, and a ``<noscript>`` copy of them. A link the theme's loader cannot read stays as it was."""
    sheets, readable = [], []
    for href in _STYLESHEET.findall(links):
        source = _theme_file(env, href)
        if source is not None:
            sheets.append(source)
            readable.append(href)
    if not sheets:
        return Markup(links)
    rules = first_screen(tuple(sheets), _colors(palette))
    later = _STYLESHEET.sub(lambda m: _deferred(m) if m[1] in readable else m[0], links)
    blocking = "".join(f'<link rel="stylesheet" href="{href}">' for href in readable)
    return Markup(f"<style>{rules}</style>{later}<noscript>{blocking}</noscript>")


def _deferred(link: re.Match) -> str:
    return f'<link rel="stylesheet" href="{link[1]}" media="print" onload="this.media=\'all\'">'


def _theme_file(env: jinja2.Environment, href: str) -> str | None:
    """The text of a stylesheet of the theme, by its link from any page: "../../assets/x.css", or from the
    site's root on the page for a missing address ("/assets/x.css", "/sub/folder/assets/x.css")."""
    if re.match(r"[a-z][a-z0-9+.-]*:|//", href, re.I):
        return None
    parts = [part for part in href.split("?")[0].split("#")[0].split("/") if part not in ("", ".", "..")]
    for start in range(len(parts)):
        try:
            return env.loader.get_source(env, "/".join(parts[start:]))[0]
        except jinja2.TemplateNotFound:
            continue
    return None


def _colors(palette) -> frozenset:
    """The (attribute, value) pairs a page's body can carry for the site's palette (base.html's defaults)."""
    entries = palette if isinstance(palette, (list, tuple)) else [palette] if palette else []
    found = set()
    for entry in entries:
        for name, default in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo")):
            found.add((name, str(entry.get(name) or default).replace(" ", "-")))
    return frozenset(found)


@functools.lru_cache(maxsize=8)
def first_screen(sheets: tuple[str, ...], colors: frozenset = frozenset()) -> str:
    """The rules of *sheets* that style the first screen, with the custom properties they use, minified as given."""
    rules = [rule for sheet in sheets for rule in _kept(_blocks(_COMMENT.sub(lambda m: m[1] or "", sheet)), colors)]
    used = _used_properties(rules)
    css = "".join(_write(rule, used) for rule in rules)
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)  # never closes the <style> element ("\/" is "/" in CSS)


def _kept(blocks: list[tuple[str, str | None]], colors: frozenset) -> list:
    """The rules of *blocks* worth a first paint: (selector list, declarations) or (at-rule prelude, inner rules)."""
    kept = []
    for prelude, body in blocks:
        if body is None or prelude.lower().startswith(_DROPPED_AT):
            continue
        if prelude.startswith("@"):
            inner = _kept(_blocks(body), colors) if prelude.startswith(("@media", "@supports")) else []
            if inner:
                kept.append((prelude, inner))
            continue
        selectors = [s for s in _split(prelude, ",") if _first_screen_selector(s, colors)]
        if selectors:
            kept.append((",".join(selectors), _split(body, ";")))
    return kept


def _first_screen_selector(selector: str, colors: frozenset) -> bool:
    if _LATER.search(selector):
        return False
    if any((name, value) not in colors for name, value in _COLOR.findall(selector)):
        return False
    return all(name.startswith(FIRST_SCREEN) for name in _CLASS.findall(_NOT.sub("", selector)))


def _used_properties(rules: list) -> set[str]:
    """The custom properties the kept rules use, and those that these use in turn."""
    declared: dict[str, list[str]] = {}
    wanted: list[str] = []
    for declaration in _declarations(rules):
        name, _, value = declaration.partition(":")
        if name.strip().startswith("--"):
            declared.setdefault(name.strip(), []).append(value)
        else:
            wanted += _VAR.findall(value)
    used: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name not in used:
            used.add(name)
            wanted += [inner for value in declared.get(name, ()) for inner in _VAR.findall(value)]
    return used


def _declarations(rules: list):
    for head, body in rules:
        if head.startswith("@"):
            yield from _declarations(body)
        else:
            yield from body


def _write(rule: tuple, used: set[str]) -> str:
    head, body = rule
    if head.startswith("@"):
        inner = "".join(_write(r, used) for r in body)
        return f"{head}{{{inner}}}" if inner else ""
    kept = [d for d in body if d.strip() and (not d.strip().startswith("--") or d.partition(":")[0].strip() in used)]
    return f"{head}{{{';'.join(kept)}}}" if kept else ""


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """The top-level statements of *css*: (prelude, body) for a block, (statement, None) for one ending in ';'."""
    found, start, depth, open_at = [], 0, 0, 0
    for index, char in _scan(css):
        if char == "{":
            if depth == 0:
                open_at = index
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                found.append((css[start:open_at].strip(), css[open_at + 1:index]))
                start = index + 1
        elif char == ";" and depth == 0:
            found.append((css[start:index].strip(), None))
            start = index + 1
    return found


def _split(text: str, separator: str) -> list[str]:
    """*text* cut at *separator* outside strings, brackets and parentheses."""
    parts, start, depth = [], 0, 0
    for index, char in _scan(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


def _scan(css: str):
    """(index, character) of *css*, without comments, outside strings."""
    index, end = 0, len(css)
    while index < end:
        char = css[index]
        if char in "\"'":
            index += 1
            while index < end and css[index] != char:
                index += 2 if css[index] == "\\" else 1
        else:
            yield index, char
        index += 1
