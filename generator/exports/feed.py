"""Atom feeds of changes: procedures announced (new, amended, replaced, abolished) by the dates of their
decisions, and plans by the dates they were issued; one for the site, one per unit.

An entry's id is a tag URI made of the site's address, the date and the page
(``tag:congkhai.example,2025-07-01:thu-tuc/1.001193/moi``): the same change
keeps its id from build to build, and a later decision about the same
procedure is a new entry. Every date is the catalog's, at 00:00 Vietnam time,
so a feed changes only when the catalog does. Entries link to their pages.
"""

from __future__ import annotations

import heapq
import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from generator.catalog import kinds
from generator.pages.render import date_vi

SITE_FEED = "du-lieu/thay-doi.xml"
UNIT_FEED = "du-lieu/thay-doi/{}.xml"
SITE_ENTRIES = 100  # the newest changes a feed holds; the whole history is in the JSON and CSV
UNIT_ENTRIES = 20  # a commune's feed repeats most of its neighbours': 333 of them weigh 4 MB at 10,000 procedures
ZONE = "T00:00:00+07:00"
_TAG_YEAR = "2025"  # a feed's tag id, for a site with no address: a date under the made-up name
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    date: str  # YYYY-MM-DD
    order: str  # among entries of one date
    item: object  # the procedure or plan: its XML is written only if a feed holds it (feed.entry_xml)


