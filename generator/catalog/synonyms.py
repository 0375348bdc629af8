"""The popular names search knows: the package's list for national procedures, with the site's own.

``popular_names.yaml`` ships with the package: what citizens say at the counter
("sổ đỏ", "làm lại CCCD") and the phrase of the official names it stands for.
A site's ``catalog/synonyms.yaml`` extends it: a site rule whose phrase is a
package rule's phrase (folded) replaces that rule, a word the site gives is
the site's alone, and ``defaults: false`` leaves the package's list out.

The package's file is checked by the tests (tests/test_popular_names.py), not
here: a user's build never fails on a file the user did not write.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from importlib import resources

from generator.catalog import kinds
from generator.catalog.errors import Collector
from generator.catalog.models import Synonym, SynonymList
from generator.catalog.schema import INVALID, Context
from generator.catalog.yamlio import load
from generator.text.vietnamese import fold

PACKAGE_FILE = "popular_names.yaml"  # beside this module


@functools.cache
def package_synonyms() -> tuple[Synonym, ...]:
    """The package's rules, read once; none if the file cannot be read (the tests see that it can)."""
    text = resources.files(__package__).joinpath(PACKAGE_FILE).read_text(encoding="utf-8")
    out = Collector(f"congkhai/{PACKAGE_FILE}")
    raw = load(text, out)
    rules = INVALID if raw is None else kinds.SYNONYMS.check(raw, "", Context(out, {}))
    return () if rules is INVALID else rules.synonyms


def merged_synonyms(site: SynonymList | None) -> tuple[Synonym, ...]:
    """The package's rules the site keeps, then the site's own rules."""
    own = site.synonyms if site is not None else ()
    if site is not None and not site.defaults:
        return tuple(own)
    phrases = {key(rule.means) for rule in own}
    taken = {key(word) for rule in own for word in rule.words}
    kept = []
    for rule in package_synonyms():
        words = tuple(word for word in rule.words if key(word) not in taken)
        if key(rule.means) not in phrases and words:
            kept.append(replace(rule, words=words))
    return (*kept, *own)


def key(text: str) -> str:
    """What two phrases share when they are the same for search: folded words, no punctuation."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))
