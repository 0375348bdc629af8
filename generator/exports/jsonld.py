"""schema.org descriptions of pages, for search engines and other systems: JSON-LD.

A procedure page carries a ``GovernmentService``: its name, code, field, the
units that handle it as the page lists them (each a ``GovernmentOrganization``
with address, telephone and e-mail), the area served, one ``ServiceChannel``
per channel (the online one with its ``serviceUrl``) and the legal basis as
``termsOfService``. A unit page carries its ``GovernmentOrganization``. The
values are the page's own (its spec's context), so the description says what
the page says. The page's renderer writes them in a script element, escaped
(``generator.pages.render.json_ld``).
"""

from __future__ import annotations

import functools

from generator.catalog import kinds
from generator.pages.render import relative_url
from generator.text.links import mailto_href, safe_href

CONTEXT = "https://schema.org"
COUNTRY = {"@type": "Country", "name": "Việt Nam"}
_PEOPLE_S_COMMITTEE = "Ủy ban nhân dân "


def attach(specs, catalog, site_url: str | None) -> None:
    """Give every procedure and unit page its description, as the value ``linked_data`` of its context."""
    links = _Links(site_url)
    area = area_served(catalog)
    for spec in specs:
        if spec.template == "procedure.html":
            spec.context["linked_data"] = service(spec.context, spec.url, links, area)
        elif spec.template == "unit.html":
            spec.context["linked_data"] = organization_page(spec.context, spec.url, links)
        elif spec.template == "data.html":
            spec.context["linked_data"] = data_catalog(spec.context, spec.url, links)


class _Links:
    """Addresses: absolute under the site's address; without one, relative to the page (JSON-LD resolves them)."""

    def __init__(self, site_url: str | None):
        self.base = site_url.rstrip("/") + "/" if site_url else None
        self.units: dict[tuple[str, str], dict] = {}

    def to(self, page: str, target: str) -> str:
        return self.base + target if self.base else relative_url(page, target)

    def unit(self, unit, page: str) -> dict:
        """A unit as the provider of a service: made once per unit (and page folder, when links are relative)."""
        key = (unit.id, 0 if self.base else page.count("/"))  # relative links differ only by the page's depth
        if key not in self.units:
            self.units[key] = organization(unit, self.to(page, f"don-vi/{unit.id}/"))
        return self.units[key]


def service(context: dict, page: str, links: _Links, area: dict) -> dict:
    p, url = context["p"], links.to(page, page)
    described = {"@context": CONTEXT, "@type": "GovernmentService", "url": url,
                 "name": p.name, "identifier": _identifiers(p), "category": context["field"].name}
    if p.aliases:
        described["alternateName"] = list(p.aliases)
    described["provider"] = [links.unit(unit, page) for unit in context["handlers"]] or _authority_named(p, context)
    described["areaServed"] = area
    if p.listed:
        described["availableChannel"] = _channels(p)
    else:  # abolished or replaced: it has no channel any more, and says so
        described["description"] = "Thủ tục " + kinds.STATUSES[p.status] + ", không còn được thực hiện."
    if p.legal_basis:
        described["termsOfService"] = list(p.legal_basis)
    return described


def _identifiers(p):
    if not p.local_code:
        return p.code
    return [p.code, {"@type": "PropertyValue", "name": "Mã địa phương", "value": p.local_code}]


def _authority_named(p, context) -> dict:
    """Handled by every unit of a kind, too many to list: the competent authority as the catalog names it."""
    return {"@type": "GovernmentOrganization", "name": p.competent_authority or "; ".join(context["kinds"]) or context["owner"].name}


def _channels(p) -> list[dict]:
    online = _web(p.online_service.url) if p.online_service and p.online_service.level != "none" else None
    channels = [_channel(channel, online if channel.kind == "truc-tuyen" else None) for channel in p.channels]
    if online and not any(c.kind == "truc-tuyen" for c in p.channels):
        channels.append({"@type": "ServiceChannel", "name": "Dịch vụ công trực tuyến", "serviceUrl": online})
    return channels


