"""Three gemeenten's policies as data (issue 14): Dalfsen, Overbetuwe and Leiderdorp.

Each extra profile has an example site of its own (`voorbeelden/<profiel>/`) that passes the
check, builds, and speaks that policy's words on every page. The same trajectory folder,
checked under each profile, gets findings that differ exactly where the policies differ.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, build, check, participatie, text_of_html

from participatie.cli import main
from participatie.load.yaml import parse_yaml

VOORBEELDEN = ROOT / "voorbeelden"
SITES = {"overbetuwe": "Appelwaard", "leiderdorp": "Rijnmeer"}
# Words that belong to Dalfsen's policy (or to the Vechtwolde example) and must not appear on another policy's site.
DALFSEN = re.compile(
    r"betrokkenheidsniveau|bouwsteen|Bouwstenen|coproduceren|Met Elkaar|Dalfsen|Vechtwolde|"
    r"soort werk|inwonerbetrokkenheid",
    re.I,
)
OWN_WORDS = {
    "overbetuwe": [
        "interactieniveau",
        "Adviseren (vanaf het begin)",
        "Initiëren",
        "Delegeren",
        "quick scan",
        "Groen licht per fase",
        "Interactiewijzer 2018",
        "Kansen en bedreigingen",
    ],
    "leiderdorp": [
        "gradatie",
        "Zelfbeheer",
        "Participatieve stijl",
        "Protocol Interactieve Beleidsontwikkeling",
        "De hoogte van belastingen en leges",
        "plan voor het interactieve traject",
        "Taakverdeling",
    ],
}


@pytest.fixture(scope="module", params=sorted(SITES))
def voorbeeld(request, tmp_path_factory) -> tuple[str, Path]:
    """A copy of an example site, built once the way `participatie bouw --strikt` does."""
    name = request.param
    site = tmp_path_factory.mktemp(name) / name
    shutil.copytree(VOORBEELDEN / name, site, ignore=shutil.ignore_patterns("site", ".participatie-cache", ".site.*"))
    assert build(site, strict=True) == 0
    return name, site


def test_each_examples_timed_events_have_an_end_in_both_parsers(voorbeeld):
    from test_kalender import timed_without_end

    assert timed_without_end(voorbeeld[1] / "site") == []


def test_each_example_passes_the_check_cleanly(voorbeeld):
    name, site = voorbeeld
    result = check(site)
    assert result.findings == [] and len(result.trajecten) >= 3 and result.profiel.naam.lower() == name


def test_each_example_speaks_its_own_policy_on_every_page(voorbeeld):
    name, site = voorbeeld
    out = site / "site"
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 12
    everything = ""
    for page in pages:
        text = text_of_html(page.read_text(encoding="utf-8"))
        assert not DALFSEN.search(text), (page.relative_to(out), DALFSEN.search(text)[0])
        everything += text
    for data in ("raad/trajecten.csv", "raad/trajecten.json"):
        assert not DALFSEN.search((out / data).read_text(encoding="utf-8")), data
    for word in OWN_WORDS[name]:
        assert word in everything, word
    assert f"{SITES[name]} is een verzonnen gemeente" in (out / "index.html").read_text(encoding="utf-8")


def test_each_example_shows_its_ladder_in_order_on_a_trajectory_page(voorbeeld):
    from participatie.pipeline import load_profile

    name, site = voorbeeld
    profiel, _ = load_profile(name, site)
    page = next((site / "site" / "trajecten").glob("*.html")).read_text(encoding="utf-8")
    ladder = re.search(r'<ol class="pt-ladder">(.*?)</ol>', page, re.S)[1]
    assert re.findall(r"<strong>(.*?)</strong>", ladder) == [n.naam for n in profiel.niveaus]
    raad = (site / "site" / "raad" / "index.html").read_text(encoding="utf-8")
    header = re.search(r'<table class="pt-raad" id="pt-trajecten-tabel".*?<thead>(.*?)</thead>', raad, re.S)[1]
    assert "Soort werk" not in header  # neither policy has Dalfsen's table 'soort werk'
    monitor = text_of_html((site / "site" / "raad" / "monitor.html").read_text(encoding="utf-8"))
    assert profiel.woorden.monitor in monitor and f"Gebruikte {profiel.woorden.niveaus}" in monitor


def test_each_example_has_a_current_schema_that_accepts_its_files(voorbeeld):
    name, site = voorbeeld
    fresh = site / "schema-nieuw"
    assert participatie("schema", str(fresh), cwd=site).returncode == 0
    committed = VOORBEELDEN / name / "schema"
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in committed.iterdir())
    for path in fresh.iterdir():
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(
            (committed / path.name).read_text(encoding="utf-8")
        )
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8")) for p in fresh.iterdir()}
    for path in sorted((site / "projecten").glob("*/*.yaml")):
        source, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))  # our loader: dates stay text
        validator = jsonschema.Draft7Validator(schemas[path.stem], format_checker=jsonschema.FormatChecker())
        assert not problems and not list(validator.iter_errors(source.data)), path
    assert "delegeren" in json.dumps(schemas["traject"]) or "participatief" in json.dumps(schemas["traject"])


# --- One folder, three policies ----------------------------------------------------------------

NEUTRAL = {  # words that every profile here has in common, and one feature of each policy
    "traject.yaml": """titel: Speeltuin aan de Brink
