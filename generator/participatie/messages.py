"""Dutch words for other libraries' errors: the YAML parsers (PyYAML and LibYAML) and pydantic.

Both YAML parsers word the same mistake differently; each pair below maps to one Dutch
message, so staff read the same sentence whichever parser ran.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .findings import FORMAAT, Gevolg, regel

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

VORM_ONTBREEKT = regel("vorm.ontbreekt", "een verplicht veld ontbreekt", Gevolg.TEGENHOUDEN, bron=FORMAAT)
VORM_ONBEKEND = regel(
    "vorm.onbekend-veld", "een veld dat het formaat niet kent (vaak een tikfout)", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
VORM_KOMMA = regel(
    "vorm.tekst-met-komma",
    "tekst met een komma of dubbele punt tussen { } zonder aanhalingstekens",
    Gevolg.TEGENHOUDEN,
    bron=FORMAAT,
)
VORM_KEUZE = regel("vorm.keuze", "een waarde die niet in de vaste keuzelijst staat", Gevolg.TEGENHOUDEN, bron=FORMAAT)
VORM_DATUM_BESTAAT_NIET = regel(
    "vorm.datum-bestaat-niet", "een datum die niet bestaat, zoals 30 februari", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
VORM_DATUM = regel("vorm.datum", "een datum of tijd in een verkeerde schrijfwijze", Gevolg.TEGENHOUDEN, bron=FORMAAT)
VORM_LEEG = regel("vorm.leeg", "een veld zonder tekst", Gevolg.TEGENHOUDEN, bron=FORMAAT)
VORM_CODE = regel("vorm.code", "een id met tekens die niet in een webadres passen", Gevolg.TEGENHOUDEN, bron=FORMAAT)
VORM_SOORT = regel("vorm.soort", "tekst, lijst, getal of ja/nee op de verkeerde plek", Gevolg.TEGENHOUDEN, bron=FORMAAT)
VORM_GETAL = regel("vorm.getal", "een getal buiten het toegestane bereik", Gevolg.TEGENHOUDEN, bron=FORMAAT)

YAML_HINT = "Controleer de inspringing, de dubbele punten en de aanhalingstekens op deze regel en de regel erboven."

# (problem or context contains, message, hint). PyYAML and LibYAML wordings side by side.
_YAML = [
    (
        "mapping values are not allowed",
        "hier staat een dubbele punt die YAML niet verwacht.",
        'Zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld: titel: "Let op: nieuw".',
    ),
    ("could not find expected ':'", "hier mist een dubbele punt na de veldnaam.", "Schrijf 'veld: waarde'."),
    (
        "while parsing a block collection",
        "de inspringing van deze lijst klopt niet.",
        "Laat elk lijst-item met '- ' beginnen, even ver ingesprongen.",
    ),
    ("while parsing a block mapping", "de inspringing klopt hier niet.", YAML_HINT),
    (
        "found undefined alias",
        "hier staat een verwijzing ('*') naar een anker dat niet bestaat.",
        "Haal de '*' weg of schrijf de waarde uit.",
    ),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op; er mist een afsluitend teken.",
        "Controleer of elk aanhalingsteken en elke haak ook wordt afgesloten.",
    ),
    (
        "found unknown escape character",
        "hier staat een ongeldige backslash-code in tekst tussen dubbele aanhalingstekens.",
        "Gebruik enkele aanhalingstekens of schrijf '\\\\'.",
    ),
    (
        "expected a single document",
        "het bestand bevat meer dan één YAML-document ('---').",
        "Haal de tweede '---' weg.",
    ),
    (
        "cannot start any token",
        "hier staat een teken waarmee een waarde niet mag beginnen.",
        "Zet de waarde tussen aanhalingstekens.",
    ),
    (
        "while parsing a flow",
        "een lijst of blok met haken ([ ] of { }) is niet goed afgesloten.",
        "Controleer of elke '[' een ']' heeft en elke '{' een '}'.",
    ),
    ("found duplicate anchor", "hetzelfde anker ('&') staat twee keer in het bestand.", "Gebruik elk anker één keer."),
]
# For these the parsers disagree about the column; the start of the value is where staff look.
AT_CONTEXT = ("found unknown escape character",)


def translate_yaml_error(problem: str, context: str) -> tuple[str, str, bool]:
    """(message, hint, point at the context mark) in Dutch for a YAML parser's problem and context."""
    text = f"{problem} {context}"
    for needle, msg, hint in _YAML:
        if needle in text:
            return msg, hint, needle in AT_CONTEXT
    return f"de YAML klopt hier niet ({problem or context}).", YAML_HINT, False


def suggest(word: object, options: Iterable[object]) -> str:
    match = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" Bedoelde u '{match[0]}'?" if match else ""


