"""One verdict per trajectory: the same answer on every run, on every page, in every export, for the raad.

The verdict (`toetsing.Toetsing`) is decided once and cached; these tests compare paths: a cold
run against warm runs that follow `check`, `bouw`, a run at another peildatum and a run with
another profile, on every fixture site and the three example sites, byte for byte. Then they
read one trajectory's verdict from the check report, the page, the raad page and the CSV and
find them in agreement.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SITE_PARTS, as_new_process, build, check, copy_site, edit, participatie
from fixturen import fixture_names, prepare, unreadable

from participatie.cache import _MEMORY, FOLDER
from participatie.pipeline import check_site
from participatie.render.site import KEPT_CARDS
from participatie.report import format_json
from participatie.rules.instellingen import read_site_settings

pytestmark = pytest.mark.warnings_expected
VOORBEELDEN = {
    "dalfsen": ROOT,
    "overbetuwe": ROOT / "voorbeelden/overbetuwe",
    "leiderdorp": ROOT / "voorbeelden/leiderdorp",
}
ANDER_PROFIEL = {"dalfsen": "overbetuwe", "overbetuwe": "leiderdorp", "leiderdorp": "dalfsen"}


def report(site: Path, cache: bool = True) -> dict:
    """What `participatie check --format json` prints, in-process."""
    settings, problems = read_site_settings(site)
    result = check_site(settings, settings.vandaag(), cache=cache, need="toetsingen")
    return json.loads(
        format_json(problems + result.findings, result.aantal, result.aantal_initiatieven, result.toetsingen.values())
    )


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def built(site: Path, name: str) -> tuple[int, dict[str, bytes]]:
    """The exit code and every file of the built site (none when nothing could be built: a broken profile).

    Each build as a new process makes it: only the cache on disk carries over (what a process keeps in memory goes:
    the cards, and what it knows the cache holds)."""
    as_new_process()
    code = build(site, name)
    assert code in (0, 1, 3)
    return code, files(site / name) if code != 1 else {}


def cold(site: Path) -> None:
    shutil.rmtree(site / FOLDER, ignore_errors=True)
    _MEMORY.clear()


def runs_agree(site: Path, profiel: str, monkeypatch) -> None:
    """A cold check and build, then the same after check, after bouw, after another day and after another profile."""
    cold(site)
    first = report(site)
    cold(site)
    reference = built(site, "koud")
    assert report(site, cache=False) == first
    after = {"check": (report(site), built(site, "na-check"))}
    after["bouw"] = (report(site), built(site, "na-bouw"))
    monkeypatch.setenv("PARTICIPATIE_VANDAAG", "2027-06-01")
    report(site), built(site, "andere-dag")
    monkeypatch.setenv("PARTICIPATIE_VANDAAG", "2026-11-22")
    _MEMORY.clear()  # as a new process would
    after["andere dag"] = (report(site), built(site, "na-andere-dag"))
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(re.sub(r"profiel: \S+", f"profiel: {profiel}", config), encoding="utf-8")
    report(site), built(site, "ander-profiel")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    _MEMORY.clear()
    after["ander profiel"] = (report(site), built(site, "na-ander-profiel"))
    for when, (found, (code, site_files)) in after.items():
        assert found == first, f"check na {when} wijkt af van de koude run"
        assert code == reference[0], f"bouw na {when}: andere exitcode"
        assert site_files.keys() == reference[1].keys(), f"bouw na {when}: andere bestanden"
        assert [p for p in site_files if site_files[p] != reference[1][p]] == [], f"bouw na {when}: andere inhoud"


@pytest.mark.parametrize("code", fixture_names())
def test_every_fixture_site_gets_the_same_verdict_cold_and_warm(code, tmp_path, monkeypatch):
    site = prepare(code, tmp_path / "site")
    refused = {str(site / rel) for rel in unreadable(code)}
    if refused:
        original = Path.read_bytes
        monkeypatch.setattr(
            Path,
            "read_bytes",
            lambda self: (
                (_ for _ in ()).throw(PermissionError(13, "Toegang geweigerd"))
                if str(self) in refused
                else original(self)
            ),
        )
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    profiel = re.search(r"profiel: (\S+)", config)
    runs_agree(site, ANDER_PROFIEL.get(profiel.group(1) if profiel else "dalfsen", "dalfsen"), monkeypatch)


@pytest.mark.parametrize("naam", VOORBEELDEN)
def test_every_example_site_gets_the_same_verdict_cold_and_warm(naam, tmp_path, monkeypatch):
    site = (
        copy_site(tmp_path / naam, [p for p in SITE_PARTS if (VOORBEELDEN[naam] / p).exists()])
        if naam == "dalfsen"
        else Path(shutil.copytree(VOORBEELDEN[naam], tmp_path / naam))
    )
    runs_agree(site, ANDER_PROFIEL[naam], monkeypatch)


def test_after_an_edit_a_new_process_builds_the_bytes_of_a_cold_build(tmp_path, monkeypatch, compiled, reused):
    """A warm build reads each unchanged trajectory's cards (the moment and trajectory cards of the overviews, its
    raad row, its rows of the exports) back from the cache; the edited trajectory's are made again."""
    from participatie.builders import mkdocs as plugin
    from participatie.render import site as render

    site = copy_site(tmp_path / "site")
    cold(site)
    built(site, "eerst")
    first, compiled[:] = set(compiled), []
    edit(site / "projecten/fietspad-kerkdijk/traject.yaml", "titel: Veilig fietspad", "titel: Een veilig fietspad")
    read: list[int] = []
    original = render.Cards._read
    monkeypatch.setattr(
        render.Cards,
        "_read",
        lambda self, folder, stable: (original(self, folder, stable), read.append(len(KEPT_CARDS))),
    )
    warm = built(site, "warm")
    # Material's templates and ours, compiled by the first build, came from the cache (only the one that gives a
    # page its stored HTML back is new: the first build stored, it did not reuse)
    assert {"base.html", "traject.html.j2", "macros.html.j2"} <= first  # Material's and ours
    assert first.isdisjoint(compiled) and compiled == [plugin.AS_BEFORE]
    assert read and max(read) > 50  # the other trajectories' cards came from the cache
    # and the theme's HTML of every page the edit did not change (the edited page and the overviews are made anew)
    assert "trajecten/sportvisie.md" in reused[1] and "trajecten/fietspad-kerkdijk.md" not in reused[1]
    assert "kalender/index.md" not in reused[1]
    cold(site)
    reference = built(site, "koud")
    assert warm[1].keys() == reference[1].keys()
    assert [p for p in reference[1] if warm[1][p] != reference[1][p]] == []
    assert "Een veilig fietspad" in warm[1]["kalender/index.html"].decode("utf-8")


