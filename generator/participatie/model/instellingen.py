"""The site's settings: the participatie options in mkdocs.yml, typed and checked like any other input."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field

from ..findings import Pos
from ..vocabulary import Licentie
from .bestanden import Strict, Tekst


class OpenData(Strict):
    """What a data portal needs to list the site's data (DCAT-AP-NL): who to ask, under which licence, about what."""

    contact: Tekst = Field(description="E-mailadres voor vragen over de data, bijvoorbeeld 'opendata@gemeente.nl'.")
    licentie: Licentie = Field(
        "CC0-1.0", description="SPDX-code van de licentie; CC0-1.0 (publiek domein) is de norm voor open data."
    )
    thema: Tekst = Field(
        "Bestuur",
        description="Thema uit de overheidslijst (OWMS), bijvoorbeeld 'Bestuur' of 'Ruimte en infrastructuur'.",
    )


class Toegankelijkheid(Strict):
    """The accessibility statement in the national model (digitoegankelijk.nl); the site fills in the rest."""

    verantwoordelijke: Tekst = Field(description="Naam en functie van wie de verklaring ondertekent.")
    status: Literal["A", "B", "C", "D", "E"] = Field(
        "C", description="Nalevingsstatus; A of B alleen met een onderzoeksrapport volgens WCAG-EM."
    )
    rapport: Tekst | None = Field(None, description="Webadres van het onderzoeksrapport (WCAG-EM), als dat er is.")
    ondertekend: dt.date = Field(description="Datum van ondertekening.")
    contact: Tekst = Field(description="Waar bezoekers een probleem melden: e-mailadres of webadres.")
    reactietermijn: Tekst = Field("binnen 5 werkdagen", description="Hoe snel bezoekers antwoord krijgen.")
    klachten: Tekst | None = Field(
        None, description="Hoe bezoekers een klacht indienen, als dat anders is dan de gewone route."
    )
    onderzoek: Tekst = Field(
        "toegankelijkheid.json",
        description="Bestand met de uitkomst van de automatische controle (make toegankelijkheid).",
    )
    maatregelen: list[Tekst] = Field([], description="Wat de gemeente verder doet om de site toegankelijk te maken.")
    uitzonderingen: list[Tekst] = Field([], description="Bekende problemen en de reden, per regel.")
    handmatig_bekeken: bool = Field(
        False, description="true als iemand heeft bekeken wat de automatische test niet kon beoordelen."
    )
    registratie: Tekst | None = Field(
        None, description="Webadres van deze verklaring in het register van digitoegankelijk.nl."
    )


class Instellingen(Strict):
    """Options under `plugins: - participatie:` in mkdocs.yml."""

    profiel: Tekst = Field(
        "dalfsen", description="Naam van een ingebouwd beleidsprofiel, of het pad naar een eigen profiel."
    )
    projecten: Tekst = Field("projecten", description="Map met de trajecten.")
    initiatieven: Tekst = Field("initiatieven", description="Map met de inwonersinitiatieven (mag ontbreken).")
    loket: Tekst | None = Field(None, description="Webadres van het digitale loket waar inwoners een idee indienen.")
    gemeente: Tekst = Field("de gemeente", description="Naam van de gemeente, bijvoorbeeld 'Gemeente Vechtwolde'.")
    kernen: list[Tekst] = Field([], description="Kernen en wijken; een traject mag alleen deze noemen.")
    eigen_domeinen: list[Tekst] = Field(
        [], description="E-maildomeinen van de gemeente; die zijn geen persoonsgegevens."
    )
    eigen_telefoonnummers: list[Tekst] = Field([], description="Algemene telefoonnummers van de gemeente.")
    eigen_adressen: list[Tekst] = Field(
        [],
        description="Openbare adressen van de gemeente (gemeentehuis, loket), zoals "
        "'Brinkweg 2'; die zijn geen persoonsgegevens.",
    )
    terugkoppeltermijn_dagen: int | None = Field(
        None,
        ge=1,
        description="Binnen hoeveel dagen na een bijeenkomst de deelnemers "
        "horen wat er met hun inbreng gebeurt (anders: radiostilte). Een keuze van "
        "de gemeente waar het beleid geen termijn noemt; gaat voor die van het profiel.",
    )
    peildatum: dt.date | None = Field(
        None, description="Alleen voor een voorbeeld- of archiefsite: de datum die 'vandaag' is."
    )
    open_data: OpenData | None = Field(
        None, description="Voor een catalogusrecord (DCAT-AP-NL) van de data van de site."
    )
    toegankelijkheid: Toegankelijkheid | None = Field(
        None, description="Voor de toegankelijkheidsverklaring op /toegankelijkheid."
    )


@dataclass(frozen=True)
class SiteSettings:
    """The options plus where the site lives and what mkdocs.yml says about it."""

    opties: Instellingen = field(default_factory=Instellingen)
    base: Path = field(default_factory=Path.cwd)
    site_url: str = ""
    site_naam: str = ""
    docs_dir: str = "docs"
    site_dir: str = "site"
    theme_dir: str | None = None  # theme.custom_dir: the site's own look, a source folder
    posities: dict[str, Pos] = field(default_factory=dict)  # option -> Pos in mkdocs.yml, for findings about a setting
    bestand: str = "mkdocs.yml"

    def waar(self, option: str) -> str:
        """Where an option is set, as 'mkdocs.yml:regel:kolom', or the file when it is not set."""
        pos = self.posities.get(option)
        return f"{self.bestand}:{pos.line}:{pos.column}" if pos else self.bestand

    def __getattr__(self, name: str) -> Any:
        return getattr(self.opties, name)

    def vandaag(self) -> dt.date:
        """The environment variable wins (tests), then the site's peildatum, then today."""
        if os.environ.get("PARTICIPATIE_VANDAAG") or self.opties.peildatum is None:
            return today()
        return self.opties.peildatum


def today() -> dt.date:
    """Today's date in Europe/Amsterdam; PARTICIPATIE_VANDAAG=jjjj-mm-dd pins it for tests and archives."""
    pinned = os.environ.get("PARTICIPATIE_VANDAAG")
    if pinned:
        return dt.date.fromisoformat(pinned)
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
