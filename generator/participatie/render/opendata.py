"""Open data that explains itself: a Frictionless Data Package (v1) for the exports, the input-and-response
ledger, and a DCAT-AP-NL catalogue record a portal such as data.overheid.nl can harvest.

Types, enums and required fields come from the product's vocabularies and the gemeente's profile,
so the descriptor says exactly what the build wrote.
"""

from __future__ import annotations

import datetime as dt
import json

from ..model.profiel import Profiel
from ..vocabulary import LICENTIES, SLUG_PATTERN, STATUSSEN, UITKOMSTEN

JA_NEE = {"enum": ["ja", "nee"]}

LEDGER_COLUMNS = [
    ("traject", "Titel van het traject"),
    ("slug", "Korte naam van het traject (map in projecten/)"),
    ("inbreng", "Korte naam van het punt inbreng"),
    ("moment", "Het moment waarop de inbreng is opgehaald"),
    ("moment_datum", "Datum van dat moment (jjjj-mm-dd)"),
    ("samenvatting", "De inbreng, samengevat zonder namen"),
    ("uitkomst", "Wat de gemeente ermee deed"),
    ("reactie", "De reactie van de gemeente: wat en waarom"),
    ("kader", "Bij 'buiten de kaders': het vaste kader waar het om gaat"),
]


def ledger_rows(views) -> list[dict]:
    """One row per input: the question residents and journalists ask, 'what did you do with what we said?'"""
    rows = []
    for v in views:
        moments = {m.id: m for m in v.dossier.planning.momenten}
        for i in v.dossier.terugkoppeling.inbreng:
            m = moments.get(i.moment or "")
            rows.append(
                {
                    "traject": v.titel,
                    "slug": v.slug,
                    "inbreng": i.id,
                    "moment": m.titel if m else "",
                    "moment_datum": m.datum.isoformat() if m else "",
                    "samenvatting": i.samenvatting,
                    "uitkomst": i.uitkomst,
                    "reactie": i.reactie or "",
                    "kader": i.kader or "",
                }
            )
    return rows


def _fields(columns: list[tuple[str, str]], types: dict[str, dict]) -> list[dict]:
    out = []
    for name, uitleg in columns:
        spec = {"type": "string", **types.get(name, {})}
        constraints = spec.pop("constraints", {})
        field = {"name": name, "title": name.replace("_", " "), "description": uitleg, **spec}
        if constraints:
            field["constraints"] = constraints
        out.append(field)
    return out


def _trajecten_types(p: Profiel) -> dict[str, dict]:
    pct = {"type": "integer", "constraints": {"minimum": 0, "maximum": 100, "required": True}}
    count = {"type": "integer", "constraints": {"minimum": 0, "required": True}}
    return {
        "traject": {"constraints": {"required": True}},
        "slug": {"constraints": {"required": True, "unique": True, "pattern": SLUG_PATTERN.strip("^$")}},
        "status": {"constraints": {"required": True, "enum": list(STATUSSEN)}},
        "status_naam": {"constraints": {"required": True, "enum": list(STATUSSEN.values())}},
        "soort_werk": {"constraints": {"enum": [s.code for s in p.soorten_werk]}},
        "besluit_door": {"constraints": {"enum": p.orgaan_codes}},
        "plan_vastgesteld_op": {"type": "date", "format": "%Y-%m-%d"},
        "plan_vastgesteld_door": {"constraints": {"enum": p.orgaan_codes}},
        "plan_volledig_pct": pct,
        "eindverslag_volledig_pct": pct,
        "inbreng_beantwoord_pct": pct,
        "eindverslag_nodig": {"constraints": {**JA_NEE, "required": True}},
        "eindverslag_aanwezig": {"constraints": {**JA_NEE, "required": True}},
        "voldoet": {"constraints": {**JA_NEE, "required": True}},
        "inbreng": count,
        "inbreng_beantwoord": count,
        "afwijkingen": count,
        "afwijkingen_gemotiveerd": count,
        "gestopt_op": {"type": "date", "format": "%Y-%m-%d"},
        "deelnemers": count,
        "evaluaties": count,
    }


