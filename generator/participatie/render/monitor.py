"""The monitor (Dalfsen §3.6 indicators): counts and completeness, with SVG charts drawn at build time."""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from dataclasses import dataclass

from ..derive.afwijkingen import levels_against_table
from ..vocabulary import UITKOMSTEN
from .html import environment
from .page import Generated
from .views import TrajectView

KLEUR, KLEUR_2 = "#0b5a4a", "#b35900"  # both 4.5:1 or more on white, and apart for colour-blind readers
BREEDTE, LABELS, WAARDE = 480, 172, 40  # px: the chart, its label column, room for the number after a bar
BALK, TUSSEN, GROEP, REGEL, TEKEN = 16, 2, 12, 14, 7  # bar height, between bars, between labels, a line, a character


@dataclass(frozen=True)
class Indicator:
    slug: str
    titel: str
    uitleg: str
    kolommen: tuple[str, ...]
    rijen: list[tuple]
    chart: tuple  # (labels, series, xlabel): what the SVG shows
    alt: str


def _n(x: float) -> str:
    """A coordinate as SVG reads it: '12', '12.5'."""
    return f"{round(x, 1):g}"


def _steps():
    k = 1
    while True:
        yield from (k, 2 * k, 5 * k)
        k *= 10


def _ticks(top: float) -> list[int]:
    """Round steps from 0 to at least `top`, at most six: counts, never 0.5."""
    if top <= 0:
        return [0, 1]
    step = next(s for s in _steps() if top / s <= 5)
    return list(range(0, math.ceil(top / step) * step + 1, step))


def _layout(i: Indicator) -> dict:
    """Where every bar, label and tick of a horizontal bar chart goes (the template only writes it down)."""
    labels, series, xlabel = i.chart
    ticks = _ticks(max((v for _, values, _ in series for v in values), default=0))
    ruimte = BREEDTE - LABELS - WAARDE
    scale = ruimte / ticks[-1]
    bars = len(series) * (BALK + TUSSEN) - TUSSEN
    boven = GROEP / 2
    balken, rijen, y = [], [], boven
    for n, label in enumerate(labels):
        regels = _short(label)
        hoog = max(bars, len(regels) * REGEL)  # a label on two lines needs more room than one bar
        top = y + GROEP / 2 + (hoog - bars) / 2
        for m, (_, values, kleur) in enumerate(series):
            bar_y = top + m * (BALK + TUSSEN)
            width = values[n] * scale
            balken.append(
                {
                    "y": _n(bar_y),
                    "breedte": _n(width),
                    "kleur": kleur,
                    "waarde": f"{values[n]:g}",
                    "waarde_x": _n(LABELS + width + 4),
                    "tekst_y": _n(bar_y + BALK - 4),
                }
            )
        midden = top + bars / 2
        rijen.append({"y": _n(midden + 4 - (len(regels) - 1) * REGEL / 2), "regels": regels})
        y += hoog + GROEP
    as_y = y
    legenda, x = [], LABELS
    for naam, _, kleur in series if len(series) > 1 else ():
        legenda.append({"x": _n(x), "tekst_x": _n(x + 16), "naam": naam, "kleur": kleur})
        x += 16 + len(naam) * TEKEN + 16
    hoogte = as_y + 42 + (22 if legenda else 0)
    return {
        "breedte": BREEDTE,
        "hoogte": _n(hoogte),
        "titel": i.titel,
        "alt": i.alt,
        "boven": _n(boven),
        "as_y": _n(as_y),
        "tick_y": _n(as_y + 16),
        "links": LABELS,
        "label_x": LABELS - 6,
        "balk": BALK,
        "regel": REGEL,
        "streepjes": [{"x": _n(LABELS + t * scale), "label": t} for t in ticks],
        "balken": balken,
        "labels": rijen,
        "midden": _n(LABELS + ruimte / 2),
        "xlabel": xlabel,
        "xlabel_y": _n(as_y + 34),
        "legenda": legenda,
        "legenda_y": _n(hoogte - 18),
        "legenda_tekst_y": _n(hoogte - 8),
    }


def _svg(i: Indicator) -> str:
    """The chart as SVG with its title and the numbers in words (desc): the table beside it has them too."""
    return environment().get_template("grafiek.svg.j2").render(g=_layout(i))


