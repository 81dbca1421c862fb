"""Dutch messages for pydantic validation errors, with 'bedoelde u …?' suggestions."""

from __future__ import annotations

import difflib

from pydantic import ValidationError

_TYPES = {"str": "tekst", "int": "een getal", "float": "een getal", "bool": "true of false",
          "list": "een lijst", "dict": "een lijst met velden", "NoneType": "niets"}


def describe(value) -> str:
    name = type(value).__name__
    return _TYPES.get(name, name)


def suggest(word: str, options) -> str:
    match = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" Bedoelde u '{match[0]}'?" if match else ""


def translate(error: dict, known_fields: list[str]) -> tuple[str, str]:
    """Return (message, hint) for one pydantic error dict."""
    kind, loc, value, ctx = error["type"], error["loc"], error.get("input"), error.get("ctx") or {}
    field = str(loc[-1]) if loc else "bestand"
    if kind == "missing":
        return f"het verplichte veld '{field}' ontbreekt.", f"Voeg '{field}:' toe met een waarde."
    if kind == "extra_forbidden" and (" " in field or field[:1].isdigit()):
        return f"onbekend veld '{field}'. Staat er een komma of dubbele punt in een tekst tussen {{ }}?", \
            "Zet die tekst tussen aanhalingstekens, bijvoorbeeld: titel: \"Budget is 1,2 miljoen euro\"."
    if kind == "extra_forbidden":
        return f"onbekend veld '{field}'.{suggest(field, known_fields)}", \
            f"Toegestane velden hier: {', '.join(known_fields)}."
    if kind == "literal_error":
        options = [o.strip().strip("'") for o in ctx.get("expected", "").replace(" or ", ",").split(",") if o.strip()]
        return f"'{value}' is geen geldige waarde voor '{field}'.{suggest(value, options)}", \
            f"Kies uit: {', '.join(options)}."
    if kind.startswith("date") or kind.startswith("time"):
        what = "datum" if kind.startswith("date") else "tijd"
        example = "2026-03-14 (jaar-maand-dag)" if what == "datum" else "19:30 (uren:minuten)"
        if kind in ("date_from_datetime_parsing", "date_parsing") and _looks_like_date(value):
            return f"'{value}' is geen bestaande datum.", "Controleer dag en maand; schrijf bijvoorbeeld 2026-03-14."
        return f"'{value}' is geen geldige {what} voor '{field}'.", f"Schrijf de {what} als {example}."
    if kind == "string_too_short":
        return f"'{field}' is leeg.", f"Vul '{field}' in, of haal het veld weg."
    if kind == "string_pattern_mismatch":
        return f"'{value}' is geen geldige code voor '{field}'.", \
            "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'inloopavond-1'."
    if kind in ("string_type", "list_type", "model_type", "dict_type", "bool_type", "bool_parsing"):
        want = {"string_type": "tekst", "list_type": "een lijst (regels die met '- ' beginnen)",
                "model_type": "een lijst met velden (veld: waarde)", "dict_type": "een lijst met velden (veld: waarde)",
                "bool_type": "true of false", "bool_parsing": "true of false"}[kind]
        hint = "Zet de tekst tussen aanhalingstekens." if kind == "string_type" and value is not None else \
            f"Schrijf hier {want}."
        return f"bij '{field}' hoort {want}, maar er staat {describe(value)}.", hint
    return f"de waarde bij '{field}' klopt niet ({error.get('msg', kind)}).", "Controleer de waarde."


def _looks_like_date(value) -> bool:
    parts = str(value).split("-")
    return len(parts) == 3 and all(p.isdigit() for p in parts)


def errors_of(exc: ValidationError) -> list[dict]:
    return exc.errors(include_url=False)
