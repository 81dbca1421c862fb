"""The live preview for staff (`mkdocs serve`): every finding in the browser, never on the published site.

An overview page lists all findings with file, line and hint; a banner on each page says how many
there are, and on a trajectory's or initiative's own page which ones are about it. A withheld
trajectory gets a page of its own in the preview that says why it is not published.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby

from ..findings import Ernst, Finding, Gevolg, count
from .html import environment
from .initiatieven import initiatief_page
from .page import Page
from .text import href
from .views import traject_page

OVERZICHT = "participatie-bevindingen.md"


def gevolg(f: Finding) -> str:
    """What publishing does with this finding, in the words of the overview page."""
    if f.map is None and f.ernst is Ernst.FOUT:
        return "de site wordt niet gebouwd tot dit is opgelost"
    if f.gevolg is Gevolg.TEGENHOUDEN and f.ernst is Ernst.FOUT:
        return "dit traject of initiatief wordt niet gepubliceerd tot dit is opgelost"
    if f.gevolg is Gevolg.MELDEN and f.ernst is Ernst.FOUT:
        return "wordt gepubliceerd, met een melding voor inwoners en raad"
    return "wordt gepubliceerd; dit advies staat niet op de site"


@dataclass
class Preview:
    findings: list[Finding]
    owners: dict[str, str]  # folder ('projecten/x') -> its page ('trajecten/x.md')
    withheld: list[tuple[str, str]]  # (folder, page) of what publishing would leave out
    shared: dict[str, str] = field(default_factory=dict)  # folder -> the banner of a page there without findings

    @property
    def fouten(self) -> int:
        return count(self.findings, Ernst.FOUT)

    @property
    def waarschuwingen(self) -> int:
        return count(self.findings, Ernst.WAARSCHUWING)

    def overview(self) -> Page:
        groups = [(pad, list(items)) for pad, items in groupby(sorted(self.findings, key=_order), key=lambda f: f.pad)]
        body = (
            environment()
            .get_template("bevindingen.html.j2")
            .render(page=OVERZICHT, groups=groups, gevolg=gevolg, p=self, pagina=self._link)
        )
        return Page(
            OVERZICHT, "Bevindingen (voorbeeld)", "Wat de controle vindt, alleen zichtbaar in het voorbeeld.", body
        )

    def placeholder(self, folder: str, path: str) -> Page:
        body = (
            environment()
            .get_template("bevindingen.html.j2")
            .render(page=path, groups=[], gevolg=gevolg, p=self, pagina=lambda f: None, tegengehouden=folder)
        )
        return Page(path, folder, "Niet gepubliceerd", body)

    @cached_property
    def per_page(self) -> dict[str, list[Finding]]:
        """Each owned page with its own findings, indexed once (not searched again for every page of the site)."""
        out: dict[str, list[Finding]] = {}
        for f in sorted(self.findings, key=_order):
            if f.map in self.owners:
                out.setdefault(self.owners[f.map], []).append(f)
        return out

    def banner(self, path: str) -> str:
        """The findings at the top of a page; made once per folder for the many pages without findings of their own."""
        if not self.findings:
            return ""
        mine = self.per_page.get(path, [])
        folder = posixpath.dirname(path)
        if not mine and folder in self.shared:
            return self.shared[folder]
        made = str(
            environment()
            .get_template("voorbeeld-banner.html.j2")
            .render(p=self, mine=mine, gevolg=gevolg, overzicht=href(path, OVERZICHT))
        )
        if not mine:
            self.shared[folder] = made
        return made

    def _link(self, f: Finding) -> str | None:
        page = self.owners.get(f.map) if f.map else None
        return href(OVERZICHT, page) if page else None


def _order(f: Finding):
    return (f.pad, f.pos.line if f.pos else 0, f.pos.column if f.pos else 0, f.ernst is not Ernst.FOUT)


def preview(result, problems: list[Finding]) -> Preview:
    """The preview of a checked site; `problems` are those of mkdocs.yml or the profile, outside any folder."""
    owners = {t.map: traject_page(t.slug) for t in result.trajecten}
    if result.profiel is not None and result.profiel.initiatieven is not None:  # only then are there initiative pages
        owners |= {i.map: initiatief_page(i.slug) for i in result.initiatieven}
    withheld = [(d.map, owners[d.map]) for d in [*result.withheld, *result.withheld_initiatieven] if d.map in owners]
    return Preview(problems + result.findings, owners, withheld)
