"""Say what the policy says: every norm traced to its text or marked as a choice, and the rules corrected to the texts.

Each correction from the audit of the three profiles against `shared/seeds/` has a case here that failed
before the correction: a rule the text does not have no longer fires, a rule the text does have does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, check
from fixturen import FIXTURES, prepare

from participatie.cli import main
from participatie.findings import REGELS
from participatie.load.profielen import builtin_profiles
from participatie.model.profiel import norms
from participatie.pipeline import load_profile


@pytest.mark.parametrize("naam", builtin_profiles())
def test_every_norm_of_every_built_in_profile_has_a_source_or_a_choice(naam):
    profiel, problems = load_profile(naam, ROOT)
    assert problems == []
    for norm in norms(profiel):
        bron = profiel.bronnen.get(norm)
        assert bron is not None, norm
        assert bool(bron.keuze) != bool(bron.paragraaf), norm
        if bron.paragraaf:
            assert bron.citaat or bron.regels, norm


@pytest.mark.parametrize("naam", builtin_profiles())
def test_every_quote_is_word_for_word_in_the_policy_text(naam):
    """A raadslid who looks a quote up finds it: each citaat stands in the seed text (line breaks as spaces)."""
    seeds = Path(ROOT).parent / "shared" / "seeds"
    texts = {"dalfsen": "003_", "overbetuwe": "001_", "leiderdorp": "000_"}
    files = list(seeds.glob(f"{texts[naam]}*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("de beleidsteksten staan niet naast deze map")
    raw = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", files[0].read_text(encoding="utf-8"))  # a word split at a line end
    text = " ".join(raw.split())
    profiel = load_profile(naam, ROOT)[0]
    for norm, bron in profiel.bronnen.items():
        if bron.citaat:
            assert " ".join(bron.citaat.split()) in text, (norm, bron.citaat)


def test_every_finding_code_says_where_its_rule_comes_from():
    for code, regel in REGELS.items():
        assert regel.norm or regel.bron, code
    for verwacht in sorted(FIXTURES.glob("*/verwacht.txt")):
        blocks = re.split(r"\n(?=\S)", verwacht.read_text(encoding="utf-8").strip())
        for block in filter(None, blocks):
            assert "\n    bron: " in block, (verwacht.parent.name, block)


def test_profiel_overbetuwe_shows_the_quick_scan_threshold_as_a_choice(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["profiel", "overbetuwe"]) == 0
    out = capsys.readouterr().out
    drempel = out[out.index("Drempel:") :]
    assert drempel.split("\n")[1].strip().startswith("keuze van dit profiel: §2.1 noemt geen drempel")
    assert "Quick scan (Interactiewijzer 2018, §2.1)" not in out  # a choice is never filed under a paragraph


def codes(site: Path) -> set[str]:
    return {f.code for f in check(site).findings}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- Corrected to the texts -------------------------------------------------------------------------------------


def test_dalfsen_names_no_feedback_term_so_radiostilte_is_the_gemeentes_choice(tmp_path):
    site = prepare("afwijking.radiostilte", tmp_path / "s")
    found = [f for f in check(site).findings if f.code == "afwijking.radiostilte"]
    assert [f.bron for f in found] == ["keuze van deze gemeente"]
    assert "42 dagen, ingesteld in mkdocs.yml:" in found[0].citaat
    (site / "mkdocs.yml").unlink()
    (site / "mkdocs.yml").write_text((FIXTURES / "_basis" / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert "afwijking.radiostilte" not in codes(site)  # the policy names no term


def test_dalfsen_busy_months_are_the_texts(tmp_path):
    site = prepare("planning.drukke-maand", tmp_path / "s")
    planning = site / "projecten/basis/planning.yaml"
    assert "planning.drukke-maand" in codes(site)  # boeren in August: 'de oogstmaand'
    edit(planning, "datum: 2027-08-24", "datum: 2027-09-21")
    assert "planning.drukke-maand" not in codes(site)  # September is not in the text
    edit(planning, "doelgroepen: [Boeren in het buitengebied]", "doelgroepen: [Ondernemers]")
    edit(planning, "datum: 2027-09-21", "datum: 2027-12-14")
    assert "planning.drukke-maand" not in codes(site)  # the text says winkeliers, not all ondernemers
    edit(planning, "doelgroepen: [Ondernemers]", "doelgroepen: [Winkeliers in het centrum]")
    assert "planning.drukke-maand" in codes(site)


def test_dalfsen_dorpsvisie_is_excepted_from_the_table(tmp_path):
    site = prepare("afwijking.niveau-buiten-tabel", tmp_path / "s")
    traject = site / "projecten/basis/traject.yaml"
    assert "afwijking.niveau-buiten-tabel" in codes(site)
    text = traject.read_text(encoding="utf-8")
    traject.write_text(re.sub(r"soort_werk: \S+", "soort_werk: dorpsvisie", text), encoding="utf-8")
    assert "afwijking.niveau-buiten-tabel" not in codes(site)


def test_dalfsen_stap1_is_required_once_the_plan_is_adopted(tmp_path):
    site = prepare("stap1.vraag-ontbreekt", tmp_path / "s")
    traject = site / "projecten/basis/traject.yaml"
    data = yaml.safe_load(traject.read_text(encoding="utf-8"))
    data.pop("stap1", None)
    traject.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = [f for f in check(site).findings if f.code == "stap1.vraag-ontbreekt"]
    assert [f.ernst.value for f in found] == ["fout"] and "stap 1 ontbreekt" in found[0].boodschap


def test_overbetuwe_advice_counts_from_adviseren_vanaf_het_begin(tmp_path):
    site = prepare("afwijking.advies-niet-gevolgd", tmp_path / "s")  # Dalfsen basis; Overbetuwe below
    over = prepare("profiel.weging", tmp_path / "o")
    (over / "projecten/basis/terugkoppeling.yaml").write_text(
        "inbreng:\n  - {id: schommels, moment: inloop, samenvatting: Meer schommels., uitkomst: niet overgenomen, "
        "reactie: Er is geen plek.}\n",
        encoding="utf-8",
    )
    edit(over / "projecten/basis/traject.yaml", "weging: heel-zwaar", "weging: meenemen")
    planning = over / "projecten/basis/planning.yaml"
    text = planning.read_text(encoding="utf-8")
    planning.write_text(re.sub(r"niveau: \S+", "niveau: adviseren-eind", text, count=1), encoding="utf-8")
    assert "afwijking.advies-niet-gevolgd" not in codes(over)  # at the end stage the bestuur only 'overweegt'
    planning.write_text(re.sub(r"niveau: \S+", "niveau: adviseren-begin", text, count=1), encoding="utf-8")
    assert "afwijking.advies-niet-gevolgd" in codes(over)  # 'indien daaraan goede argumenten ten grondslag liggen'
    assert site


@pytest.mark.parametrize("basis", ["_overbetuwe", "_leiderdorp"])
def test_goals_are_examples_in_overbetuwe_and_leiderdorp(basis, tmp_path):
    site = tmp_path / "s"
    import shutil

    shutil.copytree(FIXTURES / basis, site)
    edit(site / "projecten/basis/traject.yaml", "doelen: [", "doelen: [een-eigen-doel, ")
    assert "profiel.doel" not in codes(site)


def test_overbetuwe_green_light_only_where_the_plan_agrees_one(tmp_path):
    site = prepare("afwijking.voor-groen-licht", tmp_path / "s")
    assert "afwijking.voor-groen-licht" in codes(site)  # before the green light the plan agreed for this phase
    traject = site / "projecten/basis/traject.yaml"
    data = yaml.safe_load(traject.read_text(encoding="utf-8"))
    data["groen_licht"] = [g for g in data["groen_licht"] if g["fase"] != "oplossingen"] or [
        {"fase": "probleem", "datum": "2026-09-01", "door": "college"}
    ]
    traject.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert "afwijking.voor-groen-licht" not in codes(site)  # 'telkens maatwerk': no green light agreed, none missing


def test_leiderdorp_weighs_the_criteria_instead_of_one_nee(tmp_path):
    site = tmp_path / "s"
    import shutil

    shutil.copytree(FIXTURES / "_leiderdorp", site)
    traject = site / "projecten/basis/traject.yaml"
    edit(
        traject,
        "  tijd: {antwoord: ja}",
        "  tijd: {antwoord: nee, toelichting: 'Krap, maar het college maakt tijd vrij.'}",
    )
    assert "afwijking.stap1-nee" not in codes(site)  # the weighing concluded 'interactief'
    edit(traject, "afweging: {conclusie: interactief,", "afweging: {conclusie: niet-interactief,")
    assert "afwijking.stap1-nee" in codes(site)


def test_leiderdorp_excluded_topics_are_never_interactive_and_no_motivation_mends_it(tmp_path):
    site = prepare("plan.uitgesloten-onderwerp", tmp_path / "s")
    edit(
        site / "projecten/basis/traject.yaml",
        "vastgesteld: {datum: 2026-09-01, door: college}\n",
        "vastgesteld: {datum: 2026-09-01, door: college}\nafwijkingen:\n  - {soort: uitgesloten-onderwerp, wat: Toch., "
        "motivering: Omdat het kan.}\n",
    )
    assert "plan.uitgesloten-onderwerp" in codes(site)


def test_a_source_is_on_the_page_notice_and_the_raad_page_explains_sources(built):
    raad = (built / "raad/index.html").read_text(encoding="utf-8")
    assert "Waar een regel vandaan komt" in raad and "keuze van dit profiel" in raad.lower()
    assert "Met Elkaar 2.0, §2.1.3, plan van aanpak" in raad


def test_each_code_type_lists_exactly_the_codes_of_its_word_list():
    """The Literal types (for the model and mypy) and the word lists (for the pages) name the same codes."""
    from typing import get_args

    from participatie import vocabulary as v
    from participatie.derive.volledigheid import ELEMENTS

    pairs = [
        (v.Status, v.STATUSSEN),
        (v.MomentSoort, v.MOMENT_SOORTEN),
        (v.Besluit, v.BESLUITEN),
        (v.Uitkomst, v.UITKOMSTEN),
        (v.PlanElement, ELEMENTS),
        (v.Licentie, v.LICENTIES),
    ]
    for code_type, codes in pairs:
        assert get_args(code_type) == tuple(codes)
    assert sorted(v.OVERZICHT) == sorted(v.STATUSSEN)  # the overview shows every status once
