"""How findings are printed: plain text for people, JSON for tools. The CLI and the builders share these."""

from __future__ import annotations

import json

from .findings import Ernst, Finding, count


def summary(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0) -> str:
    fouten, waarschuwingen = count(findings, Ernst.FOUT), count(findings, Ernst.WAARSCHUWING)
    wat = f"{n_trajecten} {'traject' if n_trajecten == 1 else 'trajecten'}"
    if n_initiatieven:
        wat += f" en {n_initiatieven} {'initiatief' if n_initiatieven == 1 else 'initiatieven'}"
    return (f"{wat} gecontroleerd: {fouten} {'fout' if fouten == 1 else 'fouten'}, "
            f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}.")


def as_dict(f: Finding) -> dict:
    return {"pad": f.pad, "regel": f.pos.regel if f.pos else None, "kolom": f.pos.kolom if f.pos else None,
            "ernst": f.ernst.value, "code": f.code, "boodschap": f.boodschap, "hint": f.hint, "map": f.map,
            "publicatie": f.gevolg.value}


def format_text(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0) -> str:
    return "\n".join([f.format() for f in findings] + [summary(findings, n_trajecten, n_initiatieven)])


def format_json(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0) -> str:
    return json.dumps({"trajecten": n_trajecten, "initiatieven": n_initiatieven, "fouten": count(findings, Ernst.FOUT),
                       "waarschuwingen": count(findings, Ernst.WAARSCHUWING),
                       "bevindingen": [as_dict(f) for f in findings]}, ensure_ascii=False, indent=2)


FORMATS = {"tekst": format_text, "json": format_json}
