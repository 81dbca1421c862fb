"""Validate stage: every rule a trajectory must meet, as findings. Policy comes from the profile."""

from __future__ import annotations

import datetime as dt
import re

from .derive import AFWIJKINGSSOORTEN, DEELNAME, detect_afwijkingen, eindverslag_parts, match_declared, plan_elements
from .findings import Ernst, Finding, Pos
from .messages import suggest
from .profile import Profiel
from .project import Traject

F, W = Ernst.FOUT, Ernst.WAARSCHUWING
ELEMENT_PLEK = {
    "opgave": ("opgave.md", (), "Schrijf in opgave.md waar het over gaat."),
    "doelen": ("traject.yaml", ("doelen",), "Noem bij 'doelen' één of meer doelen uit het beleid."),
    "omgevingsanalyse": ("traject.yaml", ("omgevingsanalyse",), "Zet elke groep in de matrix met 'belang' en 'invloed'."),
    "kaders": ("kaders.yaml", (), "Noem de harde en zachte kaders in kaders.yaml."),
    "niveaus": ("traject.yaml", ("omgevingsanalyse",), "Geef elke groep een 'niveau'."),
    "werkvormen": ("traject.yaml", ("werkvormen",), "Noem bij 'werkvormen' hoe u mensen betrekt."),
    "planning": ("planning.yaml", (), "Zet de participatiemomenten in planning.yaml."),
    "besluitmoment": ("planning.yaml", (), "Zet het besluitmoment (soort: besluit) in planning.yaml."),
    "communicatie": ("traject.yaml", ("communicatie",), "Beschrijf bij 'communicatie' hoe u uitnodigt en terugkoppelt."),
    "capaciteit": ("traject.yaml", ("capaciteit",), "Beschrijf bij 'capaciteit' welke uren en welk geld er zijn."),
}
SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$")
BASIS = ("samenvatting", "soort_werk", "thema", "kernen", "contact", "portefeuillehouder", "besluit_door", "stap1")


