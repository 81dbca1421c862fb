"""A residents' initiative (Dalfsen §2.2): its file, and the folder it is read from. No I/O here.

The steps are keyed by the codes of the profile's steps ('intake', 'besluit' ...), so a
gemeente with other steps needs no other model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pydantic import Field

from ..findings import Finding
from ..load.folders import Bundel
from .bestanden import Afwijking, Contact, Moment, Nieuws, Strict, Tekst
from .bind import bind
from .traject import Dossier


class Stap(Strict):
    """One step of an initiative: when, and what was decided there."""

    datum: dt.date
    toelichting: Tekst | None = None
    route: Tekst | None = Field(None, description="Bij de beoordeling: direct doorgezet of via de intaketafel.")
    uitkomst: Tekst | None = Field(None, description="Bij het besluit: de uitkomst van het afwegingskader.")
    voorwaarden: list[Tekst] = Field([], description="Bij 'ja, mits': de voorwaarden.")
    redenen: list[Tekst] = Field([], description="Bij een afwijzing: waarom.")
    reden: Tekst | None = Field(None, description="Bij 'gestopt': waarom.")
    door: Tekst | None = Field(None, description="Wie besloot (college of raad).")


class Steun(Strict):
    soort: Tekst = Field(description="Soort steun uit het beleidsprofiel, zoals ruimte of geld.")
    omschrijving: Tekst


class Ervaring(Strict):
    """How the initiators experienced the gemeente's support, when asked (Dalfsen §3.6)."""

    score: Tekst = Field(description="Een woord van de schaal in het beleidsprofiel, bijvoorbeeld 'goed'.")
    toelichting: Tekst | None = Field(None, description="Wat de initiatiefnemers erover zeiden, zonder namen.")


class InitiatiefBestand(Strict):
    """initiatief.yaml: a residents' own plan, from indienen to uitvoering."""

    titel: Tekst
    samenvatting: Tekst | None = None
    kernen: list[Tekst] = []
    thema: Tekst | None = None
    soort: Tekst | None = Field(None, description="De soort initiatief uit het beleidsprofiel.")
    omvang: Tekst | None = Field(None, description="De omvang uit het beleidsprofiel, zoals klein of groter.")
    initiatiefnemers: Tekst = Field(
        description="Wie het initiatief nemen, als groep: 'acht buurtbewoners', of een organisatie. "
        "Nooit de naam van een inwoner."
    )
    ingediend: dt.date
    stappen: dict[Tekst, Stap] = Field({}, description="De stappen tot nu toe, met de codes uit het beleidsprofiel.")
    rol: Tekst | None = Field(None, description="De rol van de gemeente, bijvoorbeeld 'meedenken en ruimte geven'.")
    steun: list[Steun] = []
    ervaring: Ervaring | None = Field(None, description="Hoe de initiatiefnemers de steun van de gemeente ervoeren.")
    contact: Contact | None = None
    momenten: list[Moment] = Field(
        [], description="Openbare momenten van het initiatief, voor de participatiekalender."
    )
    afwijkingen: list[Afwijking] = []
    nieuws: list[Nieuws] = []


@dataclass
class Initiatief(Dossier):
    """One initiative as read from its folder. `initiatief` is None when initiatief.yaml could not be read."""

    initiatief: InitiatiefBestand | None = None
    moment_file = "initiatief.yaml"

    @property
    def titel(self) -> str:
        return self.initiatief.titel if self.initiatief else self.slug

    @property
    def momenten(self) -> list[Moment]:
        return self.initiatief.momenten if self.initiatief else []


def bind_initiatief(bundel: Bundel) -> tuple[Initiatief, list[Finding]]:
    findings: list[Finding] = []
    obj: InitiatiefBestand | None = None
    onleesbaar = set(bundel.onleesbaar)
    source = bundel.yaml.get("initiatief.yaml")
    if source is not None:
        obj, findings = bind(InitiatiefBestand, source)
        if obj is None:
            onleesbaar.add("initiatief.yaml")
    i = Initiatief(slug=bundel.slug, map=bundel.map, sources=dict(bundel.yaml), onleesbaar=onleesbaar, initiatief=obj)
    return i, [replace(f, map=bundel.map) for f in bundel.findings + findings]
