"""Open data, legal duties and following a trajectory (issue 15), on the built example.

The data package is checked with Frictionless itself, the catalogue record with an RDF parser,
the feeds with feedparser: each the way its consumer reads it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build, edit, text_of_html
from test_geschiedenis import git

FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")


def frictionless(descriptor: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [FRICTIONLESS, "validate", "--json", str(descriptor)], capture_output=True, text=True, timeout=300
    )


def csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


# --- Data package and ledger --------------------------------------------------------------------


def test_frictionless_validates_the_data_package_of_the_example(built):
    run = frictionless(built / "raad" / "datapackage.json")
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["valid"] is True, run.stdout[-3000:]
    assert {t["name"] for t in report["tasks"]} == {"trajecten", "inbreng", "afwijkingen", "initiatieven"}


def test_a_changed_export_that_breaks_its_schema_fails(built, tmp_path):
    raad = shutil.copytree(built / "raad", tmp_path / "raad")
    text = (raad / "trajecten.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    header = text[0].split(";")
    cells = text[1].split(";")
    cells[header.index("plan_volledig_pct")] = "bijna alles"
    cells[header.index("status")] = "bezig"
    text[1] = ";".join(cells)
    (raad / "trajecten.csv").write_bytes(("\ufeff" + "\r\n".join(text)).encode("utf-8"))
    run = frictionless(raad / "datapackage.json")
    report = json.loads(run.stdout)
    assert run.returncode != 0 and report["valid"] is False
    errors = [e for t in report["tasks"] for e in t["errors"]]
    assert {e["type"] for e in errors} == {"type-error", "constraint-error"}
    assert {e["fieldName"] for e in errors} == {"plan_volledig_pct", "status"}


def test_the_descriptor_says_what_was_written(built):
    package = json.loads((built / "raad" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC0-1.0" and package["created"].startswith("2026-11-22")
    assert package["sources"][0]["title"].startswith("Trajectbestanden van Gemeente Vechtwolde")
    for resource in package["resources"]:
        rows = csv_rows(built / "raad" / resource["path"])
        assert resource["aantal_rijen"] == len(rows) > 0
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        assert list(fields) == list(rows[0])  # every column described, in order
        assert all(f["description"] for f in fields.values())
    trajecten = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert trajecten["status"]["constraints"]["enum"] == [
        "verkenning",
        "plan",
        "vastgesteld",
        "uitvoering",
        "afgerond",
        "gestopt",
    ]
    assert trajecten["soort_werk"]["constraints"]["enum"] == [
        "visie-beleid",
        "plannen-projecten",
        "uitvoering",
        "dorpsvisie",
    ]  # profile
    assert trajecten["plan_vastgesteld_op"]["type"] == "date" and trajecten["inbreng"]["type"] == "integer"


def test_the_ledger_has_one_row_per_input_with_what_was_done(built):
    rows = csv_rows(built / "raad" / "inbreng.csv")
    expected = []
    for folder in sorted((ROOT / "projecten").iterdir()):
        file = folder / "terugkoppeling.yaml"
        data = (yaml.safe_load(file.read_text(encoding="utf-8")) if file.exists() else None) or {}
        expected += [(folder.name, i["id"], i["uitkomst"]) for i in data.get("inbreng") or []]
    assert sorted((r["slug"], r["inbreng"], r["uitkomst"]) for r in rows) == sorted(expected)
    windmolens = next(r for r in rows if r["inbreng"] == "geen-windmolens")
    assert windmolens["reactie"] and windmolens["moment"] and windmolens["moment_datum"].startswith("20")


# --- DCAT-AP-NL ---------------------------------------------------------------------------------

DATASET_REQUIRED = [
    "title",
    "description",
    "identifier",
    "publisher",
    "creator",
    "accessRights",
]  # dct:, plus dcat:theme


@pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)  # inside rdflib's JSON-LD parser
def test_the_catalogue_record_is_json_ld_with_every_required_dcat_ap_nl_property(built):
    import rdflib
    from rdflib.namespace import DCAT, DCTERMS, RDF

    graph = rdflib.Graph()
    graph.parse(built / "raad" / "catalogus.jsonld", format="json-ld")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1
    dataset = datasets[0]
    for prop in DATASET_REQUIRED:
        assert graph.value(dataset, DCTERMS[prop]) is not None, prop
    assert graph.value(dataset, DCAT.contactPoint) is not None and graph.value(dataset, DCAT.theme) is not None
    email = graph.value(
        graph.value(dataset, DCAT.contactPoint), rdflib.URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")
    )
    assert str(email) == "mailto:opendata@vechtwolde.example"
    assert str(graph.value(dataset, DCTERMS.title)) == "Participatie in Vechtwolde"
    assert graph.value(dataset, DCTERMS.title).language == "nl"
    distributions = list(graph.objects(dataset, DCAT.distribution))
    assert len(distributions) == 5  # four CSV files and the descriptor
    for d in distributions:
        assert graph.value(d, DCAT.accessURL) is not None and graph.value(d, DCTERMS.license) is not None
        assert str(graph.value(d, DCAT.accessURL)).startswith("https://meedoen.vechtwolde.example/raad/")
        assert (
            built / str(graph.value(d, DCAT.accessURL)).removeprefix("https://meedoen.vechtwolde.example/")
        ).exists()


# --- Toegankelijkheidsverklaring ---------------------------------------------------------------

PARTS = [
    "Over welke website gaat het?",
    "Hoe toegankelijk is de site?",
    "Welk onderzoek is gedaan?",
    "Wat doen we om de site toegankelijk te maken?",
    "Bekende problemen",
    "Wie is verantwoordelijk?",
    "Een probleem melden",
    "Een klacht indienen",
    "Registratie",
]


def test_the_accessibility_statement_has_every_part_of_the_national_model(built):
    html = (built / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    text = text_of_html(html)
    for part in PARTS:
        assert f">{part}</h2>" in html, part
    research = json.loads((ROOT / "toegankelijkheid.json").read_text(encoding="utf-8"))
    assert f"alle {research['paginas']} pagina's" in text and research["gereedschap"] in text
    assert f"Uitkomst: {research['overtredingen']} fouten" in text
    assert "https://meedoen.vechtwolde.example/" in text  # scope
    assert "Status C: eerste maatregelen genomen" in text
    assert "geen volledig onderzoek volgens WCAG-EM" in text
    assert "De gemeentesecretaris van Vechtwolde heeft deze verklaring ondertekend op maandag 30 november 2026" in text
    assert 'href="mailto:toegankelijkheid@vechtwolde.example"' in html
    assert 'href="https://www.toegankelijkheidsverklaring.nl/register"' in html
    assert 'href="toegankelijkheid/index.html"' in (built / "index.html").read_text(
        encoding="utf-8"
    )  # in the navigation


@pytest.mark.warnings_expected
def test_the_statement_says_so_when_there_is_no_research_yet(site, tmp_path, caplog):
    (site / "toegankelijkheid.json").unlink(missing_ok=True)
    assert build(site, str(tmp_path / "uit")) == 0
    assert any(
        "het bestand 'toegankelijkheid.json' met de uitkomst van de toegankelijkheidscontrole bestaat niet"
        in r.getMessage()
        for r in caplog.records
    )
    text = text_of_html((tmp_path / "uit" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8"))
    assert "Er is nog geen automatische controle vastgelegd (toegankelijkheid.json ontbreekt)." in text


# --- Atom ----------------------------------------------------------------------------------------


def test_feeds_parse_and_hold_the_news_of_the_examples(built):
    import feedparser

    site_feed = feedparser.parse((built / "nieuws.xml").read_bytes())
    assert site_feed.bozo == 0 and site_feed.version == "atom10"
    titles = {e.title for e in site_feed.entries}
    for folder in sorted((ROOT / "projecten").iterdir()):
        traject = yaml.load((folder / "traject.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        feed = feedparser.parse((built / "trajecten" / f"{folder.name}.xml").read_bytes())
        assert feed.bozo == 0 and feed.feed.title == traject["titel"]
        own = {e.title for e in feed.entries}
        for item in traject.get("nieuws") or []:
            assert item["titel"] in own
            assert f"{traject['titel']}: {item['titel']}" in titles
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids))
        html = (built / "trajecten" / f"{folder.name}.html").read_text(encoding="utf-8")
        assert '<link rel="alternate" type="application/atom+xml" title="Volg: ' in html
        assert f'href="{folder.name}.xml"' in html and "Volg dit traject" in html
    reacties = [e for e in site_feed.entries if e.title.split(": ", 1)[1].startswith("Reactie op inbreng")]
    assert reacties and all("Uitkomst:" in e.content[0].value for e in reacties)


def test_feed_text_is_text(site, tmp_path):
    import feedparser

    edit(
        site / "projecten/fietspad-kerkdijk/traject.yaml",
        "nieuws:\n",
        'nieuws:\n  - {datum: 2026-11-20, titel: "<script>alert(1)</script> & meer", tekst: "]]> <b>vet</b>"}\n',
    )
    assert build(site, str(tmp_path / "uit")) == 0
    raw = (tmp_path / "uit" / "trajecten" / "fietspad-kerkdijk.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "<b>" not in raw
    feed = feedparser.parse(raw.encode())
    entry = next(e for e in feed.entries if "alert" in e.title)
    assert entry.title == "<script>alert(1)</script> & meer" and entry.content[0].value == "]]> <b>vet</b>"


def test_changed_parts_from_git_history_become_entries_without_commit_messages(site, tmp_path):
    import feedparser

    git(site, "init", "-q")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Initial import by j.jansen@gmail.com", date="2026-10-01")
    edit(
        site / "projecten/fietspad-kerkdijk/planning.yaml",
        "    aanmelden: Niet nodig.\n",
        "    aanmelden: Niet nodig, wel welkom.\n",
    )
    git(site, "commit", "-q", "-am", "fix typo (ticket #12)", date="2026-11-14")
    assert build(site, str(tmp_path / "uit")) == 0
    raw = (tmp_path / "uit" / "trajecten" / "fietspad-kerkdijk.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(raw.encode())
    changed = [e for e in feed.entries if e.title.startswith("Bijgewerkt")]
    assert [e.title for e in changed][:1] == ["Bijgewerkt: planning"]
    assert changed[0].updated.startswith("2026-11-14")
    assert "ticket" not in raw and "jansen" not in raw and "Initial import" not in raw


@pytest.mark.parametrize("bouwer", ["zensical"])
def test_the_feed_links_are_in_the_head_with_zensical_too(site, tmp_path, bouwer):
    pytest.importorskip("zensical")
    assert build(site, "uit", bouwer=bouwer) == 0  # Zensical builds only inside the site's own folder
    html = (site / "uit" / "trajecten" / "fietspad-kerkdijk.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert 'type="application/atom+xml"' in head and 'href="fietspad-kerkdijk.xml"' in head
