"""Open data (/du-lieu/): JSON that reads back into the catalog, CSV that Frictionless validates, schema.org JSON-LD
on the pages that no value can break out of, Atom feeds, sitemap dates from git, and `congkhai export`."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, TODAY, build_site
from generator.catalog import kinds
from generator.catalog.load import load_catalog
from generator.catalog.models import NoneStated
from generator.catalog.schema import ListOf, Record, Switch
from generator.catalog.statements import OrNone
from generator.exports.feed import UNIT_ENTRIES
from generator.exports.records import DATASETS
from generator.exports.tables import BY_DATASET

SITE_URL = "https://congkhai.example/"
HOSTILE = "</script><script>alert(1)</script><!-- & -->"
ENTRIES = {"thu-tuc": "procedures", "thu-tuc-noi-bo": "internals", "don-vi": "units", "ke-hoach": "plans", "linh-vuc": "fields"}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _items(site: Path, name: str) -> list[dict]:
    return json.loads((site / "du-lieu" / f"{name}.json").read_text(encoding="utf-8"))["items"]


def _model(value, kind):
    """A catalog value back from its JSON form, by the same declarations the catalog is read with."""
    if isinstance(kind, Record):
        given = {f.name: _model(value[f.key], f.kind) for f in kind.fields if value[f.key] is not None and value[f.key] != []}
        return kind.cls(**given)
    if isinstance(kind, ListOf):
        return tuple(_model(item, kind.item) for item in value)
    if isinstance(kind, OrNone):
        return NoneStated(value["none"]) if isinstance(value, dict) else _model(value, kind.items)
    if isinstance(kind, Switch):  # true or false (a target's higher_is_better): a JSON boolean
        assert isinstance(value, bool), value
        return value
    assert isinstance(value, str), value  # codes, numbers and dates stay the strings typed
    return value


def _without_path(model):
    return dataclasses.replace(model, path="") if hasattr(model, "path") else model


@pytest.mark.parametrize("fixture, catalog", [("sample_site", ROOT / "catalog"), ("mini_site", FIXTURES / "mini")])
def test_the_json_reads_back_into_the_catalog(request, fixture, catalog):
    site, loaded = request.getfixturevalue(fixture), load_catalog(catalog)
    for dataset in DATASETS:
        items = _items(site, dataset.name)
        originals = getattr(loaded, ENTRIES[dataset.name])
        assert [item[dataset.key] for item in items] == sorted(originals)
        for item in items:
            assert _model(item, dataset.kind) == _without_path(originals[item[dataset.key]]), item[dataset.key]
            assert item["url"] == SITE_URL + dataset.page.format(item[dataset.key])
            assert (site / dataset.page.format(item[dataset.key]) / "index.html").is_file()


def test_listed_and_unlisted_entries_carry_their_status_and_a_stated_absence_its_words(sample_site, mini_site):
    statuses = {item["code"]: item["status"] for item in _items(sample_site, "thu-tuc")}
    assert {"active", "abolished", "replaced"} <= set(statuses.values())
    stated = {item["code"]: item for item in _items(mini_site, "thu-tuc")}["2.000001"]
    assert stated["documents"] == {"none": "Không phải nộp hồ sơ."}
    assert stated["code"] == "2.000001" and isinstance(stated["channels"][0]["time"], str)


def test_every_json_file_keeps_its_published_schema(sample_site):
    jsonschema = pytest.importorskip("jsonschema")
    for dataset in DATASETS:
        folder = sample_site / "du-lieu"
        schema = json.loads((folder / f"{dataset.name}.schema.json").read_text(encoding="utf-8"))
        data = json.loads((folder / f"{dataset.name}.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        assert list(validator.iter_errors(data)) == [], dataset.name
        assert data["$schema"] == f"{dataset.name}.schema.json" and data["count"] == len(data["items"])
        assert data["license"]["spdx"] == "CC-BY-4.0" and "DỮ LIỆU MẪU" in data["notice"]
        broken = json.loads(json.dumps(data))
        broken["items"][0]["extra"] = "x"
        broken["items"][-1][dataset.key] = 1001193
        assert len(list(validator.iter_errors(broken))) == 2  # the schema holds: no unknown key, no number for a code


def test_the_csv_files_are_utf8_with_a_bom_rfc4180_and_one_row_per_entry(sample_site):
    folder = sample_site / "du-lieu"
    procedures = {item["code"]: item for item in _items(sample_site, "thu-tuc")}
    raw = (folder / "thu-tuc.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and raw.count(b"\r\n") >= len(procedures) + 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [column.name for column in BY_DATASET["thu-tuc"].columns]
    assert [row["code"] for row in rows] == sorted(procedures)
    for row in rows:
        item = procedures[row["code"]]
        assert row["name"] == item["name"] and row["steps"] == " | ".join(item["steps"])
        assert row["legal_basis"].split(" | ") == list(item["legal_basis"]) and row["status"] == item["status"]
        direct = [c for c in item["channels"] if c["kind"] == "truc-tiep"]
        assert row["truc_tiep_fee"] == " | ".join(c["fee"] for c in direct)
    tasks = list(csv.DictReader(io.StringIO((folder / "ke-hoach.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert len(tasks) == sum(len(plan["tasks"]) for plan in _items(sample_site, "ke-hoach"))
    units = list(csv.DictReader(io.StringIO((folder / "don-vi.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert len(units) == len(_items(sample_site, "don-vi"))


def test_a_stated_absence_has_a_column_of_its_own_in_the_csv(mini_site):
    text = (mini_site / "du-lieu" / "thu-tuc.csv").read_text(encoding="utf-8-sig")
    row = {r["code"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}["2.000001"]
    assert row["documents"] == "" and row["documents_none"] == "Không phải nộp hồ sơ."


def test_datapackage_describes_every_column_and_frictionless_validates(sample_site, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    folder = sample_site / "du-lieu"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO((folder / resource["path"]).read_text(encoding="utf-8-sig"))))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert all(f["title"] and f["description"] for f in resource["schema"]["fields"])
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    broken = tmp_path / "broken"  # the descriptor is strict enough to fail: a date that is not one, a code twice
    shutil.copytree(folder, broken)
    text = (broken / "thu-tuc.csv").read_bytes().decode("utf-8-sig").replace(",2025-07-01,", ",01/07/2025,", 1)
    lines = text.split("\r\n")
    assert lines[-1] == "" and "01/07/2025" in text
    (broken / "thu-tuc.csv").write_bytes("\r\n".join(lines[:-1] + [lines[1], ""]).encode("utf-8-sig"))
    errors = {e[1] for e in frictionless.validate(str(broken / "datapackage.json")).flatten(["rowNumber", "type"])}
    assert {"type-error", "primary-key"} <= errors


def _json_ld(page: Path) -> list[dict]:
    return [json.loads(script.string) for script in _soup(page).find_all("script", type="application/ld+json")]


def test_every_procedure_page_describes_a_government_service(sample_site):
    catalog = load_catalog(ROOT / "catalog")
    for code, p in catalog.procedures.items():
        [service] = _json_ld(sample_site / "thu-tuc" / code / "index.html")
        assert service["@context"] == "https://schema.org" and service["@type"] == "GovernmentService"
        assert service["name"] == p.name and service["identifier"] == code
        assert service["category"] == catalog.fields[p.field].name and service["url"] == f"{SITE_URL}thu-tuc/{code}/"
        assert service["areaServed"] == {"@type": "AdministrativeArea", "name": "thành phố Hải Phòng"}
        assert service["termsOfService"] == list(p.legal_basis)
        providers = service["provider"] if isinstance(service["provider"], list) else [service["provider"]]
        assert providers and all(org["@type"] == "GovernmentOrganization" for org in providers)
        for org in providers:
            if "@id" in org:
                unit = catalog.units[org["@id"].rstrip("/").rsplit("/", 1)[1]]
                assert org["address"]["streetAddress"] == unit.address and org["email"] == unit.email
                assert org["telephone"] in ([ph.number for ph in unit.phones], unit.phones[0].number)
        if not p.listed:
            assert "availableChannel" not in service and "không còn được thực hiện" in service["description"]
            continue
        channels = service["availableChannel"]
        assert [c["name"] for c in channels][:len(p.channels)] == [kinds.CHANNELS[c.kind] for c in p.channels]
        assert all(c["@type"] == "ServiceChannel" for c in channels)
        online = [c for c in channels if "serviceUrl" in c]
        if p.online_service and p.online_service.level != "none" and p.online_service.url:
            assert online and all(c["serviceUrl"] == p.online_service.url for c in online)
        else:
            assert not online


def test_every_unit_page_describes_a_government_organization(sample_site):
    catalog = load_catalog(ROOT / "catalog")
    for unit_id, unit in catalog.units.items():
        [organization] = _json_ld(sample_site / "don-vi" / unit_id / "index.html")
        assert organization["@type"] == "GovernmentOrganization" and organization["name"] == unit.name
        assert organization["@id"] == f"{SITE_URL}don-vi/{unit_id}/"
        if unit.parent:
            assert organization["parentOrganization"]["@id"] == f"{SITE_URL}don-vi/{unit.parent}/"
        if unit.petition and unit.petition.phone:
            assert organization["contactPoint"]["telephone"] == unit.petition.phone
    [data_catalog] = _json_ld(sample_site / "du-lieu" / "index.html")
    assert data_catalog["@type"] == "DataCatalog" and len(data_catalog["dataset"]) == len(DATASETS)
    assert all(d["distribution"][0]["contentUrl"].startswith(SITE_URL + "du-lieu/") for d in data_catalog["dataset"])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The mini catalog with values that try to leave the script element, built without a site address."""
    tmp = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURES / "mini", tmp / "catalog")
    procedure = tmp / "catalog" / "procedures" / "ubnd-xa-an-binh" / "1.001193.yaml"
    text = procedure.read_text(encoding="utf-8").replace("name: Thủ tục đăng ký khai sinh", f'name: "Khai sinh {HOSTILE}"')
    procedure.write_text(text.replace("fee: Miễn lệ phí", 'fee: "Miễn <!-- lệ phí"', 1), encoding="utf-8")
    unit = tmp / "catalog" / "units" / "so-tu-phap.yaml"
    unit.write_text(re.sub(r"^name: .*$", f'name: "Sở Tư pháp {HOSTILE}"', unit.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp / "mkdocs.yml").write_text(re.sub(r"^site_url: .*\n", "", config, flags=re.M), encoding="utf-8")
    result = build_site(tmp, tmp / "catalog", copy_config=False)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_a_value_with_a_closing_script_tag_cannot_leave_the_json_ld(hostile_site):
    for page, expected in (("thu-tuc/1.001193/index.html", f"Khai sinh {HOSTILE}"), ("don-vi/so-tu-phap/index.html", f"Sở Tư pháp {HOSTILE}")):
        html = (hostile_site / page).read_text(encoding="utf-8")
        assert "alert(1)</script>" not in html.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        soup = BeautifulSoup(html, "html.parser")
        assert not [s for s in soup.find_all("script") if s.string and s.string.startswith("alert")]
        [described] = _json_ld(hostile_site / page)
        assert described["name"] == expected
    [service] = _json_ld(hostile_site / "thu-tuc" / "1.001193" / "index.html")
    assert service["availableChannel"][0]["description"].endswith("Phí, lệ phí: Miễn <!-- lệ phí")
    assert service["url"] == "../../thu-tuc/1.001193/"  # no site address: relative to the page, as JSON-LD resolves it
    assert [org["@id"] for org in service["provider"]] == ["../../don-vi/ubnd-xa-an-binh/"]
    assert not (hostile_site / "robots.txt").read_text(encoding="utf-8").count("Sitemap:")


def _feed(path: Path):
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_the_feed_of_changes_is_atom_with_dated_entries_and_stable_ids(sample_site):
    catalog = load_catalog(ROOT / "catalog")
    parsed = _feed(sample_site / "du-lieu" / "thay-doi.xml")
    dated = [p for p in catalog.procedures.values() if p.announcement and p.announcement.date]
    dated_plans = [plan for plan in catalog.plans.values() if plan.date]
    assert len(parsed.entries) == min(100, len(dated) + len(dated_plans))
    ids = [entry.id for entry in parsed.entries]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"tag:congkhai\.example,\d{4}-\d{2}-\d{2}:(thu-tuc|ke-hoach)/[^\s]+/[a-z-]+", i) for i in ids), ids
    days = [entry.updated_parsed[:3] for entry in parsed.entries]
    assert days == sorted(days, reverse=True) and parsed.feed.updated_parsed[:3] == days[0]
    for entry in parsed.entries:
        assert entry.link.startswith(SITE_URL) and (sample_site / entry.link[len(SITE_URL):] / "index.html").is_file()
    abolished = next(p for p in dated if p.status == "abolished")
    entry = next(e for e in parsed.entries if e.link.endswith(f"/thu-tuc/{abolished.code}/"))
    assert entry.title.startswith("Bãi bỏ:") and entry.id.startswith(f"tag:congkhai.example,{abolished.announcement.date}:")
    plan = next(e for e in parsed.entries if "/ke-hoach/" in e.link)
    assert plan.title.startswith("Kế hoạch mới:")
    again = _feed(sample_site / "du-lieu" / "thay-doi.xml")
    assert [e.id for e in again.entries] == ids


