"""Every rule proven: for each finding code a fixture that triggers it, with everything the check decides.

See `fixturen.py`: each fixture lays its files over a small basis site; `verwacht.txt` holds the full
set of findings and `toetsing.txt` the verdict the raad reads. A code without a fixture fails the
suite, and so does a fixture whose code no module registers. After `herstel.yaml` the code is gone.

Regenerate the golden files after a deliberate change: `make fixtures` (then read the diff).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import check  # noqa: E402
from fixturen import FIXTURES, code_of, fixture_codes, fixture_names, observe, prepare, regenerate, repair, unreadable  # noqa: E402,F401

from participatie.findings import REGELS  # noqa: E402


def all_codes() -> list[str]:
    """Every code any module of the package registers (importing them all registers them)."""
    import importlib
    import pkgutil

    import participatie

    for module in pkgutil.walk_packages(participatie.__path__, "participatie."):
        importlib.import_module(module.name)
    return sorted(REGELS)


def codes_in(findings: str) -> list[str]:
    return [line.split("code: ", 1)[1] for line in findings.splitlines() if line.startswith("    code: ")]


@pytest.mark.parametrize("basis", sorted(p.name for p in FIXTURES.iterdir() if p.name.startswith("_")))
def test_each_basis_passes_cleanly(basis, tmp_path):
    site = tmp_path / basis
    shutil.copytree(FIXTURES / basis, site, ignore=shutil.ignore_patterns(".participatie-cache"))
    result = check(site)
    assert result.findings == [] and len(result.trajecten) == 1


def test_every_code_has_a_fixture_and_every_fixture_a_code():
    assert fixture_codes() == all_codes()


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_gives_exactly_its_findings_and_verdict(name, tmp_path):
    site = prepare(name, tmp_path / "site")
    findings, verdicts = observe(site, name)
    assert findings == (FIXTURES / name / "verwacht.txt").read_text(encoding="utf-8")
    assert verdicts == (FIXTURES / name / "toetsing.txt").read_text(encoding="utf-8")
    if "+" not in name:  # the fixture named after a code shows that code; a boundary case may fall either side
        assert code_of(name) in codes_in(findings), f"{name}: de code komt niet voor"


@pytest.mark.parametrize("name", [n for n in fixture_names() if (FIXTURES / n / "herstel.yaml").exists()])
def test_fixture_passes_once_repaired(name, tmp_path):
    site = prepare(name, tmp_path / "site")
    repair(site, name)
    assert code_of(name) not in codes_in(observe(site, name)[0])


def test_every_fixture_can_be_repaired_unless_the_system_refuses():
    for name in fixture_names():
        assert (FIXTURES / name / "herstel.yaml").exists() or unreadable(name) or "+" in name, name


def test_every_equivalent_mutant_exists_and_says_why():
    """`make mutatie` leaves out only the mutants tests/mutatie-gelijkwaardig.txt names, each with a reason."""
    import mutatie

    skip = mutatie.equivalent()
    known = {m.key for module in {k.split(" ", 1)[0] for k in skip} for m in mutatie.mutants(module)}
    assert skip and all(reden for reden in skip.values())
    assert set(skip) <= known, sorted(set(skip) - known)


if __name__ == "__main__" and "--opnieuw" in sys.argv:
    os.environ.setdefault("PARTICIPATIE_VANDAAG", "2026-11-22")
    regenerate()
