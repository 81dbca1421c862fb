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

import datetime as dt
import json
import shutil
from importlib import resources
from pathlib import Path

import yaml

from ..model.profiel import Profiel
from ..schema import build_schema
from ..vocabulary import (
    AFWIJKINGSSOORTEN,
    INITIATIEF_BESTANDEN,
    MARKDOWN_BESTANDEN,
    MOMENT_SOORTEN,
    SLUG,
    STATUSSEN,
    UITKOMSTEN,
    YAML_BESTANDEN,
)

DECAP = "decap-cms@3.16.3"
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
BRON = "__bron"  # the hidden field with the text as read (see participatie-yaml.js)
NIEUW = "__nieuw"  # a field no file has: the "Nieuw ..." collections list nothing
KINDS = {  # each file of a folder, as the editor lists it
    "traject.yaml": "Plan en nieuws",
    "planning.yaml": "Planning",
    "terugkoppeling.yaml": "Inbreng en reacties",
    "kaders.yaml": "Kaders",
    "opgave.md": "Opgave",
    "eindverslag.md": "Eindverslag",
    "initiatief.yaml": "Het initiatief",
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
    # (a nested object's own description is its model's docstring, written for developers: not shown)
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
        # Decap checks an object's fields even when the object is left empty: inside an object that may be
        # left out (gestopt, vastgesteld, afweging ...), nothing is required; 'participatie check' says what
        # an object needs once it is there
        loose = not out["required"]
        return {
            **out,
            "widget": "object",
            "fields": [_loose(f) if loose else f for f in _fields(spec, defs, kernen, names)],
            "collapsed": True,
        }
    keys = (spec.get("propertyNames") or {}).get("enum")
    if kind == "object" and keys:  # a map with the profile's keys (stap 1, quick scan, an initiative's steps)
        value = spec.get("additionalProperties", {})
        fields = [_loose(f) for k in keys if (f := field(k, value, defs, False, kernen, names)) is not None]
        return {**out, "widget": "object", "fields": fields, "collapsed": True, "required": False}
    return None


def _loose(f: dict) -> dict:
    """A field and the object fields under it, none of them required (lists keep theirs: an item is added)."""
    out = {**f, "required": False}
    if f.get("widget") == "object":
        out["fields"] = [_loose(sub) for sub in f["fields"]]
    return out


def _fields(schema: dict, defs: dict, kernen: tuple[str, ...], names: dict[str, str] | None = None) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        f
        for name, prop in schema.get("properties", {}).items()
        if (f := field(name, prop, defs, name in required, kernen, names)) is not None
    ]


def file_fields(p: Profiel, kernen: tuple[str, ...]) -> dict[str, dict]:
    """Per kind of file (traject.yaml ... opgave.md) its Decap file entry without a path: format and fields."""
    names = words(p)
    out: dict[str, dict] = {}
    for bestand, label in KINDS.items():
        if bestand.endswith(".md"):
            hint = "In Markdown, zonder namen van inwoners."
            if bestand == "eindverslag.md":
                koppen = [o.kop for o in p.eindverslag_onderdelen] + (
                    [p.lessen.kop] if p.lessen and p.lessen.kop else []
                )
                hint = f"Met de kopjes uit het beleid: {', '.join('## ' + k for k in koppen)}. " + hint
            body = {"name": "body", "label": "Tekst", "widget": "markdown", "modes": ["raw"], "hint": hint}
            marker = {"name": "__md", "label": "Markdown", "widget": "hidden", "required": False}
            out[bestand] = {"label": label, "fields": [marker, body]}
            continue
        if bestand == "initiatief.yaml" and p.initiatieven is None:
            continue
        schema = build_schema(bestand, p)
        fields = _fields(schema, schema.get("definitions", {}), kernen, names)
        hidden = {"name": BRON, "label": "Bron", "widget": "hidden", "required": False}
        out[bestand] = {"label": label, "fields": [hidden, *fields]}
    return out


def _title(path: Path, slug: str) -> str:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return slug
    titel = data.get("titel") if isinstance(data, dict) else None
    return titel if isinstance(titel, str) and titel.strip() else slug


def collections(p: Profiel, kernen: tuple[str, ...], base: Path, folders: dict[str, str]) -> list[dict]:
    """One collection per trajectory and per initiative, with its files as entries: a folder in Git is one thing
    to edit. `folders` maps 'projecten' and 'initiatieven' to where they are (the site's settings)."""
    kinds = file_fields(p, kernen)
    out = []
    for soort, main, files in (
        ("projecten", "traject.yaml", [*YAML_BESTANDEN, *MARKDOWN_BESTANDEN]),
        ("initiatieven", "initiatief.yaml", list(INITIATIEF_BESTANDEN)),
    ):
        if main not in kinds:
            continue
        root = base / folders[soort]
        for folder in sorted(d for d in root.iterdir() if d.is_dir() and SLUG.match(d.name)) if root.is_dir() else []:
            present = [f for f in files if (folder / f).is_file()]
            out.append(
                {
                    "name": f"{soort}-{folder.name}",
                    "label": _title(folder / main, folder.name),
                    "format": FORMAT,  # one format for every file (participatie-yaml.js tells YAML from Markdown)
                    "description": "Initiatief van inwoners" if soort == "initiatieven" else "Traject",
                    "files": [
                        {"name": f.replace(".", "-"), "file": f"{folders[soort]}/{folder.name}/{f}", **kinds[f]}
                        for f in present
                    ],
                }
            )
    return out


