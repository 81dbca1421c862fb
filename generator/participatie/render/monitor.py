"""The monitor (Dalfsen §3.6 indicators): counts and completeness, with SVG charts drawn at build time."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ..derive import completeness  # noqa: E402
from ..model import UITKOMSTEN  # noqa: E402
from . import Generated
from .views import TrajectView  # noqa: E402

plt.rcParams.update({"svg.hashsalt": "participatie", "svg.fonttype": "none", "font.size": 11,
                     "font.family": ["DejaVu Sans"], "axes.spines.top": False, "axes.spines.right": False})
KLEUR, KLEUR_2 = "#0b5a4a", "#b35900"


@dataclass(frozen=True)
class Indicator:
    slug: str
    titel: str
    uitleg: str
    kolommen: tuple[str, ...]
    rijen: list[tuple]
    svg: str
    alt: str


def _svg(labels: list[str], series: list[tuple[str, list[float], str]], xlabel: str) -> str:
    height = 1.2 + 0.45 * len(labels) * max(1, len(series))
    fig, ax = plt.subplots(figsize=(6.4, height))
    bar = 0.8 / len(series)
    for n, (name, values, color) in enumerate(series):
        positions = [i + n * bar for i in range(len(labels))]
        bars = ax.barh(positions, values, height=bar, color=color, label=name)
        ax.bar_label(bars, labels=[f"{v:g}" for v in values], padding=3)
    ax.set_yticks([i + bar * (len(series) - 1) / 2 for i in range(len(labels))], labels=labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.margins(x=0.15)
    if len(series) > 1:
        ax.legend(loc="lower right", frameon=False)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buffer.getvalue()


def _alt(titel: str, rows: list[tuple]) -> str:
    return f"{titel}: " + "; ".join(", ".join(str(v) for v in r) for r in rows) + "."


def indicators(views: list[TrajectView]) -> list[Indicator]:
    out = []
    met_plan = [v for v in views if v.t.traject.vastgesteld]
    p = views[0].p if views else None
    soort = Counter(v.soort_werk_naam for v in met_plan)
    rows = [(s.naam, soort.get(s.naam, 0)) for s in p.soorten_werk] if p else []
    out.append(Indicator("plan-per-soort", "Trajecten met een vastgesteld plan van aanpak, per soort werk",
                         "Hoe vaak stelde de gemeente een plan van aanpak vast, per soort werk uit de beleidstabel?",
                         ("Soort werk", "Aantal"), rows, _svg([r[0] for r in rows], [("Aantal", [r[1] for r in rows], KLEUR)], "aantal trajecten"),
                         _alt("Trajecten met een vastgesteld plan per soort werk", rows)))
    domein = Counter(v.thema for v in met_plan)
    rows = sorted(domein.items())
    out.append(Indicator("plan-per-domein", "Trajecten met een vastgesteld plan van aanpak, per domein",
                         "In welke domeinen betrekt de gemeente inwoners?", ("Domein", "Aantal"), rows,
                         _svg([r[0] for r in rows], [("Aantal", [r[1] for r in rows], KLEUR)], "aantal trajecten"),
                         _alt("Trajecten met een vastgesteld plan per domein", rows)))
    rows = [(v.titel, completeness(v.t, v.p).plan_pct, completeness(v.t, v.p).eindverslag_pct) for v in views]
    out.append(Indicator("volledigheid", "Volledigheid van plan van aanpak en eindverslag",
                         "Staan alle bouwstenen in het plan, en alle onderdelen in het eindverslag? (in procenten)",
                         ("Traject", "Plan van aanpak (%)", "Eindverslag (%)"), rows,
                         _svg([r[0] for r in rows], [("Plan van aanpak", [r[1] for r in rows], KLEUR),
                                                     ("Eindverslag", [r[2] for r in rows], KLEUR_2)], "procent compleet"),
                         _alt("Volledigheid in procenten (plan, eindverslag) per traject", rows)))
    uitkomst = Counter(i.uitkomst for v in views for i in v.t.terugkoppeling.inbreng)
    rows = [(u, uitkomst.get(u, 0)) for u in UITKOMSTEN]
    out.append(Indicator("uitkomsten", "Wat er met de inbreng is gedaan", "Alle punten inbreng uit alle trajecten, naar uitkomst.",
                         ("Uitkomst", "Aantal"), rows, _svg([r[0] for r in rows], [("Aantal", [r[1] for r in rows], KLEUR)], "punten inbreng"),
                         _alt("Inbreng naar uitkomst", rows)))
    out.append(_levels(views))
    return out


def _levels(views: list[TrajectView]) -> Indicator:
    """Groups per level, split into within and outside the policy table for their soort werk."""
    p = views[0].p
    inside, outside = Counter(), Counter()
    for v in views:
        allowed = p.soort_werk(v.t.traject.soort_werk or "")
        for g in v.groepen:
            for code in g.niveaus:
                (inside if allowed and code in allowed.niveaus else outside)[code] += 1
    rows = [(n.naam, inside[n.code], outside[n.code]) for n in p.niveaus]
    return Indicator("niveaus", "Gebruikte betrokkenheidsniveaus tegenover de beleidstabel",
                     "Hoe vaak kreeg een groep dit niveau, binnen en buiten wat de beleidstabel voor die soort werk toestaat?",
                     ("Niveau", "Binnen de tabel", "Buiten de tabel"), rows,
                     _svg([r[0] for r in rows], [("Binnen de tabel", [r[1] for r in rows], KLEUR),
                                                 ("Buiten de tabel", [r[2] for r in rows], KLEUR_2)], "aantal groepen"),
                     _alt("Groepen per niveau (binnen de tabel, buiten de tabel)", rows))


def render_monitor(env, common: dict, views: list[TrajectView], result):
    items = indicators(views)
    page = env.get_template("monitor.md.j2").render(page="raad/monitor.md", indicatoren=items, peildatum=result.vandaag,
                                                     aantal=len(views), **common)
    return [Generated("raad/monitor.md", page)] + [Generated(f"raad/{i.slug}.svg", i.svg) for i in items]
