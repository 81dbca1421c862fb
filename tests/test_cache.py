"""The cache: after one edit only that trajectory is read again; a stale, damaged or foreign cache is never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle

import pytest
from conftest import check, edit

from participatie import pipeline
from participatie.cache import _MEMORY, FOLDER, KEEP


@pytest.fixture
def counted(monkeypatch):
    calls = []
    original = pipeline.process_folder

    def spy(folder, pad, *args):
        if pad.startswith("projecten/"):  # the example's initiatives are cached the same way
            calls.append(folder.name)
        return original(folder, pad, *args)

    monkeypatch.setattr(pipeline, "process_folder", spy)
    return calls


def entries(site):
    return sorted((site / FOLDER).glob("bevindingen-*.pickle"))


def test_after_one_edit_only_that_trajectory_is_read_again(site, counted):
    first = check(site)
    assert len(counted) == 8 and len(entries(site)) == 1
    counted.clear()
    _MEMORY.clear()  # as a new process would: from disk
    edit(
        site / "projecten/fietspad-kerkdijk/planning.yaml",
        "    aanmelden: Niet nodig.\n",
        "    aanmelden: Niet nodig!\n",
    )
    second = check(site)
    assert counted == ["fietspad-kerkdijk"]
    assert [f.format() for f in second.findings] == [f.format() for f in first.findings]
    edit(site / "projecten/fietspad-kerkdijk/planning.yaml", "datum: 2026-12-08", "datum: 2026-02-30")
    counted.clear()
    assert [f.code for f in check(site).errors] == ["vorm.datum-bestaat-niet"] and counted == ["fietspad-kerkdijk"]


def test_a_changed_profile_or_date_invalidates_everything(site, counted, monkeypatch):
    check(site)
    counted.clear()
    monkeypatch.setenv("PARTICIPATIE_VANDAAG", "2026-11-23")
    check(site)
    assert len(counted) == 8
    assert len(list((site / FOLDER).glob("bevindingen-*"))) == 2  # the other day's cache stays beside it
    for day in range(24, 30):
        monkeypatch.setenv("PARTICIPATIE_VANDAAG", f"2026-11-{day}")
        check(site)
    assert len(list((site / FOLDER).glob("bevindingen-*"))) == KEEP  # only the newest few


def test_back_to_an_earlier_context_is_warm(site, counted, monkeypatch):
    check(site)
    monkeypatch.setenv("PARTICIPATIE_VANDAAG", "2026-12-24")
    check(site)
    monkeypatch.delenv("PARTICIPATIE_VANDAAG")
    monkeypatch.setenv("PARTICIPATIE_VANDAAG", "2026-11-22")
    _MEMORY.clear()
    counted.clear()
    check(site)
    assert counted == []


def test_a_damaged_entry_is_ignored(site, counted):
    check(site)
    _MEMORY.clear()
    for entry in entries(site):
        entry.write_bytes(entry.read_bytes()[:50])
    counted.clear()
    assert check(site).findings == [] and len(counted) == 8


class Bomb:
    def __reduce__(self):
        return (os.system, ("touch ontploft",))


def test_a_cache_file_someone_committed_is_never_unpickled(site, counted, monkeypatch):
    check(site)
    _MEMORY.clear()
    body = pickle.dumps(("x", Bomb()))
    for entry in entries(site):
        entry.write_bytes(hashlib.sha256(b"geen sleutel").digest() + body)
    monkeypatch.chdir(site)
    counted.clear()
    assert check(site).findings == [] and len(counted) == 8
    assert not (site / "ontploft").exists()
