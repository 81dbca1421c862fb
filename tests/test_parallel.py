"""Both cores, one answer: the parallel check gives the same verdicts, and the parallel build the same files,
as the serial path (issue 22). The site is the example's trajectories copied until there are enough for
the parallel path to start (processen.MINIMUM)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import (
    ROOT,
    as_new_process,
    assert_no_traceback,
    build,
    copy_site,
    in_processes,
    other_processes,
    participatie,
)

from participatie import cache as cache_module
from participatie import pipeline, processen
from participatie.cache import _MEMORY, FOLDER
from participatie.rules.instellingen import read_site_settings

N = processen.MINIMUM + 8


@pytest.fixture(scope="module")
def groot(tmp_path_factory) -> Path:
    site = copy_site(tmp_path_factory.mktemp("groot") / "site")
    originals = sorted(p for p in (ROOT / "projecten").iterdir() if p.is_dir())
    for i in range(N - len(originals)):
        src = originals[i % len(originals)]
        shutil.copytree(src, site / "projecten" / f"{src.name}-{i}")
    return site


def test_the_parallel_check_gives_every_verdict_the_serial_check_gives(groot, tmp_path, monkeypatch):
    settings = read_site_settings(groot)[0]
    serial = pipeline.check_site(settings, settings.vandaag(), cache=False, processen=1)
    workers = in_processes(monkeypatch, pipeline, "process_folder", tmp_path / "pids")
    parallel = pipeline.check_site(settings, settings.vandaag(), cache=False, processen=2)
    assert other_processes(workers) == 2  # two other processes did the work
    assert parallel.aantal == serial.aantal == N
    assert parallel.findings == serial.findings
    assert list(parallel.toetsingen.items()) == list(serial.toetsingen.items())  # every verdict, in the same order
    assert [t.map for t in parallel.trajecten] == [t.map for t in serial.trajecten]
    assert parallel.trajecten == serial.trajecten


def test_with_the_cache_cold_and_warm_the_parallel_check_gives_the_same_verdicts(groot):
    settings = read_site_settings(groot)[0]
    serial = pipeline.check_site(settings, settings.vandaag(), cache=False, processen=1)
    shutil.rmtree(groot / ".participatie-cache", ignore_errors=True)
    for _ in ("koud", "warm"):
        parallel = pipeline.check_site(settings, settings.vandaag(), processen=2)
        assert list(parallel.toetsingen.items()) == list(serial.toetsingen.items())
        assert parallel.findings == serial.findings and parallel.trajecten == serial.trajecten
        # the holidays this year and next were worked out before the workers forked, and kept for the next check
        year = settings.vandaag().year
        assert {f"{year}:public:None", f"{year + 1}:school:Noord"} <= set(pipeline.Kalender(groot).known)
    assert (groot / ".participatie-cache").is_dir()


def test_a_cold_check_hashes_each_folder_where_it_is_read_and_the_next_check_trusts_that(groot, monkeypatch):
    """With nothing stored, a folder is hashed by the worker that reads it, not first by the main process: the
    digests are the ones the main process makes (`folder_key`), and the next check finds every verdict by them."""
    for path in (groot / "projecten").rglob("*"):  # older than the racy window, as files in a checkout are
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    shutil.rmtree(groot / FOLDER, ignore_errors=True)
    _MEMORY.clear()
    settings = read_site_settings(groot)[0]
    main = os.getpid()
    hashed_here: list[str] = []
    original = cache_module.hash_folder

    def spy(folder, *args):
        if os.getpid() == main:
            hashed_here.append(folder.name)
        return original(folder, *args)

    monkeypatch.setattr(cache_module, "hash_folder", spy)
    cold = pipeline.check_site(settings, settings.vandaag(), processen=2)
    assert hashed_here == []
    assert len(cold.sleutels) > N
    assert cold.sleutels == {pad: cache_module.folder_key(groot / pad) for pad in cold.toetsingen}
    _MEMORY.clear()  # as a new process: from disk
    read = in_processes(monkeypatch, pipeline, "process_folder", groot.parent / "gelezen")
    warm = pipeline.check_site(settings, settings.vandaag(), processen=2)
    assert list(read.iterdir()) == []  # no folder read again, in any process
    assert hashed_here == [] and warm.sleutels == cold.sleutels
    assert warm.findings == cold.findings and list(warm.toetsingen.items()) == list(cold.toetsingen.items())


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_parallel_build_writes_the_same_files_as_the_serial_build(groot):
    shutil.rmtree(groot / ".participatie-cache", ignore_errors=True)
    one = participatie("bouw", "--processen", "1", "--map", "serieel", cwd=groot)
    assert_no_traceback(one)
    shutil.rmtree(groot / ".participatie-cache", ignore_errors=True)
    two = participatie("bouw", "--processen", "2", "--map", "parallel", cwd=groot)
    assert_no_traceback(two)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    serieel, parallel = _files(groot / "serieel"), _files(groot / "parallel")
    assert len(serieel) > N
    assert serieel.keys() == parallel.keys()
    assert [name for name in serieel if serieel[name] != parallel[name]] == []


def test_the_theme_is_rendered_on_both_cores_and_gives_the_bytes_of_one(groot, tmp_path, monkeypatch, reused):
    """A cold build renders the theme of its generated pages in two workers (MkDocs renders one page at a time);
    the files are those of a build on one core, and a warm build reads every page the workers made back."""
    from participatie.builders import mkdocs as plugin

    pids = in_processes(monkeypatch, plugin, "get_context", tmp_path / "pids")
    runs = {}
    for name, processes, cache in (("een", "1", "koud"), ("twee", "2", "koud"), ("warm", "2", "warm")):
        monkeypatch.setenv(processen.PROCESSEN, processes)
        if cache == "koud":
            shutil.rmtree(groot / FOLDER, ignore_errors=True)
        as_new_process()
        _MEMORY.clear()
        assert build(groot, f"thema-{name}") == 0
        runs[name] = _files(groot / f"thema-{name}")
        if name == "twee":
            assert other_processes(pids) == 2  # two other processes rendered the theme
    assert len(runs["een"]) > N and runs["een"].keys() == runs["twee"].keys() == runs["warm"].keys()
    assert [name for name in runs["een"] if runs["een"][name] != runs["twee"][name]] == []
    assert [name for name in runs["een"] if runs["een"][name] != runs["warm"][name]] == []
    pages = {f"trajecten/{folder.name}.md" for folder in (groot / "projecten").iterdir()}
    assert pages <= reused[-1]  # the warm build wrote the HTML the workers made, from the cache


def test_what_needs_no_worker_is_made_while_the_workers_work(tmp_path):
    """`in_order(..., meanwhile=...)`: a build renders its overviews in this process while the workers render the
    trajectories. Here each worker waits for what `meanwhile` writes, so the test ends only if it ran meanwhile;
    on one core it runs once, after the items. Either way the results come back in the order of the items."""
    flag, parent = tmp_path / "gedaan", os.getpid()
    ran: list[tuple[int, bool]] = []

    deadline = time.monotonic() + 20  # (had it run after the items, each would say so after 20 s)

    def item(n: int) -> tuple[int, bool, bool]:
        while os.getpid() != parent and not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return n, os.getpid() != parent, flag.exists()

    def meanwhile() -> None:
        ran.append((os.getpid(), flag.exists()))
        flag.touch()

    items = list(range(processen.MINIMUM))
    assert processen.in_order(item, items, 2, meanwhile) == [(n, True, True) for n in items]
    assert ran == [(parent, False)]
    flag.unlink()
    ran.clear()
    assert processen.in_order(item, items, 1, meanwhile) == [(n, False, False) for n in items]
    assert ran == [(parent, False)]


@pytest.mark.parametrize("value", ["0", "twee", "-1"])
def test_a_wrong_number_of_processes_is_said_in_dutch(groot, value):
    out = participatie("check", "--processen", value, cwd=groot)
    assert out.returncode == 2
    assert "geef een heel getal van 1 of meer" in out.stderr
    assert_no_traceback(out)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_preview_after_one_edit_gives_the_pages_a_full_preview_build_gives(tmp_path):
    """`mkdocs serve` rebuilds after an edit reusing what did not change (the theme's HTML of unchanged pages, each
    trajectory's verdict and page); the result is byte for byte what a preview built from nothing makes."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from participatie.builders import mkdocs as plugin
    from participatie.cache import _MEMORY
    from participatie.render.site import KEPT_CARDS

    site = copy_site(tmp_path / "site")
    served = tmp_path / "voorbeeld"  # `mkdocs serve` rebuilds into one folder

    def preview(out: Path, start: bool = False) -> dict[str, bytes]:
        """As `mkdocs serve`: the plugins start once, and each rebuild loads the configuration again (MkDocs keeps
        the plugin that has on_startup, with what it learnt)."""
        config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
        if start:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        return files_of(out)

    edits = [
        ("projecten/fietspad-kerkdijk/terugkoppeling.yaml", "We meten alle inritten", "We meten eerst alle inritten"),
        # a file MkDocs copies, edited in the same second as its last copy: it is copied again, not moved back
        ("theme/assets/huisstijl.css", "--md-accent-fg-color: #b35900;", "--md-accent-fg-color: #a35200;"),
        ("projecten/fietspad-kerkdijk/planning.yaml", "datum: 2026-12-08", "datum: 2026-02-30"),  # a fout: the banner
    ]
    logging.disable(logging.WARNING)
    try:
        results = [preview(served, start=True)]
        for name, old, new in edits:
            path = site / name
            path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            kept, searched = len(plugin.RENDERED), len(plugin.SEARCHED)
            again = preview(served)
            moved = plugin.Written.moved
            state = (dict(plugin.RENDERED), dict(plugin.SEARCHED), plugin.Written.site, dict(plugin.Written.stamps))
            cards = dict(KEPT_CARDS)
            KEPT_CARDS.clear()
            plugin.RENDERED.clear()
            plugin.SEARCHED.clear()
            plugin.Written.site, plugin.Written.stamps = None, {}
            _MEMORY.clear()
            shutil.rmtree(site / ".participatie-cache")
            full = preview(tmp_path / f"alles-opnieuw-{path.name}", start=True)
            plugin.RENDERED.update(state[0])  # as the preview goes on
            plugin.SEARCHED.update(state[1])
            plugin.Written.site, plugin.Written.stamps = state[2], state[3]
            KEPT_CARDS.update(cards)
            # the theme's HTML, the search entries and the written feeds of every unchanged page were kept
            assert kept > 20 and searched > 20 and moved > 10
            assert again.keys() == full.keys()
            assert [p for p in full if again[p] != full[p]] == [], name
            results.append(full)
    finally:
        logging.disable(logging.NOTSET)
    first, edited, restyled, broken = results
    assert b"#a35200" in restyled["assets/huisstijl.css"] and b"#a35200" not in edited["assets/huisstijl.css"]
    changed = {p for p in edited if first.get(p) != edited[p]}
    assert "trajecten/fietspad-kerkdijk.html" in changed and "index.html" not in changed
    assert "We meten eerst alle inritten" in edited["trajecten/fietspad-kerkdijk.html"].decode("utf-8")
    assert "We meten eerst alle inritten" in edited["search/search_index.json"].decode("utf-8")  # found anew
    assert "We meten eerst alle inritten" in edited["raad/inbreng.csv"].decode("utf-8")  # the ledger too
    banner = "2026-02-30"
    assert banner in broken["participatie-bevindingen.html"].decode("utf-8")
    assert banner not in edited["participatie-bevindingen.html"].decode("utf-8")


def test_the_settings_a_stored_page_is_checked_against_read_the_same_in_every_process():
    """A warm build reuses a page's HTML only when MkDocs' settings are as before: read in the same order by every
    process (Python orders a set by a hash seed that changes per process, as in the theme's static templates)."""
    code = (
        "from mkdocs.config import load_config; from participatie.builders.mkdocs import _settings; "
        "print(_settings(load_config('mkdocs.yml')))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1 and "sitemap.xml" in seen.pop()