NEW = {  # soort: (collection, its main file, label, the label of one)
    "projecten": ("nieuw-traject", "traject.yaml", "Nieuw traject", "traject"),
    "initiatieven": ("nieuw-initiatief", "initiatief.yaml", "Nieuw initiatief", "initiatief"),
}


def _default(value: object) -> object:
    """A template's value as a form's starting value; None where the form should start empty."""
    if value is None or value == "" or value == [] or value == {} or isinstance(value, dt.date):
        return None  # (a date: Decap's date field starts at today, the template's date is the day of the build)
    return value


def new_collections(p: Profiel, kernen: tuple[str, ...], folders: dict[str, str], nieuw: dict) -> list[dict]:
    """'Nieuw traject' and 'Nieuw initiatief': a new folder from the same texts as `participatie nieuw`.

    `nieuw` maps 'projecten' and 'initiatieven' to the template texts (scaffold.template_texts, titel empty).
    The form starts from the main file's text (the hidden field keeps its comments) and its values; the other
    files of the folder are written with it, in the same commit (index.html adds them, never over a file that
    exists). The list stays empty: each existing folder is its own collection."""
    kinds = file_fields(p, kernen)
    out = []
    for soort, (name, main, label, een) in NEW.items():
        texts = nieuw.get(soort)
        if not texts or main not in kinds:
            continue
        start = yaml.safe_load(texts[main]) or {}
        fields = []
        for f in kinds[main]["fields"]:
            f = dict(f)
            if f["name"] == BRON:
                f["default"] = texts[main]
            elif (value := _default(start.get(f["name"]))) is not None:
                f["default"] = value
            fields.append(f)
        out.append(
            {
                "name": name,
                "label": label,
                "label_singular": f"nieuw {een}",  # the button: '+ nieuw traject'
                "description": (
                    f"Een nieuw {een}: vul de titel en wat u weet in en sla op. De map komt in {folders[soort]}/ met "
                    f"dezelfde bestanden als 'participatie nieuw' maakt. Na de volgende bouw staat het {een} in de lijst "
                    "met al zijn bestanden."
                ),
                "folder": folders[soort],
                "path": "{{slug}}/" + main.removesuffix(".yaml"),
                "extension": "yaml",
                "format": FORMAT,
                "create": True,
                "delete": False,
                "identifier_field": "titel",
                "filter": {"field": NIEUW, "value": "ja"},  # no file has it: the list shows no existing folder
                "fields": fields,
            }
        )
    return out


def config(
    p: Profiel,
    kernen: tuple[str, ...],
    base: Path,
    folders: dict[str, str],
    backend: str = "gitlab",
    repo: str = "",
    app_id: str = "",
    nieuw: dict | None = None,
    gitlab_url: str = "",
    branch: str = "main",
) -> dict:
    """The editor's config.yml: the backend (with a local one for trying it on one's own machine) and the forms.

    GitLab logs in with PKCE: an application in GitLab (its Application ID, not its secret) and no server of
    ours; a gemeente's own GitLab is `gitlab_url`. GitHub needs an OAuth server beside the site (GitHub gives a
    page in the browser no login of its own); the README says so. The secret is never in this file."""
    back: dict = {"name": backend, "repo": repo or "groep/project", "branch": branch}
    if backend == "gitlab":
        back |= {"auth_type": "pkce", "app_id": app_id or "vul-de-application-id-in"}
        if gitlab_url:
            root = gitlab_url.rstrip("/")
            back |= {"base_url": root, "api_root": f"{root}/api/v4", "auth_endpoint": "oauth/authorize"}
    return {
        "backend": back,
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "nl",
        "media_folder": "content/bijlagen",
        # a folder name as `participatie nieuw` wants it: small letters, digits and dashes, without accents
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # making something new first, then each folder (a long list on a large site)
        "collections": [*new_collections(p, kernen, folders, nieuw or {}), *collections(p, kernen, base, folders)],
    }


def new_files(nieuw: dict) -> dict[str, dict[str, str]]:
    """Per 'Nieuw ...' collection the other files of a new folder (nieuw.json, read by index.html)."""
    return {
        name: {f: text for f, text in nieuw[soort].items() if f != main}
        for soort, (name, main, _, _) in NEW.items()
        if soort in nieuw
    }


def write_admin(
    dest: Path,
    p: Profiel,
    kernen: tuple[str, ...],
    base: Path,
    folders: dict[str, str],
    vendor: Path,
    nieuw: dict | None = None,
    **backend: str,
) -> list[Path]:
    """admin/ with the page, config.yml, the format and Decap itself (from `vendor`, the npm install)."""
    dest.mkdir(parents=True, exist_ok=True)
    here = resources.files("participatie") / "cms"
    written = []
    for name in ("index.html", "participatie-yaml.js", "nieuw.js"):
        (dest / name).write_text((here / name).read_text(encoding="utf-8"), encoding="utf-8")
        written.append(dest / name)
    (dest / "config.yml").write_text(
        yaml.safe_dump(config(p, kernen, base, folders, nieuw=nieuw, **backend), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    written.append(dest / "config.yml")
    (dest / "nieuw.json").write_text(json.dumps(new_files(nieuw or {}), ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(dest / "nieuw.json")
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
