"""`participatie nieuw` and `participatie schema`, checked with an independent validator (jsonschema)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, assert_no_traceback, check_json, participatie

from participatie.load.yaml import parse_yaml

KINDS = ("traject", "kaders", "planning", "terugkoppeling", "initiatief")


def test_nieuw_passes_check_as_verkenning_with_warnings_only(site):
    result = participatie("nieuw", "speeltuin-kerkdijk", cwd=site)
    assert result.returncode == 0, result.stderr
    folder = site / "projecten" / "speeltuin-kerkdijk"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["traject.yaml", "kaders.yaml", "planning.yaml", "terugkoppeling.yaml", "opgave.md", "eindverslag.md"]
    )
    assert (
        (folder / "traject.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../schema/traject.schema.json")
    )
    code, data = check_json(site)
    mine = [f for f in data["bevindingen"] if "speeltuin-kerkdijk" in f["pad"]]
    assert code == 0 and mine and all(f["ernst"] == "waarschuwing" for f in mine)
    assert {f["code"] for f in mine} <= {"plan.basis", "plan.onderdeel"}


def test_nieuw_refuses_existing_and_bad_slug(site):
    folder = site / "projecten" / "fietspad-kerkdijk"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = participatie("nieuw", "fietspad-kerkdijk", cwd=site)
    assert result.returncode == 1 and "bestaat al" in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    for bad in ("Speeltuin", "speel tuin", "../buiten", "speeltuin-"):
        result = participatie("nieuw", bad, cwd=site)
        assert result.returncode == 1 and "geen geldige naam" in result.stderr
        assert_no_traceback(result)
    assert not (site / "buiten").exists()


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("schema")
    result = participatie("schema", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return {k: json.loads((out / f"{k}.schema.json").read_text(encoding="utf-8")) for k in KINDS}


def _data(path: Path):
    source, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert not problems
    return source.data


def test_schemas_are_valid_draft_07(schemas):
    """Draft-07: what the VS Code YAML extension and the web editors built on it understand."""
    for schema in schemas.values():
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        jsonschema.Draft7Validator.check_schema(schema)
        assert "$defs" not in json.dumps(schema)
    assert "coproduceren" in json.dumps(schemas["traject"])  # the profile's ladder is in the schema


def test_schema_accepts_every_example_file(schemas):
    files = sorted((ROOT / "projecten").glob("*/*.yaml")) + sorted((ROOT / "initiatieven").glob("*/*.yaml"))
    assert len(files) == 31 + 6  # woningbouw has no input yet
    for path in files:
        validator = jsonschema.Draft7Validator(schemas[path.stem], format_checker=jsonschema.FormatChecker())
        errors = list(validator.iter_errors(_data(path)))
        assert not errors, (path, errors[0].message)


@pytest.mark.parametrize(
    "kind,old,new",
    [
        ("traject", "portefeuillehouder:", "portefeuilehouder:"),
        ("traject", "thema: Verkeer", "thema: [Verkeer]"),
        ("traject", "niveau: raadplegen}", "niveau: meepraten}"),
        ("planning", "datum: 2026-12-08", "datum: 2026-02-30"),
        ("terugkoppeling", "uitkomst: nog in behandeling", "uitkomst: misschien"),
        ("planning", 'tijd: "17:00"', 'tijd: "17.00"'),
        ("traject", "  capaciteit: {antwoord: ja", "  tijd: {antwoord: ja"),
        ("initiatief", "route: intaketafel", "route: via de tafel"),
        ("initiatief", "  besluit: {datum:", "  besluiten: {datum:"),
    ],
)
def test_schema_rejects_broken_files(schemas, tmp_path, kind, old, new):
    path = (
        ROOT / "initiatieven" / "buurtmoestuin-lemelhuizen"
        if kind == "initiatief"
        else ROOT / "projecten" / "fietspad-kerkdijk"
    ) / f"{kind}.yaml"
    broken = tmp_path / path.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    validator = jsonschema.Draft7Validator(schemas[kind], format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(_data(broken)))


def test_committed_schema_is_current(schemas):
    for kind, schema in schemas.items():
        committed = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"schema/{kind}.schema.json is verouderd: draai 'participatie schema'"
