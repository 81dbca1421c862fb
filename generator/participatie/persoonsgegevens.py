"""What looks like a resident's personal data in a text, read as a reader reads it; and how to mask it.

The text is first made into what a reader sees: Unicode normalised (NFKC: fullwidth digits and
'＠' become ASCII), every dash and space variant made plain, zero-width characters and soft
hyphens removed, HTML character references (`&#64;`) and URL escapes (`%40`) decoded, and
line breaks joined, so a number split over two lines is one number again. Every character of
that reading keeps the offset it came from, so a finding points at the original text.

Phone numbers come from `phonenumbers` (only numbers valid in their country; service numbers
such as 0800, 0900, 088 and 14 0xx are the gemeente's or a company's, not a person's), BSN,
IBAN (every country) and postcodes from `python-stdnum`; e-mail addresses and street addresses
from patterns. Used by the privacy rule, by every finding (which never quotes what it found)
and by the link-maker.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"), "-")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
ENTITY = re.compile(r"&(#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
SUSPECT = re.compile(r"[@\d&%＠\uff10-\uff19]")  # nothing below can match text without one of these

EMAIL = re.compile(r"[\w.%+-]+@((?:[\w-]+\.)+[^\W\d_]{2,})")
# A phone number starts with + or 0 and has at least eight more digits; only such text goes to the (slow) matcher.
PHONE_LIKE = re.compile(r"(?:\+|(?<!\d)0)\d(?:[\s\-.()/]*\d){6,}")
BSN_LIKE = re.compile(r"(?<![\d.,-])(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .-])\d{2}\2\d{3})(?!\d|[.,]\d)")
IBAN_LIKE = re.compile(r"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,32}")
POSTCODE_HUISNR = re.compile(
    r"\b(?P<cijfers>[1-9]\d{3})[ -]?(?P<letters>[A-Za-z]{2})\b[ ,-]*\d+"  # 7721 AB 12
    r"|\b\d+[a-zA-Z]?,? +(?P<cijfers_na>[1-9]\d{3})[ -]?(?P<letters_na>[A-Za-z]{2})\b"
)  # 12, 7721 AB
# Two-letter Dutch words after a number are not postcode letters ('in 2026 en 2027'); capitals always count.
WORDS = frozenset(
    "aa af al as bv de el en er eu ex ha he hé ie ik in is ja je ma na nr nu of oh ok om on op pa te "
    "to uw vs wc we wo ze zo".split()
)
SUFFIXES = (
    "straat|weg|laan|dijk|plein|steeg|pad|kade|singel|gracht|hof|dreef|erf|markt|wal|veld|horst|stoep|brink|"
    "ring|boulevard|park|haven|burcht|hoeve|akker|kamp|donk|hoek"
)
STRONG = "straat|weg|laan|dijk|plein|steeg|kade|singel|gracht|dreef|boulevard"
NUMBER = r"\s+(\d{1,4}(?:\s?[a-zA-Z](?![a-zA-Z/]))?)(?![\d,.]\d)(?!\d)"
STREET_PATTERN = (
    rf"\b(?:[A-Z][\w'\-]*(?:{SUFFIXES})|[a-z][\w'\-]*(?:{STRONG})|(?:De|Het|'t|Den|Ter|Ten)\s+[A-Z][\w'\-]+)" + NUMBER
)
STREET = re.compile(STREET_PATTERN)
NOUN = re.compile(r"ering$")  # "Vergadering 3", "Verandering 2": words, not streets on "-ring"
RANGE_AFTER = re.compile(r"\s*(?:-|t/m|tot en met|tot|en)\s*\d")  # 'Kerkstraat 1-15': a stretch of a street
# 'tussen Kerkstraat 2 en Molenweg 10', 'van Brinkweg 1 tot Kerkdijk 40': a route, not where someone lives
ROUTE = re.compile(
    rf"(?i:\b(?:tussen|vanaf|van))\s+(?P<van>{STREET_PATTERN})\s+(?i:en|tot aan|tot|naar)(?:\s+(?i:de|het))?\s+"
    rf"(?P<tot>{STREET_PATTERN})"
)
NOT_PERSONAL = {3, 4, 5, 9}  # phonenumbers: toll free (0800), premium (0900), shared cost, UAN (088, 14 0xx)

KINDS = {
    "email": "een e-mailadres",
    "telefoon": "een telefoonnummer",
    "bsn": "een burgerservicenummer (BSN)",
    "iban": "een bankrekeningnummer (IBAN)",
    "postcode": "een postcode met huisnummer",
    "adres": "een adres met huisnummer",
}


@dataclass(frozen=True)
class Hit:
    start: int  # offset in the original text
    end: int
    kind: str
    text: str  # as the reader reads it (normalised)


RUN = re.compile(r"\s\s")
SPACE = re.compile(r"\s")
DIGIT = re.compile(r"\d")  # every pattern below needs a (Unicode decimal) digit, as the phone pre-check does
# ASCII that reads as it is written: words of no entity or escape, with one plain space between them. The class is
# [^\s&%\x80-\U0010ffff] spelt out (compiling that takes 5 ms at every start); a test holds the two equal
ASCII_WORD = r"[\x00-\x08\x0e-\x1b!-$'-\x7f]"
AS_WRITTEN = re.compile(f"{ASCII_WORD}+(?: {ASCII_WORD}+)*")
PLAIN = re.compile("[&%\u00ad\u180e\u200b-\u200d\u2010-\u2015\u2060\u2212\ufe58\ufe63\ufeff\uff0d]")


class Reading:
    """A text as a reader reads it, with the offset in the original text of every character.

    A line break reads as a space; with `drop_breaks` it is not read at all, nor the indent after it
    ('111222⏎333' is one BSN, 'jan.de⏎vries@…' one address)."""

    def __init__(self, text: str, drop_breaks: bool = False):
        self.length = len(text)
        if (
            not drop_breaks
            and unicodedata.is_normalized("NFKC", text)
            and not PLAIN.search(text)
            and not RUN.search(text)
        ):
            self.text = SPACE.sub(" ", text)
            self.where = None
            return
        out: list[str] = []
        where: list[int] = []
        i = 0
        while i < len(text):
            run = AS_WRITTEN.match(text, i)
            if run:  # most of a text reads as written: copied at once, not a character at a time
                out.append(run.group(0))
                where.extend(range(i, run.end()))
                i = run.end()
                continue
            c = text[i]
            m = ENTITY.match(text, i) if c == "&" else PERCENT.match(text, i) if c == "%" else None
            if m:
                decoded = _decode(m.group(0))
                if decoded is not None:
                    for d in decoded:
                        self._add(out, where, d, i)
                    i = m.end()
                    continue
            if drop_breaks and c == "\n":
                i += 1
                while i < len(text) and text[i] in " \t":
                    i += 1
                continue
            self._add(out, where, c, i)
            i += 1
        self.text = "".join(out)
        self.where = where

    @staticmethod
    def _add(out: list[str], where: list[int], c: str, i: int) -> None:
        if c in ZERO_WIDTH:
            return
        c = unicodedata.normalize("NFKC", c).translate(DASHES) if not c.isascii() else c
        for n in c:
            if n.isspace():  # every kind of space (Unicode Zs too); a break and its indent read as one
                if out and out[-1] == " ":
                    continue
                n = " "
            out.append(n)
            where.append(i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of the (non-empty) span start:end of the reading."""
        if self.where is None:
            return start, end
        return self.where[start], self.where[end - 1] + 1