def _initiatieven_types(p: Profiel) -> dict[str, dict]:
    beleid = p.initiatieven
    assert beleid is not None  # only a site whose policy has initiatives exports them
    count = {"type": "integer", "constraints": {"minimum": 0}}
    per_stap = {f"dagen_tot_{s.code}": count for s in beleid.stappen}
    per_stap |= {f"{s.code}_op_tijd": {"constraints": JA_NEE} for s in beleid.stappen if s.termijn_dagen}
    return {
        **per_stap,
        "doorlooptijd_dagen": count,
        "dagen_lopend": count,
        "initiatief": {"constraints": {"required": True}},
        "slug": {"constraints": {"required": True, "unique": True, "pattern": SLUG_PATTERN.strip("^$")}},
        "ingediend": {"type": "date", "format": "%Y-%m-%d", "constraints": {"required": True}},
        "status": {
            "constraints": {
                "required": True,
                "enum": [
                    "ingediend",
                    *[s.code for s in beleid.stappen],
                    *[u.code for u in beleid.uitkomsten if u.einde],
                ],
            }
        },
        "route": {"constraints": {"enum": [r.naam for r in beleid.routes]}},
        "uitkomst": {"constraints": {"enum": [u.code for u in beleid.uitkomsten]}},
        "aan_zet": {"constraints": {"enum": ["de gemeente", "de initiatiefnemers"]}},
        "afwijkingen": {**count, "constraints": {"minimum": 0, "required": True}},
        "afwijkingen_gemotiveerd": {**count, "constraints": {"minimum": 0, "required": True}},
        "soort": {"constraints": {"enum": [k.code for k in beleid.soorten]}},
        "omvang": {"constraints": {"enum": [k.code for k in beleid.omvang]}},
        "ervaring": {"constraints": {"enum": beleid.ervaring}},
    }


LEDGER_TYPES = {
    "traject": {"constraints": {"required": True}},
    "slug": {"constraints": {"required": True}},
    "inbreng": {"constraints": {"required": True}},
    "moment_datum": {"type": "date", "format": "%Y-%m-%d"},
    "samenvatting": {"constraints": {"required": True}},
    "uitkomst": {"constraints": {"required": True, "enum": list(UITKOMSTEN)}},
}


def datapackage(p: Profiel, meta: dict, resources: list[tuple[str, str, str, list, dict, int]]) -> str:
    """A Data Package v1 descriptor: per resource its path, Table Schema, dialect and row count."""
    licentie = meta["licentie"]
    url, titel = LICENTIES.get(licentie, ("", licentie))
    descriptor = {
        "profile": "tabular-data-package",
        "name": meta["naam"],
        "title": meta["titel"],
        "description": meta["beschrijving"],
        "homepage": meta["homepage"],
        "version": meta["peildatum"],
        "created": meta["gemaakt"],
        "keywords": ["participatie", "inspraak", "gemeenteraad", p.naam],
        "licenses": [{"name": licentie, "path": url, "title": titel}] if url else [{"name": licentie, "title": titel}],
        "sources": [
            {
                "title": f"Trajectbestanden van {meta['gemeente']} in Git, gecontroleerd tegen {p.bron}",
                "path": meta["homepage"],
            }
        ],
        "contributors": [{"title": meta["gemeente"], "role": "publisher"}],
        "resources": [],
    }
    for name, path, title, columns, types, rows in resources:
        descriptor["resources"].append(
            {
                "profile": "tabular-data-resource",
                "name": name,
                "path": path,
                "title": title,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ";", "header": True},
                "aantal_rijen": rows,
                "schema": {"fields": _fields(columns, types), "missingValues": [""]},
            }
        )
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def trajecten_resource(p: Profiel, columns, rows: int):
    return (
        "trajecten",
        "trajecten.csv",
        "Participatietrajecten: volledigheid en afwijkingen",
        columns,
        _trajecten_types(p),
        rows,
    )


def initiatieven_resource(p: Profiel, columns, rows: int):
    return (
        "initiatieven",
        "initiatieven.csv",
        "Inwonersinitiatieven: stappen, termijnen en besluiten",
        columns,
        _initiatieven_types(p),
        rows,
    )


