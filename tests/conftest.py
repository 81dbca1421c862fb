"""Shared fixtures: a copy of the example site, the CLI as a user runs it, one built site per session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VANDAAG = "2026-11-22"  # the example data is written relative to this date
SITE_PARTS = ("mkdocs.yml", "content", "projecten", "theme")


def env() -> dict:
    return {**os.environ, "PARTICIPATIE_VANDAAG": VANDAAG, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}


def copy_site(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    return dest


@pytest.fixture
def site(tmp_path) -> Path:
    """A private copy of the example site to break on purpose."""
    return copy_site(tmp_path / "site-bron")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env(), capture_output=True, text=True, timeout=300)


def participatie(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "participatie.cli", *args], cwd)


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", *args], cwd)


def check_json(cwd: Path, *extra: str) -> tuple[int, dict]:
    result = participatie("check", "--format", "json", *extra, cwd=cwd)
    return result.returncode, json.loads(result.stdout)


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The example site built once with mkdocs build --strict; returns site_dir."""
    src = copy_site(tmp_path_factory.mktemp("voorbeeld"))
    result = mkdocs("build", "--strict", "-d", "site", cwd=src)
    assert result.returncode == 0, result.stderr
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