@functools.lru_cache(maxsize=4096)
def _channel(channel, online: str | None) -> dict:
    """One channel: the same times and fees recur in many procedures, so each is described once (and shared:
    nothing changes a description once made)."""
    parts = [f"{label}: {value}" for label, value in (("Thời hạn giải quyết", channel.time), ("Phí, lệ phí", channel.fee),
                                                      ("Mô tả", channel.note)) if value]
    described = {"@type": "ServiceChannel", "name": kinds.CHANNELS[channel.kind], "description": "\n".join(parts)}
    if online:
        described["serviceUrl"] = online
    return described


@functools.lru_cache(maxsize=4096)
def _web(url: str | None) -> str | None:
    """A web address that may be a link (the rules of generator/text/links.py): the same few recur on every page."""
    return safe_href(url)


def organization(unit, url: str) -> dict:
    described = {"@type": "GovernmentOrganization", "@id": url, "name": unit.name, "url": url}
    if unit.short_name:
        described["alternateName"] = unit.short_name
    if unit.address:
        described["address"] = {"@type": "PostalAddress", "streetAddress": unit.address, "addressCountry": "VN"}
    phones = [phone.number for phone in unit.phones]
    if phones:
        described["telephone"] = phones[0] if len(phones) == 1 else phones
    if unit.email and mailto_href(unit.email):
        described["email"] = unit.email
    website = _web(unit.website)
    if website:
        described["sameAs"] = website
    return described


def organization_page(context: dict, page: str, links: _Links) -> dict:
    unit = context["u"]
    described = {"@context": CONTEXT, **organization(unit, links.to(page, page))}
    if context["parent"] is not None:
        parent = context["parent"]
        described["parentOrganization"] = {"@type": "GovernmentOrganization", "@id": links.to(page, f"don-vi/{parent.id}/"),
                                           "name": parent.name}
    if unit.valid_from:
        described["foundingDate"] = unit.valid_from
    if unit.valid_to:
        described["dissolutionDate"] = unit.valid_to
    if unit.opening_hours:
        described["description"] = "Giờ làm việc: " + unit.opening_hours
    if unit.petition:
        described["contactPoint"] = _petition(unit.petition)
    return described


def _petition(petition) -> dict:
    point = {"@type": "ContactPoint", "contactType": "Tiếp nhận phản ánh, kiến nghị về quy định hành chính"}
    if petition.phone:
        point["telephone"] = petition.phone
    if petition.email and mailto_href(petition.email):
        point["email"] = petition.email
    if safe_href(petition.website):
        point["url"] = safe_href(petition.website)
    if petition.address:
        point["address"] = {"@type": "PostalAddress", "streetAddress": petition.address, "addressCountry": "VN"}
    return point


def data_catalog(context: dict, page: str, links: _Links) -> dict:
    """The /du-lieu/ page: its datasets and their files, for dataset search engines."""
    license = context["license"]
    licensed = {"license": license.url} if license and safe_href(license.url) else {}
    publisher = {"@type": "GovernmentOrganization", "name": context["publisher"]}
    datasets = [{
        "@type": "Dataset", "name": d["title"], "description": d["description"], "url": links.to(page, page) + "#" + d["name"],
        "inLanguage": "vi", "dateModified": d["changed"], "publisher": publisher, **licensed,
        "distribution": [{"@type": "DataDownload", "encodingFormat": kind, "contentUrl": links.to(page, d[key])}
                         for key, kind in (("json", "application/json"), ("csv", "text/csv"))],
    } for d in context["datasets"]]
    return {"@context": CONTEXT, "@type": "DataCatalog", "name": "Dữ liệu mở — " + context["site_title"],
            "url": links.to(page, page), "inLanguage": "vi", "publisher": publisher, **licensed, "dataset": datasets}


def area_served(catalog) -> dict:
    """The area of the publishing authority: the first people's committee from it upwards ("Ủy ban nhân dân
    thành phố Hải Phòng" serves "thành phố Hải Phòng"); without one, the country (a ministry)."""
    unit, seen = catalog.units.get(catalog.site.authority), set()
    while unit is not None and unit.id not in seen:
        seen.add(unit.id)
        if unit.kind.startswith("ubnd-") and unit.name.startswith(_PEOPLE_S_COMMITTEE):
            return {"@type": "AdministrativeArea", "name": unit.name[len(_PEOPLE_S_COMMITTEE):]}
        unit = catalog.units.get(unit.parent) if unit.parent else None
    return COUNTRY