class Feeds:
    def __init__(self, catalog, relations, site_url: str | None, build_date: str):
        self.catalog, self.rel, self.build_date = catalog, relations, build_date
        self.base = site_url.rstrip("/") + "/" if site_url else None
        parts = urlsplit(site_url or "")
        self.tag = f"tag:{parts.hostname or catalog.site.authority + '.invalid'},"  # a name no one else mints under
        self.path = parts.path.lstrip("/")
        entries = [Entry(p.announcement.date, p.code, p) for p in catalog.procedures.values()
                   if p.announcement and p.announcement.date]
        entries += [Entry(plan.date, "~" + plan.id, plan) for plan in catalog.plans.values() if plan.date]
        self.entries = sorted(entries, key=lambda e: (e.date, e.order), reverse=True)
        self.rank = {e.order: place for place, e in enumerate(self.entries)}  # newest first
        self.xml: dict[str, str] = {}  # an entry's XML, written once however many feeds hold it

    def site_feed(self) -> tuple[str, str]:
        title = "Thay đổi trong danh mục — " + self.catalog.site.title
        return SITE_FEED, self._feed(SITE_FEED, title, self.entries[:SITE_ENTRIES])

    def unit_feeds(self):
        """(path, feed) of every unit: the changes of the procedures it handles or maintains, and of its plans."""
        for unit_id, ranks in self._ranks_by_unit().items():
            unit = self.catalog.units[unit_id]
            path = UNIT_FEED.format(unit_id)
            newest = [self.entries[place] for place in heapq.nsmallest(UNIT_ENTRIES, set(itertools.chain(*ranks)))]
            yield path, self._feed(path, "Thay đổi về thủ tục của " + unit.name, newest)

    def _ranks_by_unit(self) -> dict[str, list]:
        """The places of each unit's entries, in groups: the procedures handled by every unit of a kind share
        one list of handlers, so a commune takes the commune-level group whole instead of entry by entry."""
        groups: dict[int, tuple[list, list]] = {}
        mine: dict[str, list] = {unit_id: [[]] for unit_id in self.catalog.units}
        for code, handlers in self.rel.handlers.items():
            place = self.rank.get(code)
            if place is not None:
                groups.setdefault(id(handlers), (handlers, []))[1].append(place)
                mine[self.catalog.procedures[code].owner][0].append(place)
        for handlers, places in groups.values():
            for unit in handlers:
                mine[unit.id].append(places)
        for plan in self.catalog.plans.values():
            if "~" + plan.id in self.rank:
                for unit_id in {plan.issuer, plan.owner}:
                    mine[unit_id][0].append(self.rank["~" + plan.id])
        return mine

    def _feed(self, path: str, title: str, newest: list[Entry]) -> str:
        updated = (newest[0].date if newest else self.build_date) + ZONE
        authority = self.catalog.units.get(self.catalog.site.authority)
        head = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
            f"<id>{_text(self._url(path, path) if self.base else self.tag + _TAG_YEAR + ':' + self.path + path)}</id>",
            f"<title>{_text(title)}</title>",
            f"<updated>{updated}</updated>",
            f"<author><name>{_text(authority.name if authority else self.catalog.site.title)}</name></author>",
            f'<link rel="self" type="application/atom+xml" href={_attr(self._url(path, path))}/>',
            f'<link rel="alternate" type="text/html" href={_attr(self._url(path, ""))}/>',
        ]
        entries = [self._entry_xml(entry).replace(_PAGE_MARK, self._back(path)) for entry in newest]
        return "\n".join(head + entries + ["</feed>", ""])

    def _url(self, feed: str, target: str) -> str:
        return self.base + target if self.base else self._back(feed) + target

    @staticmethod
    def _back(feed: str) -> str:
        return "../" * feed.count("/")

    def _entry_xml(self, entry: Entry) -> str:
        if entry.order not in self.xml:
            item = entry.item
            self.xml[entry.order] = self._plan(item) if entry.order.startswith("~") else self._procedure(item)
        return self.xml[entry.order]

    def _procedure(self, p) -> str:
        announcement = p.announcement
        kind = announcement.kind or "cong-bo"
        label = _HEADINGS.get(p.status) or _HEADINGS.get(announcement.kind, "công bố")
        field = self.catalog.fields.get(p.field)
        summary = [f"Mã thủ tục {p.code}", f"lĩnh vực {field.name}" if field else "",
                   f"{announcement.decision} ngày {date_vi(announcement.date)}", "tình trạng: " + kinds.STATUSES[p.status]]
        summary += [f"thay thế thủ tục mã {old.code}" for old in self.rel.replaces.get(p.code, ())]
        if p.replaced_by:
            summary.append("được thay thế bằng thủ tục mã " + p.replaced_by)
        return self._xml(f"thu-tuc/{p.code}/", kind, announcement.date, f"{label.capitalize()}: {p.name}",
                         "; ".join(s for s in summary if s) + ".", (kind, label))

    def _plan(self, plan) -> str:
        summary = f"{plan.number} ngày {date_vi(plan.date)}, {len(plan.tasks)} nhiệm vụ."
        return self._xml(f"ke-hoach/{plan.id}/", "ban-hanh", plan.date, "Kế hoạch mới: " + plan.title, summary,
                         ("ke-hoach", "kế hoạch"))

    def _xml(self, page: str, what: str, date: str, title: str, summary: str, category) -> str:
        href = self.base + page if self.base else _PAGE_MARK + page
        return "\n".join([
            "<entry>",
            f"<id>{_text(f'{self.tag}{date}:{self.path}{page}{what}')}</id>",
            f"<title>{_text(title)}</title>",
            f'<link rel="alternate" type="text/html" href={_attr(href)}/>',
            f"<published>{date}{ZONE}</published>",
            f"<updated>{date}{ZONE}</updated>",
            f"<category term={_attr(category[0])} label={_attr(category[1])}/>",
            f"<summary>{_text(summary)}</summary>",
            "</entry>",
        ])


# an entry's heading: what happened to the procedure, by its status when it left the lists, else by the decision
_HEADINGS = {"replaced": "đã được thay thế", "abolished": "bãi bỏ", "moi": "công bố mới", "sua-doi": "sửa đổi, bổ sung",
             "thay-the": "công bố thay thế"}
_PAGE_MARK = "@@CK-PAGE-5e2f9a@@"  # where a relative link starts, filled per feed (its folder sets the "../")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))
