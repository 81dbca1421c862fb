"""Shared fixtures: a copy of the example site, the check and the build in-process, one built site per session.

Most tests call the package the way the CLI does, without a subprocess; `test_cli.py`
keeps the command line itself honest. A test that logs an unexpected warning fails.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VANDAAG = "2026-11-22"  # the example data is written relative to this date
SITE_PARTS = ("mkdocs.yml", "content", "projecten", "initiatieven", "theme", "toegankelijkheid.json")
os.environ["PARTICIPATIE_VANDAAG"] = VANDAAG
os.environ["NO_MKDOCS_2_WARNING"] = "1"

from hypothesis import settings as hypothesis_settings  # noqa: E402

from participatie.builders.publiceren import build_site  # noqa: E402

# In CI the same examples run every time, so a red build can be reproduced.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")
from participatie.pipeline import Result, check_site  # noqa: E402
from participatie.report import as_dict  # noqa: E402
from participatie.rules.instellingen import read_site_settings  # noqa: E402


def as_new_process() -> None:
    """Forget what this process keeps between builds, as a new process would: only the cache on disk carries over
    (the cards, what it knows the cache holds, the compiled templates, the core's loaded templates)."""
    from participatie.render.html import CompiledTemplates, environment
    from participatie.render.site import IN_STORE, KEPT_CARDS

    KEPT_CARDS.clear()
    IN_STORE.clear()
    CompiledTemplates.memory.clear()
    loaded = environment().cache
    if loaded is not None:
        loaded.clear()


def in_processes(monkeypatch, module, name: str, folder: Path) -> Path:
    """Record, in `folder`, the id of every process that calls module.name (a forked worker inherits the spy)."""
    folder.mkdir()
    original = getattr(module, name)

    def recorded(*args, **kwargs):
        (folder / str(os.getpid())).touch()
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return folder


def other_processes(folder: Path) -> int:
    """How many processes besides this one `in_processes` saw."""
    return len({p.name for p in folder.iterdir()} - {str(os.getpid())})


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The name of every template Jinja2 compiles from its source (not from compiled code kept earlier)."""
    import jinja2

    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self, source, name=None, *rest, **kw):
        names.append(str(name))
        return compile_source(self, source, name, *rest, **kw)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


@pytest.fixture
def reused(monkeypatch) -> list[set[str]]:
    """For each MkDocs build: the generated pages whose theme HTML an earlier build made."""
    from participatie.builders import mkdocs as plugin

    seen: list[set[str]] = []
    after = plugin.ParticipatiePlugin.on_post_build
    monkeypatch.setattr(
        plugin.ParticipatiePlugin, "on_post_build", lambda self, config: (seen.append(self.reused), after(self, config))
    )
    return seen


def copy_site(dest: Path, parts=SITE_PARTS) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    return dest


@pytest.fixture
def site(tmp_path) -> Path:
    """A private copy of the example site to break on purpose."""
    return copy_site(tmp_path / "site-bron")


def check(site: Path) -> Result:
    settings, problems = read_site_settings(site)
    result = check_site(settings, settings.vandaag())
    result.findings = problems + result.findings
    return result


def check_json(site: Path) -> tuple[int, dict]:
    """What `participatie check --format json` reports, in-process: (exit code, data)."""
    result = check(site)
    found = [as_dict(f) for f in result.findings]
    return (1 if result.errors else 0), {
        "bevindingen": found,
        "fouten": len(result.errors),
        "waarschuwingen": len(result.warnings),
    }


def build(site: Path, target: str = "site", **kwargs) -> int:
    return build_site(site, Path(target), **kwargs)


def env() -> dict:
    return {**os.environ, "PYTHONWARNINGS": "ignore"}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env(), capture_output=True, text=True, timeout=300)


def participatie(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "participatie.cli", *args], cwd)


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", *args], cwd)


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


def pytest_collection_modifyitems(session, config, items):
    config.axe_wanted = any(item.get_closest_marker("axe") for item in items)


@pytest.fixture(scope="session", autouse=True)
def axe_run(request):
    """Started with the session when an accessibility test is selected, so it runs beside the other tests."""
    if not getattr(request.config, "axe_wanted", False):
        yield None
        return
    pytest.importorskip("axe_playwright_python")
    from participatie.axe import AxeRun

    run = AxeRun(request.getfixturevalue("built"))
    yield run
    run.close()


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The example site built once, in-process, the way `participatie bouw --strikt` does; returns site/."""
    src = copy_site(tmp_path_factory.mktemp("voorbeeld"))
    assert build(src, strict=True) == 0
    return src / "site"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


INLINE = {"a", "strong", "em", "b", "i", "span", "del", "abbr", "code", "small", "sup", "sub", "label"}


class _Text(HTMLParser):
    """Text as a reader sees it: inline tags join words, block tags separate them; no script or style."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of_html(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


class _FailOnWarning(logging.Handler):
    """MkDocs and the plugin log through `logging`; an unexpected warning fails the test that caused it."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_unexpected_warnings(request):
    handler = _FailOnWarning()
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)
    if request.node.get_closest_marker("warnings_expected") is None:
        assert not handler.records, [r.getMessage()[:300] for r in handler.records]
