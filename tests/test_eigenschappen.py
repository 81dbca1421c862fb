"""Property-based: whatever text or document staff produce, the tool reports findings and never crashes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from participatie.load.folders import read_folder
from participatie.load.yaml import parse_yaml
from participatie.model.bestanden import FILE_MODELS
from participatie.model.bind import bind
from participatie.model.traject import bind_traject
from participatie.pipeline import load_profile
from participatie.render.html import environment
from participatie.render.page import Page
from participatie.render.views import TrajectView
from participatie.rules import Context
from participatie.toetsing import toets_traject
from participatie.vocabulary import MARKDOWN_BESTANDEN, STATUSSEN, UITKOMSTEN, YAML_BESTANDEN

PROFIEL, _ = load_profile("dalfsen", Path("."))
VANDAAG = dt.date(2026, 11, 22)
CTX = Context(PROFIEL, VANDAAG, ("Dorp",), ("vechtwolde.example",), ())
# Run with HYPOTHESIS_PROFILE=grondig for ten times as many examples.
DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "grondig"
MANY = settings(max_examples=10_000 if DEEP else 1000, deadline=None, suppress_health_check=list(HealthCheck))
SOME = settings(max_examples=2000 if DEEP else 150, deadline=None, suppress_health_check=list(HealthCheck))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["ja", "nee", "NO", "19:30", "2026-02-30", "2026-04-27"]),
)
anything = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
dates = st.dates(dt.date(2024, 1, 1), dt.date(2032, 12, 31)).map(dt.date.isoformat)
times = st.times().map(lambda t: t.strftime("%H:%M"))
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz- ", min_size=1, max_size=20)
levels = st.sampled_from(PROFIEL.niveau_codes + ["meepraten"])
slug = st.from_regex(r"[a-z]{1,6}(-[a-z]{1,4})?", fullmatch=True)


def maybe(strategy):
    return st.one_of(strategy, anything)


groep = st.fixed_dictionaries(
    {"groep": st.sampled_from(["Bewoners", "Agrariërs", "Ondernemers"])},
    optional={
        "belang": maybe(st.sampled_from(["groot", "klein"])),
        "invloed": st.sampled_from(["veel", "weinig"]),
        "niveau": maybe(levels),
        "fasen": st.lists(st.fixed_dictionaries({"fase": word, "niveau": levels}), max_size=2),
    },
)
traject = st.fixed_dictionaries(
    {"titel": maybe(word), "status": maybe(st.sampled_from(list(STATUSSEN)))},
    optional={
        "soort_werk": maybe(st.sampled_from([s.code for s in PROFIEL.soorten_werk])),
        "samenvatting": word,
        "kernen": st.lists(word, max_size=2),
        "stap1": st.fixed_dictionaries(
            {},
            optional={
                k: st.fixed_dictionaries(
                    {"antwoord": maybe(st.sampled_from(["ja", "nee"]))}, optional={"toelichting": word}
                )
                for k in ("ruimte", "onderwerp", "capaciteit")
            },
        ),
        "omgevingsanalyse": st.lists(groep, max_size=3),
        "doelen": st.lists(maybe(st.sampled_from([d.code for d in PROFIEL.doelen])), max_size=2),
        "vastgesteld": st.fixed_dictionaries(
            {"datum": maybe(dates), "door": st.sampled_from(["college", "raad", "wethouder"])}
        ),
        "gestopt": st.fixed_dictionaries({"datum": dates, "reden": word}),
        "afwijkingen": st.lists(
            st.fixed_dictionaries({"soort": word, "wat": word}, optional={"betreft": word, "motivering": word}),
            max_size=2,
        ),
        "nieuws": st.lists(st.fixed_dictionaries({"datum": maybe(dates), "titel": word, "tekst": word}), max_size=2),
        "contact": st.fixed_dictionaries(
            {}, optional={"email": st.emails(), "telefoon": st.from_regex(r"06-[0-9]{8}", fullmatch=True)}
        ),
    },
)
moment = st.fixed_dictionaries(
    {
        "id": maybe(slug),
        "soort": maybe(st.sampled_from(["bijeenkomst", "online", "inloop", "terugkoppeling", "besluit", "inspraak"])),
        "titel": word,
        "datum": maybe(dates),
    },
    optional={
        "tijd": maybe(times),
        "eindtijd": times,
        "tot": dates,
        "niveau": levels,
        "link": maybe(st.just("https://x.example")),
        "doelgroepen": st.lists(st.sampled_from(["Bewoners", "Agrariërs"]), max_size=2),
        "plaats": word,
        "geannuleerd": st.fixed_dictionaries({"reden": word}),
        "verplaatst": st.lists(st.fixed_dictionaries({"van": dates, "reden": word}), max_size=2),
    },
)
planning = st.fixed_dictionaries({"momenten": st.lists(moment, max_size=4)})
inbreng = st.fixed_dictionaries(
    {"id": slug, "samenvatting": word, "uitkomst": maybe(st.sampled_from(list(UITKOMSTEN)))},
    optional={"moment": slug, "reactie": word, "kader": word},
)
terug = st.fixed_dictionaries({"inbreng": st.lists(inbreng, max_size=3)})
kaders = st.fixed_dictionaries(
    {
        "kaders": st.lists(
            st.fixed_dictionaries(
                {
                    "titel": word,
                    "hard": maybe(st.booleans()),
                    "categorie": maybe(st.sampled_from(PROFIEL.kadercategorieen)),
                }
            ),
            max_size=3,
        )
    }
)


@MANY
@given(st.text(max_size=400))
@example("\ufeff")  # found by Hypothesis: a second BOM and nothing else once crashed the loader
@example("a: 19:30\nb: NO\nc: 2026-02-30\n")
def test_arbitrary_text_gives_findings_not_exceptions(text):
    source, findings = parse_yaml(text, "x.yaml")
    slow, slow_findings = parse_yaml(text, "x.yaml", fast=False)
    # LibYAML accepts a few things PyYAML refuses (odd tag and block-scalar headers): not compared.
    assume(not (source and [f.code for f in slow_findings] == ["yaml.syntaxis"]))
    assert [f.format() for f in findings] == [f.format() for f in slow_findings]  # LibYAML and Python agree
    if "!" not in text:  # an explicit tag such as a lone '!' resolves differently in the two parsers
        assert (source.data if source else None) == (slow.data if slow else None)
    assert all(f.pad == "x.yaml" for f in findings)
    if source is not None:
        for model in FILE_MODELS.values():
            obj, problems = bind(model, source)
            assert obj is not None or problems


def walked(data: object, loc: tuple = ()) -> list[tuple[tuple, object, bool]]:
    """Every key and scalar of data, in order: what the privacy guard used to walk the data for."""
    if isinstance(data, dict):
        return [x for k, v in data.items() for x in [((*loc, k), k, True), *walked(v, (*loc, k))]]
    if isinstance(data, list):
        return [x for i, v in enumerate(data) for x in walked(v, (*loc, i))]
    return [] if data is None else [(loc, data, False)]


@MANY
@given(anything, st.booleans())
@example({"a": [1, None, {"b": "06-12345678"}], "c": None}, True)
def test_the_loader_lists_every_key_and_scalar_in_the_order_written(document, fast):
    """`Source.scalars`, which the privacy guard reads instead of walking the data again, holds exactly what a walk
    of the data finds, in the same order (keys before their values)."""
    source, _ = parse_yaml(yaml.safe_dump(document, allow_unicode=True), "x.yaml", fast=fast)
    assume(source is not None)
    assert source.scalars == walked(source.data)


@SOME
@given(traject, planning, terug, kaders, st.text(max_size=200))
def test_arbitrary_documents_in_the_files_shapes(t, p, i, k, markdown):
    folder = Path(tempfile.mkdtemp()) / "traject"
    try:
        folder.mkdir()
        for name, data in (("traject.yaml", t), ("planning.yaml", p), ("terugkoppeling.yaml", i), ("kaders.yaml", k)):
            (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        (folder / "eindverslag.md").write_text(markdown, encoding="utf-8")
        loaded, findings = bind_traject(read_folder(folder, "projecten/traject", YAML_BESTANDEN, MARKDOWN_BESTANDEN))
        toetsing = toets_traject(loaded, CTX)
        for f in [*findings, *toetsing.bevindingen]:
            assert f.format().startswith("projecten/traject")
        if loaded.traject is not None and loaded.leesbaar:
            body = (
                environment()
                .get_template("traject.html.j2")
                .render(
                    t=TrajectView(loaded, PROFIEL, VANDAAG, toetsing),
                    page="trajecten/x.md",
                    ladder=PROFIEL.niveaus,
                    bron=PROFIEL.bron,
                    woorden=PROFIEL.woorden,
                    gemeente="Gemeente X",
                    gemeente_kort="X",
                )
            )
            page = Page("trajecten/x.md", loaded.titel, "", body)
            assert page.koppen and page.markdown()
    finally:
        shutil.rmtree(folder.parent)
