"""Personal-data guard: find what looks like a resident's personal data in every published text.

A line may carry a visible allowance for public contact data of organisations or
office holders: '# privacy: openbaar' in YAML, '<!-- privacy: openbaar -->' in Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .findings import Ernst, Finding, Pos
from .project import Traject

ALLOW = re.compile(r"(?:#|<!--)\s*privacy:\s*openbaar", re.IGNORECASE)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[ \-.]?\(?\d\)?){9}(?!\d)")
POSTCODE_HUISNR = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b[ ,]*\d+|\b\d+[a-zA-Z]?,? +[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b")
STREET = re.compile(r"\b[A-Z][a-zà-ÿ'\-]+(?:straat|weg|laan|dijk|plein|steeg|pad|kade|singel|gracht|hof|dreef|erf|"
                    r"markt|wal|veld|horst|stoep|brink|ring|boulevard)\s+\d{1,4}\s?[a-zA-Z]?\b")
BSN = re.compile(r"(?<![\d.])\d{9}(?![\d.])")
IBAN = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{4}(?: ?\d){10}\b")
ADDRESS_FIELDS = {"plaats"}  # venues are public buildings; their address belongs on the page
HINT = "Vat samen zonder iemand herkenbaar te maken (bijvoorbeeld 'een bewoner van de Kerkstraat'). " \
       "Gaat het om openbare gegevens van een organisatie, zet dan '# privacy: openbaar' achter de regel."


@dataclass(frozen=True)
class Settings:
    eigen_domeinen: tuple[str, ...] = ()
    eigen_telefoonnummers: tuple[str, ...] = ()


def elfproef(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"


def iban_ok(text: str) -> bool:
    s = text.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def own_domain(domain: str, settings: Settings) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in settings.eigen_domeinen)


def own_phone(number: str, settings: Settings) -> bool:
    digits = re.sub(r"\D", "", number).removeprefix("0031").removeprefix("31")
    return any(re.sub(r"\D", "", own).lstrip("0") == digits.lstrip("0") for own in settings.eigen_telefoonnummers)


def scan_text(text: str, settings: Settings, addresses: bool = True) -> Iterator[tuple[int, str, str]]:
    """Yield (offset, what, matched text) for each suspicious span."""
    for m in EMAIL.finditer(text):
        if not own_domain(m.group(1), settings):
            yield m.start(), "een e-mailadres", m.group(0)
    for m in PHONE.finditer(text):
        if not own_phone(m.group(0), settings):
            yield m.start(), "een telefoonnummer", m.group(0)
    for m in BSN.finditer(text):
        if elfproef(m.group(0)):
            yield m.start(), "een burgerservicenummer (BSN)", m.group(0)
    for m in IBAN.finditer(text):
        if iban_ok(m.group(0)):
            yield m.start(), "een bankrekeningnummer (IBAN)", m.group(0)
    if addresses:
        for rx, what in ((POSTCODE_HUISNR, "een postcode met huisnummer"), (STREET, "een adres met huisnummer")):
            for m in rx.finditer(text):
                yield m.start(), what, m.group(0)


def _strings(data, loc=()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, loc + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _strings(v, loc + (i,))


def _locate(lines: list[str], start: Pos, needle: str) -> Pos:
    for n in range(start.regel - 1, len(lines)):
        col = lines[n].find(needle, start.kolom - 1 if n == start.regel - 1 else 0)
        if col >= 0:
            return Pos(n + 1, col + 1)
    return start


def check_privacy(t: Traject, settings: Settings) -> list[Finding]:
    out: list[Finding] = []
    for bestand, source in t.sources.items():
        lines = source.text.split("\n")
        for loc, value in _strings(source.data):
            start = source.pos(loc)
            addresses = not (loc and loc[-1] in ADDRESS_FIELDS)
            for _, what, hit in scan_text(value, settings, addresses):
                pos = _locate(lines, start, hit.split("\n")[0])
                if not ALLOW.search(lines[pos.regel - 1]):
                    out.append(_finding(t.pad(bestand), pos, what))
    for md in (t.opgave, t.eindverslag):
        if md is None:
            continue
        for n, line in enumerate(md.text.split("\n"), start=1):
            if ALLOW.search(line):
                continue
            for offset, what, _ in scan_text(line, settings):
                out.append(_finding(md.pad, Pos(n, offset + 1), what))
    return out


def _finding(pad: str, pos: Pos, what: str) -> Finding:
    return Finding(pad, pos, Ernst.FOUT, f"hier staat wat lijkt op {what}; persoonsgegevens van inwoners mogen niet "
                   "op de website.", HINT, code="privacy")