def validate(t: Traject, p: Profiel, vandaag: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for rule in (_profile_refs, _status_requirements, _stap1_complete, _moments, _inbreng, _afwijkingen):
        out += rule(t, p, vandaag)
    return out


def _ref(t: Traject, bestand: str, loc: tuple, value: str | None, options: list[str], what: str) -> list[Finding]:
    if value is None or value in options:
        return []
    return [t.finding(F, bestand, loc, f"'{value}' is geen {what} uit het beleidsprofiel.{suggest(value, options)}",
                      f"Kies uit: {', '.join(options)}.", code="profiel")]


def _profile_refs(t, p, vandaag):
    tb, levels = t.traject, p.niveau_codes
    out = _ref(t, "traject.yaml", ("soort_werk",), tb.soort_werk, [s.code for s in p.soorten_werk], "soort werk")
    out += _ref(t, "traject.yaml", ("besluit_door",), tb.besluit_door, p.besluitorganen, "besluitorgaan")
    if tb.vastgesteld:
        out += _ref(t, "traject.yaml", ("vastgesteld", "door"), tb.vastgesteld.door, p.besluitorganen, "besluitorgaan")
    out += [f for i, d in enumerate(tb.doelen)
            for f in _ref(t, "traject.yaml", ("doelen", i), d, [x.code for x in p.doelen], "doel")]
    for i, g in enumerate(tb.omgevingsanalyse):
        out += _ref(t, "traject.yaml", ("omgevingsanalyse", i, "niveau"), g.niveau, levels, "betrokkenheidsniveau")
        out += [f for j, fase in enumerate(g.fasen)
                for f in _ref(t, "traject.yaml", ("omgevingsanalyse", i, "fasen", j, "niveau"), fase.niveau, levels, "betrokkenheidsniveau")]
    out += [f for i, w in enumerate(tb.werkvormen)
            for f in _ref(t, "traject.yaml", ("werkvormen", i, "niveau"), w.niveau, levels, "betrokkenheidsniveau")]
    out += [f for i, m in enumerate(t.planning.momenten)
            for f in _ref(t, "planning.yaml", ("momenten", i, "niveau"), m.niveau, levels, "betrokkenheidsniveau")]
    out += [f for i, k in enumerate(t.kaders.kaders)
            for f in _ref(t, "kaders.yaml", ("kaders", i, "categorie"), k.categorie, p.kadercategorieen, "kadercategorie")]
    return out


def _status_requirements(t, p, vandaag):
    eisen, tb, status = p.eisen(t.traject.status), t.traject, t.traject.status
    out: list[Finding] = []
    if eisen.plan:
        ernst = Ernst(eisen.plan)
        for name in BASIS:
            if getattr(tb, name) in (None, [], ""):
                out.append(t.finding(ernst, "traject.yaml", (name,), f"'{name}' ontbreekt; bij status '{status}' is dat "
                                     f"{'verplicht' if ernst is F else 'nodig voordat het plan wordt vastgesteld'}.",
                                     f"Vul '{name}:' in traject.yaml in.", code="plan.basis", key=True))
        for element, ok in plan_elements(t).items():
            bestand, loc, hint = ELEMENT_PLEK[element]
            if not ok and bestand not in t.onleesbaar:
                parts = [f"{o.nummer}. {o.naam}" for o in p.plan_onderdelen if element in o.velden]
                if parts:
                    out.append(t.finding(ernst, bestand, loc, f"het plan van aanpak mist '{element}' "
                                         f"(onderdeel {', '.join(parts)}).", hint, code="plan.onderdeel"))
    if eisen.vastgesteld and tb.vastgesteld is None:
        out.append(t.finding(Ernst(eisen.vastgesteld), "traject.yaml", ("status",),
                             f"bij status '{status}' hoort een vastgesteld plan, maar 'vastgesteld' ontbreekt.",
                             "Voeg toe: 'vastgesteld:' met 'datum:' en 'door:' (college of raad).", code="plan.vastgesteld"))
    if eisen.gestopt and tb.gestopt is None:
        out.append(t.finding(Ernst(eisen.gestopt), "traject.yaml", ("status",),
                             "bij status 'gestopt' hoort een reden en een datum.",
                             "Voeg toe: 'gestopt:' met 'datum:' en 'reden:'.", code="status.gestopt"))
    if tb.gestopt is not None and status != "gestopt":
        out.append(t.finding(W, "traject.yaml", ("gestopt",), f"'gestopt' is ingevuld, maar de status is '{status}'.",
                             "Zet de status op 'gestopt' of haal 'gestopt' weg.", code="status.gestopt"))
    if eisen.eindverslag:
        out += _eindverslag(t, p, Ernst(eisen.eindverslag))
    if eisen.reacties:
        ernst = Ernst(eisen.reacties)
        for i, inbreng in enumerate(t.terugkoppeling.inbreng):
            if inbreng.uitkomst == "nog in behandeling" or not inbreng.reactie:
                out.append(t.finding(ernst, "terugkoppeling.yaml", ("inbreng", i, "uitkomst"),
                                     f"inbreng '{inbreng.id}' heeft nog geen antwoord; bij status '{status}' moet elke inbreng "
                                     "een uitkomst en een reactie hebben.", "Vul 'uitkomst' en 'reactie' in.", code="inbreng.reactie"))
    return out


def _eindverslag(t, p, ernst):
    if t.eindverslag is None:
        return [Finding(t.pad("eindverslag.md"), None, ernst, "het eindverslag ontbreekt.",
                        "Maak eindverslag.md met de kopjes: " + ", ".join(f"'## {o.kop}'" for o in p.eindverslag_onderdelen) + ".",
                        code="eindverslag")]
    out = []
    for kop, ok in eindverslag_parts(t, p).items():
        if not ok:
            line = t.eindverslag.sections.get(kop, (None,))[0]
            out.append(Finding(t.pad("eindverslag.md"), Pos(line, 1) if line else None, ernst,
                               f"het eindverslag mist het onderdeel '{kop}'.",
                               f"Schrijf een kopje '## {kop}' met tekst eronder.", code="eindverslag"))
    known = [o.kop for o in p.eindverslag_onderdelen]
    for kop, (line, _) in t.eindverslag.sections.items():
        if kop not in known:
            out.append(Finding(t.pad("eindverslag.md"), Pos(line, 4), Ernst.WAARSCHUWING,
                               f"onbekend kopje '{kop}'.{suggest(kop, known)}", f"Vaste kopjes: {', '.join(known)}.",
                               code="eindverslag"))
    return out


def _stap1_complete(t, p, vandaag):
    stap1, out = t.traject.stap1, []
    if stap1 is None:
        return out
    for vraag in ("ruimte", "onderwerp", "capaciteit"):
        antwoord = getattr(stap1, vraag)
        if antwoord is None:
            out.append(t.finding(W, "traject.yaml", ("stap1",), f"stap 1 mist de vraag '{vraag}': {getattr(p.stap1, vraag)}",
                                 f"Voeg '{vraag}:' toe met 'antwoord: ja' of 'nee' en een toelichting.", code="stap1"))
        elif antwoord.antwoord == "nee" and not antwoord.toelichting:
            out.append(t.finding(F, "traject.yaml", ("stap1", vraag, "antwoord"), f"stap 1 '{vraag}' is 'nee' zonder toelichting.",
                                 "Leg in 'toelichting' uit waarom.", code="stap1"))
    return out


def _moments(t, p, vandaag):
    out, seen = [], {}
    for i, m in enumerate(t.planning.momenten):
        loc = ("momenten", i)
        if m.id in seen:
            out.append(t.finding(F, "planning.yaml", loc + ("id",), f"de id '{m.id}' wordt al gebruikt (moment {seen[m.id] + 1}).",
                                 "Geef elk moment een eigen id.", code="moment.id"))
        seen.setdefault(m.id, i)
        if m.tot and m.tot < m.datum:
            out.append(t.finding(F, "planning.yaml", loc + ("tot",), f"'tot' ({m.tot.isoformat()}) ligt vóór 'datum' "
                                 f"({m.datum.isoformat()}).", "Het einde moet op of na het begin liggen.", code="moment.volgorde"))
        if m.eindtijd and m.tijd and m.eindtijd <= m.tijd and not m.tot:
            out.append(t.finding(F, "planning.yaml", loc + ("eindtijd",), f"de eindtijd ({m.eindtijd:%H:%M}) ligt niet na de "
                                 f"begintijd ({m.tijd:%H:%M}).", "Controleer 'tijd' en 'eindtijd'.", code="moment.volgorde"))
        if m.eindtijd and not m.tijd:
            out.append(t.finding(F, "planning.yaml", loc + ("eindtijd",), "er is een eindtijd maar geen begintijd.",
                                 "Vul ook 'tijd' in.", code="moment.volgorde"))
        if m.link and not SAFE_URL.match(m.link):
            out.append(t.finding(F, "planning.yaml", loc + ("link",), f"'{m.link}' is geen webadres.",
                                 "Begin de link met https://.", code="moment.link"))
        if m.soort in DEELNAME and not (m.plaats or m.link):
            out.append(t.finding(W, "planning.yaml", loc, f"moment '{m.id}' heeft geen plaats en geen link.",
                                 "Vul 'plaats' (adres van de zaal) of 'link' in.", code="moment.plaats"))
    return out


def _inbreng(t, p, vandaag):
    out, moments, seen = [], {m.id for m in t.planning.momenten}, set()
    harde = [k.titel for k in t.kaders.kaders if k.hard]
    for i, ib in enumerate(t.terugkoppeling.inbreng):
        loc = ("inbreng", i)
        if ib.id in seen:
            out.append(t.finding(F, "terugkoppeling.yaml", loc + ("id",), f"de id '{ib.id}' wordt al gebruikt.",
                                 "Geef elke inbreng een eigen id.", code="inbreng.id"))
        seen.add(ib.id)
        if ib.moment and ib.moment not in moments:
            out.append(t.finding(F, "terugkoppeling.yaml", loc + ("moment",), f"moment '{ib.moment}' staat niet in planning.yaml."
                                 f"{suggest(ib.moment, sorted(moments))}", "Gebruik de 'id' van een moment uit planning.yaml.",
                                 code="inbreng.moment"))
        if ib.uitkomst in ("niet overgenomen", "buiten de kaders") and not ib.reactie:
            out.append(t.finding(F, "terugkoppeling.yaml", loc + ("uitkomst",), f"bij '{ib.uitkomst}' hoort een motivering, "
                                 "maar 'reactie' ontbreekt.", "Leg in 'reactie' uit waarom de inbreng niet is overgenomen.",
                                 code="inbreng.motivering"))
        if ib.uitkomst == "buiten de kaders" and ib.kader not in harde:
            what = f"'{ib.kader}' is geen hard kader uit kaders.yaml." if ib.kader else "noem het harde kader bij 'kader'."
            out.append(t.finding(F, "terugkoppeling.yaml", loc + (("kader",) if ib.kader else ("uitkomst",)),
                                 f"bij 'buiten de kaders': {what}{suggest(ib.kader or '', harde)}",
                                 f"Harde kaders: {', '.join(harde) or '(geen)'}.", code="inbreng.kader"))
    return out


def _afwijkingen(t, p, vandaag):
    ernst = Ernst(p.eisen(t.traject.status).afwijkingen or "waarschuwing")
    out = []
    for i, a in enumerate(t.traject.afwijkingen):
        if a.soort not in AFWIJKINGSSOORTEN:
            out.append(t.finding(F, "traject.yaml", ("afwijkingen", i, "soort"), f"'{a.soort}' is geen soort afwijking."
                                 f"{suggest(a.soort, AFWIJKINGSSOORTEN)}", f"Kies uit: {', '.join(AFWIJKINGSSOORTEN)}.",
                                 code="afwijking.soort"))
        if not a.motivering:
            out.append(t.finding(ernst, "traject.yaml", ("afwijkingen", i), f"afwijking '{a.soort}' heeft geen motivering.",
                                 "Leg bij 'motivering' uit waarom is afgeweken.", code="afwijking.motivering"))
    for g in detect_afwijkingen(t, p, vandaag):
        if match_declared(t, g) is None:
            out.append(t.finding(ernst, g.bestand, g.loc, f"afwijking zonder motivering: {g.omschrijving.rstrip('.')}.",
                                 f"Verklaar dit in traject.yaml onder 'afwijkingen:' met soort: {g.soort}"
                                 f"{', betreft: ' + g.betreft if g.betreft else ''}, wat en motivering.",
                                 code=f"afwijking.{g.soort}"))
    return out
