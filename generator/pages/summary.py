"""What a procedure's page and counter slide show first, and where a petition about it goes.

A citizen on a phone reads the answer before the legal detail: what to bring,
where to submit, how long and how much by channel (a value that several
channels share, shown once), the online service. Templates show these values;
this module computes them.
"""

from __future__ import annotations

from generator.catalog import kinds

PICK_LISTED = 40  # units of a kind listed on a procedure's page to pick one's own from; above, a link to the list


def kind_anchor(kind: str) -> str:
    """The anchor of a kind of unit's group on the petition page."""
    return f"loai-{kind}"


def kind_label(kind: str) -> str:
    """"Sở, ban, ngành": a kind of unit's name as a heading."""
    label = kinds.UNIT_KINDS[kind]
    return label[:1].upper() + label[1:]


def by_value(channels, attr: str) -> list[tuple[str, str | None]]:
    """("Trực tiếp, Trực tuyến", value) for each distinct *attr* ("time", "fee") of *channels*, in their order."""
    groups: dict[str, tuple[list[str], str | None]] = {}
    for channel in channels:
        value = getattr(channel, attr)
        key = " ".join((value or "").split())  # the same words, however spaced
        groups.setdefault(key, ([], value))[0].append(kinds.CHANNELS[channel.kind])
    return [(", ".join(names), value) for names, value in groups.values()]


def document_counts(document) -> str:
    """"1 bản chính, 2 bản sao": what a document asks for, leaving out a count of zero."""
    parts = []
    for count, label in ((document.originals, "bản chính"), (document.copies, "bản sao")):
        count = (count or "").strip()
        if count.isdigit():
            if int(count):
                parts.append(f"{int(count)} {label}")
        elif count:
            parts.append(f"{label}: {count}")
    return ", ".join(parts)


def where(procedure, catalog, rel) -> dict:
    """Where to submit: the kinds of unit that handle it (every commune…), the units named one by one, and for
    a kind, every unit of it to pick one's own from."""
    named = [catalog.units[u] for u in procedure.implementing.units if catalog.units[u].active_on(rel.today)]
    handlers = rel.handlers[procedure.code] if procedure.implementing.kinds else []
    if len(handlers) == 1:  # one unit of the kind: nothing to pick
        return {"kinds": [], "named": handlers, "pick": [], "pick_page": "", "pick_count": 0, "pick_label": ""}
    levels = {u.level for u in handlers}
    return {
        "kinds": [kind_label(k) for k in procedure.implementing.kinds],
        "named": named,
        "pick": handlers if len(handlers) <= PICK_LISTED else [],
        # more than a page should list (a province's hundred communes): the list of units, at their level's group
        "pick_page": f"don-vi/#cap-{levels.pop()}" if len(handlers) > PICK_LISTED and len(levels) == 1 else "don-vi/",
        "pick_count": len(handlers),
        "pick_label": "Chọn xã, phường của bạn" if procedure.implementing.kinds == ("ubnd-xa",) else "Chọn đơn vị của bạn",
    }


def channel_rows(channels) -> list[tuple]:
    """(channel, same time as the row above, same fee as the row above): a long time text is written once."""
    return [(channel, _same(channel.time, above and above.time), _same(channel.fee, above and above.fee))
            for above, channel in zip((None, *channels), channels)]


def _same(value: str | None, above: str | None) -> bool:
    return bool(value) and " ".join(value.split()) == " ".join((above or "").split())


def petition_targets(procedure, catalog, rel) -> list[tuple[str, str]]:
    """(name, anchor on the petition page) of where a petition about *procedure* goes: the units that handle
    it, named one by one; the kinds of unit that handle it, and then also the authority's own contact."""
    targets = [(u.name, u.id) for u in where(procedure, catalog, rel)["named"]]
    targets += [(kind_label(k), kind_anchor(k)) for k in procedure.implementing.kinds if rel.active_by_kind[k]]
    authority = catalog.site.authority
    listed = catalog.units[authority].active_on(rel.today) and authority not in {anchor for _, anchor in targets}
    if listed and (procedure.implementing.kinds or not targets):
        targets.append((catalog.units[authority].name, authority))
    return targets


def petition_groups(catalog, rel) -> list[dict]:
    """Every active unit, grouped by kind, for the petition page: the authority's group and the authority
    first, then by level and kind, each in Vietnamese order (the relation's order)."""
    authority = catalog.site.authority
    order = list(kinds.UNIT_KINDS)
    levels = list(kinds.UNIT_LEVELS)
    groups = []
    for kind, units in rel.active_by_kind.items():
        if units:
            members = sorted(units, key=lambda u: u.id != authority)
            groups.append({"id": kind_anchor(kind), "kind": kind, "label": kind_label(kind), "units": members})
    groups.sort(key=lambda g: (g["units"][0].id != authority, levels.index(g["units"][0].level), order.index(g["kind"])))
    return groups
