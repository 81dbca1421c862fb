"""`participatie check` on the examples and on broken copies of them."""

from __future__ import annotations

import pytest

from conftest import assert_no_traceback, check_json, edit, line_of, participatie

FIETSPAD = "projecten/fietspad-kerkdijk"


def test_examples_pass(site):
    result = participatie("check", cwd=site)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("8 trajecten gecontroleerd: 0 fouten, 0 waarschuwingen.")


def _break(site, file, old, new):
    path = site / FIETSPAD / file
    edit(path, old, new)
    return path


BROKEN = {
    "onbekend_veld": ("traject.yaml", "portefeuillehouder:", "portefeuilehouder:", "portefeuilehouder",
                      "onbekend veld 'portefeuilehouder'. Bedoelde u 'portefeuillehouder'?", 1),
    "yaml_syntaxfout": ("traject.yaml", "thema: Verkeer", "thema: Verkeer: fiets", "thema: Verkeer: fiets",
                        "hier staat een dubbele punt die YAML niet verwacht.", 15),
    "onmogelijke_datum": ("planning.yaml", "datum: 2026-12-08", "datum: 2026-02-30", "datum: 2026-02-30",
                          "'2026-02-30' is geen bestaande datum.", 12),
    "lijst_in_plaats_van_tekst": ("traject.yaml", "thema: Verkeer", "thema: [Verkeer, Fiets]", "thema: [Verkeer",
                                  "bij 'thema' hoort tekst, maar er staat een lijst.", 8),
    "dubbel_veld": ("traject.yaml", "thema: Verkeer", "thema: Verkeer\nthema: Fiets", "thema: Fiets",
                    "het veld 'thema' staat twee keer in dezelfde lijst", 1),
    "tab_inspringing": ("kaders.yaml", "  - {titel: Er komt", "\t- {titel: Er komt", "\t- {titel: Er komt",
                        "een tab gebruikt om in te springen.", 1),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_copy_reports_position(site, case):
    file, old, new, needle, message, col = BROKEN[case]
    path = _break(site, file, old, new)
    result = participatie("check", cwd=site)
    assert result.returncode == 1
    assert_no_traceback(result)
    line = line_of(path, needle)
    expected = f"{FIETSPAD}/{file}:{line}:"
    hits = [ln for ln in result.stdout.splitlines() if ln.startswith(expected) and message in ln]
    assert hits, result.stdout
    assert hits[0].startswith(f"{expected}{col}: fout: "), hits[0]


def test_not_utf8(site):
    path = site / FIETSPAD / "traject.yaml"
    path.write_bytes(path.read_bytes().replace("Agrariërs".encode(), "Agrariërs".encode("latin-1"), 1))
    result = participatie("check", cwd=site)
    assert result.returncode == 1
    assert_no_traceback(result)
    line = next(n for n, raw in enumerate(path.read_bytes().split(b"\n"), 1) if b"Agrari\xebrs" in raw)
    assert f"{FIETSPAD}/traject.yaml:{line}:" in result.stdout and "niet opgeslagen als UTF-8" in result.stdout


def test_empty_file(site):
    (site / FIETSPAD / "planning.yaml").write_text("", encoding="utf-8")
    result = participatie("check", cwd=site)
    assert result.returncode == 1
    assert f"{FIETSPAD}/planning.yaml:1:1: fout: het bestand is leeg." in result.stdout
    assert_no_traceback(result)


def test_bom_and_crlf_are_accepted(site):
    path = site / FIETSPAD / "traject.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert participatie("check", cwd=site).returncode == 0


def test_all_problems_at_once(site):
    _break(site, "traject.yaml", "portefeuillehouder:", "portefeuilehouder:")
    _break(site, "planning.yaml", "datum: 2026-12-08", "datum: 2026-02-30")
    code, data = check_json(site)
    assert code == 1 and data["fouten"] >= 2
    files = {f["pad"] for f in data["bevindingen"]}
    assert {f"{FIETSPAD}/traject.yaml", f"{FIETSPAD}/planning.yaml"} <= files


def test_json_format_and_strict(site):
    _break(site, "planning.yaml", "plaats: Café De Dijk, Kerkdijk 14, Kerkdijk\n    werkvorm: informatieavond",
           "werkvorm: informatieavond")
    code, data = check_json(site)
    assert code == 0 and data["waarschuwingen"] == 1
    finding = data["bevindingen"][0]
    assert finding["ernst"] == "waarschuwing" and finding["regel"] > 0 and finding["hint"]
    assert participatie("check", "--strikt", cwd=site).returncode == 1


def test_usage_error_exits_2(site):
    result = participatie("check", "--onbekend", cwd=site)
    assert result.returncode == 2
    assert_no_traceback(result)


def test_yaml11_traps_are_text_not_numbers(site):
    _break(site, "planning.yaml", 'tijd: "17:00"', "tijd: 17:00")
    _break(site, "traject.yaml", "stap1:\n  ruimte: {antwoord: ja", "stap1:\n  ruimte: {antwoord: NO")
    code, data = check_json(site)
    messages = [f["boodschap"] for f in data["bevindingen"]]
    assert "'NO' is geen geldige waarde voor 'antwoord'. Bedoelde u 'nee'?" not in messages  # difflib needs more overlap
    assert any(m.startswith("'NO' is geen geldige waarde voor 'antwoord'") for m in messages)
    assert not any("tijd" in m for m in messages), messages  # 17:00 stays a time, not base-60 1020


def test_bad_slug_folder(site):
    (site / "projecten" / "fietspad-kerkdijk").rename(site / "projecten" / "Fietspad_Kerkdijk")
    result = participatie("check", cwd=site)
    assert result.returncode == 1
    assert "projecten/Fietspad_Kerkdijk: fout: de mapnaam 'Fietspad_Kerkdijk' is niet geschikt als webadres." in result.stdout


def test_site_peildatum_is_used_without_the_environment_variable(site):
    import os
    import subprocess
    import sys
    clean = {k: v for k, v in os.environ.items() if k != "PARTICIPATIE_VANDAAG"}
    run = lambda: subprocess.run([sys.executable, "-m", "participatie.cli", "check"], cwd=site, env=clean,  # noqa: E731
                                 capture_output=True, text=True)
    assert run().returncode == 0
    edit(site / "mkdocs.yml", "peildatum: 2026-11-22", "peildatum: 2027-12-01")
    later = run()
    assert later.returncode == 1
    assert "afwijking zonder motivering: besluit 'besluit-college' (2027-04-13) is voorbij" in later.stdout


def test_bad_peildatum_is_a_positioned_error(site):
    edit(site / "mkdocs.yml", "peildatum: 2026-11-22", "peildatum: 2026-11-31")
    result = participatie("check", cwd=site)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line_of(site / 'mkdocs.yml', 'peildatum:')}:7: fout: '2026-11-31' is geen geldige peildatum." in result.stdout
    assert_no_traceback(result)


def test_bad_peildatum_stops_bouw_and_mkdocs_without_traceback(site):
    from conftest import mkdocs
    edit(site / "mkdocs.yml", "peildatum: 2026-11-22", "peildatum: 2026-11-31")
    bouw = participatie("bouw", cwd=site)
    assert bouw.returncode == 1 and "fout: '2026-11-31' is geen geldige peildatum." in bouw.stderr
    assert_no_traceback(bouw)
    assert not (site / "site").exists()
    edit(site / "mkdocs.yml", "peildatum: 2026-11-31", 'peildatum: "2026-11-31"')
    build = mkdocs("build", "-d", "site", cwd=site)
    assert build.returncode == 1 and "'2026-11-31' is geen geldige peildatum." in build.stderr
    assert_no_traceback(build)
