"""The theme's page around generated pages, rendered once per folder.

Generated pages are never in the navigation, so the theme writes the same
page around each of them but for four values: the title, the description,
the canonical address and the content. Its relative links are the same for
the pages of one folder. The first generated page of a folder is rendered by
the theme with marks in place of those values; that output, cut at the
marks, is the folder's shell, and every other page of the folder is the
shell filled with its own values, without the theme. Values are escaped
here: the theme does not escape them.
"""

from __future__ import annotations

import html
import re

TITLE = "CK-TITLE-5e2f9a"
DESCRIPTION = "CK-DESCRIPTION-5e2f9a"
CANONICAL = "CK-CANONICAL-5e2f9a"
CONTENT = "CK-CONTENT-5e2f9a"
READY = "CK-SHELL-5e2f9a"  # what the theme writes for a page whose shell is known: the plugin fills it
_MARKS = re.compile(f"({TITLE}|{DESCRIPTION}|{CANONICAL}|{CONTENT})")
_INDENT = re.compile(r"\n\s+")

# Chosen for every generated page: the theme renders only when the folder's shell is not known yet.
TEMPLATE_NAME = "congkhai-generated.html"
TEMPLATE = '{%- if ck_shell_ready -%}' + READY + '{%- else -%}{% extends "main.html" %}{%- endif -%}'


def collapse_space(text: str) -> str:
    """Drop the templates' indentation and blank lines: generated pages hold no <pre> or <textarea>."""
    return _INDENT.sub("\n", text)


class Shells:
    def __init__(self):
        self.known: dict[tuple, list[str]] = {}

    @staticmethod
    def key(url: str, description: str, canonical: str | None) -> tuple:
        """Pages share a shell when they are in one folder ("thu-tuc/1.001193/" → "thu-tuc") and the theme
        writes the same lines for them: it leaves out an empty description or canonical address."""
        return url.rstrip("/").rpartition("/")[0], bool(description), canonical is not None

    def ready(self, key: tuple | None) -> bool:
        return key is not None and key in self.known

    def page(self, key: tuple | None, output: str, values: dict[str, str | None]) -> str:
        """The whole page: *output* is what the theme wrote, READY or a page with marks; a page with no *key*
        (one in the navigation, whose theme lines are its own) is never a shell."""
        if output == READY:
            shell = self.known[key]
        else:
            shell = None if key is None else self._learn(key, output, values[CONTENT])
        filled = {TITLE: _attr(values[TITLE]), DESCRIPTION: _attr(values[DESCRIPTION]),
                  CANONICAL: _attr(values[CANONICAL]), CONTENT: collapse_space(values[CONTENT].strip())}
        if shell is None:  # a theme whose page holds the content twice, or not at all: no shell, only marks
            return collapse_space(_MARKS.sub(lambda m: filled[m.group(0)], output))
        return "".join(filled[part] if index % 2 else part for index, part in enumerate(shell))

    def _learn(self, key: tuple, output: str, content: str) -> list[str] | None:
        start = output.find(content)
        if not content or start < 0 or output.find(content, start + 1) >= 0:
            return None
        marked = output[:start] + CONTENT + output[start + len(content):]
        shell = [part if index % 2 else collapse_space(part) for index, part in enumerate(_MARKS.split(marked))]
        self.known[key] = shell
        return shell


def _attr(value: str | None) -> str:
    return html.escape(value or "", quote=True)
