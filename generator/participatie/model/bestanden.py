"""Model stage: the typed, immutable shape of each trajectory file. No I/O here.

Field names are the YAML keys staff write; word lists come from `vocabulary`. Values
that depend on the policy (niveaus, soort werk, doelen, kadercategorieën, the stap 1
questions) are plain text here and checked against the profile by the rules, so no
gemeente's rules live in this module.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, StringConstraints

from ..vocabulary import SLUG_PATTERN, Belang, Besluit, Invloed, MomentSoort, Status, Uitkomst

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
JaNee = Literal["ja", "nee"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(Strict):
    """A functional contact point of the gemeente, never a person's private details."""

    team: Tekst | None = Field(None, description="Naam van het team of loket, bijvoorbeeld 'Team Ruimte'.")
    email: Tekst | None = Field(None, description="Algemeen e-mailadres van de gemeente.")
    telefoon: Tekst | None = Field(None, description="Algemeen telefoonnummer, bijvoorbeeld 14 0529.")


class Gestopt(Strict):
    datum: dt.date
    reden: Tekst


class Antwoord(Strict):
    antwoord: JaNee
    toelichting: Tekst | None = None


class Fase(Strict):
    fase: Tekst
    niveau: Tekst


class Belanghebbende(Strict):
    """A stakeholder group placed in the belang-invloed matrix, with its betrokkenheidsniveau."""

    groep: Tekst
    belang: Belang | None = None
    invloed: Invloed | None = Field(None, description="Macht van de groep over de uitkomst (veel of weinig).")
    niveau: Tekst | None = None
    fasen: list[Fase] = []
    toelichting: Tekst | None = None
    moeilijk_bereikbaar: bool = Field(
        False, description="Deze groep doet moeilijk mee; zeg bij 'aanpak' hoe de gemeente haar toch bereikt."
    )
    aanpak: Tekst | None = Field(None, description="Hoe de gemeente deze groep benadert.")


class Werkvorm(Strict):
    naam: Tekst
    niveau: Tekst | None = None
    doelgroepen: list[Tekst] = []
    online: bool = False


class Vaststelling(Strict):
    datum: dt.date
    door: Tekst
    document: Tekst | None = Field(None, description="Link naar of naam van het besluit.")


class GroenLicht(Strict):
    """The go-ahead for one phase of the process, where the profile asks for one per phase."""

    fase: Tekst
    datum: dt.date
    door: Tekst


class Kennisgeving(Strict):
    """The announcement of the voornemen (omgevingsplan: Omgevingsbesluit art. 10.2 lid 1)."""

    datum: dt.date
    participatie: Tekst | None = Field(
        None, description="Wat de kennisgeving zegt over hoe de participatie wordt vormgegeven."
    )
    link: Tekst | None = Field(
        None, description="Waar de kennisgeving staat, bijvoorbeeld op officielebekendmakingen.nl."
    )


class Motivering(Strict):
    """What the decision that adopts the plan or vision says about participation (art. 10.2 lid 2 / 10.7 Ob)."""

    betrokken: Tekst | None = Field(
        None, description="Hoe burgers, bedrijven, organisaties en bestuursorganen zijn betrokken."
    )
    resultaten: Tekst | None = Field(None, description="Wat de resultaten daarvan zijn en wat ermee is gedaan.")
    participatiebeleid: Tekst | None = Field(
        None, description="Omgevingsvisie van de raad: hoe het eigen participatiebeleid is toegepast."
    )


class Omgevingswet(Strict):
    """A trajectory that prepares an omgevingsplan or omgevingsvisie: the law's own participation duties."""

    instrument: Literal["omgevingsplan", "omgevingsvisie"]
    kennisgeving: Kennisgeving | None = None
    motivering: Motivering | None = None


class Afwijking(Strict):
    """A declared deviation: what deviates from what, and why."""

    soort: Tekst
    betreft: Tekst | None = Field(None, description="Het moment, de groep of de inbreng waar het om gaat (id of naam).")
    wat: Tekst
    motivering: Tekst | None = None


class Afweging(Strict):
    """The weighing whether to work interactively, where the policy weighs criteria rather than deciding on one 'nee'."""

    conclusie: Literal["interactief", "niet-interactief"]
    motivering: Tekst = Field(
        description="Waarom, na het afwegen van alle criteria; ook of ontbrekende randvoorwaarden "
        "alsnog te creëren zijn."
    )


