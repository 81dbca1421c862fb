"""The rule fixtures: small sites that each show one rule, with everything the check decides about them.

`tests/fixtures/<code>/` lays its files over `tests/fixtures/_basis/` (a small trajectory that passes
cleanly), or over another basis its `opzet.txt` names. `<code>` triggers that finding code;
`<code>+<geval>` is a case on a boundary of the same rule (the day itself, exactly the threshold, the
lowest rank), which may or may not trigger it. For every fixture two golden files hold what the check
decides: `verwacht.txt`, the full set of findings, and `toetsing.txt`, the verdict the raad reads
(publication, compliance and what is missing, completeness per part, every afwijking, doorlooptijden).

`make fixtures` writes both again after a deliberate change; read the diff. The test suite and
`make mutatie` compare against them.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BASIS = FIXTURES / "_basis"
META = ("verwacht.txt", "toetsing.txt", "herstel.yaml", "opzet.txt")


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def fixture_codes() -> list[str]:
    """The finding codes that have a fixture (a boundary case '<code>+<geval>' counts for its code)."""
    return sorted({name.split("+")[0] for name in fixture_names()})


def code_of(name: str) -> str:
    return name.split("+")[0]


def _opzet(name: str) -> list[str]:
    path = FIXTURES / name / "opzet.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def basis_of(name: str) -> Path:
    """`_basis` (profile dalfsen), or another basis a fixture names in opzet.txt ('basis _overbetuwe')."""
    return next((FIXTURES / line.split()[1] for line in _opzet(name) if line.startswith("basis ")), BASIS)


def prepare(name: str, dest: Path) -> Path:
    """The basis site with the fixture's files laid over it, and anything Git cannot hold set up."""
    shutil.copytree(basis_of(name), dest, symlinks=True, ignore=shutil.ignore_patterns(".participatie-cache"))
    src = FIXTURES / name
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if path.is_dir() and not path.is_symlink() or rel.as_posix() in META:
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target, follow_symlinks=False)
    for line in _opzet(name):
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


def unreadable(name: str) -> list[str]:
    return [line.split()[1] for line in _opzet(name) if line.startswith("onleesbaar ")]


@contextmanager
def refusing(site: Path, name: str):
    """While checking: the system refuses to read the files the fixture marks 'onleesbaar'."""
    refused = {str(site / rel) for rel in unreadable(name)}
    if not refused:
        yield
        return
    original = Path.read_bytes

    def read_bytes(self):
        if str(self) in refused:
            raise PermissionError(13, "Toegang geweigerd")
        return original(self)

    Path.read_bytes = read_bytes
    try:
        yield
    finally:
        Path.read_bytes = original


def repair(site: Path, name: str) -> None:
    for step in yaml.safe_load((FIXTURES / name / "herstel.yaml").read_text(encoding="utf-8")):
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
            assert step["van"] in text, (name, step)
            path.write_text(text.replace(step["van"], step["naar"]), encoding="utf-8")


def observe(site: Path, name: str) -> tuple[str, str]:
    """(all findings, the verdict of every folder) as the check decides them now, without a cache."""
    from participatie.pipeline import check_site
    from participatie.rules.instellingen import read_site_settings

    with refusing(site, name):
        settings, problems = read_site_settings(site)
        result = check_site(settings, settings.vandaag(), cache=False)
    findings = "".join(f"{f.format()}\n    code: {f.code}\n" for f in problems + result.findings)
    return findings, "".join(verdict_text(v) for _, v in sorted(result.toetsingen.items()))


def verdict_text(v) -> str:
    """A Toetsing as lines a reviewer reads in a diff: every value the raad and the pages read."""
    lines = [
        f"{v.map}: {v.soort}, publicatie {v.publicatie.value}, voldoet {'ja' if v.voldoet else 'nee'}"
        + (f", bereikt {v.bereikt}" if v.bereikt else "")
        + ("" if v.leesbaar else ", onleesbaar")
    ]
    lines += [f"  ontbreekt: {o}" for o in v.ontbreekt]
    if v.niveaus:
        lines.append(f"  niveaus: {', '.join(v.niveaus)}")
    if v.volledigheid is not None:
        for d in v.volledigheid.delen:
            lines.append(
                f"  {d.soort}: {d.pct}%, {'nodig' if d.nodig else 'nog niet nodig'}, "
                f"{'compleet' if d.compleet else 'ontbreekt: ' + '; '.join(d.ontbreekt)}"
            )
    if v.eisen is not None:
        eisen = ", ".join(f"{k} {e}" for k, e in v.eisen.model_dump().items() if e)
        lines.append(f"  eisen: {eisen or 'geen'}")
    if v.inbreng:
        lines.append(f"  inbreng: {v.inbreng_beantwoord} van {v.inbreng} beantwoord")
    if v.afwijkingen:
        lines.append(f"  afwijkingen: {len(v.afwijkingen)}, waarvan {v.afwijkingen_gemotiveerd} gemotiveerd")
    for a in v.afwijkingen:
        lines.append(
            f"  afwijking {a.soort} ({a.soort_naam}), betreft {a.betreft or '-'} ({a.betreft_naam or '-'}): "
            f"{'gevonden' if a.gevonden else 'niet gevonden'}, {'opgegeven' if a.opgegeven else 'niet opgegeven'}, "
            f"{'gemotiveerd' if a.gemotiveerd else 'niet gemotiveerd'}; {a.omschrijving}"
        )
    s = v.stand
    if s is not None:
        lines.append(
            f"  stand: {s.stap or 'ingediend'}, {'open' if s.open else 'gesloten'}"
            + (", afgewezen" if s.afgewezen else "")
            + f", volgende {s.volgende or '-'}"
            + (f", te laat: {', '.join(s.te_laat)}" if s.te_laat else "")
        )
    t = v.doorlooptijd
    if t is not None:
        stappen = ", ".join(f"{k} {d}" for k, d in t.per_stap.items())
        lines.append(
            f"  doorlooptijd: totaal {'loopt' if t.lopend else t.totaal}, tot nu {t.tot_nu_toe}, "
            f"tot besluit {t.tot_besluit if t.tot_besluit is not None else '-'}; per stap: {stappen or '-'}"
        )
    return "\n".join(lines) + "\n"


def regenerate() -> None:
    """Write verwacht.txt and toetsing.txt for every fixture from what the check decides now (`make fixtures`)."""
    import tempfile

    for name in fixture_names():
        with tempfile.TemporaryDirectory() as tmp:
            findings, verdicts = observe(prepare(name, Path(tmp) / "site"), name)
        (FIXTURES / name / "verwacht.txt").write_text(findings, encoding="utf-8")
        (FIXTURES / name / "toetsing.txt").write_text(verdicts, encoding="utf-8")
        print(f"{name}: {sum(1 for line in findings.splitlines() if not line.startswith(' '))} bevinding(en)")