def test_an_edited_profile_or_mkdocs_yml_changes_the_verdict_at_once(site):
    shutil.copy(ROOT / "generator/participatie/profielen/dalfsen.yaml", site / "mijn-beleid.yaml")
    edit(site / "mkdocs.yml", "profiel: dalfsen", "profiel: mijn-beleid.yaml")
    assert report(site)["fouten"] == 0 and report(site)["fouten"] == 0  # cold, then warm
    edit(site / "mijn-beleid.yaml", "opvolgen_vanaf: coproduceren", "opvolgen_vanaf: meebeslissen")
    warm = report(site)
    assert warm == report(site, cache=False)
    assert "afwijking.advies-niet-gevolgd" in {f["code"] for f in warm["bevindingen"]}  # coproduceren is advice now
    edit(site / "mijn-beleid.yaml", "opvolgen_vanaf: meebeslissen", "opvolgen_vanaf: coproduceren")
    edit(site / "mkdocs.yml", "terugkoppeltermijn_dagen: 42", "terugkoppeltermijn_dagen: 7")
    warm = report(site)
    assert warm == report(site, cache=False)
    assert "afwijking.radiostilte" in {f["code"] for f in warm["bevindingen"]}
    edit(site / "mkdocs.yml", "kernen: [Vechtwolde, ", "kernen: [")
    warm = report(site)
    assert warm == report(site, cache=False)
    assert "kern.onbekend" in {f["code"] for f in warm["bevindingen"]}


