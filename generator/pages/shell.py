"""The theme's page around generated pages, rendered once and filled many times.

Generated pages are never in the navigation, so the theme writes the same
page around each of them but for four values: the title, the description,
the canonical address and the content; and for its relative links, which
are the same for the pages of one folder, and for the folders of one depth
where they lead to the same places. The first generated page of a kind is
rendered by the theme with marks in place of the values; that output, cut at
the marks, is a shell, and every page it fits is the shell filled with its
own values, without the theme. Values are escaped here: the theme does not
escape them.
"""

from __future__ import annotations

import html
import posixpath
import re

from generator.text.html import collapse_space

TITLE = "CK-TITLE-5e2f9a"
DESCRIPTION = "CK-DESCRIPTION-5e2f9a"
CANONICAL = "CK-CANONICAL-5e2f9a"
CONTENT = "CK-CONTENT-5e2f9a"
READY = "CK-SHELL-5e2f9a"  # what the theme writes for a page whose shell is known: the plugin fills it
_MARKS = re.compile(f"({TITLE}|{DESCRIPTION}|{CANONICAL}|{CONTENT})")

# Chosen for every generated page: the theme renders only when no shell fits the page yet.
TEMPLATE_NAME = "congkhai-generated.html"
TEMPLATE = '{%- if ck_shell_ready -%}' + READY + '{%- else -%}{% extends "main.html" %}{%- endif -%}'


class Shells:
    def __init__(self):
        self.by_folder: dict[tuple, _Shell] = {}
        self.by_depth: dict[tuple, list[_Shell]] = {}

    @staticmethod
    def kind(url: str, description: str, canonical: str | None) -> tuple:
        """The theme leaves out an empty description or canonical address: pages share a shell only with
        pages that have both or lack the same ones."""
        return url.count("/"), bool(description), canonical is not None

    def ready(self, url: str, kind: tuple | None) -> bool:
        return kind is not None and self._find(url, kind) is not None

    def _find(self, url: str, kind: tuple) -> _Shell | None:
        folder = (url.rstrip("/").rpartition("/")[0], kind)
        shell = self.by_folder.get(folder)
        if shell is None:
            shell = next((s for s in self.by_depth.get(kind, ()) if s.fits(url)), None)
            if shell is not None:
                self.by_folder[folder] = shell
        return shell

    def page(self, url: str, kind: tuple | None, output: str, values: dict[str, str | None]) -> str:
        """The whole page: *output* is what the theme wrote, READY or a page with marks; a page of no *kind*
        (one in the navigation, whose theme lines are its own) is never a shell."""
        if output == READY:
            shell = self._find(url, kind)
        else:
            shell = None if kind is None else self._learn(url, kind, output, values[CONTENT])
        filled = {TITLE: _attr(values[TITLE]), DESCRIPTION: _attr(values[DESCRIPTION]),
                  CANONICAL: _attr(values[CANONICAL]), CONTENT: collapse_space(values[CONTENT].strip())}
        if shell is None:  # a theme whose page holds the content twice, or not at all: no shell, only marks
            return collapse_space(_MARKS.sub(lambda m: filled[m.group(0)], output))
        return "".join(filled[part] if index % 2 else part for index, part in enumerate(shell.parts))

    def _learn(self, url: str, kind: tuple, output: str, content: str) -> _Shell | None:
        start = output.find(content)
        if not content or start < 0 or output.find(content, start + 1) >= 0:
            return None
        marked = output[:start] + CONTENT + output[start + len(content):]
        parts = [part if index % 2 else collapse_space(part) for index, part in enumerate(_MARKS.split(marked))]
        links = tuple(sorted({link for part in parts[::2] for link in _LINK.findall(part) if not _ABSOLUTE.match(link)}))
        shell = _Shell(parts, links, tuple(_resolve(url, link) for link in links))
        own = "/" + url
        if any(target + "/" == own or target.startswith(own) for target in shell.targets):
            return shell  # it links to this very page ("./"): good for this page only
        self.by_folder[(url.rstrip("/").rpartition("/")[0], kind)] = shell
        self.by_depth.setdefault(kind, []).append(shell)
        return shell


_LINK = re.compile(r'(?:href|src|action)="([^"]*)"')
_ABSOLUTE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/|#")  # another host, mailto:, data:, a path from the root, this page


class _Shell:
    def __init__(self, parts: list[str], links: tuple[str, ...], targets: tuple[str, ...]):
        self.parts, self.links, self.targets = parts, links, targets

    def fits(self, url: str) -> bool:
        """Its relative links lead from *url* where they led from the page it was made of."""
        return all(_resolve(url, link) == target for link, target in zip(self.links, self.targets))


def _resolve(url: str, link: str) -> str:
    return posixpath.normpath(posixpath.join("/" + url, link.split("#")[0].split("?")[0]))


def _attr(value: str | None) -> str:
    return html.escape(value or "", quote=True)
