"""The JSON Schemas in schemas/ stay in sync with the model and accept every sample file."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import FIXTURES, ROOT
from generator.catalog.errors import Collector
from generator.catalog.jsonschema import FILES, schemas
from generator.catalog.yamlio import load


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


def _data(path):
    return _plain(load(path.read_text(encoding="utf-8"), Collector(str(path))))


def test_committed_schemas_match_the_model():
    for name, schema in schemas().items():
        committed = json.loads((ROOT / "generator" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name}.schema.json is out of date: run `congkhai schema`"


def test_every_field_has_a_vietnamese_description():
    def walk(node, where):
        for key, child in node.get("properties", {}).items():
            assert child.get("description"), f"{where}.{key}"
            walk(child, f"{where}.{key}")
        if "items" in node:
            walk(node["items"], where + "[]")
    for name, schema in schemas().items():
        walk(schema, name)


@pytest.mark.parametrize("name", list(FILES))
def test_sample_and_fixture_files_pass_their_schema(name):
    validator = jsonschema.Draft202012Validator(schemas()[name])
    pattern = FILES[name][2].removeprefix("catalog/")
    files = [*(ROOT / "catalog").glob(pattern), *FIXTURES.joinpath("mini").glob(pattern)]
    assert files or name == "synonyms"
    for path in files:
        errors = [e.message for e in validator.iter_errors(_data(path))]
        assert errors == [], path


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft202012Validator(schemas()["procedure"])
    data = _data(FIXTURES / "mini" / "procedures" / "so-tu-phap" / "2.000815.yaml")
    assert validator.is_valid(data)
    assert not validator.is_valid({**data, "chanels": []})
    assert not validator.is_valid({**data, "code": "1.00119"})
    assert not validator.is_valid({**data, "levels": ["huyen"]})
    assert not validator.is_valid({k: v for k, v in data.items() if k != "result"})


def test_schema_command_writes_every_schema(tmp_path):
    from generator.cli.main import main

    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.schema.json" for name in FILES)
    for path in tmp_path.iterdir():
        assert path.read_text(encoding="utf-8") == (ROOT / "generator" / "schemas" / path.name).read_text(encoding="utf-8")


def test_editor_settings_map_every_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert {f"./generator/schemas/{name}.schema.json": files for name, (_, _, files) in FILES.items()} == settings
