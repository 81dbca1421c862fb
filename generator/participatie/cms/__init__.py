"""The editor without YAML: a Decap CMS configuration generated from the profile and the file models.

Every form field comes from the same JSON Schema the editor schemas are made of (`schema.build_schema`):
the profile's levels, statuses, soorten werk and moment kinds as selects, the site's kernen, dates, times,
lists with their sub-fields, and the Dutch hints of the model. So the forms, the schemas and the `nieuw`
templates cannot drift apart. Files are read and written with the format in `participatie-yaml.js`, which
changes only what was edited.

Decap CMS itself (MIT) is installed from the npm registry by `make cms` into `.participatie/cms/`, never
loaded from a CDN; `participatie cms` copies it next to the generated page.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import yaml

from ..model.profiel import Profiel
from ..schema import build_schema
from ..vocabulary import AFWIJKINGSSOORTEN, MOMENT_SOORTEN, STATUSSEN, UITKOMSTEN

DECAP = "decap-cms@3.16.3"
YAML_LIB = "yaml@2.9.1"
FORMAT = "participatie-yaml"
MADE_BY_US = "LICENTIES.txt"  # admin/ holds it once participatie wrote the editor there
LONG = {
    "samenvatting",
    "toelichting",
    "motivering",
    "omschrijving",
    "reactie",
    "verslag",
    "tekst",
    "wat",
    "communicatie",
}
FILES = {  # collection name -> (folder, file, label, identifier)
    "traject": ("projecten", "traject", "Trajecten: plan en nieuws", "titel"),
    "planning": ("projecten", "planning", "Trajecten: planning", None),
    "terugkoppeling": ("projecten", "terugkoppeling", "Trajecten: inbreng en reacties", None),
    "kaders": ("projecten", "kaders", "Trajecten: kaders", None),
    "initiatief": ("initiatieven", "initiatief", "Initiatieven", "titel"),
}


def _label(name: str) -> str:
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def _resolve(prop: dict, defs: dict) -> tuple[dict, bool]:
    """The property without its '| None' branch, and whether it may be left empty."""
    if "$ref" in prop:
        return defs[prop["$ref"].rsplit("/", 1)[-1]], False
    branches = prop.get("anyOf")
    if branches:
        rest = [b for b in branches if b.get("type") != "null"]
        optional = len(rest) < len(branches)
        if len(rest) == 1:
            inner, _ = _resolve(rest[0], defs)
            return {**inner, **{k: v for k, v in prop.items() if k in ("description", "title")}}, optional
        return {"type": "string", "description": prop.get("description", "")}, optional  # a number or a word
    return prop, False


def words(p: Profiel) -> dict[str, str]:
    """What a code is called on the site: the select shows the name, the file keeps the code."""
    out: dict[str, str] = {str(k): v for table in (STATUSSEN, MOMENT_SOORTEN, UITKOMSTEN) for k, v in table.items()}
    out |= {k: p.afwijking_naam(k) for k in AFWIJKINGSSOORTEN}
    for items in (p.niveaus, p.soorten_werk, p.besluitorganen, p.bestuursstijlen, p.fasen, p.rollen_raad):
        out |= {i.code: i.naam for i in items}
    if p.initiatieven:
        i = p.initiatieven
        for keuzes in (i.routes, i.uitkomsten, i.steun, i.soorten, i.omvang):
            out |= {k.code: k.naam for k in keuzes}
    return out


def _options(values: list, names: dict[str, str]) -> list:
    return [{"label": names[v], "value": v} if names.get(v, v) != v else v for v in values]


def field(
    name: str, prop: dict, defs: dict, required: bool, kernen: tuple[str, ...] = (), names: dict[str, str] | None = None
) -> dict | None:
    """One Decap field for one property of the schema; None for what a form cannot show (kept in the file)."""
    description = prop.get("description", "")
    spec, optional = _resolve(prop, defs)
    description = description or spec.get("description", "")
    out: dict = {"name": name, "label": _label(name), "required": required and not optional}
    if description:
        out["hint"] = description
    kind = spec.get("type")
    if name == "kernen" and kernen:
        return {**out, "widget": "select", "multiple": True, "options": list(kernen)}
    if "enum" in spec:
        return {**out, "widget": "select", "options": _options(spec["enum"], names or {})}
    if kind == "string" and spec.get("format") == "date":
        return {**out, "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY", "time_format": False}
    if kind == "string" and "pattern" in spec and ":" in spec["pattern"]:
        return {**out, "widget": "string", "pattern": [spec["pattern"], "Schrijf de tijd als uu:mm, zoals 19:30."]}
    if kind == "string":
        return {**out, "widget": "text" if name in LONG else "string"}
    if kind == "boolean":
        return {**out, "widget": "boolean", "required": False}
    if kind == "integer":
        return {**out, "widget": "number", "value_type": "int"}
    if kind == "array":
        items, _ = _resolve(spec.get("items", {}), defs)
        if items.get("type") == "object" and "properties" in items:
            return {**out, "widget": "list", "fields": _fields(items, defs, kernen, names), "required": False}
        if "enum" in items:
            options = _options(items["enum"], names or {})
            return {**out, "widget": "select", "multiple": True, "options": options, "required": False}
        return {**out, "widget": "list", "required": False}
    if kind == "object" and "properties" in spec:
        return {**out, "widget": "object", "fields": _fields(spec, defs, kernen, names), "collapsed": True}
    keys = (spec.get("propertyNames") or {}).get("enum")
    if kind == "object" and keys:  # a map with the profile's keys (stap 1, quick scan, an initiative's steps)
        value = spec.get("additionalProperties", {})
        fields = [f for k in keys if (f := field(k, value, defs, False, kernen, names)) is not None]
        return {**out, "widget": "object", "fields": fields, "collapsed": True, "required": False}
    return None


def _fields(schema: dict, defs: dict, kernen: tuple[str, ...], names: dict[str, str] | None = None) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        f
        for name, prop in schema.get("properties", {}).items()
        if (f := field(name, prop, defs, name in required, kernen, names)) is not None
    ]


def collections(p: Profiel, kernen: tuple[str, ...]) -> list[dict]:
    out = []
    for name, (folder, file, label, identifier) in FILES.items():
        if name == "initiatief" and p.initiatieven is None:
            continue
        schema = build_schema(f"{file}.yaml", p)
        fields = _fields(schema, schema.get("definitions", {}), kernen, words(p))
        collection = {
            "name": name,
            "label": label,
            "folder": folder,
            "path": f"{{{{slug}}}}/{file}",
            "extension": "yaml",
            "format": FORMAT,
            "create": False,  # a new trajectory or initiative starts with 'participatie nieuw' (all its files)
            "delete": False,
            "summary": "{{dirname}}" if identifier is None else f"{{{{{identifier}}}}}",
            "fields": [{"name": "__bron", "label": "Bron", "widget": "hidden", "required": False}, *fields],
        }
        collection["identifier_field"] = identifier or "__bron"  # files without a title are found by their folder
        out.append(collection)
    return out


def config(p: Profiel, kernen: tuple[str, ...], backend: str = "gitlab", repo: str = "", app_id: str = "") -> dict:
    """The editor's config.yml: the backend (with a local one for trying it on one's own machine) and the forms."""
    back: dict = {"name": backend, "repo": repo or "groep/project", "branch": "main"}
    if backend == "gitlab":
        back |= {"auth_type": "pkce", "app_id": app_id or "vul-de-application-id-in"}
    return {
        "backend": back,
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "nl",
        "media_folder": "content/bijlagen",
        "collections": collections(p, kernen),
    }


def write_admin(dest: Path, p: Profiel, kernen: tuple[str, ...], vendor: Path, **backend: str) -> list[Path]:
    """admin/ with the page, config.yml, the format and Decap itself (from `vendor`, the npm install)."""
    dest.mkdir(parents=True, exist_ok=True)
    here = resources.files("participatie") / "cms"
    written = []
    for name in ("index.html", "participatie-yaml.js"):
        (dest / name).write_text((here / name).read_text(encoding="utf-8"), encoding="utf-8")
        written.append(dest / name)
    (dest / "config.yml").write_text(
        yaml.safe_dump(config(p, kernen, **backend), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    written.append(dest / "config.yml")
    decap = vendor / "node_modules" / "decap-cms"
    for js in sorted((decap / "dist").glob("*decap-cms.js")):  # the bundle and its chunks, without source maps
        shutil.copyfile(js, dest / js.name)
    version = json.loads((decap / "package.json").read_text(encoding="utf-8"))["version"]
    (dest / MADE_BY_US).write_text(
        f"decap-cms {version}: MIT-licentie (https://github.com/decaporg/decap-cms/blob/main/LICENSE).\n"
        "yaml: ISC-licentie, zie yaml/LICENSE.txt.\n",
        encoding="utf-8",
    )
    shutil.copytree(vendor / "node_modules" / "yaml" / "browser" / "dist", dest / "yaml", dirs_exist_ok=True)
    shutil.copyfile(vendor / "node_modules" / "yaml" / "LICENSE", dest / "yaml" / "LICENSE.txt")
    return written