# --- The same verdict on every page ------------------------------------------------------------------------------

GAT, TEGEN, GOED = "dorpsplein-oosterbroek", "fietspad-kerkdijk", "omgevingsvisie-2040"


def without_omgevingsanalyse(site: Path) -> None:
    path = site / "projecten" / GAT / "traject.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("omgevingsanalyse:\n")] + text[text.index("werkvormen:\n") :], encoding="utf-8")


@pytest.fixture
def three(site):
    """The example with one trajectory that has a policy gap, one with personal data, and one that complies."""
    without_omgevingsanalyse(site)
    edit(site / "projecten" / TEGEN / "traject.yaml", "samenvatting: ", "samenvatting: Mail jan.devries@gmail.com. ")
    return site


def csv_rows(path: Path) -> dict[str, dict]:
    return {r["slug"]: r for r in csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";")}


def test_check_report_page_raad_page_and_csv_agree_on_each_verdict(three):
    verdicts = {v["map"].split("/")[1]: v for v in report(three)["toetsing"] if v["soort"] == "traject"}
    assert build(three) == 3
    out = three / "site"
    raad = (out / "raad/index.html").read_text(encoding="utf-8")
    rows = csv_rows(out / "raad/trajecten.csv")
    gat, tegen, goed = verdicts[GAT], verdicts[TEGEN], verdicts[GOED]
    assert (gat["publicatie"], tegen["publicatie"], goed["publicatie"]) == ("met melding", "tegenhouden", "publiceren")
    assert gat["voldoet"] is False and goed["voldoet"] is True and goed["ontbreekt"] == []
    bron = "(Met Elkaar 2.0, §2.1.3, plan van aanpak)"  # where the rule comes from, on every page that shows it
    assert gat["ontbreekt"] == [
        f"de omgevingsanalyse (plan van aanpak, onderdeel 3. Omgevingsanalyse) {bron}",
        f"het niveau per groep (plan van aanpak, onderdeel 5. Betrokkenheidsniveau) {bron}",
    ]
    page = (out / "trajecten" / f"{GAT}.html").read_text(encoding="utf-8")
    notice = page[page.index("Dit traject voldoet nog niet") :]
    notice = notice[: notice.index("</ul>")]
    assert re.findall(r"<li>(.*?)</li>", notice) == gat["ontbreekt"]
    assert "Dit traject voldoet nog niet" not in (out / "trajecten" / f"{GOED}.html").read_text(encoding="utf-8")
    assert not (out / "trajecten" / f"{TEGEN}.html").exists() and TEGEN not in rows and TEGEN not in raad
    assert rows[GAT]["voldoet"] == "nee" and rows[GAT]["ontbreekt"] == "|".join(gat["ontbreekt"])
    assert rows[GOED]["voldoet"] == "ja" and rows[GOED]["ontbreekt"] == ""
    table = raad[raad.index('id="tabel"') :]  # 'Binnenkort' above it links trajectories too
    row = table[table.index(f'href="../trajecten/{GAT}.html"') :]
    row = row[: row.index("</tr>")]
    assert '<strong class="pt-label pt-label-rood">Nee</strong>' in row and "; ".join(gat["ontbreekt"]) in row
    row = table[table.index(f'href="../trajecten/{GOED}.html"') :]
    assert re.search(r'<td data-waarde="1">Ja</td>\s*</tr>', row[: row.index("</tr>") + 5])
    assert "1 traject staat tijdelijk niet op de site" in raad
    for slug, v in verdicts.items():
        if v["publicatie"] != "tegenhouden":
            assert rows[slug]["afwijkingen"] == str(v["afwijkingen"])
            assert rows[slug]["afwijkingen_gemotiveerd"] == str(v["afwijkingen_gemotiveerd"])