samenvatting: De speeltuin aan de Brink wordt vernieuwd.
thema: Openbare ruimte
kernen: [Dorp]
contact: {team: Team Buiten, email: buiten@voorbeeld.example}
portefeuillehouder: Wethouder openbare ruimte
besluit_door: college
status: verkenning
omgevingsanalyse:
  - {groep: Ouders, belang: groot, invloed: weinig, niveau: meebeslissen}
bestuursstijl: participeren
quickscan: {beinvloedingsruimte: nauwelijks}
uitgesloten_onderwerp: formele-regels
""",
    "kaders.yaml": "kaders:\n  - {titel: Budget, hard: true, categorie: juridisch}\n",
    "planning.yaml": "momenten: []\n",
    "terugkoppeling.yaml": "inbreng: []\n",
    "opgave.md": "De speeltuin is oud.\n",
}
MKDOCS = """site_name: Profielen
docs_dir: content
plugins:
  - participatie:
      profiel: {profiel}
      gemeente: Gemeente Voorbeeld
      kernen: [Dorp]
      eigen_domeinen: [voorbeeld.example]
      peildatum: 2026-11-22
"""
# What each policy says about exactly this folder; every difference is a difference in the policies.
EXPECTED = {
    "dalfsen": {  # no bestuursstijl, quick scan or excluded topics; its table 'soort werk' is missing here, and
        # 'in ieder geval' every kind of kader (only a juridisch one is here)
        "profiel.bestuursstijl",
        "profiel.quickscan-vraag",
        "profiel.uitgesloten-onderwerp",
        "plan.basis",
        "plan.onderdeel",
        "plan.kadercategorie",
    },
    "overbetuwe": {  # meebeslissen asks for 'delegeren'; 'nauwelijks' is below the threshold; no excluded topics
        "afwijking.bestuursstijl-past-niet",
        "afwijking.quickscan-onder-drempel",
        "quickscan.vraag-ontbreekt",
        "profiel.uitgesloten-onderwerp",
        "plan.onderdeel",
    },
    "leiderdorp": {  # its four styles have other names; no quick scan; formele regels are never interactive (an
        # error, not an afwijking); who is competent follows the 'soort zaak', which is missing here
        "profiel.bestuursstijl",
        "profiel.quickscan-vraag",
        "plan.uitgesloten-onderwerp",
        "plan.basis",
        "plan.onderdeel",
    },
}


def findings_under(profiel: str, tmp_path: Path) -> dict[str, list[str]]:
    site = tmp_path / profiel
    (site / "content").mkdir(parents=True)
    (site / "content" / "index.md").write_text("# Profielen\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(MKDOCS.replace("{profiel}", profiel), encoding="utf-8")
    folder = site / "projecten" / "speeltuin"
    folder.mkdir(parents=True)
    for name, text in NEUTRAL.items():
        (folder / name).write_text(text, encoding="utf-8")
    out: dict[str, list[str]] = {}
    for f in check(site).findings:
        out.setdefault(f.code, []).append(f.format())
    return out


def test_the_same_folder_under_each_profile_differs_exactly_where_the_policies_differ(tmp_path):
    found = {p: findings_under(p, tmp_path) for p in EXPECTED}
    for profiel, codes in EXPECTED.items():
        assert set(found[profiel]) == codes, (profiel, found[profiel])
    # The same sentence where the policies agree, in each policy's own words where they do not.
    assert "'participeren' is geen bestuursstijl" in found["dalfsen"]["profiel.bestuursstijl"][0]
    assert "Dit beleidsprofiel kent geen bestuursstijl" in found["dalfsen"]["profiel.bestuursstijl"][0]
    assert "daarbij hoort 'Delegeren'" in found["overbetuwe"]["afwijking.bestuursstijl-past-niet"][0]
    assert "Bedoelde u 'participatief'?" in found["leiderdorp"]["profiel.bestuursstijl"][0]
    assert (
        "Formele regels zoals voorschriften en bestemmingsplannen"
        in found["leiderdorp"]["plan.uitgesloten-onderwerp"][0]
    )
    assert all("waarschuwing" in line for line in found["overbetuwe"]["plan.onderdeel"])  # verkenning: not yet due
    plan_parts = {p: {re.search(r"mist '(\w+)'", line)[1] for line in found[p]["plan.onderdeel"]} for p in EXPECTED}
    assert "kansen" in plan_parts["overbetuwe"] and "kansen" not in plan_parts["dalfsen"] | plan_parts["leiderdorp"]
    assert "taakverdeling" in plan_parts["leiderdorp"] and "taakverdeling" not in plan_parts["dalfsen"]
    assert "capaciteit" in plan_parts["dalfsen"] and "capaciteit" not in plan_parts["overbetuwe"]


# --- participatie profiel ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, words",
    [
        ("dalfsen", ["Betrokkenheidsniveaus (5", "Coproduceren", "Stap 1"]),
        ("overbetuwe", ["Interactieniveaus (7", "bestuursstijl: Delegeren", "Quick scan", "groen licht"]),
        ("leiderdorp", ["Gradaties van interactiviteit (5", "Uitgesloten onderwerpen", "De afweging"]),
    ],
)
def test_profiel_prints_a_readable_summary(name, words, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["profiel", name]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Beleidsprofiel: {name.capitalize()}")
    for word in words:
        assert word in out, word


def test_profiel_reports_every_problem_in_an_own_profile_with_positions(site, capsys, monkeypatch):
    own = (ROOT / "generator/participatie/profielen/overbetuwe.yaml").read_text(encoding="utf-8")
    own = own.replace("bestuursstijl: delegeren", "bestuursstijl: delegerend").replace(
        "drempel: beetje", "drempel: matig"
    )
    own = own.replace("advies_vanaf: adviseren-begin", "advies_vanaf: advies")
    (site / "eigen.yaml").write_text(own, encoding="utf-8")
    monkeypatch.chdir(site)
    assert main(["profiel", "eigen.yaml"]) == 1
    err = capsys.readouterr().err
    lines = own.split("\n")

    def pos(needle):  # noqa: E306
        n = next(i for i, line in enumerate(lines) if needle in line)
        return f"eigen.yaml:{n + 1}:{lines[n].index(needle) + needle.index(': ') + 3}"

    assert (
        f"{pos('bestuursstijl: delegerend')}: fout: bestuursstijl 'delegerend' staat niet in 'bestuursstijlen'" in err
    )
    assert f"{pos('drempel: matig')}: fout: score 'matig' staat niet in 'quickscan.schaal'" in err
    assert f"{pos('advies_vanaf: advies')}: fout: niveau 'advies' staat niet in 'niveaus'" in err
    assert "3 fouten" in err and "Traceback" not in err


def test_a_site_with_a_broken_own_profile_names_it_in_check(site, capsys, monkeypatch):
    (site / "eigen.yaml").write_text("naam: Eigen\nniveaus: []\n", encoding="utf-8")
    text = (site / "mkdocs.yml").read_text(encoding="utf-8").replace("profiel: dalfsen", "profiel: eigen.yaml")
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(site)
    assert main(["check"]) == 1
    assert "eigen.yaml:1:1: fout:" in capsys.readouterr().out


@pytest.mark.axe
def test_each_example_meets_wcag_21_aa_with_axe(voorbeeld, tmp_path):
    """`participatie toegankelijkheid`'s own run (participatie.axe) on every page of the profile's example."""
    from participatie.axe import write_results

    data, problems, broken = write_results(voorbeeld[1] / "site", tmp_path / "toegankelijkheid.json")
    assert problems == {} and data["overtredingen"] == 0 and data["paginas"] >= 12, problems
    assert broken == {}, broken  # no failed request, no console error, at any width
    assert json.loads((tmp_path / "toegankelijkheid.json").read_text(encoding="utf-8")) == data
    assert data["gereedschap"].startswith("axe-core 4.") and data["breedtes"] == [320, 360, 1280]


def test_nieuw_writes_a_trajectory_in_the_profiles_own_words(voorbeeld, tmp_path):
    name, site = voorbeeld
    copy = shutil.copytree(site, tmp_path / name, ignore=shutil.ignore_patterns("site", ".participatie-cache"))
    made = participatie("nieuw", "proef", cwd=copy)
    assert made.returncode == 0, made.stderr
    folder = copy / "projecten" / "proef"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    assert not re.search(r"noaberschap|coproduceren|ideeen-ophalen|Gevolgde proces|Vechtwolde|bouwsteen", text), text
    own = {
        "overbetuwe": [
            "bestuursstijl:",
            "quickscan:",
            "groen_licht:",
            "kansen_bedreigingen:",
            "## Hoe het advies is meegewogen",
        ],
        "leiderdorp": ["De afweging", "uitgesloten_onderwerp:", "taakverdeling:", "## Toetsing aan de randvoorwaarden"],
    }
    for word in own[name]:
        assert word in text, word
    result = check(copy)
    assert not result.errors and all(f.map == "projecten/proef" for f in result.findings)  # warnings only, all its own