def _short(label: str, width: int = 24) -> list[str]:
    """A label on at most two lines; the table under the chart has it in full."""
    lines = textwrap.wrap(label, width) or [""]
    return lines[:1] + [lines[1] + ("…" if len(lines) > 2 else "")] if len(lines) > 1 else lines


def _alt(titel: str, rows: list[tuple]) -> str:
    return f"{titel}: " + "; ".join(", ".join(str(v) for v in r) for r in rows) + "."


def _indicator(
    slug: str, titel: str, uitleg: str, kolommen: tuple[str, ...], rows: list[tuple], xlabel: str
) -> Indicator:
    """A bar chart with one series per number column, its table, and an alt text that carries the numbers."""
    labels = tuple(str(r[0]) for r in rows)
    series = tuple(
        (kolommen[n], tuple(r[n] for r in rows), (KLEUR, KLEUR_2)[(n - 1) % 2]) for n in range(1, len(kolommen))
    )
    return Indicator(slug, titel, uitleg, kolommen, rows, (labels, series, xlabel), _alt(titel, rows))


BUCKETS = (
    ("Compleet (100%)", 100, 100),
    ("Bijna (75 tot 99%)", 75, 99),
    ("Half (50 tot 74%)", 50, 74),
    ("Minder dan de helft", 0, 49),
)


def indicators(views: list[TrajectView]) -> list[Indicator]:
    p = views[0].profiel
    met_plan = [v for v in views if v.tb.vastgesteld]
    soort = Counter(v.soort_werk_naam for v in met_plan)
    domein = Counter(v.thema for v in met_plan)
    uitkomst = Counter(i.uitkomst for v in views for i in v.dossier.terugkoppeling.inbreng)
    plan = p.woorden.plan
    woord = p.woorden.soort_werk
    per_soort = (
        [
            _indicator(
                "plan-per-soort",
                f"Trajecten met een vastgesteld {plan}, per {woord}",
                f"Hoe vaak stelde de gemeente een {plan} vast, per {woord} uit het beleid?",
                (woord[:1].upper() + woord[1:], "Aantal"),
                [(s.naam, soort.get(s.naam, 0)) for s in p.soorten_werk],
                "aantal trajecten",
            )
        ]
        if p.soorten_werk
        else []
    )
    return [
        *per_soort,
        _indicator(
            "plan-per-domein",
            f"Trajecten met een vastgesteld {plan}, per domein",
            "In welke domeinen betrekt de gemeente inwoners?",
            ("Domein", "Aantal"),
            sorted(domein.items()),
            "aantal trajecten",
        ),
        _completeness(views),
        _indicator(
            "uitkomsten",
            "Wat er met de inbreng is gedaan",
            "Alle punten inbreng uit alle trajecten, naar uitkomst.",
            ("Uitkomst", "Aantal"),
            [(naam, uitkomst.get(u, 0)) for u, naam in UITKOMSTEN.items()],
            "punten inbreng",
        ),
        _levels(views),
    ]


def _completeness(views: list[TrajectView]) -> Indicator:
    """Dalfsen §3.6: quality is the completeness of the plan (once adopted) and of the eindverslag (once finished)."""
    plans = [v.volledig.plan.pct for v in views if v.tb.vastgesteld]
    reports = [v.volledig.eindverslag.pct for v in views if v.tb.status == "afgerond"]
    rows = [(naam, sum(lo <= x <= hi for x in plans), sum(lo <= x <= hi for x in reports)) for naam, lo, hi in BUCKETS]
    plan = views[0].profiel.woorden.plan
    return _indicator(
        "volledigheid",
        f"Volledigheid van {plan} en eindverslag",
        f"Hoeveel trajecten hebben een compleet {plan} (na de vaststelling) en een compleet eindverslag "
        "(na afronding)?",
        ("Volledigheid", plan[:1].upper() + plan[1:], "Eindverslag"),
        rows,
        "aantal trajecten",
    )