def _decode(escaped: str) -> str | None:
    if escaped.startswith("&"):
        decoded = html.unescape(escaped)
        return decoded if decoded != escaped else None
    try:
        return bytes(int(escaped[n + 1 : n + 3], 16) for n in range(0, len(escaped), 3)).decode("utf-8")
    except UnicodeDecodeError:
        return None


def find(
    text: str,
    eigen_domeinen: tuple[str, ...] = (),
    eigen_telefoonnummers: tuple[str, ...] = (),
    eigen_adressen: tuple[str, ...] = (),
    addresses: bool = True,
) -> list[Hit]:
    """Every span of `text` that looks like a resident's personal data, in the order they occur."""
    if not SUSPECT.search(text):
        return []
    hits = list(_hits(Reading(text), eigen_domeinen, eigen_telefoonnummers, eigen_adressen, addresses))
    if "\n" in text:  # a number broken over two lines reads as one ('111222⏎333'), unless that runs into a hit
        first = list(hits)
        hits += [
            j
            for j in _hits(
                Reading(text, drop_breaks=True), eigen_domeinen, eigen_telefoonnummers, eigen_adressen, addresses
            )
            if not any(h.start < j.end and j.start < h.end for h in first)
        ]
    return sorted(set(hits), key=lambda h: (h.start, h.end, h.kind))


def _hits(reading: Reading, *own) -> Iterator[Hit]:
    for start, end, kind in _scan(reading.text, *own):
        a, b = reading.span(start, end)
        yield Hit(a, b, kind, reading.text[start:end])


def _scan(text: str, domeinen, telefoons, adressen, addresses: bool) -> Iterator[tuple[int, int, str]]:
    if "@" in text:
        for m in EMAIL.finditer(text):
            if not own_domain(m.group(1), domeinen):
                yield m.start(), m.end(), "email"
    if not DIGIT.search(text):
        return
    yield from _phones(text, telefoons)
    for m in BSN_LIKE.finditer(text):
        if _valid_bsn(re.sub(r"\D", "", m.group(0))):
            yield m.start(), m.end(), "bsn"
    for m in IBAN_LIKE.finditer(text):
        end = _iban_end(text, m.start(), m.group(0))
        if end:
            yield m.start(), end, "iban"
    if addresses:
        yield from _postcodes(text)
        yield from _streets(text, adressen)


