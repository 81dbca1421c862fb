"""JSON Schema (draft-07) per file kind, with the profile's vocabularies as enums.

Draft-07, because that is what the YAML extension of VS Code (yaml-language-server) and the
web editors built on it validate; `participatie schema` writes them, a test checks they are current.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model.bestanden import FILE_MODELS, Strict
from .model.initiatief import InitiatiefBestand
from .model.profiel import Profiel
from .vocabulary import AFWIJKINGSSOORTEN

DRAFT = "http://json-schema.org/draft-07/schema#"


def schema_name(bestand: str) -> str:
    return bestand.replace(".yaml", ".schema.json")


SCHEMA_MODELS: dict[str, type[Strict]] = {**FILE_MODELS, "initiatief.yaml": InitiatiefBestand}
# What the editor shows for a whole file (the models' docstrings are written for developers, in English).
FILE_DESCRIPTIONS = {
    "traject.yaml": "Het traject en het plan: waar het over gaat, wie meedoen en hoe.",
    "planning.yaml": "Alle momenten van het traject, ook de terugkoppeling en het besluit.",
    "kaders.yaml": "Wat vastligt (hard) en waarover inwoners meepraten (zacht).",
    "terugkoppeling.yaml": "Wat er met de inbreng van inwoners is gedaan.",
    "initiatief.yaml": "Een initiatief van inwoners, van indienen tot uitvoering.",
}
# Properties whose name is used for two different lists: (model title, property) pairs that keep their own values.
OWN = {("Moment", "soort"), ("Steun", "soort"), ("Fase", "fase"), ("InitiatiefBestand", "soort")}


def vocabularies(p: Profiel) -> dict[str, list[str]]:
    vocab = {
        "soort_werk": [s.code for s in p.soorten_werk],
        "besluit_door": p.orgaan_codes,
        "door": p.orgaan_codes,
        "niveau": p.niveau_codes,
        "categorie": p.kadercategorieen,
        "doelen": [d.code for d in p.doelen],
        "soort": list(AFWIJKINGSSOORTEN),
    }
    optional = {
        "bestuursstijl": [b.code for b in p.bestuursstijlen],
        "fase": [f.code for f in p.fasen],
        "uitgesloten_onderwerp": [o.code for o in p.uitgesloten_onderwerpen],
    }
    return vocab | {name: values for name, values in optional.items() if values}


def build_schema(bestand: str, p: Profiel) -> dict:
    schema = SCHEMA_MODELS[bestand].model_json_schema(ref_template="#/definitions/{model}")
    schema["definitions"] = schema.pop("$defs", {})
    schema["description"] = FILE_DESCRIPTIONS[bestand]
    for definition in schema["definitions"].values():  # a part's hint is the Dutch one of the field that holds it
        definition.pop("description", None)
    vocab = vocabularies(p)
    for obj in [schema, *schema["definitions"].values()]:
        for name, prop in obj.get("properties", {}).items():
            if name in vocab and (obj.get("title"), name) not in OWN:
                _add_enum(prop, vocab[name])
    stap1 = schema.get("properties", {}).get("stap1")
    if stap1:  # the questions of step 1 are the profile's own
        for branch in stap1.get("anyOf", [stap1]):
            if branch.get("type") == "object":
                branch["propertyNames"] = {"enum": list(p.stap1)}
    scan = schema.get("properties", {}).get("quickscan")
    if scan and p.quickscan:  # the randvoorwaarden and the scale are the profile's own
        for branch in scan.get("anyOf", [scan]):
            if branch.get("type") == "object":
                branch["propertyNames"] = {"enum": p.quickscan.codes}
                branch["additionalProperties"] = {"type": "string", "enum": p.quickscan.schaal}
    rol = schema["definitions"].get("RolRaad", {}).get("properties", {}).get("rol")
    if rol and p.rollen_raad:  # the raad's roles are the profile's own
        _add_enum(rol, [r.code for r in p.rollen_raad])
    _initiative_lists(schema, p)
    _plain_times(schema)
    if not schema["definitions"]:
        del schema["definitions"]
    return {"$schema": DRAFT, "$id": schema_name(bestand), **schema}


def _initiative_lists(schema: dict, p: Profiel) -> None:
    """The steps and kinds of support of an initiative are the profile's own."""
    if not p.initiatieven:
        return
    stappen = schema.get("properties", {}).get("stappen")
    if stappen:
        stappen["propertyNames"] = {"enum": [s.code for s in p.initiatieven.stappen]}
    lists = {
        ("Steun", "soort"): [s.code for s in p.initiatieven.steun],
        ("Stap", "route"): [r.code for r in p.initiatieven.routes],
        ("Stap", "uitkomst"): [u.code for u in p.initiatieven.uitkomsten],
        ("Ervaring", "score"): p.initiatieven.ervaring,
    }
    for name, values in (
        ("soort", [k.code for k in p.initiatieven.soorten]),
        ("omvang", [k.code for k in p.initiatieven.omvang]),
    ):
        prop = schema.get("properties", {}).get(name)
        if prop and values:
            _add_enum(prop, values)
    for (model, name), values in lists.items():
        prop = schema["definitions"].get(model, {}).get("properties", {}).get(name)
        if prop and values:
            _add_enum(prop, values)


def _plain_times(node) -> None:
    """Staff write times as 19:30; JSON Schema's 'time' format wants 19:30:00+01:00."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            del node["format"]
            node["pattern"] = r"^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
        for value in node.values():
            _plain_times(value)
    elif isinstance(node, list):
        for value in node:
            _plain_times(value)


def _add_enum(prop: dict, values: list[str]) -> None:
    if prop.get("type") == "string":
        prop["enum"] = values
    elif prop.get("type") == "array" and prop.get("items", {}).get("type") == "string":
        prop["items"]["enum"] = values
    for branch in prop.get("anyOf", []):
        _add_enum(branch, values)


def write_schemas(folder: Path, p: Profiel) -> list[Path]:
    """Write one schema per file kind; only files ending in .schema.json are ever written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for bestand in SCHEMA_MODELS:
        if bestand == "initiatief.yaml" and p.initiatieven is None:  # this policy has no register of initiatives
            continue
        path = folder / schema_name(bestand)
        path.write_text(json.dumps(build_schema(bestand, p), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