def test_every_unit_has_a_feed_of_its_procedures_linked_from_its_page(sample_site):
    catalog = load_catalog(ROOT / "catalog")
    for unit_id in catalog.units:
        link = _soup(sample_site / "don-vi" / unit_id / "index.html").select_one("p.ck-feed a")
        assert link["href"] == f"../../du-lieu/thay-doi/{unit_id}.xml" and link["type"] == "application/atom+xml"
        _feed(sample_site / "du-lieu" / "thay-doi" / f"{unit_id}.xml")
    justice = _feed(sample_site / "du-lieu" / "thay-doi" / "so-tu-phap.xml")
    codes = {e.link.rstrip("/").rsplit("/", 1)[1] for e in justice.entries}
    owned = {p.code for p in catalog.procedures.values() if p.owner == "so-tu-phap" and p.announcement and p.announcement.date}
    assert codes and (owned <= codes or len(codes) == UNIT_ENTRIES)


def test_a_feed_without_a_site_address_links_relative_to_itself(hostile_site):
    parsed = _feed(hostile_site / "du-lieu" / "thay-doi.xml")
    assert parsed.entries and all(e.id.startswith("tag:ubnd-tinh-thu.invalid,") for e in parsed.entries)
    xml = (hostile_site / "du-lieu" / "thay-doi.xml").read_text(encoding="utf-8")
    assert 'href="../thu-tuc/1.001193/"' in xml and "alert(1)&lt;/script&gt;" in xml
    unit_xml = (hostile_site / "du-lieu" / "thay-doi" / "ubnd-xa-an-binh.xml").read_text(encoding="utf-8")
    assert 'href="../../thu-tuc/1.001193/"' in unit_xml


