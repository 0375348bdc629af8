"""``sitemap.xml`` with each page's own date, and ``robots.txt`` naming it.

The host writes ``sitemap.xml`` (and ``sitemap.xml.gz``) with the build date
for every page; once the pages are written, each ``lastmod`` becomes the date
of the last commit of the file the page is made of: a catalog file for an
entry's page, the Markdown file for a hand-written page, the newest of the
catalog for the pages that list many entries. A file outside git has the
build date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re
from pathlib import Path

from generator.exports.history import newest

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
_URL = re.compile(r"(<url>\s*<loc>)([^<]*)(</loc>)(\s*<lastmod>[^<]*</lastmod>)?")


def page_dates(sources: dict[str, list[str]], dates: dict[str, str], default: str) -> dict[str, str]:
    """Page URL → its date: the newest of its sources' (a file, or a folder ending with "/": its newest file);
    a source without a date has *default*, the build date."""
    folders: dict[str, str] = {}

    def date_of(path: str) -> str:
        if not path.endswith("/"):
            return dates.get(path, default)
        if path not in folders:
            folders[path] = newest(dates, path, default)
        return folders[path]
    return {url: max(map(date_of, paths), default=default) for url, paths in sources.items()}


def rewrite(site_dir: Path, site_url: str | None, lastmod: dict[str, str], default: str) -> bool:
    """Give every page of the host's sitemap its date; False when the host wrote none."""
    path = site_dir / SITEMAP
    if not path.is_file():
        return False
    base = _path_of(site_url or "/")

    def dated(match: re.Match) -> str:
        url = _path_of(html.unescape(match.group(2)))
        page = url[len(base):] if url.startswith(base) else url.lstrip("/")
        return f"{match.group(1)}{match.group(2)}{match.group(3)}\n         <lastmod>{lastmod.get(page, default)}</lastmod>"

    text = _URL.sub(dated, path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    newest = max(lastmod.values(), default=default)
    stamp = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc).timestamp())
    with open(site_dir / (SITEMAP + ".gz"), "wb") as raw, gzip.GzipFile(fileobj=raw, filename=SITEMAP + ".gz", mode="wb", mtime=stamp) as out:
        out.write(text.encode("utf-8"))
    return True


def _path_of(url: str) -> str:
    """The path of an address: "https://a.example/b/" → "/b/"."""
    return re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "", url) or "/"


def write_robots(site_dir: Path, site_url: str | None, has_sitemap: bool) -> None:
    """Every robot may read every page; the sitemap is named when the site has an address. A robots.txt of the
    site's own (in its docs folder, copied by the host) is kept."""
    path = site_dir / ROBOTS
    if path.exists():
        return
    lines = ["User-agent: *", "Allow: /"]
    if site_url and has_sitemap:
        lines += ["", "Sitemap: " + site_url.rstrip("/") + "/" + SITEMAP]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
