"""Dutch wording for the YAML parser's own error messages."""

from __future__ import annotations

_HINT = "Controleer de inspringing, de dubbele punten en de aanhalingstekens op deze regel en de regel erboven."

_KNOWN = [
    ("mapping values are not allowed", "hier staat een dubbele punt die YAML niet verwacht.",
     "Zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld: titel: \"Let op: nieuw\"."),
    ("could not find expected ':'", "hier mist een dubbele punt na de veldnaam.", "Schrijf 'veld: waarde'."),
    ("did not find expected key", "de inspringing klopt hier niet.", _HINT),
    ("did not find expected '-' indicator", "de inspringing van deze lijst klopt niet.",
     "Laat elk lijst-item met '- ' beginnen, even ver ingesprongen."),
    ("found undefined alias", "hier staat een verwijzing ('*') naar een anker dat niet bestaat.",
     "Haal de '*' weg of schrijf de waarde uit."),
    ("found unexpected end of stream", "het bestand houdt onverwacht op; er mist een afsluitend teken.",
     "Controleer of elk aanhalingsteken en elke haak ook wordt afgesloten."),
    ("found unknown escape character", "hier staat een ongeldige backslash-code in tekst tussen dubbele aanhalingstekens.",
     "Gebruik enkele aanhalingstekens of schrijf '\\\\'."),
    ("expected a single document", "het bestand bevat meer dan één YAML-document ('---').",
     "Haal de tweede '---' weg."),
    ("found character that cannot start any token", "hier staat een teken waarmee een waarde niet mag beginnen.",
     "Zet de waarde tussen aanhalingstekens."),
    ("expected <block end>", "de inspringing klopt hier niet.", _HINT),
    ("while parsing a flow", "een lijst of blok met haken ([ ] of { }) is niet goed afgesloten.",
     "Controleer of elke '[' een ']' heeft en elke '{' een '}'."),
    ("found duplicate anchor", "hetzelfde anker ('&') staat twee keer in het bestand.", "Gebruik elk anker één keer."),
]


def translate_yaml_error(problem: str, context: str) -> tuple[str, str]:
    """Return (message, hint) in Dutch for a PyYAML problem/context pair."""
    text = f"{problem} {context}"
    for needle, msg, hint in _KNOWN:
        if needle in text:
            return msg, hint
    return f"de YAML klopt hier niet ({problem or context}).", _HINT