class DoelBereikt(Strict):
    """Afterwards: was the goal set beforehand reached?"""

    oordeel: Literal["ja", "deels", "nee"]
    toelichting: Tekst


class Representativiteit(Strict):
    """Afterwards: did the participants represent those with an interest, and if not, what did the raad decide?"""

    oordeel: Literal["voldoende", "onvoldoende"]
    toelichting: Tekst
    besluit_raad: Tekst | None = Field(
        None,
        description="Bij 'onvoldoende': wat de raad besloot over een toetsing van de "
        "uitkomsten (bijvoorbeeld een enquête), met de datum.",
    )


class Nieuws(Strict):
    datum: dt.date
    titel: Tekst
    tekst: Tekst


class RaadMoment(Strict):
    """A moment the raad is (or was) informed or consulted about this trajectory."""

    datum: dt.date
    wat: Tekst = Field(description="Hoe, bijvoorbeeld 'raadsinformatiebrief over de start' of 'beeldvormende avond'.")


class RolRaad(Strict):
    """The raad's role in this trajectory and when it hears of it (KplusV sleutel 8; Dalfsen §2.3.1)."""

    rol: list[Tekst] = Field(description="De rol(len) van de raad uit het beleidsprofiel.")
    toelichting: Tekst | None = None
    informeren: list[RaadMoment] = Field([], description="Wanneer de raad is of wordt geïnformeerd, en hoe.")


class TrajectBestand(Strict):
    """traject.yaml: identity, step 1 and the plan van aanpak."""

    titel: Tekst
    samenvatting: Tekst | None = None
    soort_werk: Tekst | None = None
    thema: Tekst | None = None
    kernen: list[Tekst] = []
    contact: Contact | None = None
    portefeuillehouder: Tekst | None = None
    besluit_door: Tekst | None = None
    raad: RolRaad | None = Field(None, description="De rol van de raad in dit traject en wanneer hij het hoort.")
    status: Status
    gestopt: Gestopt | None = None
    stap1: dict[Tekst, Antwoord] | None = Field(
        None, description="Antwoorden op de vragen van stap 1 uit het beleidsprofiel."
    )
    doelen: list[Tekst] = []
    doel_toelichting: Tekst | None = Field(
        None, description="Het concrete doel van dit traject, waaraan achteraf wordt getoetst."
    )
    doel_bereikt: DoelBereikt | None = Field(
        None, description="Achteraf: is het doel bereikt? (als het beleid dat vraagt)"
    )
    omgevingsanalyse: list[Belanghebbende] = []
    werkvormen: list[Werkvorm] = []
    communicatie: Tekst | None = None
    capaciteit: Tekst | None = None
    bestuursstijl: Tekst | None = Field(
        None, description="De bestuursstijl uit het beleidsprofiel (niet elk profiel kent die)."
    )
    quickscan: dict[Tekst, Tekst] | None = Field(
        None, description="Per randvoorwaarde van de quick scan een score uit het beleidsprofiel."
    )
    afweging: Afweging | None = Field(
        None,
        description="De afweging of het traject interactief wordt (als het beleid een "
        "afweging vraagt in plaats van stap 1).",
    )
    weging: Tekst | None = Field(
        None,
        description="Hoe zwaar het advies meeweegt in het besluit, vooraf gezegd (als het "
        "beleid dat vraagt); een keuze uit het beleidsprofiel.",
    )
    verantwoording: Tekst | None = Field(
        None,
        description="Wanneer en hoe de politiek (raad, commissie) onderweg wordt "
        "bijgepraat en gepeild (als het beleid dat vraagt).",
    )
    mandaat: Tekst | None = Field(
        None,
        description="Wat de raad vooraf meegaf: wat hij wel en niet wil, met het besluit (als het beleid dat vraagt).",
    )
    representativiteit: Representativiteit | None = Field(
        None, description="Achteraf: waren de deelnemers representatief? (als het beleid dat vraagt)"
    )
    uitgesloten_onderwerp: Tekst | None = Field(
        None, description="Alleen als het onderwerp op de lijst met uitgesloten onderwerpen staat."
    )
    kansen_bedreigingen: Tekst | None = None
    taakverdeling: Tekst | None = None
    groen_licht: list[GroenLicht] = []
    omgevingswet: Omgevingswet | None = Field(None, description="Alleen voor een omgevingsplan of omgevingsvisie.")
    vastgesteld: Vaststelling | None = None
    afwijkingen: list[Afwijking] = []
    nieuws: list[Nieuws] = []