def afwijkingen_resource(p: Profiel, rows: int):
    """One row per afwijking; 'afwijking' has no enum: a declared one may carry a soort the check reports as unknown."""
    from .exports import AFWIJKING_COLUMNS

    required = {"constraints": {"required": True}}
    types = {
        "soort": {"constraints": {"required": True, "enum": ["traject", "initiatief"]}},
        "titel": required,
        "slug": {"constraints": {"required": True, "pattern": SLUG_PATTERN.strip("^$")}},
        "afwijking": required,
        "afwijking_naam": required,
        "wat_er_gebeurde": required,
        **{c: {"constraints": {**JA_NEE, "required": True}} for c in ("gemotiveerd", "gevonden", "opgegeven")},
    }
    return (
        "afwijkingen",
        "afwijkingen.csv",
        "Afwijkingen van het participatiebeleid, elk met de motivering",
        AFWIJKING_COLUMNS,
        types,
        rows,
    )


def ledger_resource(rows: int):
    return (
        "inbreng",
        "inbreng.csv",
        "Inbreng en reacties: wat de gemeente met elke inbreng deed",
        LEDGER_COLUMNS,
        LEDGER_TYPES,
        rows,
    )


THEMA = "http://standaarden.overheid.nl/owms/terms/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def dcat(meta: dict, contact: str, thema: str, distributions: list[tuple[str, str, str]]) -> str:
    """A DCAT-AP-NL record (JSON-LD, context inline so it parses offline) for the site's dataset."""
    nl = lambda text: {"@value": text, "@language": "nl"}  # noqa: E731
    licentie = LICENTIES.get(meta["licentie"], (meta["licentie"], ""))[0]
    base = meta["homepage"]
    publisher = {"@id": base + "#gemeente", "@type": "foaf:Agent", "foaf:name": meta["gemeente"]}
    record = {
        "@context": CONTEXT,
        "@id": base + "raad/catalogus.jsonld#dataset",
        "@type": "dcat:Dataset",
        "dct:title": nl(meta["titel"]),
        "dct:description": nl(meta["beschrijving"]),
        "dct:identifier": base + "raad/catalogus.jsonld#dataset",
        "dct:publisher": publisher,
        "dct:creator": {"@id": base + "#gemeente"},
        "dcat:contactPoint": {
            "@type": "vcard:Kind",
            "vcard:fn": meta["gemeente"],
            "vcard:hasEmail": {"@id": f"mailto:{contact}"},
        },
        "dcat:theme": {"@id": THEMA + thema.replace(" ", "_")},
        "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dct:modified": {"@value": meta["peildatum"], "@type": "xsd:date"},
        "dcat:landingPage": {"@id": base + "raad/index.html"},
        "dcat:keyword": [nl("participatie"), nl("inspraak"), nl("gemeenteraad")],
        "dcat:distribution": [
            {
                "@id": base + path,
                "@type": "dcat:Distribution",
                "dct:title": nl(title),
                "dcat:accessURL": {"@id": base + path},
                "dcat:downloadURL": {"@id": base + path},
                "dct:license": {"@id": licentie},
                "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{kind}"},
                "dct:format": {
                    "@id": f"http://publications.europa.eu/resource/authority/file-type/{kind.split('/')[1].upper()}"
                },
            }
            for path, title, kind in distributions
        ],
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def build_meta(gemeente: str, site_url: str, vandaag: dt.date, licentie: str, naam: str) -> dict:
    return {
        "naam": naam,
        "titel": f"Participatie in {gemeente.removeprefix('Gemeente ')}",
        "beschrijving": f"Alle participatietrajecten van {gemeente}: hoe volledig plan en eindverslag zijn, welke "
        "afwijkingen er zijn en of die zijn uitgelegd, en wat er met elke inbreng van inwoners is gedaan.",
        "homepage": site_url,
        "peildatum": vandaag.isoformat(),
        "gemaakt": f"{vandaag.isoformat()}T00:00:00Z",
        "licentie": licentie,
        "gemeente": gemeente,
    }
