"""Pure tests of what the derive stage computes for the pages: order, history, medians. No files, no fixtures.

These run in `make mutatie` too (every function here takes no arguments), beside the rule fixtures.
"""

from __future__ import annotations

import datetime as dt

from participatie.derive.initiatieven import median
from participatie.derive.kalender import einde, sort_key
from participatie.derive.wijzigingen import history, last_change
from participatie.model.bestanden import Moment

D = dt.date


def moment(**kw) -> Moment:
    return Moment(**{"id": "m", "soort": "bijeenkomst", "titel": "M", "datum": D(2026, 10, 6), **kw})


def test_a_moment_ends_on_its_last_day():
    assert einde(moment()) == D(2026, 10, 6)
    assert einde(moment(tot=D(2026, 10, 20))) == D(2026, 10, 20)


def test_moments_sort_by_day_then_time_then_id():
    a = moment(id="b", tijd=dt.time(19, 0))
    b = moment(id="a", tijd=dt.time(20, 0))
    c = moment(id="a")
    d = moment(id="z", datum=D(2026, 10, 5))
    e = moment(id="0", tijd=dt.time(0, 30))  # a moment without a time comes first on its day, before a night one
    assert sorted([a, b, c, d, e], key=sort_key) == [d, c, e, a, b]


def test_history_per_day_newest_first_in_residents_words():
    dates = {
        "projecten/x/planning.yaml": [D(2026, 11, 3), D(2026, 10, 1)],
        "projecten/x/traject.yaml": [D(2026, 11, 3)],
        "projecten/x/notitie.txt": [D(2026, 11, 4)],  # not a part residents read
        "projecten/y/planning.yaml": [D(2026, 11, 5)],
    }  # another trajectory
    found = history(dates, "projecten/x")
    assert [(w.datum, w.onderdelen) for w in found] == [
        (D(2026, 11, 3), ("plan en nieuws", "planning")),
        (D(2026, 10, 1), ("planning",)),
    ]
    assert history(dates, "projecten/x", limit=1) == found[:1]
    assert last_change(dates, "projecten/x", "planning.yaml") == D(2026, 11, 3)
    assert last_change(dates, "projecten/x", "kaders.yaml") is None


def test_median_of_nothing_is_none():
    assert median([]) is None and median([3, 1, 2]) == 2 and median([1, 2]) == 1.5


def test_a_dutch_list_reads_as_babel_writes_it_with_cldrs_patterns():
    """taal.opsomming writes CLDR's Dutch list patterns out (a check need not load babel's locale data); babel,
    which writes the dates, stays the reference."""
    from babel.lists import format_list

    from participatie.taal import opsomming

    for style in ("standard", "or"):
        for n in range(6):
            words = [f"woord {i}" for i in range(n)]
            assert opsomming(words, style) == (format_list(words, style=style, locale="nl") if words else "")
    assert opsomming(["de raad", "inwoners", "ondernemers"]) == "de raad, inwoners en ondernemers"
    assert opsomming(x for x in (1, 2)) == "1 en 2"
