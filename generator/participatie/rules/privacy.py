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
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..findings import AVG, Ernst, Finding, Gevolg, Pos, regel
from ..load.markdown import MarkdownSource, to_html
from ..load.yaml import Loc, Source
from ..model.traject import Dossier
from ..persoonsgegevens import KINDS, SUSPECT, Hit, find, mask

if TYPE_CHECKING:
    from . import Context

ALLOW = re.compile(r"(?:#|<!--)\s*privacy:\s*openbaar", re.IGNORECASE)
ADDRESS_FIELDS = {"plaats"}  # venues are public buildings; their address belongs on the page
MARKDOWN_FIELDS = {"verslag"}  # YAML values the pages render as Markdown: read as a reader gets them too
TOKEN = re.compile(r"[^\s,\]}#]+")
MARKUP = re.compile(r"[&%\\<`]|[\d@][*_~]|[*_~][\d@]")  # only then can the rendered text differ from the source
# Inline elements run on in the text a reader reads ('**piet**@gmail.com' reads as one address); others break it.
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|del|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u)(?:\s[^>]*)?>")
TAG = re.compile(r"<[^>]*>")
INLINE_MARKUP = re.compile(r"[*_~`\\]|<[^>]*>")
ATTRIBUTE = re.compile(r'(?:href|title)="([^"]*)"')
HINT = (
    "Vat samen zonder iemand herkenbaar te maken (bijvoorbeeld 'een bewoner van de Kerkstraat'). "
    "Gaat het om openbare gegevens van een organisatie, zet dan '# privacy: openbaar' achter de regel "
    "(in Markdown: '<!-- privacy: openbaar -->')."
)

CODES = {
    kind: regel(f"privacy.{kind}", uitleg, Gevolg.TEGENHOUDEN, bron=AVG)
    for kind, uitleg in (
        ("email", "een e-mailadres buiten de eigen domeinen"),
        ("telefoon", "een telefoonnummer dat niet van de gemeente is"),
        ("bsn", "een burgerservicenummer"),
        ("iban", "een bankrekeningnummer"),
        ("postcode", "een postcode met huisnummer"),
        ("adres", "een straat met huisnummer"),
    )
}


Suspect = tuple[Loc, object, bool]  # where, the key or value, whether it is a key


def _suspects(source: Source) -> list[Suspect]:
    """(loc, value, is_key) for every key and scalar that may hold personal data, in the order they are written.

    The loader lists every key and scalar as it reads them (`Source.scalars`), so no second walk of the data. A text
    without a digit, '@', '&' or '%' holds nothing to find (most values): left out here. A number is kept: it is read
    as written (0612345678, not 612345678). An empty value has no text of its own (its position would be its key's)."""
    return [s for s in source.scalars if not isinstance(s[1], str) or SUSPECT.search(s[1])]