def test_two_builds_in_a_row_publish_the_gap_with_its_notice(site):
    """The case from the issue: a second run withheld what the first published (the cache kept the wrong verdict)."""
    without_omgevingsanalyse(site)
    for _ in range(2):
        run = participatie("bouw", cwd=site)
        assert run.returncode == 0, run.stderr
        page = (site / "site/trajecten" / f"{GAT}.html").read_text(encoding="utf-8")
        assert "Dit traject voldoet nog niet aan het participatiebeleid" in page
        raad = (site / "site/raad/index.html").read_text(encoding="utf-8")
        assert "de omgevingsanalyse (plan van aanpak, onderdeel 3. Omgevingsanalyse)" in raad
        assert "Van de 8 trajecten voldoen er 7 helemaal aan het beleid" in raad
    run = participatie("check", cwd=site)
    assert run.returncode == 1 and "het plan van aanpak mist 'omgevingsanalyse'" in run.stdout
    verdict = json.loads(participatie("check", "--format", "json", cwd=site).stdout)
    assert {f["publicatie"] for f in verdict["bevindingen"]} == {"melden"}


# --- What the raad reads: every afwijking with its motivation ----------------------------------------------------


def motiveringen(site: Path) -> list[str]:
    import yaml

    out = []
    for path in sorted([*site.glob("projecten/*/traject.yaml"), *site.glob("initiatieven/*/initiatief.yaml")]):
        out += [
            a["motivering"]
            for a in yaml.safe_load(path.read_text(encoding="utf-8")).get("afwijkingen") or []
            if a.get("motivering")
        ]
    return out


