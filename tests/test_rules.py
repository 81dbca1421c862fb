"""Each validation rule: a copy of an example that triggers it (exact message and position), and its fix."""

from __future__ import annotations

from conftest import check_json, edit, line_of

FIETSPAD = "projecten/fietspad-kerkdijk"
VISIE = "projecten/omgevingsvisie-2040"
RIOOL = "projecten/rioolvervanging-centrum"
SPEEL = "projecten/speelplekken-lemelhuizen"


def findings(site, code_prefix):
    code, data = check_json(site)
    return code, [f for f in data["bevindingen"] if f["code"].startswith(code_prefix)]


def only(site, code_prefix):
    code, hits = findings(site, code_prefix)
    assert len(hits) == 1, hits
    return code, hits[0]


def test_level_outside_table_needs_declared_afwijking(site):
    path = site / FIETSPAD / "traject.yaml"
    edit(path, "  - soort: niveau-buiten-tabel\n    betreft: Fietsersbond", "  - soort: overig\n    betreft: Fietsersbond")
    code, f = only(site, "afwijking.niveau-buiten-tabel")
    assert code == 1 and f["ernst"] == "fout"
    assert f["pad"] == f"{FIETSPAD}/traject.yaml"
    assert (f["regel"], f["kolom"]) == (line_of(path, "    niveau: coproduceren"), 13)
    assert f["boodschap"] == ("afwijking zonder motivering: groep 'Fietsersbond afdeling Vechtwolde' krijgt niveau 'coproduceren'; "
                              "bij 'Voorbereiding nieuwe plannen en projecten' staat het beleid alleen informeren, raadplegen, adviseren toe.")
    assert "soort: niveau-buiten-tabel, betreft: Fietsersbond afdeling Vechtwolde" in f["hint"]


def test_declared_afwijking_without_motivering(site):
    path = site / FIETSPAD / "traject.yaml"
    start = line_of(path, "  - soort: niveau-buiten-tabel")
    text = path.read_text(encoding="utf-8").split("\n")
    mot = next(i for i in range(start, len(text)) if text[i].startswith("    motivering:"))
    del text[mot]
    path.write_text("\n".join(text), encoding="utf-8")
    code, f = only(site, "afwijking.motivering")
    assert code == 1 and (f["regel"], f["kolom"]) == (start, 5)
    assert f["boodschap"] == "afwijking 'niveau-buiten-tabel' heeft geen motivering."


def test_stap1_nee_with_higher_level(site):
    path = site / RIOOL / "traject.yaml"
    edit(path, "  - soort: stap1-nee\n", "  - soort: overig\n")
    code, f = only(site, "afwijking.stap1-nee")
    assert code == 1 and f["regel"] == line_of(path, "    antwoord: nee") and f["kolom"] == 15
    assert f["boodschap"] == ("afwijking zonder motivering: stap 1 beantwoordt 'ruimte' met nee, maar het hoogste niveau is "
                              "'adviseren' (alleen informeren past dan).")


def test_niet_overgenomen_needs_motivation(site):
    path = site / VISIE / "terugkoppeling.yaml"
    edit(path, "    reactie: Een rondweg past niet in de visie, omdat er geen geld voor is en het landschap er te veel onder lijdt. "
               "We kijken wel naar veiliger fietsroutes.\n", "")
    code, f = only(site, "inbreng.motivering")
    line = line_of(path, "rondweg-oosterbroek") + 3
    assert code == 1 and (f["pad"], f["regel"], f["kolom"]) == (f"{VISIE}/terugkoppeling.yaml", line, 15)
    assert f["boodschap"] == "bij 'niet overgenomen' hoort een motivering, maar 'reactie' ontbreekt."


def test_buiten_de_kaders_must_name_hard_kader(site):
    path = site / SPEEL / "terugkoppeling.yaml"
    edit(path, "    kader: Budget is 90.000 euro", "    kader: Budget van 90.000 euro")
    code, f = only(site, "inbreng.kader")
    assert code == 1 and (f["regel"], f["kolom"]) == (line_of(path, "kader: Budget van"), 12)
    assert f["boodschap"] == ("bij 'buiten de kaders': 'Budget van 90.000 euro' is geen hard kader uit kaders.yaml. "
                              "Bedoelde u 'Budget is 90.000 euro'?")


def test_plan_vastgesteld_after_first_moment(site):
    path = site / FIETSPAD / "traject.yaml"
    edit(path, "vastgesteld: {datum: 2026-10-27", "vastgesteld: {datum: 2026-11-20")
    code, f = only(site, "afwijking.participatie-voor-vaststelling")
    planning = site / FIETSPAD / "planning.yaml"
    assert code == 1 and (f["pad"], f["regel"]) == (f"{FIETSPAD}/planning.yaml", line_of(planning, "datum: 2026-11-10"))
    assert f["boodschap"] == ("afwijking zonder motivering: moment 'informatieavond-agrariers' (2026-11-10) ligt vóór de "
                              "vaststelling van het plan (2026-11-20).")


