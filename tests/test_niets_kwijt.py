"""Nothing lost: no command changes a source file; an interrupted build never leaves a half site/ behind."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time

from conftest import build, env

from participatie.cli import main


def snapshot(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith(("site", ".site"))
    }


def test_no_command_changes_a_source_file(site, monkeypatch, capsys):
    monkeypatch.chdir(site)
    before = snapshot(site)
    for args in (
        ["check"],
        ["check", "--strikt", "--format", "json"],
        ["nieuw", "fietspad-kerkdijk"],
        ["bouw"],
        ["nieuw", "nieuw-traject"],
        ["schema"],
    ):
        main(args)
    after = snapshot(site)
    assert not {k for k in before if after.get(k) != before[k]}
    added = set(after) - set(before)
    assert all(a.startswith(("projecten/nieuw-traject/", "schema/", ".participatie-cache/")) for a in added), added


def test_interrupted_build_keeps_previous_site(site):
    assert build(site) == 0
    index = site / "site" / "index.html"
    before = index.read_bytes()
    (site / "projecten" / "fietspad-kerkdijk" / "opgave.md").write_text("Nieuwe opgave.\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "participatie.cli", "bouw"],
        cwd=site,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(site.glob(".site.nieuw-*/trajecten")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "de bouw was al klaar voordat hij werd afgebroken"
    assert list(site.glob(".site.nieuw-*/trajecten")), "de bouw schreef nog niets toen hij werd afgebroken"
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # killed, not finished
    assert index.read_bytes() == before  # the old site is complete and untouched
    assert build(site) == 0
    assert [p.name for p in site.glob(".site.*")] == [".site.lock"]  # leftovers of the killed build are cleaned up
    assert "Nieuwe opgave." in (site / "site/trajecten/fietspad-kerkdijk.html").read_text(encoding="utf-8")
