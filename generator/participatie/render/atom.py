"""Atom feeds: follow a trajectory (or the whole site) in any feed reader, without an account.

A feed has an entry for each news item, for each day on which a part of the trajectory
changed (from the change history, never commit messages), and for each response to input.
Entry ids are the page address plus a fragment that never changes, so a reader shows each
item once. Written with ElementTree: every text is escaped by the serialiser.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from ..derive.kalender import einde
from ..vocabulary import UITKOMST_OPEN
from .text import kort, opsomming

NS = "http://www.w3.org/2005/Atom"
ZONE = ZoneInfo("Europe/Amsterdam")
SITE_FEED = "nieuws.xml"
SITE_LIMIT = 100  # the site feed holds the newest entries; each trajectory's feed holds all of its own


@dataclass(frozen=True)
class Entry:
    id: str
    titel: str
    datum: dt.date
    link: str
    tekst: str
    traject: str = ""


def feed_path(slug: str) -> str:
    return f"trajecten/{slug}.xml"


def _stamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(12, 0), ZONE).isoformat()  # noon: the same day in every time zone nearby


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def entries(v, dates: dict[str, list[dt.date]], site_url: str, vandaag: dt.date) -> list[Entry]:
    """A trajectory's news, changed parts and responses to input, newest first."""
    page = site_url + v.page.removesuffix(".md") + ".html"
    tb, out = v.dossier.traject, []
    for n in tb.nieuws:
        out.append(
            Entry(
                f"{page}#nieuws-{_key(n.datum.isoformat(), n.titel)}",
                n.titel,
                n.datum,
                f"{page}#nieuws",
                n.tekst,
                tb.titel,
            )
        )
    for w in v.wijzigingen:
        out.append(
            Entry(
                f"{page}#wijziging-{w.datum.isoformat()}",
                f"Bijgewerkt: {opsomming(w.onderdelen)}",
                w.datum,
                f"{page}#wijzigingen",
                f"Op deze dag veranderde op de pagina: {opsomming(w.onderdelen)}.",
                tb.titel,
            )
        )
    planned = sorted(dates.get(f"{v.dossier.map}/planning.yaml", []))
    for m in v.dossier.planning.momenten:
        if not m.verslag:
            continue
        # The day the verslag was written down: the first change of planning.yaml after the moment (Git).
        end = einde(m)
        written = next((d for d in planned if d > end), end)
        out.append(
            Entry(
                f"{page}#verslag-{m.id}",
                f"Verslag: {m.titel}",
                min(written, vandaag),
                f"{page}#geweest",
                f"Het verslag van '{m.titel}' ({kort(end)}) staat op de pagina"
                + (f"; er deden {m.deelnemers} mensen mee." if isinstance(m.deelnemers, int) else "."),
                tb.titel,
            )
        )
    changes = sorted(dates.get(f"{v.dossier.map}/terugkoppeling.yaml", []))
    moments = {m.id: m for m in v.dossier.planning.momenten}
    for i in v.dossier.terugkoppeling.inbreng:
        if not i.reactie or i.uitkomst == UITKOMST_OPEN:
            continue
        # The day the response was written down: the first change of terugkoppeling.yaml after the moment (Git);
        # without history the moment itself. Never the build date, so a feed does not change on every build.
        since = moments[i.moment].datum if i.moment in moments else None
        day = next((d for d in changes if since is None or d >= since), since)
        if day is None:
            continue
        out.append(
            Entry(
                f"{page}#reactie-{i.id}",
                f"Reactie op inbreng: {i.samenvatting}",
                min(day, vandaag),
                f"{page}#inbreng",
                f"Uitkomst: {i.uitkomst}. {i.reactie}",
                tb.titel,
            )
        )
    return sorted(out, key=lambda e: (e.datum, e.id), reverse=True)


def feed(
    path: str, titel: str, ondertitel: str, items: list[Entry], site_url: str, auteur: str, page: str, vandaag: dt.date
) -> str:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}feed", {"xml:lang": "nl"})
    for tag, text in (
        ("id", site_url + path),
        ("title", titel),
        ("subtitle", ondertitel),
        ("updated", _stamp(max((e.datum for e in items), default=vandaag))),
    ):
        ET.SubElement(root, f"{{{NS}}}{tag}").text = text
    ET.SubElement(root, f"{{{NS}}}link", {"rel": "self", "type": "application/atom+xml", "href": site_url + path})
    ET.SubElement(root, f"{{{NS}}}link", {"rel": "alternate", "type": "text/html", "href": site_url + page})
    ET.SubElement(ET.SubElement(root, f"{{{NS}}}author"), f"{{{NS}}}name").text = auteur
    for e in items:
        entry = ET.SubElement(root, f"{{{NS}}}entry")
        ET.SubElement(entry, f"{{{NS}}}id").text = e.id
        ET.SubElement(entry, f"{{{NS}}}title").text = (
            f"{e.traject}: {e.titel}" if path == SITE_FEED and e.traject else e.titel
        )
        ET.SubElement(entry, f"{{{NS}}}updated").text = _stamp(e.datum)
        ET.SubElement(entry, f"{{{NS}}}link", {"rel": "alternate", "type": "text/html", "href": e.link})
        ET.SubElement(entry, f"{{{NS}}}content", {"type": "text"}).text = e.tekst
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _own_title(page_path: str, trajecten: dict[str, str]) -> str | None:
    """The title of the trajectory whose own page this is, when it has a feed."""
    slug = posixpath.basename(page_path).removesuffix(".md").removesuffix(".html")
    return trajecten.get(slug) if page_path.startswith("trajecten/") else None


def _links(page_path: str, own: str | None) -> list[tuple[str, str]]:
    """The feeds a page announces in its <head>: the site's, and a trajectory page its own (href relative, title)."""
    folder = posixpath.dirname(page_path) or "."
    out = [(posixpath.relpath(SITE_FEED, folder), "Nieuws en wijzigingen van alle trajecten")]
    if own is not None:
        slug = posixpath.basename(page_path).removesuffix(".md").removesuffix(".html")
        out.insert(0, (posixpath.relpath(feed_path(slug), folder), f"Volg: {own}"))
    return out


def head_tags(page_path: str, trajecten: dict[str, str]) -> str:
    return _head_tags(page_path, _own_title(page_path, trajecten))


@lru_cache(maxsize=65_536)  # by page and title: a preview's rebuild asks it again for every page
def _head_tags(page_path: str, own: str | None) -> str:
    from markupsafe import escape

    return "".join(
        f'<link rel="alternate" type="application/atom+xml" title="{escape(t)}" href="{escape(h)}">'
        for h, t in _links(page_path, own)
    )
