"""Who took part, what each meeting gave, what we learned, and when the raad hears of it (issue 27).

Every expectation is derived from the example's YAML, then read back from the built HTML, the feeds and the
exports, the way a resident, a raadslid or a feed reader meets it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import icalendar
import pytest
from conftest import ROOT, VANDAAG, build, check, edit, text_of_html
from test_profielen import VOORBEELDEN
from test_raad import csv_rows, sources

from participatie.derive.kalender import over
from participatie.vocabulary import BIJEENKOMSTEN

TODAY = dt.date.fromisoformat(VANDAAG)


def page_text(built, slug: str) -> str:
    return text_of_html((built / f"trajecten/{slug}.html").read_text(encoding="utf-8"))


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with this id up to the next h2."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end > 0 else len(html)]


def test_past_meetings_show_their_verslag_participants_groups_and_evaluation(built):
    reported = [
        (t, m)
        for t in sources()
        for m in t.planning.momenten
        if m.verslag and m.deelnemers is not None and m.bereikt and m.evaluatie
    ]
    assert len(reported) >= 3
    for t, m in reported:
        html = (built / f"trajecten/{t.slug}.html").read_text(encoding="utf-8")
        geweest = text_of_html(section(html, "geweest"))
        first = " ".join(m.verslag.split())[:60]
        assert first in " ".join(geweest.split()), (t.slug, m.id)
        assert (
            f"Deelnemers {m.deelnemers}" in geweest
            or f"Deelnemers {m.deelnemers}".replace("onbekend", "Niet geteld") in geweest
        )
        assert ", ".join(m.bereikt) in geweest
        assert m.evaluatie.goed in geweest and m.evaluatie.anders in geweest
    # every meeting of the Dalfsen example that is over by more than the profile's four weeks has both
    for t in sources():
        for m in t.planning.momenten:
            if m.soort in BIJEENKOMSTEN and over(m, TODAY) and (TODAY - (m.tot or m.datum)).days > 28:
                assert m.verslag and m.evaluatie, (t.slug, m.id)


def test_feeds_say_a_verslag_is_there(built):
    for t in sources():
        with_verslag = {m.id for m in t.planning.momenten if m.verslag}
        if not with_verslag:
            continue
        cal = icalendar.Calendar.from_ical((built / f"trajecten/{t.slug}.ics").read_bytes())
        said = [e for e in cal.walk("VEVENT") if "Het verslag staat op" in str(e.get("DESCRIPTION"))]
        assert len(said) == len(with_verslag), t.slug
        atom = (built / f"trajecten/{t.slug}.xml").read_text(encoding="utf-8")
        assert sorted(re.findall(r"#verslag-([a-z0-9-]+)</id>", atom)) == sorted(with_verslag)


def test_who_took_part_shows_each_group_against_the_moments(built):
    for t in sources():
        groups = t.traject.omgevingsanalyse
        html = (built / f"trajecten/{t.slug}.html").read_text(encoding="utf-8")
        done = [m for m in t.planning.momenten if over(m, TODAY) and (m.verslag or m.bereikt or m.deelnemers)]
        if not done:
            continue  # the Dalfsen profile asks who took part, but nothing is reported yet: the table says so
        rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", section(html, "bereik"), re.S)
        assert len(rows) == len(groups)
        for g, row in zip(groups, rows, strict=True):
            text = text_of_html(row)
            assert text.startswith(g.groep)
            reached = [m.titel for m in done if g.groep in m.bereikt]
            assert all(titel in text for titel in reached), (t.slug, g.groep)
            assert ("moeilijk bereikbaar" in text) == g.moeilijk_bereikbaar
        counted = sum(m.deelnemers for m in done if isinstance(m.deelnemers, int))
        assert f"deden {counted} mensen mee" in text_of_html(section(html, "bereik"))


def test_a_hard_to_reach_group_not_reached_is_an_afwijking_the_raad_reads_with_its_motivation(built):
    missed = [
        (t, g)
        for t in sources()
        for g in t.traject.omgevingsanalyse
        if g.moeilijk_bereikbaar
        and any(g.groep in m.doelgroepen and m.verslag and over(m, TODAY) for m in t.planning.momenten)
        and not any(g.groep in m.bereikt for m in t.planning.momenten)
    ]
    assert missed
    raad = (built / "raad/index.html").read_text(encoding="utf-8")
    for t, g in missed:
        declared = next(a for a in t.traject.afwijkingen if a.soort == "groep-deed-niet-mee" and a.betreft == g.groep)
        item = next(li for li in re.findall(r'<li class="pt-afwijking">(.*?)</li>', raad, re.S) if g.groep in li)
        text = text_of_html(item)
        assert "Groep deed niet mee aan de momenten tot nu toe" in text and "Gevonden bij de controle" in text
        assert declared.motivering in text and "moeilijk bereikbaar" in text
    rows = {r["slug"]: r for r in csv_rows(built)}
    assert rows[missed[0][0].slug]["groepen_niet_bereikt"] == missed[0][1].groep


def test_the_finding_goes_when_a_verslag_names_the_group(site):
    planning = site / "projecten/omgevingsvisie-2040/planning.yaml"
    traject = site / "projecten/omgevingsvisie-2040/traject.yaml"
    edit(traject, "  - soort: groep-deed-niet-mee\n", "  - soort: overig\n")
    found = [f for f in check(site).findings if f.code == "afwijking.groep-deed-niet-mee"]
    assert [f.pad for f in found] == ["projecten/omgevingsvisie-2040/traject.yaml"]
    edit(
        planning,
        "bereikt: [Inwoners van alle kernen, Agrariërs]",
        "bereikt: [Inwoners van alle kernen, Agrariërs, Inwoners die moeilijk lezen]",
    )
    assert "afwijking.groep-deed-niet-mee" not in {f.code for f in check(site).findings}


def test_what_we_learned_collects_every_evaluation_linked_to_its_trajectory(built):
    html = (built / "lessen/index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="pt-les pt-filteritem"(.*?)</li>', html, re.S)
    expected = [m.evaluatie for t in sources() for m in t.planning.momenten if m.evaluatie and over(m, TODAY)]
    with_eindverslag = [t for t in sources() if t.eindverslag and "## Evaluatie" in t.eindverslag.text]
    assert len(items) == len(expected) + len(with_eindverslag) >= 4
    text = " ".join(text_of_html(html).split())
    for e in expected:
        assert e.goed in text and e.anders in text
    for slug in {t.slug for t in sources() for m in t.planning.momenten if m.evaluatie}:
        assert f'href="../trajecten/{slug}.html"' in html
    # filterable by soort werk and werkvorm: every item says both, as the filter reads them
    werkvormen = {m.werkvorm for t in sources() for m in t.planning.momenten if m.evaluatie and m.werkvorm}
    for w in werkvormen:
        assert f'<option value="{w}">' in html and f'data-werkvorm="{w}"' in html
    monitor = text_of_html((built / "raad/monitor.html").read_text(encoding="utf-8"))
    n = len(
        {t.slug for t in sources() if any(m.evaluatie for m in t.planning.momenten)}
        | {t.slug for t in with_eindverslag}
    )
    assert f"{n} van de {len(sources())} trajecten hebben een evaluatie" in monitor


def test_the_raads_role_and_when_it_hears_are_on_the_trajectory_page(built):
    with_role = [t for t in sources() if t.traject.raad]
    assert with_role
    for t in with_role:
        text = text_of_html(section((built / f"trajecten/{t.slug}.html").read_text(encoding="utf-8"), "gemeenteraad"))
        for i in t.traject.raad.informeren:
            assert i.wat in text
        assert ("Kaderstellend" in text) == ("kaderstellend" in t.traject.raad.rol)
    assert {r["slug"]: r["rol_raad"] for r in csv_rows(built)}[with_role[0].slug] == "|".join(
        with_role[0].traject.raad.rol
    )


def test_initiative_indicators_per_kern_soort_omvang_and_experience(built):
    import yaml

    data = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "initiatieven").glob("*/initiatief.yaml"))
    ]
    monitor = (built / "raad/monitor.html").read_text(encoding="utf-8")
    kern = section(monitor, "initiatieven-per-kern")
    for k in {k for d in data for k in d["kernen"]}:
        n = sum(1 for d in data if k in d["kernen"])
        assert f'<th scope="row">{k}</th><td>{n}</td>' in kern
    omvang = section(monitor, "initiatieven-per-omvang")
    assert f'<th scope="row">Klein</th><td>{sum(d.get("omvang") == "klein" for d in data)}</td>' in omvang
    ervaring = section(monitor, "initiatieven-per-ervaring")
    asked = [d["ervaring"]["score"] for d in data if d.get("ervaring")]
    assert f"{len(asked)} van de {len(data)} gaven een antwoord" in text_of_html(ervaring)
    for score in set(asked):
        assert f'<th scope="row">{score}</th><td>{asked.count(score)}</td>' in ervaring


def test_a_verslag_with_personal_data_in_markup_is_found_and_withheld(site):
    planning = site / "projecten/rioolvervanging-centrum/planning.yaml"
    edit(planning, "  De aannemer liet zien", "  Vragen aan **piet**@gmail.com. De aannemer liet zien")
    found = [f for f in check(site).findings if f.code == "privacy.email"]
    assert [(f.pad, f.pos.line if f.pos else 0) for f in found] == [
        (
            "projecten/rioolvervanging-centrum/planning.yaml",
            next(
                n for n, line in enumerate(planning.read_text(encoding="utf-8").split("\n"), 1) if "verslag: |-" in line
            ),
        )
    ]
    assert "piet" not in found[0].boodschap


def test_a_verslag_is_sanitised_markdown(site, tmp_path):
    planning = site / "projecten/rioolvervanging-centrum/planning.yaml"
    edit(planning, "  De aannemer liet zien", "  <script>alert(1)</script> *Kort*: de aannemer liet zien")
    assert build(site, str(tmp_path / "uit")) == 0
    html = (tmp_path / "uit/trajecten/rioolvervanging-centrum.html").read_text(encoding="utf-8")
    verslag = section(html, "geweest")
    assert "<script>alert" not in verslag and "<em>Kort</em>" in verslag


@pytest.mark.parametrize("name", ["leiderdorp", "overbetuwe"])
def test_a_profile_that_says_nothing_shows_nothing(name, tmp_path):
    site = tmp_path / name
    shutil.copytree(VOORBEELDEN / name, site, ignore=shutil.ignore_patterns("site", ".participatie-cache", ".site.*"))
    assert build(site, strict=True) == 0
    out = site / "site"
    assert not (out / "lessen").exists()  # neither policy asks to share lessons
    pages = " ".join(p.read_text(encoding="utf-8") for p in (out / "trajecten").glob("*.html"))
    assert 'id="bereik"' not in pages  # nothing reported, and the policy does not ask
    # Overbetuwe §2.4 speaks of the politicians' roles; Leiderdorp's protocol does not
    assert ('id="gemeenteraad"' in pages) == (name == "overbetuwe")


@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        (
            "veel",
            "bij 'deelnemers' hoort een heel getal, maar er staat tekst.",
            "Schrijf hier een heel getal, of: 'onbekend'.",
        ),
        ("-3", "'deelnemers' moet minstens 0 zijn", "of: 'onbekend'."),
    ],
)
def test_a_wrong_number_of_participants_is_one_dutch_finding_at_the_value(site, value, message, hint):
    """A number or 'onbekend': one finding in the staff's words, not one per branch in pydantic's type names."""
    planning = site / "projecten/rioolvervanging-centrum/planning.yaml"
    edit(planning, "    deelnemers: 14\n", f"    deelnemers: {value}\n")
    found = [f for f in check(site).findings if f.pad.endswith("rioolvervanging-centrum/planning.yaml")]
    line = next(
        n
        for n, text in enumerate(planning.read_text(encoding="utf-8").split("\n"), 1)
        if "deelnemers: " + value in text
    )
    assert [(f.pos.line, f.pos.column) for f in found if f.pos] == [(line, 17)]
    assert message in found[0].boodschap and found[0].hint.endswith(hint)
    assert not any(w in found[0].boodschap + found[0].hint for w in ("constrained", "literal", "int"))
