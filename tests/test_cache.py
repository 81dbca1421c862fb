"""The cache: after one edit only that trajectory is read again; a stale, damaged or foreign cache is never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3

import jinja2
import pytest
from conftest import check, edit

from participatie import cache, pipeline
from participatie.cache import _MEMORY, DATABASE, FOLDER, KEEP
from participatie.render.html import CompiledTemplates


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


def contexts(site) -> int:
    """How many contexts of findings (peildatum, profile, ...) the cache keeps."""
    with sqlite3.connect(site / FOLDER / DATABASE) as db:
        return db.execute("SELECT count(*) FROM context WHERE soort = 'bevindingen'").fetchone()[0]


def test_after_one_edit_only_that_trajectory_is_read_again(site, counted):
    first = check(site)
    assert len(counted) == 8 and contexts(site) == 1
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
    assert contexts(site) == 2  # the other day's cache stays beside it
    for day in range(24, 30):
        monkeypatch.setenv("PARTICIPATIE_VANDAAG", f"2026-11-{day}")
        check(site)
    assert contexts(site) == KEEP  # only the newest few


def test_an_upgraded_library_invalidates_everything(site, counted, monkeypatch, tmp_path):
    """Any library installed beside the package counts (Markdown and nh3 shape the cached pages too), by the name of
    its metadata folder; a folder in the site itself (the current directory) does not."""
    libraries = tmp_path / "site-packages"
    (libraries / "voorbeeld-1.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(libraries))
    monkeypatch.setattr(cache, "_CODE", None)
    check(site)
    counted.clear()
    (site / "oud-1.0.dist-info").mkdir()  # the site is the current directory, and on sys.path when run as a module
    monkeypatch.chdir(site)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(cache, "_CODE", None)
    check(site)
    assert counted == []
    (libraries / "voorbeeld-1.0.dist-info").rename(libraries / "voorbeeld-1.1.dist-info")
    monkeypatch.setattr(cache, "_CODE", None)
    check(site)
    assert len(counted) == 8


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


def test_a_damaged_cache_is_ignored_and_made_again(site, counted):
    check(site)
    _MEMORY.clear()
    for database in (site / FOLDER).glob(DATABASE + "*"):  # with its write-ahead log, if one is left
        database.write_bytes(database.read_bytes()[:50])
    counted.clear()
    assert check(site).findings == [] and len(counted) == 8
    counted.clear()
    _MEMORY.clear()
    assert check(site).findings == [] and counted == []  # made again, and warm


def test_a_changed_value_is_not_trusted(site, counted):
    check(site)
    _MEMORY.clear()
    with sqlite3.connect(site / FOLDER / DATABASE) as db:
        db.execute("UPDATE waarde SET blob = ? WHERE slug = 'projecten/fietspad-kerkdijk'", (pickle.dumps(()),))
    counted.clear()
    assert check(site).findings == [] and counted == ["fietspad-kerkdijk"]


class Bomb:
    def __reduce__(self):
        return (os.system, ("touch ontploft",))


def test_a_cache_file_someone_committed_is_never_unpickled(site, counted, monkeypatch):
    check(site)
    _MEMORY.clear()
    body = pickle.dumps(("x", Bomb()))
    with sqlite3.connect(site / FOLDER / DATABASE) as db:
        db.execute("UPDATE waarde SET blob = ?, mac = ?", (body, hashlib.sha256(b"geen sleutel").digest()))
        db.execute("UPDATE map SET bestanden = 'x', mac = ?", (hashlib.sha256(b"geen sleutel").digest(),))
    monkeypatch.chdir(site)
    counted.clear()
    assert check(site).findings == [] and len(counted) == 8
    assert not (site / "ontploft").exists()


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(site, counted):
    """The folder's digest is reused by the files' metadata; the change time still gives an edit away."""
    path = site / "projecten/fietspad-kerkdijk/planning.yaml"
    before = path.stat()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 10**10))  # older than the racy window
    check(site)
    _MEMORY.clear()
    old = path.stat()
    edit(path, "datum: 2026-12-08", "datum: 2026-02-30")  # same length
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert path.stat().st_size == old.st_size and path.stat().st_mtime_ns == old.st_mtime_ns
    counted.clear()
    assert [f.code for f in check(site).errors] == ["vorm.datum-bestaat-niet"] and counted == ["fietspad-kerkdijk"]


def test_compiled_templates_are_kept_checked_and_never_run_from_someone_else(tmp_path, compiled):
    """A warm build compiles no template again; an edited template is compiled again; compiled code in a cache that
    is not this user's (committed to the repository) is ignored, like every value the cache holds."""
    (tmp_path / "t.html").write_text("<p>{{ x }}</p>", encoding="utf-8")

    def render() -> str:
        """As a new process: nothing in memory, only the cache on disk."""
        CompiledTemplates.memory.clear()
        _MEMORY.clear()
        kept = CompiledTemplates(tmp_path, "proef")
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=kept)
        out = env.get_template("t.html").render(x="a<b")
        kept.save()
        return out

    assert render() == "<p>a<b</p>" and compiled == ["t.html"]
    assert render() == "<p>a<b</p>" and compiled == ["t.html"]  # from the cache
    (tmp_path / "t.html").write_text("<p>{{ x }}!</p>", encoding="utf-8")
    assert render() == "<p>a<b!</p>" and compiled == ["t.html"] * 2
    with sqlite3.connect(tmp_path / FOLDER / DATABASE) as db:
        db.execute("UPDATE waarde SET mac = ? WHERE soort = 'sjablonen'", (hashlib.sha256(b"geen sleutel").digest(),))
    assert render() == "<p>a<b!</p>" and compiled == ["t.html"] * 3