class Lines:
    """A file's text with where each line starts: an offset becomes a position and back, and a line its allowance."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))

    def offset(self, pos: Pos) -> int:
        return self.starts[pos.line - 1] + pos.column - 1

    def pos(self, offset: int) -> Pos:
        n = bisect_right(self.starts, offset) - 1
        return Pos(n + 1, offset - self.starts[n] + 1)

    def allowed(self, pos: Pos) -> bool:
        return ALLOW.search(self.lines[pos.line - 1]) is not None


def _locate(f: Lines, start: Pos, needle: str) -> Pos:
    """Where `needle` (its first line) is written, from `start` on; `start` when it is written otherwise (escaped)."""
    at = f.text.find(needle.split("\n")[0].strip(), f.offset(start))
    return f.pos(at) if at >= 0 else start


def _token(f: Lines, start: Pos, value: object) -> str:
    """A number as written (0612345678, not the integer 612345678)."""
    m = TOKEN.match(f.text, f.offset(start))
    return m.group(0) if m else str(value)


def scan_yaml(source: Source, ctx: Context, map_pad: str | None) -> list[Finding]:
    out: list[Finding] = []
    f = Lines(source.text)
    for loc, value, is_key in _suspects(source):
        start = source.pos(loc, key=is_key)
        text = value if isinstance(value, str) else _token(f, start, value)
        addresses = is_key or not (loc and loc[-1] in ADDRESS_FIELDS)
        seen: set[str] = set()
        for hit in _find(text, ctx, addresses=addresses):
            seen.add(_key(hit.text))
            pos = _locate(f, start, text[hit.start : hit.end])
            if not f.allowed(pos):
                out.append(_finding(source.pad, pos, hit, map_pad))
        if not is_key and loc and loc[-1] in MARKDOWN_FIELDS and MARKUP.search(text):
            for hit in _find(rendered_text(text), ctx):
                if _key(hit.text) not in seen and not f.allowed(start):
                    seen.add(_key(hit.text))
                    out.append(_finding(source.pad, start, hit, map_pad))
    return out


def scan_markdown(md: MarkdownSource, ctx: Context, map_pad: str | None) -> list[Finding]:
    """The file as written (lines joined, so a number over two lines is found) and as a reader gets it."""
    f = Lines(md.text)
    out: list[Finding] = []
    seen: set[str] = set()
    for hit in _find(md.text, ctx):
        seen.add(_key(hit.text))
        pos = f.pos(hit.start)
        if not f.allowed(pos):
            out.append(_finding(md.pad, pos, hit, map_pad))
    if MARKUP.search(md.text):
        for hit in _find(rendered_text(md.text), ctx):
            if _key(hit.text) in seen:
                continue
            seen.add(_key(hit.text))
            place = _place(f.lines, hit.text)
            if place is None or not f.allowed(place):
                out.append(_finding(md.pad, place, hit, map_pad))
    return out


def rendered_text(markdown: str) -> str:
    """What a reader gets from a Markdown file: the text of the rendered page, and every link target decoded."""
    rendered = to_html(markdown)
    targets = [
        unquote(html.unescape(a)).removeprefix("mailto:").removeprefix("tel:") for a in ATTRIBUTE.findall(rendered)
    ]
    return html.unescape(TAG.sub(" ", INLINE_TAG.sub("", rendered))) + "\n" + "\n".join(targets)


def _key(text: str) -> str:
    return re.sub(r"\W", "", text).lower()


def _place(lines: list[str], hit: str) -> Pos | None:
    """Where in the source a hit found only in the rendered text most likely is: the first line holding most of its
    runs of letters and digits, read without inline markup ('**piet**@gmail.com', '**06**12345678'), at the first."""
    runs = re.findall(r"[^\W_]+", hit)
    best, where = 0, None
    for n, line in enumerate(lines):
        plain = INLINE_MARKUP.sub("", line)
        found = [r for r in runs if r in plain]
        if len(found) > best:
            cols = [line.find(r) for r in found if r in line]
            best, where = len(found), Pos(n + 1, min(cols) + 1 if cols else 1)
    return where


def _find(text: str, ctx: Context, addresses: bool = True) -> list[Hit]:
    return find(text, ctx.eigen_domeinen, ctx.eigen_telefoonnummers, ctx.eigen_adressen, addresses)


def _finding(pad: str, pos: Pos | None, hit: Hit, map_pad: str | None) -> Finding:
    return Finding(
        pad,
        pos,
        Ernst.FOUT,
        f"hier staat wat lijkt op {KINDS[hit.kind]} ({mask(hit.text)}); "
        "persoonsgegevens van inwoners mogen niet op de website.",
        HINT,
        CODES[hit.kind],
        map_pad,
    )


def personal_data(t: Dossier, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for source in t.sources.values():
        out += scan_yaml(source, ctx, t.map)
    for md in t.markdown:
        out += scan_markdown(md, ctx, t.map)
    return out


RULES = (personal_data,)
