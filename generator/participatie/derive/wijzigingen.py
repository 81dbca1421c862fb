"""The change history residents read: on which days which parts of a trajectory changed (never commit messages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..vocabulary import ONDERDELEN


@dataclass(frozen=True)
class Wijziging:
    datum: dt.date
    onderdelen: tuple[str, ...]  # in residents' words: 'planning', 'inbreng en reacties' ...


def history(dates: dict[str, list[dt.date]], folder: str, limit: int = 30) -> list[Wijziging]:
    """Per day, newest first, the parts of the trajectory in `folder` ('projecten/x') that changed."""
    per_day: dict[dt.date, set[str]] = {}
    for path, days in dates.items():
        parent, _, name = path.rpartition("/")
        if parent != folder or name not in ONDERDELEN:
            continue
        for day in days:
            per_day.setdefault(day, set()).add(name)
    order = list(ONDERDELEN)
    return [
        Wijziging(day, tuple(ONDERDELEN[n] for n in sorted(names, key=order.index)))
        for day, names in sorted(per_day.items(), reverse=True)[:limit]
    ]


def last_change(dates: dict[str, list[dt.date]], folder: str, bestand: str) -> dt.date | None:
    days = dates.get(f"{folder}/{bestand}")
    return days[0] if days else None
