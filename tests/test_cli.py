"""The `participatie` command as staff run it: exit codes, output format, no traceback.

A few run as real subprocesses (the command line itself); the rest call `main()` in-process,
which is the same code path without a new Python each time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import assert_no_traceback, edit, line_of, participatie

from participatie.cli import main


@pytest.fixture
def cli(site, monkeypatch, capsys):
    """Run `participatie ...` in-process in the site copy: returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(site)

    def run(*args):
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


FIETSPAD = "projecten/fietspad-kerkdijk"


def test_examples_pass(site):
    result = participatie("check", cwd=site)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("8 trajecten en 6 initiatieven gecontroleerd: 0 fouten, 0 waarschuwingen.")


def test_all_problems_at_once_with_positions(site, cli):
    traject, planning = site / FIETSPAD / "traject.yaml", site / FIETSPAD / "planning.yaml"
    edit(traject, "portefeuillehouder:", "portefeuilehouder:")
    edit(planning, "datum: 2026-12-08", "datum: 2026-02-30")
    code, out, _ = cli("check")
    assert code == 1
    assert (
        f"{FIETSPAD}/traject.yaml:{line_of(traject, 'portefeuilehouder')}:1: fout: onbekend veld 'portefeuilehouder'. "
        "Bedoelde u 'portefeuillehouder'?"
    ) in out
    assert (
        f"{FIETSPAD}/planning.yaml:{line_of(planning, '2026-02-30')}:12: fout: '2026-02-30' is geen bestaande datum."
        in out
    )
    assert out.strip().endswith("8 trajecten en 6 initiatieven gecontroleerd: 2 fouten, 0 waarschuwingen.")


def test_json_format_and_strict(site, cli):
    edit(
        site / FIETSPAD / "planning.yaml",
        "plaats: Café De Dijk, Kerkdijk 14, Kerkdijk\n    werkvorm: informatieavond",
        "werkvorm: informatieavond",
    )
    code, out, _ = cli("check", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["waarschuwingen"] == 1
    finding = data["bevindingen"][0]
    assert finding["ernst"] == "waarschuwing" and finding["code"] == "moment.plaats" and finding["regel"] > 0
    assert cli("check", "--strikt")[0] == 1


def test_usage_error_exits_2(site):
    result = participatie("check", "--onbekend", cwd=site)
    assert result.returncode == 2
    assert_no_traceback(result)


def test_site_peildatum_is_used_without_the_environment_variable(site):
    clean = {k: v for k, v in os.environ.items() if k != "PARTICIPATIE_VANDAAG"}

    def run():
        return subprocess.run(
            [sys.executable, "-m", "participatie.cli", "check"], cwd=site, env=clean, capture_output=True, text=True
        )

    assert run().returncode == 0
    edit(site / "mkdocs.yml", "peildatum: 2026-11-22", "peildatum: 2027-12-01")
    later = run()
    assert later.returncode == 1
    assert (
        "afwijking zonder motivering: het besluit 'College besluit over het ontwerp' (13 april 2027) is genomen"
        in later.stdout
    )


def test_bad_setting_is_a_positioned_error_for_check_bouw_and_mkdocs(site, cli):
    from conftest import mkdocs

    edit(site / "mkdocs.yml", "peildatum: 2026-11-22", "peildatum: 2026-11-31")
    where = f"mkdocs.yml:{line_of(site / 'mkdocs.yml', 'peildatum:')}:18: fout: '2026-11-31' is geen bestaande datum."
    for code, out, err in (cli("check"), cli("bouw")):
        assert code == 1 and where in out + err
    assert not (site / "site").exists()
    edit(site / "mkdocs.yml", "peildatum: 2026-11-31", 'peildatum: "2026-11-31"')
    build = mkdocs("build", "-d", "site", cwd=site)
    assert build.returncode == 1 and "'2026-11-31' is geen bestaande datum." in build.stderr
    assert_no_traceback(build)


def test_wrong_kind_of_setting_is_reported_by_check(site, cli):
    edit(
        site / "mkdocs.yml",
        "kernen: [Vechtwolde, Oosterbroek, Lemelhuizen, Nieuwe Marke, Kerkdijk, Buitengebied]",
        "kernen: Vechtwolde",
    )
    code, out, _ = cli("check")
    assert code == 1
    assert f"mkdocs.yml:{line_of(site / 'mkdocs.yml', 'kernen:')}:15: fout: bij 'kernen' hoort een lijst" in out


@pytest.mark.warnings_expected
def test_bouw_exit_codes(site, cli):
    """0: all published; 3: published but something withheld (a real subprocess); 1: nothing built."""
    assert cli("bouw")[0] == 0
    edit(site / "projecten" / "sportvisie" / "terugkoppeling.yaml", "samenvatting: ", "samenvatting: Bel 06-12345678. ")
    withheld = participatie("bouw", cwd=site)
    assert withheld.returncode == 3 and "projecten/sportvisie/terugkoppeling.yaml:" in withheld.stderr
    assert_no_traceback(withheld)
    assert not (site / "site" / "trajecten" / "sportvisie.html").exists()
    edit(site / "mkdocs.yml", "profiel: dalfsen", "profiel: dalfsne")
    code, _, err = cli("bouw")
    assert code == 1 and "Bedoelde u 'dalfsen'?" in err
    assert (site / "site" / "index.html").exists()