def test_the_data_page_describes_each_dataset_with_its_licence_and_files(sample_site):
    page = sample_site / "du-lieu" / "index.html"
    soup = _soup(page)
    article = soup.select_one("article.ck-data")
    assert article.h1.get_text() == "Dữ liệu mở"
    licence = article.select_one("#giay-phep a[rel~=license]")
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/deed.vi" and "CC BY 4.0" in licence.get_text()
    assert "DỮ LIỆU MẪU" in article.select_one(".ck-data-notice").get_text()
    for dataset in DATASETS:
        row = article.select_one(f'tr[data-dataset="{dataset.name}"]')
        assert re.search(r"\d{2}/\d{2}/\d{4}", row.get_text())
        hrefs = {a["href"] for a in row.find_all("a") if a["href"].startswith("../")}
        assert hrefs == {f"../du-lieu/{dataset.name}.{ext}" for ext in ("json", "csv", "schema.json")}
        assert all((page.parent / href).resolve().is_file() for href in hrefs)
        names = [code.get_text() for code in article.select(f"#{dataset.name} details code")]
        assert names == [column.name for column in BY_DATASET[dataset.name].columns]
    for href in ("../du-lieu/datapackage.json", "../du-lieu/thay-doi.xml"):
        assert article.find("a", href=href) and (page.parent / href).resolve().is_file()
    nav = {a.get_text(strip=True): a["href"] for a in _soup(sample_site / "index.html").select("nav.md-nav--primary a[href]")}
    assert nav.get("Dữ liệu mở") == "du-lieu/"
    procedure = _soup(sample_site / "thu-tuc" / "1.001193" / "index.html")
    assert procedure.select_one('.md-copyright a[href="../../du-lieu/"]')
    assert procedure.select_one('head link[rel=alternate][type="application/atom+xml"]')["href"] == "../../du-lieu/thay-doi.xml"


