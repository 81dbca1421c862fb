"""Property-based: whatever text or document staff produce, the tool reports findings and never crashes."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from participatie.model import FILE_MODELS, STATUSSEN, UITKOMSTEN
from participatie.planning_checks import check_planning
from participatie.privacy import Settings, check_privacy
from participatie.profile import load_profile
from participatie.project import load_traject
from participatie.load import parse_yaml
from participatie.render.pages import environment
from participatie.render.views import TrajectView
from participatie.validate import validate
from participatie.validate_shape import check_shape

PROFIEL, _ = load_profile("dalfsen", Path("."))
VANDAAG = dt.date(2026, 11, 22)
MANY = settings(max_examples=2500, deadline=None, suppress_health_check=list(HealthCheck))
SOME = settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["ja", "nee", "NO", "19:30", "2026-02-30", "2026-04-27"]))
anything = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                        max_leaves=12)
dates = st.dates(dt.date(2024, 1, 1), dt.date(2032, 12, 31)).map(dt.date.isoformat)
times = st.times().map(lambda t: t.strftime("%H:%M"))
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz- ", min_size=1, max_size=20)
levels = st.sampled_from(PROFIEL.niveau_codes + ["meepraten"])
slug = st.from_regex(r"[a-z]{1,6}(-[a-z]{1,4})?", fullmatch=True)


def maybe(strategy):
    return st.one_of(strategy, anything)


groep = st.fixed_dictionaries({"groep": st.sampled_from(["Bewoners", "Agrariërs", "Ondernemers"])},
                              optional={"belang": maybe(st.sampled_from(["groot", "klein"])), "invloed": st.sampled_from(["veel", "weinig"]),
                                        "niveau": maybe(levels), "fasen": st.lists(st.fixed_dictionaries({"fase": word, "niveau": levels}), max_size=2)})
traject = st.fixed_dictionaries({"titel": maybe(word), "status": maybe(st.sampled_from(STATUSSEN))}, optional={
    "soort_werk": maybe(st.sampled_from([s.code for s in PROFIEL.soorten_werk])), "samenvatting": word, "kernen": st.lists(word, max_size=2),
    "stap1": st.fixed_dictionaries({}, optional={k: st.fixed_dictionaries({"antwoord": maybe(st.sampled_from(["ja", "nee"]))},
                                                                           optional={"toelichting": word}) for k in ("ruimte", "onderwerp", "capaciteit")}),
    "omgevingsanalyse": st.lists(groep, max_size=3), "doelen": st.lists(maybe(st.sampled_from([d.code for d in PROFIEL.doelen])), max_size=2),
    "vastgesteld": st.fixed_dictionaries({"datum": maybe(dates), "door": st.sampled_from(["college", "raad", "wethouder"])}),
    "gestopt": st.fixed_dictionaries({"datum": dates, "reden": word}),
    "afwijkingen": st.lists(st.fixed_dictionaries({"soort": word, "wat": word}, optional={"betreft": word, "motivering": word}), max_size=2),
    "nieuws": st.lists(st.fixed_dictionaries({"datum": maybe(dates), "titel": word, "tekst": word}), max_size=2),
    "contact": st.fixed_dictionaries({}, optional={"email": st.emails(), "telefoon": st.from_regex(r"06-[0-9]{8}", fullmatch=True)}),
})
moment = st.fixed_dictionaries({"id": maybe(slug), "soort": maybe(st.sampled_from(["bijeenkomst", "online", "inloop", "terugkoppeling", "besluit", "inspraak"])),
                                "titel": word, "datum": maybe(dates)},
                               optional={"tijd": maybe(times), "eindtijd": times, "tot": dates, "niveau": levels, "link": maybe(st.just("https://x.example")),
                                         "doelgroepen": st.lists(st.sampled_from(["Bewoners", "Agrariërs"]), max_size=2), "plaats": word,
                                         "geannuleerd": st.fixed_dictionaries({"reden": word}),
                                         "verplaatst": st.lists(st.fixed_dictionaries({"van": dates, "reden": word}), max_size=2)})
planning = st.fixed_dictionaries({"momenten": st.lists(moment, max_size=4)})
inbreng = st.fixed_dictionaries({"id": slug, "samenvatting": word, "uitkomst": maybe(st.sampled_from(UITKOMSTEN))},
                                optional={"moment": slug, "reactie": word, "kader": word})
terug = st.fixed_dictionaries({"inbreng": st.lists(inbreng, max_size=3)})
kaders = st.fixed_dictionaries({"kaders": st.lists(st.fixed_dictionaries({"titel": word, "hard": maybe(st.booleans()),
                                                                          "categorie": maybe(st.sampled_from(PROFIEL.kadercategorieen))}), max_size=3)})


@MANY
@given(st.text(max_size=400))
@example("\ufeff")  # found by Hypothesis: a second BOM and nothing else once crashed the loader
@example("a: 19:30\nb: NO\nc: 2026-02-30\n")
def test_arbitrary_text_gives_findings_not_exceptions(text):
    source, findings = parse_yaml(text, "x.yaml")
    assert all(f.pad == "x.yaml" for f in findings)
    if source is not None:
        for model in FILE_MODELS.values():
            obj, problems = check_shape(model, source)
            assert obj is not None or problems


@SOME
@given(traject, planning, terug, kaders, st.text(max_size=200))
def test_arbitrary_documents_in_the_files_shapes(t, p, i, k, markdown):
    folder = Path(tempfile.mkdtemp()) / "traject"
    try:
        folder.mkdir()
        for name, data in (("traject.yaml", t), ("planning.yaml", p), ("terugkoppeling.yaml", i), ("kaders.yaml", k)):
            (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        (folder / "eindverslag.md").write_text(markdown, encoding="utf-8")
        loaded, findings = load_traject(folder)
        if loaded is None:
            assert findings
            return
        findings += validate(loaded, PROFIEL, VANDAAG) + check_planning(loaded, PROFIEL, VANDAAG)
        findings += check_privacy(loaded, Settings(("vechtwolde.example",), ()))
        for f in findings:
            assert f.format()
        if not any(f.ernst.value == "fout" for f in findings):
            environment().get_template("traject.md.j2").render(t=TrajectView(loaded, PROFIEL, VANDAAG), page="trajecten/x.md",
                                                               ladder=PROFIEL.niveaus, ladder_map={n.code: n for n in PROFIEL.niveaus})
    finally:
        shutil.rmtree(folder.parent)
