"""Every rule proven: for each finding code a fixture that triggers it, with the exact message and position.

`tests/fixtures/<code>/` lays its files over `tests/fixtures/_basis/` (a small trajectory
that passes cleanly). The test asserts that the check reports exactly the findings in
`verwacht.txt` for that code, and none after `herstel.yaml` is applied. A code without a
fixture fails the suite.

Regenerate `verwacht.txt` after a deliberate change of wording: `make fixtures` (then read the diff).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))
from conftest import ROOT, check  # noqa: E402

from participatie.findings import REGELS  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
BASIS = FIXTURES / "_basis"
META = ("verwacht.txt", "herstel.yaml", "opzet.txt")


def all_codes() -> list[str]:
    """Every code any module of the package registers (importing them all registers them)."""
    import importlib
    import pkgutil

    import participatie
    for module in pkgutil.walk_packages(participatie.__path__, "participatie."):
        importlib.import_module(module.name)
    return sorted(REGELS)


def fixture_codes() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def basis_of(code: str) -> Path:
    """`_basis` (profile dalfsen), or another basis a fixture names in opzet.txt ('basis _overbetuwe')."""
    opzet = FIXTURES / code / "opzet.txt"
    lines = opzet.read_text(encoding="utf-8").splitlines() if opzet.exists() else []
    return next((FIXTURES / line.split()[1] for line in lines if line.startswith("basis ")), BASIS)


def prepare(code: str, dest: Path) -> Path:
    """The basis site with the fixture's files laid over it, and anything Git cannot hold set up."""
    shutil.copytree(basis_of(code), dest, symlinks=True, ignore=shutil.ignore_patterns(".participatie-cache"))
    src = FIXTURES / code
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if path.is_dir() and not path.is_symlink() or rel.as_posix() in META:
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target, follow_symlinks=False)
    for line in (src / "opzet.txt").read_text(encoding="utf-8").splitlines() if (src / "opzet.txt").exists() else []:
        if not line.startswith("basis "):
            _setup(dest, *line.split(maxsplit=1))
    return dest


def _setup(site: Path, what: str, rel: str) -> None:
    path = site / rel
    if what == "onleesbaar":  # set up while checking: the system refuses to read it
        return
    _remove(path)
    if what == "pipe":
        os.mkfifo(path)
    elif what == "map":
        path.mkdir()
    elif what == "groot":
        path.write_text("Lange tekst. " * 50_000, encoding="utf-8")
    elif what == "snelkoppeling":
        outside = site.parent / f"{site.name}-elders"
        outside.mkdir(exist_ok=True)
        (outside / "inhoud.yaml").write_text("kaders: []\n", encoding="utf-8")
        path.symlink_to(outside if rel.count("/") == 1 else outside / "inhoud.yaml")
    else:
        raise ValueError(f"onbekende opzet: {what}")


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def unreadable(code: str) -> list[str]:
    opzet = FIXTURES / code / "opzet.txt"
    lines = opzet.read_text(encoding="utf-8").splitlines() if opzet.exists() else []
    return [line.split()[1] for line in lines if line.startswith("onleesbaar ")]


def found(site: Path, code: str, monkeypatch) -> str:
    refused = {str(site / rel) for rel in unreadable(code)}
    if refused:
        original = Path.read_bytes

        def read_bytes(self):
            if str(self) in refused:
                raise PermissionError(13, "Toegang geweigerd")
            return original(self)
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    findings = [f for f in check(site).findings if f.code == code]
    monkeypatch.undo()
    return "".join(f.format() + "\n" for f in findings)


def repair(site: Path, code: str) -> None:
    for step in yaml.safe_load((FIXTURES / code / "herstel.yaml").read_text(encoding="utf-8")):
        path = site / step["bestand"]
        if step.get("verwijder"):
            _remove(path)
        elif "inhoud" in step:
            _remove(path)
            path.write_text(step["inhoud"], encoding="utf-8")
        elif "hernoem" in step:
            path.rename(path.with_name(step["hernoem"]))
        else:
            text = path.read_text(encoding="utf-8")
            assert step["van"] in text, (code, step)
            path.write_text(text.replace(step["van"], step["naar"]), encoding="utf-8")


@pytest.mark.parametrize("basis", sorted(p.name for p in FIXTURES.iterdir() if p.name.startswith("_")))
def test_each_basis_passes_cleanly(basis, tmp_path):
    site = tmp_path / basis
    shutil.copytree(FIXTURES / basis, site, ignore=shutil.ignore_patterns(".participatie-cache"))
    result = check(site)
    assert result.findings == [] and len(result.trajecten) == 1


def test_every_code_has_a_fixture_and_every_fixture_a_code():
    assert fixture_codes() == all_codes()


@pytest.mark.parametrize("code", fixture_codes())
def test_fixture_triggers_its_rule_exactly(code, tmp_path, monkeypatch):
    site = prepare(code, tmp_path / "site")
    expected = (FIXTURES / code / "verwacht.txt").read_text(encoding="utf-8")
    assert expected.strip(), f"{code}: verwacht.txt is leeg"
    assert found(site, code, monkeypatch) == expected


@pytest.mark.parametrize("code", [c for c in fixture_codes() if (FIXTURES / c / "herstel.yaml").exists()])
def test_fixture_passes_once_repaired(code, tmp_path, monkeypatch):
    site = prepare(code, tmp_path / "site")
    repair(site, code)
    assert found(site, code, monkeypatch) == ""


def test_every_fixture_can_be_repaired_unless_the_system_refuses():
    for code in fixture_codes():
        assert (FIXTURES / code / "herstel.yaml").exists() or unreadable(code), code


def regenerate() -> None:
    """Write verwacht.txt for every fixture from what the check reports now (`make fixtures`)."""
    import tempfile
    from _pytest.monkeypatch import MonkeyPatch
    for code in fixture_codes():
        with tempfile.TemporaryDirectory() as tmp:
            site = prepare(code, Path(tmp) / "site")
            text = found(site, code, MonkeyPatch())
        (FIXTURES / code / "verwacht.txt").write_text(text, encoding="utf-8")
        print(f"{code}: {sum(1 for line in text.splitlines() if not line.startswith(' '))} bevinding(en)")


if __name__ == "__main__" and "--opnieuw" in sys.argv:
    os.environ.setdefault("PARTICIPATIE_VANDAAG", "2026-11-22")
    regenerate()
