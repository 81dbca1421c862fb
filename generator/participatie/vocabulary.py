"""Every word list of the file format in one place; the model, rules, schema and templates read them here.

These are the product's own words. A gemeente's policy words (niveaus, soorten werk,
doelen, kadercategorieën, bestuursstijlen ...) come from its profile, never from here.
Each list maps the code staff write in YAML to the label readers see.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80  # a folder name is part of file names and web addresses; file systems stop at 255
SLUG_PATTERN = SLUG.pattern

# The codes of each word list below as a type, for the model and the type checker; each equals its list's keys.
Status = Literal["verkenning", "plan", "vastgesteld", "uitvoering", "afgerond", "gestopt"]
MomentSoort = Literal["bijeenkomst", "online", "inloop", "terugkoppeling", "besluit", "inspraak"]
Besluit = Literal["plan", "tussen", "eind"]
Uitkomst = Literal["overgenomen", "deels overgenomen", "niet overgenomen", "buiten de kaders", "nog in behandeling"]
Belang = Literal["groot", "klein"]
Invloed = Literal["veel", "weinig"]
PlanElement = Literal[
    "opgave",
    "doelen",
    "omgevingsanalyse",
    "kaders",
    "niveaus",
    "werkvormen",
    "planning",
    "besluitmoment",
    "communicatie",
    "capaciteit",
    "bestuursstijl",
    "quickscan",
    "kansen",
    "taakverdeling",
    "groen_licht",
    "doel_concreet",
    "weging",
    "verantwoording",
    "mandaat",
]
Licentie = Literal["CC0-1.0", "CC-BY-4.0"]

# In process order: sorting by status sorts by how far a trajectory got.
STATUSSEN: dict[Status, str] = {
    "verkenning": "Verkenning",
    "plan": "Plan in de maak",
    "vastgesteld": "Plan vastgesteld",
    "uitvoering": "Bezig",
    "afgerond": "Afgerond",
    "gestopt": "Gestopt",
}
LOPEND: tuple[Status, ...] = ("plan", "vastgesteld", "uitvoering")
VOORBEREIDING: tuple[Status, ...] = ("verkenning", "plan")  # not adopted yet: what the raad should hear of early
# The order of the overview 'Alle trajecten': what is happening now first, what is over last.
OVERZICHT: tuple[Status, ...] = ("uitvoering", "vastgesteld", "plan", "verkenning", "afgerond", "gestopt")

MOMENT_SOORTEN: dict[MomentSoort, str] = {
    "bijeenkomst": "bijeenkomst",
    "online": "online",
    "inloop": "inloop",
    "terugkoppeling": "terugkoppeling",
    "besluit": "besluit",
    "inspraak": "inspraak of zienswijze",
}
# What a 'besluit' moment decides. Only the final decision ('eind', the default) needs the eindverslag
# (Dalfsen §2.1.5: the eindverslag is part of the decision document) and carries the Omgevingswet's motivering.
BESLUITEN: dict[Besluit, str] = {
    "plan": "vaststelling van het plan van aanpak",
    "tussen": "tussenbesluit",
    "eind": "eindbesluit",
}
EINDBESLUIT = "eind"
# Moments where people give input; a terugkoppeling or besluit reports back or decides.
DEELNAME = ("bijeenkomst", "online", "inloop", "inspraak")
# Meetings: moments where people come together. People hear back within the profile's term ('radiostilte'), and
# where the profile asks it, each gets a verslag and a short evaluation (Dalfsen §2.1.5, stap 4).
BIJEENKOMSTEN = ("bijeenkomst", "inloop")
TERUGKOPPELING_NODIG = BIJEENKOMSTEN

UITKOMSTEN: dict[Uitkomst, str] = {
    "overgenomen": "Overgenomen",
    "deels overgenomen": "Deels overgenomen",
    "niet overgenomen": "Niet overgenomen",
    "buiten de kaders": "Buiten de kaders",
    "nog in behandeling": "Nog in behandeling",
}
# Outcomes that need a motivation in 'reactie'.
UITKOMST_MOTIVERING = ("niet overgenomen", "buiten de kaders")
UITKOMST_OPEN = "nog in behandeling"
# Outcomes where input was not (fully) taken over: against advice or an outcome the policy follows, an afwijking.
UITKOMST_NIET_GEVOLGD = ("niet overgenomen", "deels overgenomen")

BELANG: tuple[str, ...] = get_args(Belang)
INVLOED: tuple[str, ...] = get_args(Invloed)
# The belang-invloed matrix (bouwsteen 2): 'invloed' here is a group's power over the outcome,
# not the betrokkenheidsniveau the gemeente offers it; the pages say 'macht' for this axis.
KWADRANTEN = (
    ("groot", "veel", "Groot belang, veel macht", "We betrekken deze groep zoveel mogelijk."),
    ("klein", "veel", "Klein belang, veel macht", "We houden deze groep tevreden en op de hoogte."),
    ("groot", "weinig", "Groot belang, weinig macht", "We houden deze groep goed op de hoogte en vragen om ideeën."),
    ("klein", "weinig", "Klein belang, weinig macht", "Deze groep kijkt mee; we houden haar op de hoogte."),
)

# Fields of traject.yaml a plan needs before it can be adopted, whatever the profile.
BASISVELDEN = ("samenvatting", "soort_werk", "thema", "kernen", "contact", "portefeuillehouder", "besluit_door")

AFWIJKINGSSOORTEN = {
    "niveau-buiten-tabel": "Betrokkenheidsniveau buiten de beleidstabel",
    "stap1-nee": "Stap 1 gaf 'nee', toch meer dan informeren",
    "participatie-voor-vaststelling": "Participatie vóór vaststelling van het plan",
    "moment-geannuleerd": "Moment uit het plan is geannuleerd",
    "moment-verplaatst": "Moment uit het plan is verplaatst",
    "niveau-gewijzigd": "Lager niveau dan in het plan",
    "doelgroep-niet-bereikt": "Doelgroep zonder participatiemoment",
    "advies-niet-gevolgd": "Advies niet (helemaal) overgenomen",
    "radiostilte": "Geen terugkoppeling binnen de termijn",
    "besluit-zonder-eindverslag": "Besluit genomen zonder eindverslag",
    "termijn-overschreden": "Stap later dan de termijn uit het beleid",
    "bestuursstijl-past-niet": "Bestuursstijl past niet bij het niveau",
    "quickscan-onder-drempel": "Quick scan onder de drempel, toch meer dan informeren",
    "uitgesloten-onderwerp": "Uitgesloten onderwerp, toch interactief",
    "voor-groen-licht": "Participatie vóór het groene licht voor die fase",
    "uitkomst-niet-opgevolgd": "Uitkomst niet opgevolgd, waar het beleid zegt dat de politiek die opvolgt",
    "vaststelling-door": "Plan niet vastgesteld door wie het beleid daarvoor noemt",
    "bevoegd-orgaan": "Besluit niet door het orgaan dat het beleid bevoegd noemt",
    "groep-deed-niet-mee": "Groep deed niet mee aan de momenten tot nu toe",
    "overig": "Andere afwijking",
}
# The norm of the profile each kind of afwijking deviates from: its source is what a finding and a page cite.
AFWIJKING_NORMEN = {
    "niveau-buiten-tabel": "soorten_werk",
    "stap1-nee": "stap1",
    "participatie-voor-vaststelling": "plan_vastgesteld_voor_deelname",
    "moment-geannuleerd": "plan_volgen",
    "moment-verplaatst": "plan_volgen",
    "niveau-gewijzigd": "plan_volgen",
    "doelgroep-niet-bereikt": "plan_volgen",
    "advies-niet-gevolgd": "advies_vanaf",
    "radiostilte": "normen.terugkoppeltermijn_dagen",
    "besluit-zonder-eindverslag": "eindverslag_onderdelen",
    "termijn-overschreden": "initiatieven.stappen",
    "bestuursstijl-past-niet": "bestuursstijlen",
    "quickscan-onder-drempel": "quickscan.drempel",
    "uitgesloten-onderwerp": "uitgesloten_onderwerpen",
    "voor-groen-licht": "fasen",
    "uitkomst-niet-opgevolgd": "opvolgen_vanaf",
    "vaststelling-door": "vaststelling_door",
    "bevoegd-orgaan": "soorten_werk",
    "groep-deed-niet-mee": "bereik",
}
# Rules every profile applies that no field of it parametrises; each profile says where its policy has them, or that
# the profile chose them (see `Profiel.bronnen`).
REGEL_NORMEN = {
    "afwijkingen": "elke afwijking van het beleid of van het plan wordt gemotiveerd",
    "plan_vastgesteld_voor_deelname": "het plan is vastgesteld voordat inwoners meedoen",
    "plan_volgen": "het traject volgt het vastgestelde plan: momenten, niveaus en groepen",
    "inbreng_motiveren": "wie inbreng niet overneemt, legt uit waarom",
}

# The files of a trajectory folder, in the order the page and the scaffold use them.
YAML_BESTANDEN = ("traject.yaml", "kaders.yaml", "planning.yaml", "terugkoppeling.yaml")
MARKDOWN_BESTANDEN = ("opgave.md", "eindverslag.md")
BIJLAGEN = (".jpg", ".jpeg", ".png", ".svg", ".pdf")

INITIATIEF_BESTANDEN = ("initiatief.yaml",)

# Which part of a trajectory a file holds, in residents' words (change history, feeds).
ONDERDELEN = {
    "traject.yaml": "plan en nieuws",
    "kaders.yaml": "kaders",
    "planning.yaml": "planning",
    "terugkoppeling.yaml": "inbreng en reacties",
    "opgave.md": "opgave",
    "eindverslag.md": "eindverslag",
}

# Licences the open data can carry (SPDX code -> address, name on the page).
LICENTIES: dict[Licentie, tuple[str, str]] = {
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "Publiek domein (CC0 1.0)"),
    "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "Naamsvermelding 4.0 (CC BY 4.0)"),
}
