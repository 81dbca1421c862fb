"""Residents' initiatives (Dalfsen §2.2): the register, a page per initiative, the raad's figures read back from the sources."""

from __future__ import annotations

import csv
import io
import re
import statistics

import icalendar
from conftest import ROOT, check, check_json, line_of, text_of_html

from participatie.cli import main
from participatie.load.folders import list_folders, read_folder
from participatie.model.initiatief import bind_initiatief

BANKJES = "initiatieven/bankjes-kerkdijk/initiatief.yaml"
REPAIR = "initiatieven/repaircafe-vechtwolde/initiatief.yaml"


def sources():
    folders, _ = list_folders(ROOT / "initiatieven", "initiatieven")
    return [
        bind_initiatief(read_folder(f, f"initiatieven/{f.name}", ("initiatief.yaml",), ()))[0].initiatief
        for f in folders
    ]


def test_the_examples_cover_every_outcome_route_and_ending():
    examples = sources()
    steps = [e.stappen for e in examples]
    assert len(examples) >= 5
    assert {s["besluit"].uitkomst for s in steps if "besluit" in s} == {"ja", "ja-mits", "afgewezen"}
    assert {s["beoordeling"].route for s in steps if "beoordeling" in s} == {"direct", "intaketafel"}
    assert any("gestopt" in s for s in steps) and any("afgerond" in s for s in steps)
    assert any(
        (s["intake"].datum - e.ingediend).days > 28 for e, s in zip(examples, steps, strict=True) if "intake" in s
    )
    assert check(ROOT).findings == []


def test_a_late_intake_is_found_at_the_intake_date(site):
    path = site / BANKJES
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("afwijkingen:")], encoding="utf-8")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == "afwijking.termijn-overschreden"]
    line = line_of(path, "intake: {datum: 2026-08-10")
    assert code == 1 and [(h["pad"], h["regel"], h["kolom"], h["boodschap"]) for h in hits] == [
        (
            BANKJES,
            line,
            19,
            "afwijking zonder motivering: de stap 'Intakegesprek' kwam na 42 dagen; het beleid noemt 28 dagen.",
        )
    ]


def test_ja_mits_without_conditions_is_an_error(site):
    path = site / REPAIR
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"    voorwaarden:\n(?:      - .*\n)+", "", text), encoding="utf-8")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == "initiatief.besluit-zonder-uitleg"]
    assert code == 1 and [(h["ernst"], h["regel"], h["boodschap"]) for h in hits] == [
        ("fout", line_of(path, "uitkomst: ja-mits"), "bij 'Ja, mits' horen voorwaarden, maar 'voorwaarden' ontbreekt.")
    ]


def test_nieuw_initiatief_passes_as_freshly_submitted(site, monkeypatch, capsys):
    monkeypatch.chdir(site)
    assert main(["nieuw", "--initiatief", "tuin-bij-de-school"]) == 0
    text = (site / "initiatieven/tuin-bij-de-school/initiatief.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/initiatief.schema.json")
    assert "ingediend: 2026-11-22" in text and "# stappen:" in text
    result = check(site)
    assert [f.format() for f in result.findings] == []
    assert main(["nieuw", "--initiatief", "tuin-bij-de-school"]) == 1


def test_register_and_pages(built):
    register = text_of_html((built / "initiatieven/index.html").read_text(encoding="utf-8"))
    for e in sources():
        assert e.titel in register
    assert "Laatste stap: Projectplan (1)" in register and "Afgewezen (1)" in register and "Gestopt (1)" in register
    page = text_of_html((built / "initiatieven/repaircafe-vechtwolde.html").read_text(encoding="utf-8"))
    assert "Van indienen tot het besluit: 57 dagen." in page  # 11 mei to 7 juli 2026
    assert "Intakegesprek donderdag 28 mei 2026 (17 dagen na de stap ervoor; het beleid noemt hooguit 28)" in page
    assert "De vrijwilligers zijn verzekerd via de vrijwilligersverzekering van de gemeente." in page
    assert "Volgende stap: Uitvoering, aan de initiatiefnemers." in page
    late = text_of_html((built / "initiatieven/bankjes-kerkdijk.html").read_text(encoding="utf-8"))
    assert (
        "Later dan de termijn" in late
        and "Direct doorgezet" in late
        and "de coördinator was drie weken afwezig" in late
    )


def test_an_idea_page_links_to_the_loket_and_collects_nothing(built):
    html = (built / "initiatieven/indienen.html").read_text(encoding="utf-8")
    assert 'href="https://www.vechtwolde.example/loket/initiatief"' in html
    article = html[html.index("<article") : html.index("</article>")]
    assert "<form" not in article and "<input" not in article
    assert "binnen 28 dagen" in text_of_html(html)


def test_kern_pages_calendar_and_feeds_show_initiatives(built):
    kern = text_of_html((built / "kernen/lemelhuizen.html").read_text(encoding="utf-8"))
    assert "Initiatieven van inwoners in Lemelhuizen" in kern and "Buurtmoestuin aan de Lindelaan" in kern
    assert "Plantdag in de buurtmoestuin" in (built / "kalender/index.html").read_text(encoding="utf-8")
    for feed in ("kalender/alles.ics", "kalender/lemelhuizen.ics"):
        events = icalendar.Calendar.from_ical((built / feed).read_bytes()).walk("VEVENT")
        plant = [e for e in events if str(e["UID"]).startswith("initiatief.buurtmoestuin-lemelhuizen.plantdag@")]
        assert len(plant) == 1 and str(plant[0]["URL"]).endswith("/initiatieven/buurtmoestuin-lemelhuizen.html")


def test_raad_figures_read_back_from_the_sources(built):
    examples = sources()
    decisions = [(e.stappen["besluit"].datum - e.ingediend).days for e in examples if "besluit" in e.stappen]
    intakes = [(e.stappen["intake"].datum - e.ingediend).days for e in examples if "intake" in e.stappen]
    on_time = sum(1 for d in intakes if d <= 28)
    raad = text_of_html((built / "raad/index.html").read_text(encoding="utf-8"))
    assert (
        f"{on_time} van de {len(intakes)} keer kwam de stap 'Intakegesprek' binnen de termijn van het beleid (28 dagen)."
        in raad
    )
    raw = (built / "raad/initiatieven.csv").read_bytes().decode("utf-8-sig")
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(raw), delimiter=";")}
    assert len(rows) == len(examples)
    assert {r["uitkomst"] for r in rows.values() if r["uitkomst"]} == {"ja", "ja-mits", "afgewezen"}
    assert rows["bankjes-kerkdijk"]["intake_op_tijd"] == "nee" and rows["bankjes-kerkdijk"]["dagen_tot_intake"] == "42"
    monitor = text_of_html((built / "raad/monitor.html").read_text(encoding="utf-8"))
    assert "Besluiten over initiatieven: Ja, 1; Ja, mits, 1; Afgewezen, 1." in (built / "raad/monitor.html").read_text(
        encoding="utf-8"
    )
    assert f"{on_time} van de {len(intakes)} keer kwam de stap 'Intakegesprek' binnen de termijn (28 dagen)" in monitor
    assert f"tot een besluit {round(statistics.median(decisions))} dagen" in monitor
