"""The catalog as plain values: one dict per entry, with the keys and values of its YAML file.

Every format (JSON, CSV, JSON-LD, the feeds) is made of these records, so they
agree. A record has every key its kind declares (``kinds.py``), in the same
order: an absent value is ``None``, an absent list empty (lists of text stay
the model's tuples, which JSON writes as arrays); codes and numbers stay the
strings typed; a legal part stated to be absent keeps its statement
(``{"none": "Không phải nộp hồ sơ."}``), as in the file. Each record adds
``url``, the address of its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from generator.catalog import kinds
from generator.catalog.models import NoneStated
from generator.catalog.schema import ListOf, Record
from generator.catalog.statements import OrNone


@dataclass(frozen=True)
class Dataset:
    name: str  # its files: /du-lieu/<name>.json, .csv, .schema.json
    title: str
    description: str
    kind: Record  # the kind of its entries
    folder: str  # where its files are, in the catalog: when it last changed
    page: str  # the URL of an entry's page, from its id
    key: str  # the key that names an entry


DATASETS = (
    Dataset("thu-tuc", "Thủ tục hành chính",
            "Mọi thủ tục hành chính đã công bố, kể cả thủ tục đã bị bãi bỏ hoặc đã được thay thế (trường status).",
            kinds.PROCEDURE, "procedures", "thu-tuc/{}/", "code"),
    Dataset("thu-tuc-noi-bo", "Thủ tục hành chính nội bộ",
            "Các thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước, kể cả thủ tục đã bãi bỏ.",
            kinds.INTERNAL, "internal", "thu-tuc-noi-bo/{}/", "id"),
    Dataset("don-vi", "Cơ quan, đơn vị",
            "Các cơ quan, đơn vị: địa chỉ, điện thoại, giờ làm việc, Bộ phận Một cửa, nơi tiếp nhận phản ánh, kiến nghị; "
            "kể cả đơn vị đã kết thúc hoạt động (trường valid_to).", kinds.UNIT, "units", "don-vi/{}/", "id"),
    Dataset("ke-hoach", "Kế hoạch kiểm soát thủ tục hành chính",
            "Các kế hoạch kiểm soát thủ tục hành chính và từng nhiệm vụ trong phụ lục của kế hoạch.",
            kinds.PLAN, "plans", "ke-hoach/{}/", "id"),
    Dataset("linh-vuc", "Lĩnh vực", "Các lĩnh vực dùng để phân loại thủ tục.", kinds.FIELD, "fields.yaml", "linh-vuc/{}/", "id"),
)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}


def catalog_records(catalog, site_url: str | None) -> dict[str, list[dict]]:
    """Every dataset's records, each sorted by its id: listed and unlisted entries alike."""
    entries = {"thu-tuc": catalog.procedures, "thu-tuc-noi-bo": catalog.internals, "don-vi": catalog.units,
               "ke-hoach": catalog.plans, "linh-vuc": catalog.fields}
    result = {}
    for dataset in DATASETS:
        convert = converter(dataset.kind)
        result[dataset.name] = [
            {**convert(model), "url": page_url(site_url, dataset.page.format(key))}
            for key, model in sorted(entries[dataset.name].items())
        ]
    return result


def page_url(site_url: str | None, path: str) -> str:
    """A page's address: absolute under the site's address, else its path from the site's root."""
    return site_url.rstrip("/") + "/" + path if site_url else path


def site_record(site) -> dict:
    return converter(kinds.SITE)(site)


_CONVERTERS: dict[int, object] = {}


def converter(kind):
    """A function from a catalog value of *kind* to plain values, made once per kind; None for a value that is
    plain already."""
    if id(kind) not in _CONVERTERS:
        _CONVERTERS[id(kind)] = _make(kind)
    return _CONVERTERS[id(kind)]


def _make(kind):
    if isinstance(kind, Record):
        return _record(kind)
    if isinstance(kind, ListOf):
        item = converter(kind.item)
        return None if item is None else (lambda values: [item(v) for v in values])
    if isinstance(kind, OrNone):
        items = converter(kind.items) or list
        return lambda value: {"none": value.text} if isinstance(value, NoneStated) else items(value)
    return None  # text, dates, links, choices: the string typed, as it is


def _record(kind: Record):
    """Values that need no conversion (text, lists of text: JSON writes a tuple as a list) are taken in one call;
    the nested ones are converted."""
    keys = [f.key for f in kind.fields]
    get = attrgetter(*(f.name for f in kind.fields))
    nested = [(f.key, converter(f.kind)) for f in kind.fields if converter(f.kind) is not None]

    def record(model) -> dict:
        values = dict(zip(keys, get(model)))
        for key, convert in nested:
            value = values[key]
            if value is not None:
                values[key] = convert(value)
        return values
    return record
