"""Personal data (AVG): nothing that looks like a resident's personal data may reach the site.

Every YAML value and every YAML key, and every Markdown file both as written and as a reader
gets it (rendered: entities decoded, link targets such as mailto: decoded), is read the way
a reader reads it (see `persoonsgegevens`). A finding says where and what kind, and shows the
hit masked ('06-…78'), never the data itself. A line may carry a visible allowance for public
contact data of organisations or office holders: '# privacy: openbaar' in YAML,
'<!-- privacy: openbaar -->' in Markdown.
"""

from __future__ import annotations

import html
import re
from typing import Iterator
from urllib.parse import unquote

from ..findings import AVG, Ernst, Finding, Gevolg, Pos, regel
from ..load.markdown import to_html
from ..persoonsgegevens import KINDS, Hit, find, mask

ALLOW = re.compile(r"(?:#|<!--)\s*privacy:\s*openbaar", re.IGNORECASE)
ADDRESS_FIELDS = {"plaats"}  # venues are public buildings; their address belongs on the page
DATE_FIELDS = {"datum", "tijd", "eindtijd", "tot", "van"}  # checked as dates and times; they hold nothing else
TOKEN = re.compile(r"[^\s,\]}#]+")
MARKUP = re.compile(r"[&%\\<`]|[\d@][*_~]|[*_~][\d@]")  # only then can the rendered text differ from the source
TAG = re.compile(r"<[^>]*>")
ATTRIBUTE = re.compile(r'(?:href|title)="([^"]*)"')
HINT = "Vat samen zonder iemand herkenbaar te maken (bijvoorbeeld 'een bewoner van de Kerkstraat'). " \
       "Gaat het om openbare gegevens van een organisatie, zet dan '# privacy: openbaar' achter de regel " \
       "(in Markdown: '<!-- privacy: openbaar -->')."

CODES = {kind: regel(f"privacy.{kind}", uitleg, Gevolg.TEGENHOUDEN, bron=AVG) for kind, uitleg in (
    ("email", "een e-mailadres buiten de eigen domeinen"), ("telefoon", "een telefoonnummer dat niet van de gemeente is"),
    ("bsn", "een burgerservicenummer"), ("iban", "een bankrekeningnummer"), ("postcode", "een postcode met huisnummer"),
    ("adres", "een straat met huisnummer"))}


def _strings(data, loc=()) -> Iterator[tuple[tuple, object, bool]]:
    """(loc, value, is_key) for every scalar and every key."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield loc + (k,), k, True
            yield from _strings(v, loc + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _strings(v, loc + (i,))
    elif data is not None and not isinstance(data, bool):
        yield loc, data, False


def _locate(lines: list[str], start: Pos, needle: str) -> Pos:
    """The position of the first line of `needle` from `start` on; `start` when it is written otherwise (escaped)."""
    first = needle.split("\n")[0].strip()
    for n in range(start.regel - 1, len(lines)):
        col = lines[n].find(first, start.kolom - 1 if n == start.regel - 1 else 0) if first else -1
        if col >= 0:
            return Pos(n + 1, col + 1)
    return start


def _token(lines: list[str], start: Pos, value) -> str:
    """A number as written (0612345678, not the integer 612345678)."""
    m = TOKEN.match(lines[start.regel - 1], start.kolom - 1) if start.regel <= len(lines) else None
    return m.group(0) if m else str(value)


def scan_yaml(source, ctx, map_pad: str | None) -> list[Finding]:
    out, lines = [], source.text.split("\n")
    for loc, value, is_key in _strings(source.data):
        if not is_key and loc and loc[-1] in DATE_FIELDS:
            continue
        start = source.pos(loc, key=is_key)
        text = value if isinstance(value, str) else _token(lines, start, value)
        for hit in _find(text, ctx, addresses=is_key or not (loc and loc[-1] in ADDRESS_FIELDS)):
            pos = _locate(lines, start, text[hit.start:hit.end])
            if not ALLOW.search(lines[pos.regel - 1]):
                out.append(_finding(source.pad, pos, hit, map_pad))
    return out


def scan_markdown(md, ctx, map_pad: str | None) -> list[Finding]:
    """The file as written (lines joined, so a number over two lines is found) and as a reader gets it."""
    text, out = md.text, []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    seen = set()
    for hit in _find(text, ctx):
        n = max(i for i, s in enumerate(starts) if s <= hit.start)
        seen.add(_key(hit.text))
        if not ALLOW.search(lines[n]):
            out.append(_finding(md.pad, Pos(n + 1, hit.start - starts[n] + 1), hit, map_pad))
    if MARKUP.search(text):
        for hit in _find(rendered_text(text), ctx):
            if _key(hit.text) in seen:
                continue
            seen.add(_key(hit.text))
            n = _line_of(lines, hit.text)
            if n is None or not ALLOW.search(lines[n]):
                out.append(_finding(md.pad, Pos(n + 1, 1) if n is not None else None, hit, map_pad))
    return out


def rendered_text(markdown: str) -> str:
    """What a reader gets from a Markdown file: the text of the rendered page, and every link target decoded."""
    rendered = to_html(markdown)
    targets = [unquote(html.unescape(a)).removeprefix("mailto:").removeprefix("tel:") for a in ATTRIBUTE.findall(rendered)]
    return html.unescape(TAG.sub(" ", rendered)) + "\n" + "\n".join(targets)


def _key(text: str) -> str:
    return re.sub(r"\W", "", text).lower()


def _line_of(lines: list[str], hit: str) -> int | None:
    """The line of the source where a hit found only in the rendered text most likely is: its longest run of letters or digits."""
    core = max(re.findall(r"[^\W_]+", hit), key=len, default="")
    return next((n for n, line in enumerate(lines) if core and core in line), None)


def _find(text: str, ctx, addresses: bool = True) -> list[Hit]:
    return find(text, ctx.eigen_domeinen, ctx.eigen_telefoonnummers, ctx.eigen_adressen, addresses)


def _finding(pad: str, pos: Pos | None, hit: Hit, map_pad: str | None) -> Finding:
    return Finding(pad, pos, Ernst.FOUT, f"hier staat wat lijkt op {KINDS[hit.kind]} ({mask(hit.text)}); "
                   "persoonsgegevens van inwoners mogen niet op de website.", HINT, CODES[hit.kind], map_pad)


def personal_data(t, ctx) -> list[Finding]:
    out = []
    for source in t.sources.values():
        out += scan_yaml(source, ctx, t.map)
    for md in t.markdown:
        out += scan_markdown(md, ctx, t.map)
    return out


RULES = (personal_data,)
