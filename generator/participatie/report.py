"""How findings are printed: plain text for people, JSON for tools, and the formats of the
places staff look (GitHub annotations, GitLab Code Quality, SARIF for any code-scanning UI).
The CLI and the builders share these.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from .findings import REGELS, Ernst, Finding, count


def summary(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0) -> str:
    fouten, waarschuwingen = count(findings, Ernst.FOUT), count(findings, Ernst.WAARSCHUWING)
    wat = f"{n_trajecten} {'traject' if n_trajecten == 1 else 'trajecten'}"
    if n_initiatieven:
        wat += f" en {n_initiatieven} {'initiatief' if n_initiatieven == 1 else 'initiatieven'}"
    return (
        f"{wat} gecontroleerd: {fouten} {'fout' if fouten == 1 else 'fouten'}, "
        f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}."
    )


def as_dict(f: Finding) -> dict[str, object]:
    assert f.gevolg is not None  # Finding.__post_init__ decides it
    return {
        "pad": f.pad,
        "regel": f.pos.line if f.pos else None,
        "kolom": f.pos.column if f.pos else None,
        "ernst": f.ernst.value,
        "code": f.code,
        "boodschap": f.boodschap,
        "hint": f.hint,
        "map": f.map,
        "publicatie": f.gevolg.value,
        "bron": f.bron,
        "citaat": f.citaat,
    }


def format_text(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0, toetsingen=()) -> str:
    return "\n".join([f.format() for f in findings] + [summary(findings, n_trajecten, n_initiatieven)])


def verdict_dict(v) -> dict:
    """One trajectory's or initiative's verdict, as the pages and the raad overview show it."""
    return {
        "map": v.map,
        "soort": v.soort,
        "publicatie": v.publicatie.value,
        "voldoet": v.voldoet,
        "ontbreekt": list(v.ontbreekt),
        "afwijkingen": len(v.afwijkingen),
        "afwijkingen_gemotiveerd": v.afwijkingen_gemotiveerd,
    }


def format_json(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0, toetsingen=()) -> str:
    return json.dumps(
        {
            "trajecten": n_trajecten,
            "initiatieven": n_initiatieven,
            "fouten": count(findings, Ernst.FOUT),
            "waarschuwingen": count(findings, Ernst.WAARSCHUWING),
            "toetsing": [verdict_dict(v) for v in sorted(toetsingen, key=lambda v: v.map)],
            "bevindingen": [as_dict(f) for f in findings],
        },
        ensure_ascii=False,
        indent=2,
    )


def fingerprints(findings: list[Finding]) -> list[str]:
    """One fingerprint per finding, stable across runs and line shifts: code, file and message, and which
    occurrence of that triple it is. A merge request then shows only the findings that are new."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        key = (f.code, f.pad, f.boodschap)
        out.append(hashlib.sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest())
        seen[key] += 1
    return out


def _message(f: Finding) -> str:
    return "\n".join(x for x in (f.boodschap, f.hint, f"Bron: {f.herkomst}" if f.bron else "") if x)


def format_github(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0, toetsingen=()) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line in the merge request."""
    lines = []
    for f in findings:
        props = {"file": f.pad, "title": f"participatie {f.code or f.ernst.value}"}
        if f.pos:
            props |= {"line": str(f.pos.line), "col": str(f.pos.column)}
        command = "error" if f.ernst is Ernst.FOUT else "warning"
        joined = ",".join(f"{k}={_escape_property(v)}" for k, v in props.items())
        lines.append(f"::{command} {joined}::{_escape_data(_message(f))}")
    return "\n".join(lines + [summary(findings, n_trajecten, n_initiatieven)])


def _escape_data(text: str) -> str:  # as @actions/core escapes a command's message
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_gitlab(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0, toetsingen=()) -> str:
    """A GitLab Code Quality report (artifacts:reports:codequality): shown in the merge request's widget and diff."""
    return json.dumps(
        [
            {
                "description": _message(f),
                "check_name": f.code or f.ernst.value,
                "fingerprint": fp,
                "severity": "major" if f.ernst is Ernst.FOUT else "minor",
                "location": {"path": f.pad, "lines": {"begin": f.pos.line if f.pos else 1}},
            }
            for f, fp in zip(findings, fingerprints(findings), strict=True)
        ],
        ensure_ascii=False,
        indent=2,
    )


def format_sarif(findings: list[Finding], n_trajecten: int, n_initiatieven: int = 0, toetsingen=()) -> str:
    """SARIF 2.1.0, read by GitHub code scanning, GitLab and most editors."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        tool_version = version("participatie")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
        tool_version = "0"
    codes = sorted({f.code for f in findings if f.code})
    index = {code: i for i, code in enumerate(codes)}
    rules = [
        {
            "id": code,
            "shortDescription": {"text": REGELS[code].uitleg if code in REGELS else code},
            "properties": {"publicatie": REGELS[code].gevolg.value if code in REGELS else "tegenhouden"},
        }
        for code in codes
    ]
    results = []
    for f, fp in zip(findings, fingerprints(findings), strict=True):
        location: dict[str, object] = {"artifactLocation": {"uri": f.pad, "uriBaseId": "%SRCROOT%"}}
        if f.pos:
            location["region"] = {"startLine": f.pos.line, "startColumn": f.pos.column}
        result: dict[str, object] = {
            "ruleId": f.code or f.ernst.value,
            "level": "error" if f.ernst is Ernst.FOUT else "warning",
            "message": {"text": _message(f)},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {"participatie/v1": fp},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    run = {
        "tool": {"driver": {"name": "participatie", "version": tool_version, "language": "nl", "rules": rules}},
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "De map met mkdocs.yml"}}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps(
        {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]},
        ensure_ascii=False,
        indent=2,
    )


FORMATS = {
    "tekst": format_text,
    "json": format_json,
    "github": format_github,
    "gitlab": format_gitlab,
    "sarif": format_sarif,
}
WITH_VERDICTS = {"json"}  # the formats that print each folder's verdict, not only the findings