def _phones(text: str, eigen: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    if not PHONE_LIKE.search(text):
        return
    import phonenumbers

    own = _own_numbers(eigen)
    seen = set()
    for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.POSSIBLE):
        if not PHONE_LIKE.match(
            m.raw_string.lstrip("(")
        ):  # dialled as written: '111 222 333' is a BSN, not 0111 222333
            continue
        n = m.number
        mobile = n.country_code == 31 and len(str(n.national_number)) == 9 and str(n.national_number).startswith("6")
        if not (phonenumbers.is_valid_number(n) or mobile):  # 06 + eight digits is a mobile number, allocated or not
            continue
        if phonenumbers.number_type(n) in NOT_PERSONAL or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        if phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164) not in own:
            yield m.start, m.end, "telefoon"


@lru_cache(maxsize=32)
def _own_numbers(eigen: tuple[str, ...]) -> frozenset[str]:
    """The gemeente's own numbers as E.164, however they were written in the settings."""
    import phonenumbers

    out = set()
    for number in eigen:
        try:
            out.add(phonenumbers.format_number(phonenumbers.parse(number, "NL"), phonenumbers.PhoneNumberFormat.E164))
        except phonenumbers.NumberParseException:
            continue
    return frozenset(out)


def own_phone(number: str, eigen: tuple[str, ...]) -> bool:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) in _own_numbers(tuple(eigen))


RESERVED = (
    "example",
    "test",
    "invalid",
    "localhost",
    "example.com",
    "example.net",
    "example.org",
)  # RFC 2606: placeholders


def own_domain(domain: str, eigen: tuple[str, ...]) -> bool:
    """The gemeente's own domain, or one reserved for examples (no one's address)."""
    domain = domain.lower()
    return any(domain == d.lower() or domain.endswith("." + d.lower()) for d in (*eigen, *RESERVED))


def _valid_bsn(digits: str) -> bool:
    from stdnum.nl import bsn

    return bsn.is_valid(digits)


def _iban_end(text: str, start: int, candidate: str) -> int | None:
    """Where a valid IBAN that starts here ends (the pattern may run into the next word), or None."""
    from stdnum import iban

    compact, ends = "", []
    for n, c in enumerate(candidate):
        if c != " ":
            compact += c.upper()
            ends.append(start + n + 1)
    for length in range(len(compact), 14, -1):  # the checksum, not the national format: a made-up IBAN is one too
        if iban.is_valid(compact[:length], check_country=False):
            return ends[length - 1]
    return None


def _postcodes(text: str) -> Iterator[tuple[int, int, str]]:
    for m in POSTCODE_HUISNR.finditer(text):
        digits, letters = m["cijfers"] or m["cijfers_na"], m["letters"] or m["letters_na"]
        if letters.islower() and letters in WORDS or not letters.isupper() and not letters.islower():
            continue
        from stdnum.nl import postcode  # only for a candidate: python-stdnum takes 30 ms to import (pydoc, ssl)

        if postcode.is_valid(digits + letters.upper()):
            yield m.start(), m.end(), "postcode"


def _streets(text: str, adressen: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    found = [m for m in STREET.finditer(text) if not NOUN.search(m.group(0).split()[0])]
    if not found:
        return
    own = _own_addresses(adressen)
    route = {m.start(end) for m in ROUTE.finditer(text) for end in ("van", "tot")}
    for m in found:
        if m.start() in route or " ".join(m.group(0).lower().split()) in own or RANGE_AFTER.match(text, m.end()):
            continue
        yield m.start(), m.end(), "adres"


@lru_cache(maxsize=32)
def _own_addresses(adressen: tuple[str, ...]) -> frozenset[str]:
    return frozenset(" ".join(a.lower().split()) for a in adressen)


def mask(text: str) -> str:
    """A hit shown so staff can find it, but no one can read it: '06-…78', 'j…@…om'."""
    text = text.strip()
    if "@" in text:
        return f"{text[:1]}…@…{text[-2:]}"
    return f"{text[:3]}…{text[-2:]}" if len(text) > 7 else "…"


def masked(text: str, eigen_domeinen: tuple[str, ...] = (), eigen_telefoonnummers: tuple[str, ...] = ()) -> str:
    """The text with every span that looks like personal data masked (for messages that quote a file)."""
    hits = find(text, eigen_domeinen, eigen_telefoonnummers)
    if not hits:
        return text
    out, last = [], 0
    for h in hits:
        if h.start < last:
            continue
        out += [text[last : h.start], mask(h.text)]
        last = h.end
    return "".join(out) + text[last:]