def test_end_before_start(site):
    path = site / VISIE / "planning.yaml"
    edit(path, "    tot: 2025-10-31", "    tot: 2025-09-30")
    code, f = only(site, "moment.volgorde")
    assert code == 1 and (f["regel"], f["kolom"]) == (line_of(path, "tot: 2025-09-30"), 10)
    assert f["boodschap"] == "'tot' (2025-09-30) ligt vóór 'datum' (2025-10-01)."


def test_status_requires_vastgesteld(site):
    path = site / FIETSPAD / "traject.yaml"
    edit(path, "vastgesteld: {datum: 2026-10-27, door: college}\n", "")
    code, hits = findings(site, "plan.vastgesteld")
    assert code == 1 and hits[0]["regel"] == line_of(path, "status: vastgesteld")
    assert hits[0]["boodschap"] == "bij status 'vastgesteld' hoort een vastgesteld plan, maar 'vastgesteld' ontbreekt."


def test_afgerond_requires_eindverslag_parts(site):
    path = site / SPEEL / "eindverslag.md"
    edit(path, "## Waar niets mee is gedaan\n", "## Waar niets mee gedaan is\n")
    code, data = check_json(site)
    msgs = [(f["regel"], f["boodschap"]) for f in data["bevindingen"] if f["code"] == "eindverslag"]
    assert code == 1
    assert (None, "het eindverslag mist het onderdeel 'Waar niets mee is gedaan'.") in msgs
    assert (line_of(path, "## Waar niets mee gedaan is"),
            "onbekend kopje 'Waar niets mee gedaan is'. Bedoelde u 'Waar niets mee is gedaan'?") in msgs


def test_afgerond_requires_every_input_answered(site):
    path = site / SPEEL / "terugkoppeling.yaml"
    edit(path, "    uitkomst: overgenomen\n    reactie: Dat ontwerp is gebouwd bij de Vlinderhof.\n",
         "    uitkomst: nog in behandeling\n")
    code, f = only(site, "inbreng.reactie")
    assert code == 1 and f["regel"] == line_of(path, "uitkomst: nog in behandeling")
    assert f["boodschap"].startswith("inbreng 'klimrek-en-kabelbaan' heeft nog geen antwoord; bij status 'afgerond'")


def test_verkenning_is_sketchy_with_warnings_only(site):
    path = site / "projecten/armoedebeleid/traject.yaml"
    edit(path, "capaciteit: Beleidsadviseur 160 uur, vergoeding voor ervaringsdeskundigen 3.000 euro.\n", "")
    code, hits = findings(site, "plan.onderdeel")
    assert code == 0 and hits[0]["ernst"] == "waarschuwing"
    assert hits[0]["boodschap"] == "het plan van aanpak mist 'capaciteit' (onderdeel 9. Capaciteit en middelen)."


def test_unknown_profile_value_suggests(site):
    path = site / FIETSPAD / "traject.yaml"
    edit(path, "soort_werk: plannen-projecten", "soort_werk: plannen-project")
    code, hits = findings(site, "profiel")
    assert code == 1 and hits[0]["regel"] == line_of(path, "soort_werk: plannen-project")
    assert hits[0]["boodschap"] == "'plannen-project' is geen soort werk uit het beleidsprofiel. Bedoelde u 'plannen-projecten'?"


def test_unknown_kern(site):
    edit(site / FIETSPAD / "traject.yaml", "kernen: [Kerkdijk, Buitengebied]", "kernen: [Kerkdyk, Buitengebied]")
    code, f = only(site, "kern")
    assert code == 1 and f["boodschap"] == "'Kerkdyk' is geen kern of wijk van deze site. Bedoelde u 'Kerkdijk'?"


def test_malformed_profile_gets_positions(site):
    profile = site / "mijnprofiel.yaml"
    from importlib import resources
    text = (resources.files("participatie") / "profielen" / "dalfsen.yaml").read_text(encoding="utf-8")
    profile.write_text(text.replace("advies_vanaf: adviseren", "advies_vanaf: adviezen"), encoding="utf-8")
    edit(site / "mkdocs.yml", "profiel: dalfsen", "profiel: mijnprofiel.yaml")
    code, data = check_json(site)
    f = data["bevindingen"][0]
    assert code == 1 and f["pad"].endswith("mijnprofiel.yaml") and f["regel"] == line_of(profile, "advies_vanaf: adviezen")
    assert f["boodschap"] == "niveau 'adviezen' staat niet in 'niveaus' van dit profiel."
