"""Personal data (AVG): find what looks like a resident's personal data in every text that gets published.

Phone numbers come from `phonenumbers` (only numbers valid in their country), BSN,
IBAN and postcodes from `python-stdnum`; e-mail addresses and street addresses from
patterns. A line may carry a visible allowance for public contact data of organisations
or office holders: '# privacy: openbaar' in YAML, '<!-- privacy: openbaar -->' in Markdown.
"""

from __future__ import annotations

import re
from typing import Iterator

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn, postcode

from ..findings import Ernst, Finding, Gevolg, Pos, regel

ALLOW = re.compile(r"(?:#|<!--)\s*privacy:\s*openbaar", re.IGNORECASE)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
POSTCODE_HUISNR = re.compile(r"\b([1-9]\d{3} ?[A-Z]{2})\b[ ,]*\d+|\b\d+[a-zA-Z]?,? +([1-9]\d{3} ?[A-Z]{2})\b")
STREET = re.compile(r"\b[A-Z][a-zà-ÿ'\-]+(?:straat|weg|laan|dijk|plein|steeg|pad|kade|singel|gracht|hof|dreef|erf|"
                    r"markt|wal|veld|horst|stoep|brink|ring|boulevard)\s+\d{1,4}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?!\d)")
NINE_DIGITS = re.compile(r"(?<![\d.])\d{9}(?![\d.])")
IBAN_LIKE = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{4}(?: ?\d){10}\b")
# A phone number starts with + or 0 and has at least eight more digits; only such text goes to the (slow) matcher.
PHONE_LIKE = re.compile(r"(?:\+|(?<!\d)0)\d(?:[\s\-.()/]*\d){6,}")
ADDRESS_FIELDS = {"plaats"}  # venues are public buildings; their address belongs on the page
DATE_FIELDS = {"datum", "tijd", "eindtijd", "tot", "van"}  # checked as dates and times; they hold nothing else
DIGIT = re.compile(r"\d")
HINT = "Vat samen zonder iemand herkenbaar te maken (bijvoorbeeld 'een bewoner van de Kerkstraat'). " \
       "Gaat het om openbare gegevens van een organisatie, zet dan '# privacy: openbaar' achter de regel."

KINDS = {
    "email": ("een e-mailadres", regel("privacy.email", "een e-mailadres buiten de eigen domeinen", Gevolg.TEGENHOUDEN)),
    "telefoon": ("een telefoonnummer", regel("privacy.telefoon", "een telefoonnummer dat niet van de gemeente is",
                                             Gevolg.TEGENHOUDEN)),
    "bsn": ("een burgerservicenummer (BSN)", regel("privacy.bsn", "een burgerservicenummer", Gevolg.TEGENHOUDEN)),
    "iban": ("een bankrekeningnummer (IBAN)", regel("privacy.iban", "een bankrekeningnummer", Gevolg.TEGENHOUDEN)),
    "postcode": ("een postcode met huisnummer", regel("privacy.postcode", "een postcode met huisnummer", Gevolg.TEGENHOUDEN)),
    "adres": ("een adres met huisnummer", regel("privacy.adres", "een straat met huisnummer", Gevolg.TEGENHOUDEN)),
}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def own_domain(domain: str, eigen: tuple[str, ...]) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in eigen)


def own_phone(number: str, eigen: tuple[str, ...]) -> bool:
    digits = _digits(number).removeprefix("0031").removeprefix("31").lstrip("0")
    return any(_digits(own).lstrip("0") == digits for own in eigen)


def _phones(text: str, eigen: tuple[str, ...]) -> Iterator[tuple[int, str, str]]:
    if not PHONE_LIKE.search(text):
        return
    for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        if not own_phone(m.raw_string, eigen):
            yield m.start, "telefoon", m.raw_string


def scan_text(text: str, eigen_domeinen: tuple[str, ...] = (), eigen_telefoonnummers: tuple[str, ...] = (),
              addresses: bool = True) -> Iterator[tuple[int, str, str]]:
    """Yield (offset, kind, matched text) for each suspicious span."""
    if "@" in text:
        for m in EMAIL.finditer(text):
            if not own_domain(m.group(1), eigen_domeinen):
                yield m.start(), "email", m.group(0)
    if not DIGIT.search(text):  # everything below has digits in it
        return
    yield from _phones(text, eigen_telefoonnummers)
    for m in NINE_DIGITS.finditer(text):
        if bsn.is_valid(m.group(0)):
            yield m.start(), "bsn", m.group(0)
    for m in IBAN_LIKE.finditer(text):
        if iban.is_valid(m.group(0)):
            yield m.start(), "iban", m.group(0)
    if addresses:
        for m in POSTCODE_HUISNR.finditer(text):
            if postcode.is_valid(m.group(1) or m.group(2)):
                yield m.start(), "postcode", m.group(0)
        for m in STREET.finditer(text):
            yield m.start(), "adres", m.group(0)


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


def scan_sources(sources: dict, markdown: list, eigen: tuple[tuple[str, ...], tuple[str, ...]],
                 map_pad: str | None = None) -> list[Finding]:
    """Every string of every YAML source and every line of the Markdown, with its position."""
    out: list[Finding] = []
    for source in sources.values():
        lines = source.text.split("\n")
        for loc, value in _strings(source.data):
            if loc and loc[-1] in DATE_FIELDS or not ("@" in value or DIGIT.search(value)):
                continue
            start = source.pos(loc)
            for _, kind, hit in scan_text(value, *eigen, addresses=not (loc and loc[-1] in ADDRESS_FIELDS)):
                pos = _locate(lines, start, hit.split("\n")[0])
                if not ALLOW.search(lines[pos.regel - 1]):
                    out.append(_finding(source.pad, pos, kind, map_pad))
    for md in markdown:
        for n, line in enumerate(md.text.split("\n"), start=1):
            if not ALLOW.search(line):
                out += [_finding(md.pad, Pos(n, offset + 1), kind, map_pad) for offset, kind, _ in scan_text(line, *eigen)]
    return out


def _finding(pad: str, pos: Pos, kind: str, map_pad: str | None) -> Finding:
    what, code = KINDS[kind]
    return Finding(pad, pos, Ernst.FOUT, f"hier staat wat lijkt op {what}; persoonsgegevens van inwoners mogen niet "
                   "op de website.", HINT, code, map_pad)


def personal_data(t, ctx) -> list[Finding]:
    return scan_sources(t.sources, t.markdown, (ctx.eigen_domeinen, ctx.eigen_telefoonnummers), t.map)


RULES = (personal_data,)
