"""The change history residents read comes from Git: dates and changed parts, never commit messages."""

from __future__ import annotations

import os
import subprocess

from conftest import build, edit, text_of_html

from participatie.load.git import change_dates, parse_log


def git(site, *args, date=None):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Medewerker",
        "GIT_AUTHOR_EMAIL": "m@vechtwolde.example",
        "GIT_COMMITTER_NAME": "Medewerker",
        "GIT_COMMITTER_EMAIL": "m@vechtwolde.example",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+01:00"
    subprocess.run(["git", *args], cwd=site, env=env, check=True, capture_output=True)


def test_history_in_a_real_repository(site):
    git(site, "init", "-q")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Initial import by j.jansen@gmail.com", date="2026-10-01")
    edit(
        site / "projecten/fietspad-kerkdijk/planning.yaml",
        "    aanmelden: Niet nodig.\n",
        "    aanmelden: Niet nodig, wel welkom.\n",
    )
    edit(
        site / "projecten/fietspad-kerkdijk/terugkoppeling.yaml",
        "We meten alle inritten op",
        "We meten alle inritten nauwkeurig op",
    )
    git(site, "commit", "-q", "-am", "fix typo (see ticket #12)", date="2026-11-14")
    assert build(site) == 0
    html = (site / "site/trajecten/fietspad-kerkdijk.html").read_text(encoding="utf-8")
    text = text_of_html(html)
    assert "Wijzigingen op deze pagina" in text
    assert "14 november 2026: planning en inbreng en reacties bijgewerkt" in text
    assert "1 oktober 2026: plan en nieuws, kaders, planning, inbreng en reacties en opgave bijgewerkt" in text
    assert "Laatst gewijzigd op zaterdag 14 november 2026." in text
    assert "ticket" not in html and "j.jansen" not in html and "Initial import" not in html
    other = text_of_html((site / "site/trajecten/sportvisie.html").read_text(encoding="utf-8"))
    assert "14 november 2026" not in other


def test_one_git_log_for_the_whole_folder(site):
    git(site, "init", "-q")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "x", date="2026-10-01")
    dates = change_dates(site, ("projecten", "initiatieven"))
    assert (
        "projecten/fietspad-kerkdijk/planning.yaml" in dates
        and "initiatieven/bankjes-kerkdijk/initiatief.yaml" in dates
    )
    assert len({p.split("/")[1] for p in dates if p.startswith("projecten/")}) == 8


def test_without_git_there_is_no_history_and_no_failure(tmp_path):
    assert change_dates(tmp_path) == {}
    assert change_dates(tmp_path / "bestaat-niet") == {}
    assert parse_log("\x00niet-een-datum\nx.yaml\n\x00\n") == {}
