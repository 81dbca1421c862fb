"""Text helpers for rendering: staff Markdown made safe, plain text with links, Dutch dates, URLs between pages."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup, escape

from ..load.markdown import to_html
from ..taal import datum, kort, opsomming  # noqa: F401  (the templates' filters)

LINKS = re.compile(
    r"(?P<url>https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])|(?P<email>[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})"
)
GEMEENTENUMMER = re.compile(r"\b14 ?0\d{2,3}\b")  # 14 + netnummer: phonenumbers knows it only with its area code


def safe_markdown(text: str | None) -> Markup:
    """Markdown from a project file as HTML, sanitised (see `load.markdown.to_html`)."""
    return Markup(to_html(text))


def _links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, target) of every web address, e-mail address and phone number (as phonenumbers reads it)."""
    found = [
        (m.start(), 0, m.end(), m.group(0) if m.group("url") else f"mailto:{m.group(0)}") for m in LINKS.finditer(text)
    ]
    found += [(m.start(), 1, m.end(), "tel:" + m.group(0).replace(" ", "")) for m in GEMEENTENUMMER.finditer(text)]
    if any(c.isdigit() for c in text):
        import phonenumbers

        found += [
            (m.start, 2, m.end, "tel:" + phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164))
            for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
        ]
    out, last = [], 0
    for start, _, end, target in sorted(found):
        if start >= last:  # an address inside a link stays part of the link
            out.append((start, end, target))
            last = end
    return out


def linkify(text: str | None) -> Markup:
    """Plain text, escaped, with web addresses, e-mail addresses and phone numbers as links."""
    if not text:
        return Markup("")
    out, last = [], 0
    for start, end, target in _links(text):
        out.append(escape(text[last:start]))
        out.append(Markup('<a href="{}">{}</a>').format(target, text[start:end]))
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def zin(text: str | None) -> str:
    """Text as a sentence: a capital first letter and a full stop at the end."""
    text = (text or "").strip()
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def tijd(t: dt.time | None) -> str:
    return t.strftime("%H.%M") if t else ""


@lru_cache(maxsize=65_536)  # a pure function of two paths, asked for every link of every overview
def href(from_page: str, to_page: str) -> str:
    """Relative link between two generated pages ('trajecten/x.md' → 'trajecten/x.html')."""
    target = re.sub(r"\.md$", ".html", to_page)
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


# Letters that Unicode does not decompose into a base letter and an accent, written as Dutch readers would.
LIGATURES = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def slugify(text: str) -> str:
    """A web address part: 'Ĳsselmuiden' -> 'ijsselmuiden', 'Hüsken' -> 'husken', 'Café Øster' -> 'cafe-oster'.

    NFKD splits ü into u and its diaeresis and the ligature ĳ into i and j; what is left outside ASCII goes."""
    text = unicodedata.normalize("NFKD", text.lower().translate(LIGATURES))
    return re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")