class Kader(Strict):
    titel: Tekst
    hard: bool
    categorie: Tekst
    toelichting: Tekst | None = None


class GeenKader(Strict):
    """A kind of kader the policy asks about, that this trajectory has none of, said on purpose."""

    categorie: Tekst
    toelichting: Tekst


class KadersBestand(Strict):
    """kaders.yaml: what is fixed (hard) and what is open (zacht)."""

    kaders: list[Kader] = []
    geen: list[GeenKader] = Field(
        [], description="Soorten kaders die het beleid vraagt, maar die hier niet spelen, met waarom."
    )


class Geannuleerd(Strict):
    reden: Tekst


class Verplaatsing(Strict):
    van: dt.date
    tijd: dt.time | None = None
    reden: Tekst


class Evaluatie(Strict):
    """The short evaluation at the end of a meeting (Dalfsen §2.1.5, stap 4)."""

    goed: Tekst | None = Field(None, description="Wat ging goed?")
    anders: Tekst | None = Field(None, description="Wat doen we de volgende keer anders?")


class Moment(Strict):
    """One participation moment in the planning."""

    id: Slug
    soort: MomentSoort
    titel: Tekst
    datum: dt.date
    tijd: dt.time | None = None
    eindtijd: dt.time | None = None
    tot: dt.date | None = Field(None, description="Laatste dag, voor een enquête of termijn van meer dagen.")
    plaats: Tekst | None = None
    link: Tekst | None = None
    werkvorm: Tekst | None = None
    doelgroepen: list[Tekst] = []
    niveau: Tekst | None = None
    fase: Tekst | None = Field(
        None, description="De fase van het proces, als het beleidsprofiel fasen met groen licht kent."
    )
    besluit: Besluit | None = Field(
        None,
        description="Alleen bij soort 'besluit': 'plan' (vaststelling van "
        "het plan van aanpak), 'tussen' (tussenbesluit) of 'eind' (het besluit "
        "waar het eindverslag bij hoort; dat is de standaard).",
    )
    aanmelden: Tekst | None = None
    toegankelijkheid: Tekst | None = None
    omschrijving: Tekst | None = None
    geannuleerd: Geannuleerd | None = None
    verplaatst: list[Verplaatsing] = []
    # afterwards: what the moment gave (Dalfsen §2.1.5, stap 4: verslag and a short evaluation)
    verslag: Tekst | None = Field(None, description="Na afloop: het verslag, in Markdown, zonder namen van inwoners.")
    deelnemers: NonNegativeInt | Literal["onbekend"] | None = Field(
        None, description="Na afloop: hoeveel mensen meededen, of 'onbekend'."
    )
    bereikt: list[Tekst] = Field(
        [], description="Na afloop: welke groepen uit de omgevingsanalyse meededen (zoals ze daar heten)."
    )
    evaluatie: Evaluatie | None = Field(None, description="Na afloop: wat ging goed, wat doen we anders?")


class PlanningBestand(Strict):
    """planning.yaml: all moments, including feedback and decision moments."""

    momenten: list[Moment] = []


class Inbreng(Strict):
    """One piece of input, summarised without naming anyone, and the gemeente's response."""

    id: Slug
    moment: Slug | None = None
    samenvatting: Tekst
    uitkomst: Uitkomst
    reactie: Tekst | None = None
    kader: Tekst | None = Field(None, description="Bij 'buiten de kaders': de titel van het harde kader.")


class TerugkoppelingBestand(Strict):
    """terugkoppeling.yaml: what was done with the input."""

    inbreng: list[Inbreng] = []


FILE_MODELS: dict[str, type[Strict]] = {
    "traject.yaml": TrajectBestand,
    "kaders.yaml": KadersBestand,
    "planning.yaml": PlanningBestand,
    "terugkoppeling.yaml": TerugkoppelingBestand,
}