_TYPES = {
    "str": "tekst",
    "int": "een getal",
    "float": "een getal",
    "bool": "true of false",
    "list": "een lijst",
    "dict": "een lijst met velden",
    "NoneType": "niets",
}
_WANT = {
    "string_type": "tekst",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "model_type": "een lijst met velden (veld: waarde)",
    "dict_type": "een lijst met velden (veld: waarde)",
    "model_attributes_type": "een lijst met velden (veld: waarde)",
    "bool_type": "true of false",
    "bool_parsing": "true of false",
    "int_type": "een heel getal",
    "int_parsing": "een heel getal",
    "int_from_float": "een heel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
}


def describe(value: object) -> str:
    name = type(value).__name__
    return _TYPES.get(name, name)


def translate(error: ErrorDetails, known_fields: list[str]) -> tuple[str, str, str]:
    """(code, message, hint) for one pydantic error dict."""
    kind, loc, value, ctx = error["type"], error["loc"], error.get("input"), error.get("ctx") or {}
    field = str(loc[-1]) if loc else "bestand"
    if kind == "missing":
        return VORM_ONTBREEKT, f"het verplichte veld '{field}' ontbreekt.", f"Voeg '{field}:' toe met een waarde."
    if kind == "extra_forbidden" and (" " in field or field[:1].isdigit()):
        return (
            VORM_KOMMA,
            f"onbekend veld '{field}'. Staat er een komma of dubbele punt in een tekst tussen {{ }}?",
            'Zet die tekst tussen aanhalingstekens, bijvoorbeeld: titel: "Budget is 1,2 miljoen euro".',
        )
    if kind == "extra_forbidden":
        return (
            VORM_ONBEKEND,
            f"onbekend veld '{field}'.{suggest(field, known_fields)}",
            f"Toegestane velden hier: {', '.join(known_fields)}.",
        )
    if kind in ("literal_error", "enum"):
        options = [o.strip().strip("'") for o in ctx.get("expected", "").replace(" or ", ",").split(",") if o.strip()]
        return (
            VORM_KEUZE,
            f"'{value}' is geen geldige waarde voor '{field}'.{suggest(value, options)}",
            f"Kies uit: {', '.join(options)}.",
        )
    if kind.startswith(("date", "time")):
        return _date_or_time(kind, field, value)
    if kind == "string_too_short":
        return VORM_LEEG, f"'{field}' is leeg.", f"Vul '{field}' in, of haal het veld weg."
    if kind == "string_pattern_mismatch":
        return (
            VORM_CODE,
            f"'{value}' is geen geldige code voor '{field}'.",
            "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'inloopavond-1'.",
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than": "groter dan",
            "greater_than_equal": "minstens",
            "less_than": "kleiner dan",
            "less_than_equal": "hoogstens",
        }[kind]
        return (
            VORM_GETAL,
            f"'{field}' moet {words} {bound} zijn, maar is {value}.",
            f"Vul bij '{field}' een getal in dat {words} {bound} is.",
        )
    want = _WANT.get(kind, "een andere waarde")
    return VORM_SOORT, f"bij '{field}' hoort {want}, maar er staat {describe(value)}.", _type_hint(kind, want, value)


def _type_hint(kind: str, want: str, value: object) -> str:
    if kind != "string_type" or value is None:
        return f"Schrijf hier {want}."
    if isinstance(value, list):
        return "Schrijf één tekst, zonder [ ] en zonder regels die met '- ' beginnen."
    if isinstance(value, dict):
        return "Staat er een dubbele punt in de tekst? Zet de tekst dan tussen aanhalingstekens."
    return f'YAML las {value} als {describe(value)}; zet de tekst tussen aanhalingstekens, bijvoorbeeld "{value}".'


def _date_or_time(kind: str, field: str, value: object) -> tuple[str, str, str]:
    what = "datum" if kind.startswith("date") else "tijd"
    parts = str(value).split("-")
    if what == "datum" and len(parts) == 3 and all(p.isdigit() for p in parts):
        return (
            VORM_DATUM_BESTAAT_NIET,
            f"'{value}' is geen bestaande datum.",
            "Controleer dag en maand; schrijf bijvoorbeeld 2026-03-14.",
        )
    example = "2026-03-14 (jaar-maand-dag)" if what == "datum" else "19:30 (uren:minuten)"
    return VORM_DATUM, f"'{value}' is geen geldige {what} voor '{field}'.", f"Schrijf de {what} als {example}."


OS_ERRORS = {
    errno.ENOENT: "de map of het bestand bestaat niet",
    errno.EACCES: "u heeft geen toegang",
    errno.EPERM: "dat mag niet (geen toestemming)",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "bestaat al",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EBUSY: "is in gebruik",
    errno.EXDEV: "ligt op een andere schijf",
    errno.EMFILE: "er staan te veel bestanden tegelijk open",
}


def os_error(exc: OSError) -> str:
    """An operating-system error in Dutch: what went wrong, without the system's English text."""
    if exc.errno is None:
        return "het systeem weigerde"
    return OS_ERRORS.get(
        exc.errno, f"het systeem weigerde (foutcode {exc.errno})" if exc.errno else "het systeem weigerde"
    )
