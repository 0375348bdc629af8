"""The columns of the CSV files, declared once: the CSV writer, datapackage.json and the /du-lieu/ page use them.

One row per procedure, internal procedure, unit, field, and plan task. The
columns follow the YAML: a value is one column named by its key, a group of
values (``announcement``) one column per value (``announcement_date``), a
list one cell with its items joined by ``SEPARATOR``; the channels one column
per kind of channel and part (``truc_tiep_time``). Lists of records keep
their names in the CSV (a document's name, a form's name, a video's title):
the JSON holds every value.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from generator.catalog import kinds
from generator.catalog.schema import Date, Enum, ListOf, Record, Text
from generator.catalog.statements import OrNone

SEPARATOR = " | "


@dataclass(frozen=True)
class Column:
    name: str
    title: str  # Vietnamese
    description: str
    get: object  # record → str or None
    type: str = "string"  # a Frictionless type: string or date
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    required: bool = False


def columns_of(kind: Record, skip: tuple[str, ...] = (), special: dict | None = None) -> list[Column]:
    """The columns of a record's fields, in their order; *special*: key → the columns of that field."""
    found = []
    for field in kind.fields:
        if field.key in skip:
            continue
        if special and field.key in special:
            found += special[field.key]
        else:
            found += _field_columns(field, field.key, _title(field.label), _key(field.key))
    return found


def _field_columns(field, name: str, title: str, get) -> list[Column]:
    kind = field.kind
    if isinstance(kind, Record):
        return [column for sub in kind.fields
                for column in _field_columns(sub, f"{name}_{sub.key}", f"{title}: {sub.label}", _within(get, sub.key))]
    if isinstance(kind, (ListOf, OrNone)):
        return _list_columns(field, name, title, get)
    described = _title(field.label) + "." + _choices(kind) + _NOTES.get(field.key, "")
    return [Column(name, title, described, get, "date" if isinstance(kind, Date) else "string",
                   tuple(kind.choices) if isinstance(kind, Enum) else (), _pattern(kind), field.required)]


def _list_columns(field, name: str, title: str, get) -> list[Column]:
    """A list in one cell; a list of records by the first value of each (its name or title); a part stated to be
    absent ({none: ...}) in a column of its own, "<name>_none"."""
    items = field.kind.items if isinstance(field.kind, OrNone) else field.kind
    first = _naming(items.item) if isinstance(items.item, Record) else None
    what = f"{first.label} của từng mục" if first else "các mục"
    described = f"{_title(field.label)}: {what}, cách nhau bởi “{SEPARATOR.strip()}”." + _choices(items.item) + _NOTES.get(field.key, "")
    columns = [Column(name, title, described, _joined(get, first.key if first else None))]
    if isinstance(field.kind, OrNone):
        columns.append(Column(f"{name}_none", f"{title}: không có", f"Câu ghi rõ thủ tục không có {field.label} "
                              f"(ví dụ: {field.kind.example}); khi đó cột {name} để trống.", _stated(get)))
    return columns


def _naming(kind: Record):
    """The field that names a record of a list: its name, title or text, else its first."""
    return next((f for f in kind.fields if f.key in ("name", "title", "text")), kind.fields[0])


def channel_columns() -> list[Column]:
    """One column per kind of channel and part: several channels of one kind are joined."""
    columns = []
    for kind, label in kinds.CHANNELS.items():
        for part in kinds.CHANNEL.fields[1:]:
            name = f"{kind.replace('-', '_')}_{part.key}"
            columns.append(Column(name, f"{label}: {part.label}", f"{_title(part.label)} khi nộp theo cách “{label}”; "
                                  f"trống khi thủ tục không có cách này.", _channel(kind, part.key)))
    return columns


# what a value refers to: a key of another table
_UNIT, _FIELD = " Là mã đơn vị: cột id của don-vi.csv.", " Là mã lĩnh vực: cột id của linh-vuc.csv."
_NOTES = {"code": " Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193.", "owner": _UNIT, "parent": _UNIT,
          "successors": _UNIT, "units": _UNIT, "issuer": _UNIT, "unit": _UNIT, "field": _FIELD, "fields": _FIELD,
          "replaced_by": " Là mã thủ tục: cột code của thu-tuc.csv.", "kinds": " Mọi đơn vị loại này cùng thực hiện."}


def _title(label: str) -> str:
    return label[:1].upper() + label[1:]


def _choices(kind) -> str:
    if isinstance(kind, Enum):
        return " Giá trị: " + "; ".join(f"{key} = {label}" for key, label in kind.choices.items()) + "."
    return ""


def _pattern(kind) -> str | None:
    return kind.pattern if isinstance(kind, Text) and kind.pattern else None


def _key(key: str):
    return itemgetter(key)  # a record has every key of its kind


def _within(get, key: str):
    def value(record):
        group = get(record)
        return None if group is None else group.get(key)
    return value


def _joined(get, key: str | None):
    def value(record):
        items = get(record)
        if not items or isinstance(items, dict):  # absent, or stated to be absent
            return None
        return SEPARATOR.join(item[key] for item in items) if key else SEPARATOR.join(items)
    return value


def _stated(get):
    def value(record):
        items = get(record)
        return items["none"] if isinstance(items, dict) else None
    return value


def _channel(kind: str, part: str):
    def value(record):
        found = [channel[part] or "" for channel in record["channels"] if channel["kind"] == kind]
        return SEPARATOR.join(found) if any(found) else None
    return value