def _levels(views: list[TrajectView]) -> Indicator:
    """Groups per level, split into within and outside the policy table for their soort werk."""
    p = views[0].profiel
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    levels = [(code, ok) for v in views for _, code, ok in levels_against_table(v.dossier, p)]
    if not p.niveautabel:  # no table of levels per kind of work: only how often each level was used
        used = Counter(code for code, _ in levels)
        return _indicator(
            "niveaus",
            f"Gebruikte {p.woorden.niveaus}",
            f"Hoe vaak kreeg een groep dit {p.woorden.niveau}?",
            ("Niveau", "Aantal groepen"),
            [(n.naam, used[n.code]) for n in p.niveaus],
            "aantal groepen",
        )
    for code, ok in levels:
        if ok is not None:  # a trajectory without a soort werk is neither inside nor outside the table
            (inside if ok else outside)[code] += 1
    return _indicator(
        "niveaus",
        f"Gebruikte {p.woorden.niveaus} tegenover de beleidstabel",
        "Hoe vaak kreeg een groep dit niveau, binnen en buiten wat de beleidstabel voor die soort werk toestaat?",
        ("Niveau", "Binnen de tabel", "Buiten de tabel"),
        [(n.naam, inside[n.code], outside[n.code]) for n in p.niveaus],
        "aantal groepen",
    )


def initiative_indicators(cijfers: dict) -> list[Indicator]:
    """Dalfsen §3.6, initiatives: how many stand at each step, and what the college decided."""
    if not cijfers:
        return []
    return [
        _indicator(
            "initiatieven-per-stap",
            "Initiatieven van inwoners, naar waar ze staan",
            "Hoeveel initiatieven staan bij elke stap van de aanpak?",
            ("Stap", "Aantal"),
            cijfers["per_stap"],
            "aantal initiatieven",
        ),
        _indicator(
            "initiatieven-per-besluit",
            "Besluiten over initiatieven",
            "Wat besloot het college over de initiatieven die het beoordeelde?",
            ("Besluit", "Aantal"),
            cijfers["per_uitkomst"],
            "aantal initiatieven",
        ),
        _indicator(
            "initiatieven-per-kern",
            "Initiatieven per kern",
            "Waar komen de initiatieven vandaan? Een initiatief voor meer kernen telt bij elk ervan.",
            ("Kern", "Aantal"),
            cijfers["per_kern"],
            "aantal initiatieven",
        ),
        *[
            _indicator(
                f"initiatieven-per-{slug}", titel, uitleg, (kolom, "Aantal"), cijfers[key], "aantal initiatieven"
            )
            for key, slug, titel, uitleg, kolom in (
                ("per_soort", "soort", "Initiatieven per soort", "Wat voor initiatieven dienen inwoners in?", "Soort"),
                ("per_omvang", "omvang", "Initiatieven per omvang", "Hoe groot zijn de initiatieven?", "Omvang"),
                (
                    "ervaring",
                    "ervaring",
                    "Hoe initiatiefnemers de steun ervoeren",
                    f"Wat antwoordden de initiatiefnemers op de vraag hoe ze de steun van de gemeente ervoeren? "
                    f"{cijfers['ervaring_gevraagd']} van de {cijfers['aantal']} gaven een antwoord.",
                    "Ervaring",
                ),
            )
            if cijfers[key]
        ],
        *(
            [
                _indicator(
                    "initiatieven-doorlooptijd",
                    "Doorlooptijd van initiatieven, per route",
                    f"Hoeveel dagen zat er (mediaan) tussen indienen en "
                    f"{('de stap ' + repr(cijfers['tot'])) if cijfers['tot'] else 'het einde'}, per route? Tussen haakjes "
                    "het aantal initiatieven dat zo ver is.",
                    ("Route", "Mediaan in dagen"),
                    [(f"{naam} ({n})", round(mediaan)) for naam, n, mediaan in cijfers["per_route"]],
                    "dagen",
                )
            ]
            if cijfers["per_route"]
            else []
        ),
    ]


def render_monitor(views: list[TrajectView], initiatieven=()) -> tuple[list[Indicator], list[Generated]]:
    """The indicators and their charts."""
    from .initiatieven import figures

    items = (indicators(views) if views else []) + initiative_indicators(figures(list(initiatieven)))
    return items, [Generated(f"raad/{i.slug}.svg", _svg(i)) for i in items]
