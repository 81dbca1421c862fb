"""The site's settings: the participatie options in mkdocs.yml, typed and checked like any other input."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import Field

from .bestanden import Strict, Tekst


class Instellingen(Strict):
    """Options under `plugins: - participatie:` in mkdocs.yml."""

    profiel: Tekst = Field("dalfsen", description="Naam van een ingebouwd beleidsprofiel, of het pad naar een eigen profiel.")
    projecten: Tekst = Field("projecten", description="Map met de trajecten.")
    initiatieven: Tekst = Field("initiatieven", description="Map met de inwonersinitiatieven (mag ontbreken).")
    loket: Tekst | None = Field(None, description="Webadres van het digitale loket waar inwoners een idee indienen.")
    gemeente: Tekst = Field("de gemeente", description="Naam van de gemeente, bijvoorbeeld 'Gemeente Vechtwolde'.")
    kernen: list[Tekst] = Field([], description="Kernen en wijken; een traject mag alleen deze noemen.")
    eigen_domeinen: list[Tekst] = Field([], description="E-maildomeinen van de gemeente; die zijn geen persoonsgegevens.")
    eigen_telefoonnummers: list[Tekst] = Field([], description="Algemene telefoonnummers van de gemeente.")
    peildatum: dt.date | None = Field(None, description="Alleen voor een voorbeeld- of archiefsite: de datum die 'vandaag' is.")


@dataclass(frozen=True)
class SiteSettings:
    """The options plus where the site lives and what mkdocs.yml says about it."""

    opties: Instellingen = field(default_factory=Instellingen)
    base: Path = field(default_factory=Path.cwd)
    site_url: str = ""
    site_naam: str = ""
    docs_dir: str = "docs"
    posities: dict = field(default_factory=dict)  # option -> Pos in mkdocs.yml, for findings about a setting
    bestand: str = "mkdocs.yml"

    def waar(self, option: str) -> str:
        """Where an option is set, as 'mkdocs.yml:regel:kolom', or the file when it is not set."""
        pos = self.posities.get(option)
        return f"{self.bestand}:{pos.regel}:{pos.kolom}" if pos else self.bestand

    def __getattr__(self, name: str):
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