def test_a_site_without_a_licence_says_so(mini_site):
    article = _soup(mini_site / "du-lieu" / "index.html").select_one("#giay-phep")
    assert "chưa công bố giấy phép" in article.get_text()
    assert json.loads((mini_site / "du-lieu" / "thu-tuc.json").read_text(encoding="utf-8"))["license"] is None


def test_the_starter_proposes_an_open_licence(tmp_path):
    from generator.cli.main import main

    assert main(["init", str(tmp_path / "site"), "--authority-id", "ubnd-tinh-thu", "--authority-name", "Ủy ban nhân dân tỉnh Thử",
                 "--site-url", "https://thu.example/"]) == 0
    licence = load_catalog(tmp_path / "site" / "catalog").site.license
    assert licence.spdx == "CC-BY-4.0" and licence.url.startswith("https://creativecommons.org/licenses/by/4.0/")


def test_robots_txt_names_the_sitemap_and_pages_outside_git_have_the_build_date(sample_site):
    assert (sample_site / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    dates = re.findall(r"<lastmod>([^<]+)</lastmod>", (sample_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert dates and set(dates) == {TODAY}


def _git(folder: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{date}T10:00:00+07:00", GIT_COMMITTER_DATE=f"{date}T10:00:00+07:00") if date else None
    subprocess.run(["git", "-c", "user.name=Thử", "-c", "user.email=thu@example.invalid", "-c", "commit.gpgsign=false", *args],
                   cwd=folder, env=env, check=True, capture_output=True)


def test_sitemap_dates_come_from_one_git_log_of_the_catalog(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not here")
    site = tmp_path / "site"
    site.mkdir()
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, site / name)
    shutil.copytree(FIXTURES / "mini", site / "catalog")
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    _git(site, "init", "-q")
    _git(site, "add", ".")
    _git(site, "commit", "-q", "-m", "một", date="2024-01-02")
    changed = site / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# đã rà soát lại\n", encoding="utf-8")
    _git(site, "commit", "-q", "-am", "hai", date="2025-03-04")
    calls = tmp_path / "git-calls"
    shim = tmp_path / "bin"
    shim.mkdir()
    real = shutil.which("git")
    (shim / "git").write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    (shim / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim}{os.pathsep}{os.environ['PATH']}")
    result = build_site(site, site / "catalog", copy_config=False)
    assert result.returncode == 0, result.stderr
    assert [line for line in calls.read_text(encoding="utf-8").splitlines() if " log " in f" {line} "].__len__() == 1
    text = (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    lastmod = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", text))
    assert lastmod[f"{SITE_URL}thu-tuc/2.000815/"] == "2025-03-04"
    assert lastmod[f"{SITE_URL}thu-tuc/1.001193/"] == "2024-01-02"
    assert lastmod[f"{SITE_URL}gioi-thieu/"] == "2024-01-02"  # a hand-written page: its Markdown file
    assert lastmod[f"{SITE_URL}thu-tuc/"] == "2025-03-04"  # a list: the newest of the catalog
    assert lastmod[f"{SITE_URL}don-vi/so-tu-phap/"] == "2024-01-02"
    import gzip
    assert gzip.decompress((site / "site" / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text
    row = _soup(site / "site" / "du-lieu" / "index.html").select_one('tr[data-dataset="thu-tuc"]')
    assert "04/03/2025" in row.get_text()
    assert "02/01/2024" in _soup(site / "site" / "du-lieu" / "index.html").select_one('tr[data-dataset="don-vi"]').get_text()


@pytest.mark.parametrize("form, names", [("json", ["thu-tuc.json", "thu-tuc.schema.json", "don-vi.json", "ke-hoach.json"]),
                                         ("csv", ["thu-tuc.csv", "don-vi.csv", "ke-hoach.csv", "datapackage.json"])])
def test_export_writes_the_files_of_the_site(mini_site, tmp_path, monkeypatch, capsys, form, names):
    from generator.cli.main import main

    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", form, "ra"]) == 0
    assert "Đã viết" in capsys.readouterr().err
    written = sorted(p.name for p in (tmp_path / "ra").iterdir())
    assert set(names) <= set(written) and not any(name.endswith(".xml") for name in written)
    assert not any(name.endswith(".csv" if form == "json" else ".schema.json") for name in written)
    for name in written:
        assert (tmp_path / "ra" / name).read_bytes() == (mini_site / "du-lieu" / name).read_bytes(), name


def test_export_of_a_catalog_with_errors_writes_nothing(tmp_path, monkeypatch, capsys):
    from generator.cli.main import main

    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    (tmp_path / "catalog" / "fields.yaml").write_text("fields: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "ra"]) == 1
    assert not (tmp_path / "ra").exists() and "catalog/fields.yaml" in capsys.readouterr().out


def test_serve_dirty_writes_the_files_once_and_a_build_always(tmp_path, monkeypatch):
    """A preview is for pages: an incremental rebuild keeps the files of the first build of the process."""
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.build import incremental

    monkeypatch.setattr(incremental, "_PREVIOUS", {})  # what serve remembers between builds: this test's own
    monkeypatch.setattr(incremental, "_PAGE_DOCS", {})
    monkeypatch.setenv("CONGKHAI_TODAY", TODAY)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")

    def serve_build():
        config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
        plugin = config.plugins["congkhai"]
        plugin.on_startup(command="serve", dirty=True)
        build(plugin.on_config(config), dirty=True)
        for job in (plugin.build.indexer, plugin.build.screens, plugin.build.open_data.job):
            if job is not None:
                job.wait()
        return plugin.build.open_data.job

    assert serve_build() is not None
    data = tmp_path / "served" / "du-lieu" / "thu-tuc.json"
    before = data.stat().st_mtime_ns
    time.sleep(0.05)
    procedure = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace("Thủ tục chứng thực bản sao từ bản chính", "Tên mới"),
                         encoding="utf-8")
    assert serve_build() is None and data.stat().st_mtime_ns == before
    assert "Tên mới" in (tmp_path / "served" / "thu-tuc" / "2.000815" / "index.html").read_text(encoding="utf-8")
