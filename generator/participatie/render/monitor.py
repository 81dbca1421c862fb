"""The monitor (Dalfsen §3.6 indicators): counts and completeness, with SVG charts drawn at build time."""

from __future__ import annotations

import hashlib
import io
import textwrap
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..derive.afwijkingen import levels_against_table
from ..vocabulary import UITKOMSTEN
from .page import Generated
from .views import TrajectView

KLEUR, KLEUR_2 = "#0b5a4a", "#b35900"
STYLE = {
    "svg.hashsalt": "participatie",
    "svg.fonttype": "none",
    "font.size": 12,
    "font.family": ["DejaVu Sans"],
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _pyplot():
    """matplotlib, loaded only when a chart has to be drawn (it takes half a second to import)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(STYLE)
    return plt


@dataclass(frozen=True)
class Indicator:
    slug: str
    titel: str
    uitleg: str
    kolommen: tuple[str, ...]
    rijen: list[tuple]
    chart: tuple  # (labels, series, xlabel): what the SVG shows
    alt: str


@lru_cache(maxsize=32)  # `mkdocs serve` redraws only charts whose numbers changed
def _svg(labels: tuple[str, ...], series: tuple[tuple[str, tuple[float, ...], str], ...], xlabel: str) -> str:
    # 4.8 inch wide with 12 pt text: on a 360 px phone the labels are still 12 px.
    height = 1.2 + 0.5 * len(labels) * max(1, len(series))
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.8, height))
    bar = 0.8 / len(series)
    for n, (name, values, color) in enumerate(series):
        positions = [i + n * bar for i in range(len(labels))]
        bars = ax.barh(positions, values, height=bar, color=color, label=name)
        ax.bar_label(bars, labels=[f"{v:g}" for v in values], padding=3)
    ax.set_yticks([i + bar * (len(series) - 1) / 2 for i in range(len(labels))], labels=[_short(x) for x in labels])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)  # counts: 0, 1, 2, never 0.5
    ax.margins(x=0.15)
    if len(series) > 1:
        ax.legend(loc="lower right", frameon=False)
    buffer = io.StringIO()  # 'tight' grows the canvas to fit long labels instead of squeezing the bars
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buffer.getvalue()


def _short(label: str, width: int = 24) -> str:
    """A label on at most two lines; the table under the chart has it in full."""
    lines = textwrap.wrap(label, width) or [""]
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


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
    p = views[0].p
    met_plan = [v for v in views if v.t.traject.vastgesteld]
    soort = Counter(v.soort_werk_naam for v in met_plan)
    domein = Counter(v.thema for v in met_plan)
    uitkomst = Counter(i.uitkomst for v in views for i in v.t.terugkoppeling.inbreng)
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
    plans = [v.toetsing.volledigheid.plan.pct for v in views if v.t.traject.vastgesteld]
    reports = [v.toetsing.volledigheid.eindverslag.pct for v in views if v.t.traject.status == "afgerond"]
    rows = [(naam, sum(lo <= x <= hi for x in plans), sum(lo <= x <= hi for x in reports)) for naam, lo, hi in BUCKETS]
    plan = views[0].p.woorden.plan
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
    p = views[0].p
    inside, outside = Counter(), Counter()
    levels = [(code, ok) for v in views for _, code, ok in levels_against_table(v.t, p)]
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


def render_monitor(views: list[TrajectView], cache=None, initiatieven=()) -> tuple[list[Indicator], list[Generated]]:
    """The indicators and their charts; a chart whose numbers did not change comes from the cache, undrawn."""
    from .initiatieven import figures

    items = (indicators(views) if views else []) + initiative_indicators(figures(list(initiatieven)))
    return items, [Generated(f"raad/{i.slug}.svg", _chart(i, cache)) for i in items]


def _chart(i: Indicator, cache) -> str:
    key = hashlib.sha256(repr(i.chart).encode()).hexdigest()
    hit = cache.get(f"~grafiek-{i.slug}", key, parts=1) if cache is not None else None
    if hit is not None:
        return hit[0]
    svg = _svg(*i.chart)
    if cache is not None:
        cache.put(f"~grafiek-{i.slug}", key, svg)
    return svg