def plain(html: str) -> str:
    import html as h

    return " ".join(h.unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("naam", VOORBEELDEN)
def test_every_motivering_is_on_the_raad_page_and_in_the_export(naam, tmp_path):
    site = Path(
        shutil.copytree(
            VOORBEELDEN[naam],
            tmp_path / naam,
            ignore=shutil.ignore_patterns(
                "site",
                ".participatie*",
                "voorbeelden",
                "tests",
                "generator",
                ".venv",
                ".git",
                "benchmarks",
                "handleiding",
            ),
        )
    )
    expected = motiveringen(site)
    assert expected, "elk voorbeeld heeft gemotiveerde afwijkingen"
    assert build(site) == 0
    raad = plain((site / "site/raad/index.html").read_text(encoding="utf-8"))
    rows = list(
        csv.DictReader(
            io.StringIO((site / "site/raad/afwijkingen.csv").read_bytes().decode("utf-8-sig")), delimiter=";"
        )
    )
    for text in expected:
        assert " ".join(text.split()) in raad
        assert text in {r["motivering"] for r in rows}
    assert {r["gemotiveerd"] for r in rows} <= {"ja", "nee"}
    assert sum(r["gemotiveerd"] == "ja" for r in rows) >= len(expected)


def test_an_unmotivated_afwijking_reads_as_such_with_its_values(site):
    edit(
        site / "projecten" / GAT / "traject.yaml",
        "  - soort: doelgroep-niet-bereikt\n",
        "  - soort: doelgroep-niet-bereikt-x\n",
    )
    build(site)
    raad = plain((site / "site/raad/index.html").read_text(encoding="utf-8"))
    assert (
        "Doelgroep zonder participatiemoment Niet gemotiveerd Gevonden bij de controle Voor groep 'Jongeren uit "
        "Oosterbroek' (betrokkenheidsniveau 'Adviseren') staat geen participatiemoment in de planning. Niet "
        "gemotiveerd: de gemeente heeft (nog) niet uitgelegd waarom."
    ) in raad
    rows = [
        r
        for r in csv.DictReader(
            io.StringIO((site / "site/raad/afwijkingen.csv").read_bytes().decode("utf-8-sig")), delimiter=";"
        )
        if r["afwijking"] == "doelgroep-niet-bereikt" and r["slug"] == GAT
    ]
    assert [(r["betreft_naam"], r["gemotiveerd"], r["gevonden"], r["opgegeven"]) for r in rows] == [
        ("Jongeren uit Oosterbroek", "nee", "ja", "nee")
    ]


# --- Which besluit is which ---------------------------------------------------------------------------------------


def test_the_plan_vaststelling_needs_no_eindverslag_but_the_final_decision_does(tmp_path):
    site = prepare("moment.welk-besluit", tmp_path / "site")
    planning = site / "projecten/basis/planning.yaml"
    edit(planning, "    besluit: eind\n    titel: Wat we", "    titel: Wat we")
    edit(
        planning,
        "    soort: besluit\n    titel: Het college stelt",
        "    soort: besluit\n    besluit: plan\n    titel: Het college stelt",
    )
    assert [f.code for f in check(site).findings] == []  # the vaststelling (2026-09-01) has passed: no eindverslag due
    edit(planning, "    besluit: plan\n", "")
    codes = [f.code for f in check(site).findings]
    assert codes == ["moment.welk-besluit", "afwijking.besluit-zonder-eindverslag"]
    edit(
        planning,
        "    soort: besluit\n    titel: Het college stelt",
        "    soort: besluit\n    besluit: tussen\n    titel: Het college stelt",
    )
    edit(planning, "datum: 2027-02-02", "datum: 2026-11-01")  # the final decision has passed too
    assert [f.code for f in check(site).findings] == ["afwijking.besluit-zonder-eindverslag"]


# --- Doorlooptijd for every initiative, whatever its route -------------------------------------------------------


def test_every_initiative_has_a_doorlooptijd_also_without_a_decision(built):
    rows = {
        r["slug"]: r
        for r in csv.DictReader(
            io.StringIO((built / "raad/initiatieven.csv").read_bytes().decode("utf-8-sig")), delimiter=";"
        )
    }
    direct = rows["bankjes-kerkdijk"]  # routed directly, no collegebesluit: ingediend 2026-06-29, uitvoering 2026-09-22
    assert direct["route"] == "Direct doorgezet" and direct["uitkomst"] == "" and direct["dagen_tot_besluit"] == ""
    assert direct["doorlooptijd_dagen"] == "85" and direct["dagen_tot_uitvoering"] == "85"
    assert rows["speelbos-oosterbroek"]["doorlooptijd_dagen"] != ""  # stopped: its doorlooptijd ends there
    lopend = [r for r in rows.values() if r["doorlooptijd_dagen"] == ""]
    assert lopend and all(r["dagen_lopend"] for r in lopend)
    register = plain((built / "initiatieven/index.html").read_text(encoding="utf-8"))
    assert "doorlooptijd 85 dagen" in register and "loopt " in register
    raad = plain((built / "raad/index.html").read_text(encoding="utf-8"))
    assert "Drie bankjes langs het ommetje bij de Kerkdijk" in raad and "85 dagen" in raad
    monitor = plain((built / "raad/monitor.html").read_text(encoding="utf-8"))
    assert "Doorlooptijd van initiatieven, per route" in monitor and "Direct doorgezet (1) 85" in monitor


def test_the_check_report_names_every_verdict(site):
    data = report(site)
    assert {v["map"] for v in data["toetsing"]} == {f"projecten/{p.name}" for p in (site / "projecten").iterdir()} | {
        f"initiatieven/{p.name}" for p in (site / "initiatieven").iterdir()
    }
    assert {v["publicatie"] for v in data["toetsing"]} == {"publiceren"}
    assert os.environ["PARTICIPATIE_VANDAAG"] == "2026-11-22"
