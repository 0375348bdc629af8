"""The catalog's values: frozen dataclasses built from validated YAML.

Official text is kept word for word as strings; lists are tuples. What a
field means and which values it takes is declared once, in ``schema.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _default

LISTED_STATUSES = ("active", "amended")


class NoneStated(tuple):
    """A legal part the file states, in its own words, that the procedure does not have ("documents:
    {none: "Không phải nộp hồ sơ."}"). It is an empty tuple to code that counts or loops over the part,
    and carries the sentence to publish; a template never invents that sentence."""

    text: str

    def __new__(cls, text: str):
        stated = super().__new__(cls)
        stated.text = text
        return stated

    def __eq__(self, other):
        return isinstance(other, NoneStated) and other.text == self.text

    def __hash__(self):
        return hash(("NoneStated", self.text))

    def __repr__(self):
        return f"NoneStated({self.text!r})"


@dataclass(frozen=True)
class License:
    name: str
    url: str | None = None
    spdx: str | None = None


@dataclass(frozen=True)
class Video:
    """A video guide: a file kept in the catalog (with captions, a poster), or a video page elsewhere (url)."""

    title: str
    file: str | None = None
    captions: str | None = None
    poster: str | None = None
    url: str | None = None
    duration: str | None = None


@dataclass(frozen=True)
class Site:
    title: str
    authority: str
    notice: str | None = None
    popular: tuple[str, ...] = ()
    petition_portal: str | None = None
    review_months: str | None = None
    media_max_mb: str | None = None  # above it, validate warns of a media file (default 50)
    license: License | None = None  # of the open data (/du-lieu/)
    path: str = ""


@dataclass(frozen=True)
class Field:
    id: str
    name: str
    sector: str | None = None
    videos: tuple[Video, ...] = ()


@dataclass(frozen=True)
class FieldList:
    fields: tuple[Field, ...]
    path: str = ""


@dataclass(frozen=True)
class Synonym:
    words: tuple[str, ...]
    means: str


@dataclass(frozen=True)
class SynonymList:
    synonyms: tuple[Synonym, ...] = ()
    path: str = ""
    defaults: bool = True  # False: the package's popular names (generator/catalog/popular_names.yaml) are left out


@dataclass(frozen=True)
class Phone:
    number: str
    label: str | None = None


@dataclass(frozen=True)
class Counter:
    id: str
    name: str
    address: str | None = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Petition:
    address: str | None = None
    postal_address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str
    level: str
    short_name: str | None = None
    parent: str | None = None
    address: str | None = None
    postal_address: str | None = None
    phones: tuple[Phone, ...] = ()
    email: str | None = None
    website: str | None = None
    opening_hours: str | None = None
    counters: tuple[Counter, ...] = ()
    petition: Petition | None = None
    maintainers: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    successors: tuple[str, ...] = ()
    contact_note: str | None = None
    videos: tuple[Video, ...] = ()
    path: str = ""

    def active_on(self, day: str) -> bool:
        """True unless the unit ended before *day* (ISO dates compare as text)."""
        return self.valid_to is None or self.valid_to >= day

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Implementing:
    units: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    name: str
    originals: str | None = None
    copies: str | None = None
    form: str | None = None


@dataclass(frozen=True)
class Channel:
    kind: str
    time: str | None = None
    fee: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Form:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class OnlineService:
    level: str
    url: str | None = None


@dataclass(frozen=True)
class Announcement:
    decision: str
    date: str | None = None
    issuer: str | None = None
    kind: str | None = None
    effective: str | None = None


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    owner: str
    field: str
    levels: tuple[str, ...]
    implementing: Implementing
    steps: tuple[str, ...]
    channels: tuple[Channel, ...]
    result: str
    local_code: str | None = None
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    competent_authority: str | None = None
    documents: tuple[Document, ...] = ()
    requirements: str | None = None
    forms: tuple[Form, ...] = ()
    legal_basis: tuple[str, ...] = ()
    online_service: OnlineService | None = None
    announcement: Announcement | None = None
    status: str = "active"
    replaced_by: str | None = None
    source_ref: str | None = None
    reviewed_on: str | None = None
    videos: tuple[Video, ...] = ()
    path: str = ""

    @property
    def listed(self) -> bool:
        return self.status in LISTED_STATUSES


@dataclass(frozen=True)
class Internal:
    id: str
    name: str
    owner: str
    steps: tuple[str, ...]
    field: str | None = None
    scope: str | None = None
    implementing: Implementing = _default(default_factory=Implementing)
    documents: tuple[Document, ...] = ()
    time: str | None = None
    result: str | None = None
    legal_basis: tuple[str, ...] = ()
    announcement: Announcement | None = None
    status: str = "active"
    path: str = ""

    @property
    def listed(self) -> bool:
        return self.status in LISTED_STATUSES


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Party:
    text: str
    unit: str | None = None


@dataclass(frozen=True)
class Task:
    id: str
    section: str
    content: str
    lead: tuple[Party, ...] = ()
    number: str | None = None
    partners: tuple[Party, ...] = ()
    time_text: str | None = None
    start_text: str | None = None
    end_text: str | None = None
    output: str | None = None
    legal_basis: str | None = None
    status: str | None = None
    targets: tuple = ()  # report_models.Target


@dataclass(frozen=True)
class Plan:
    id: str
    number: str
    title: str
    year: str
    issuer: str
    owner: str
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]
    date: str | None = None
    date_text: str | None = None
    summary: str | None = None
    source_ref: str | None = None
    targets: tuple = ()  # report_models.Target
    path: str = ""
