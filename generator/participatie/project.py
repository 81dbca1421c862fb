"""Load a trajectory folder (and a whole projecten/ folder) into typed objects with their sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Ernst, Finding, Pos, relpath
from .load import MarkdownSource, Source, load_markdown, load_yaml
from .model import (FILE_MODELS, MARKDOWN_FILES, KadersBestand, PlanningBestand,
                    TerugkoppelingBestand, TrajectBestand)
from .validate_shape import check_shape
from .messages import suggest

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KNOWN_FILES = tuple(FILE_MODELS) + MARKDOWN_FILES


@dataclass
class Traject:
    """One participation trajectory as read from its folder."""

    slug: str
    map: str
    traject: TrajectBestand
    kaders: KadersBestand = field(default_factory=KadersBestand)
    planning: PlanningBestand = field(default_factory=PlanningBestand)
    terugkoppeling: TerugkoppelingBestand = field(default_factory=TerugkoppelingBestand)
    opgave: MarkdownSource | None = None
    eindverslag: MarkdownSource | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    onleesbaar: set[str] = field(default_factory=set)  # files with load errors: no follow-up findings about them

    def pad(self, bestand: str) -> str:
        return f"{self.map}/{bestand}"

    def pos(self, bestand: str, *loc, key: bool = False) -> Pos | None:
        source = self.sources.get(bestand)
        return source.pos(tuple(loc), key=key) if source else None

    def finding(self, ernst: Ernst, bestand: str, loc: tuple, boodschap: str, hint: str = "",
                code: str = "", key: bool = False) -> Finding:
        return Finding(self.pad(bestand), self.pos(bestand, *loc, key=key), ernst, boodschap, hint, code)


def load_traject(folder: Path) -> tuple[Traject | None, list[Finding]]:
    """Read every file of one trajectory; report all problems, not the first only."""
    map_pad = relpath(folder)
    findings: list[Finding] = []
    if not SLUG.match(folder.name):
        findings.append(Finding(map_pad, None, Ernst.FOUT,
                                f"de mapnaam '{folder.name}' is niet geschikt als webadres.",
                                "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'speeltuin-kerkdijk'."))
    findings += _unknown_files(folder, map_pad)
    parsed: dict[str, object] = {}
    sources: dict[str, Source] = {}
    failed: set[str] = set()
    for name, model in FILE_MODELS.items():
        path = folder / name
        if not path.exists() and not path.is_symlink():
            continue
        source, problems = load_yaml(path, f"{map_pad}/{name}")
        findings += problems
        if source is None or problems:
            failed.add(name)
            continue
        sources[name] = source
        obj, problems = check_shape(model, source)
        findings += problems
        if problems:
            failed.add(name)
        if obj is not None:
            parsed[name] = obj
    markdown = {}
    for name in MARKDOWN_FILES:
        path = folder / name
        if path.exists() or path.is_symlink():
            md, problems = load_markdown(path, f"{map_pad}/{name}")
            findings += problems
            if problems:
                failed.add(name)
            markdown[name] = md
    if "traject.yaml" not in parsed:
        if not (folder / "traject.yaml").exists():
            findings.append(Finding(f"{map_pad}/traject.yaml", None, Ernst.FOUT, "traject.yaml ontbreekt.",
                                    "Maak het traject met 'participatie nieuw <naam>'; dan staat alles klaar."))
        return None, findings
    traject = Traject(slug=folder.name, map=map_pad, traject=parsed["traject.yaml"], sources=sources, onleesbaar=failed,
                      opgave=markdown.get("opgave.md"), eindverslag=markdown.get("eindverslag.md"))
    traject.kaders = parsed.get("kaders.yaml", KadersBestand())
    traject.planning = parsed.get("planning.yaml", PlanningBestand())
    traject.terugkoppeling = parsed.get("terugkoppeling.yaml", TerugkoppelingBestand())
    return traject, findings


def _unknown_files(folder: Path, map_pad: str) -> list[Finding]:
    out = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in KNOWN_FILES or child.suffix.lower() in (".jpg", ".jpeg", ".png", ".svg", ".pdf"):
            continue
        out.append(Finding(f"{map_pad}/{child.name}", None, Ernst.WAARSCHUWING,
                           f"onbekend bestand '{child.name}'; het wordt niet gebruikt.{suggest(child.name, KNOWN_FILES)}",
                           f"Bekende bestanden: {', '.join(KNOWN_FILES)}."))
    return out


def find_traject_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def load_all(root: Path) -> tuple[list[Traject], list[Finding]]:
    """Load every trajectory under root (projecten/)."""
    if not root.is_dir():
        return [], [Finding(relpath(root), None, Ernst.FOUT, "deze map bestaat niet.",
                            "Geef de map met trajecten op, bijvoorbeeld 'projecten'.")]
    trajecten, findings = [], []
    for folder in find_traject_folders(root):
        if folder.is_symlink() and not folder.resolve().is_relative_to(root.resolve()):
            findings.append(Finding(relpath(folder), None, Ernst.FOUT,
                                    "deze map is een snelkoppeling naar een plek buiten de site.",
                                    "Zet de map zelf in projecten/."))
            continue
        traject, problems = load_traject(folder)
        findings += problems
        if traject is not None:
            trajecten.append(traject)
    return trajecten, findings
