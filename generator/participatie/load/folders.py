"""Read a folder of source files (one trajectory or initiative) and list such folders."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..findings import FORMAAT, Ernst, Finding, Gevolg, Pos, regel
from ..messages import suggest
from ..vocabulary import BIJLAGEN, SLUG, SLUG_MAX
from .markdown import MarkdownSource, load_markdown
from .text import error, present
from .yaml import Source, load_yaml

MAPNAAM = regel("map.naam", "een mapnaam die niet als webadres kan", Gevolg.TEGENHOUDEN, bron=FORMAAT)
ONBEKEND_BESTAND = regel("map.onbekend-bestand", "een bestand dat het programma niet kent", Gevolg.INTERN, bron=FORMAAT)
MAP_SNELKOPPELING = regel(
    "map.snelkoppeling", "een map die een snelkoppeling naar elders is", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
HOOFDBESTAND = regel(
    "map.hoofdbestand-ontbreekt", "een map zonder traject.yaml (of initiatief.yaml)", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
GEEN_MAP = regel("map.bestaat-niet", "de map met trajecten bestaat niet", Gevolg.TEGENHOUDEN, bron=FORMAAT)


@dataclass
class Bundel:
    """The files of one folder as loaded: YAML sources, Markdown, and what went wrong."""

    slug: str
    map: str
    yaml: dict[str, Source] = field(default_factory=dict)
    markdown: dict[str, MarkdownSource] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    onleesbaar: set[str] = field(default_factory=set)


def read_folder(
    folder: Path, map_pad: str, yaml_files: tuple[str, ...], markdown_files: tuple[str, ...], fast: bool = True
) -> Bundel:
    """Read every known file of a folder; report all problems, not the first only."""
    bundel = Bundel(slug=folder.name, map=map_pad)
    if len(folder.name) > SLUG_MAX:
        bundel.findings.append(
            error(
                MAPNAAM,
                map_pad,
                None,
                f"de mapnaam is te lang ({len(folder.name)} tekens; hooguit {SLUG_MAX}).",
                "Kies een kortere naam, bijvoorbeeld 'speeltuin-kerkdijk'.",
            )
        )
    elif not SLUG.match(folder.name):
        bundel.findings.append(
            error(
                MAPNAAM,
                map_pad,
                None,
                f"de mapnaam '{folder.name}' is niet geschikt als webadres.",
                "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'speeltuin-kerkdijk'.",
            )
        )
    bundel.findings += _unknown_files(folder, map_pad, yaml_files + markdown_files)
    for name in yaml_files:
        path = folder / name
        if present(path):
            source, problems = load_yaml(path, f"{map_pad}/{name}", fast)
            _keep(bundel, name, source, problems, bundel.yaml)
    for name in markdown_files:
        path = folder / name
        if present(path):
            md, problems = load_markdown(path, f"{map_pad}/{name}")
            _keep(bundel, name, md, problems, bundel.markdown)
    main = yaml_files[0]
    if not present(folder / main):
        bundel.findings.append(
            error(
                HOOFDBESTAND,
                f"{map_pad}/{main}",
                None,
                f"{main} ontbreekt.",
                "Maak de map met 'participatie nieuw <naam>'; dan staat alles klaar.",
            )
        )
        bundel.onleesbaar.add(main)
    return bundel


T = TypeVar("T")


def _keep(bundel: Bundel, name: str, loaded: T | None, problems: list[Finding], into: dict[str, T]) -> None:
    bundel.findings += problems
    if problems:
        bundel.onleesbaar.add(name)
    if loaded is not None and not problems:
        into[name] = loaded


def _unknown_files(folder: Path, map_pad: str, known: tuple[str, ...]) -> list[Finding]:
    out = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in known or child.suffix.lower() in BIJLAGEN:
            continue
        out.append(
            Finding(
                f"{map_pad}/{child.name}",
                None,
                Ernst.WAARSCHUWING,
                f"onbekend bestand '{child.name}'; het wordt niet gebruikt.{suggest(child.name, known)}",
                f"Bekende bestanden: {', '.join(known)}.",
                code=ONBEKEND_BESTAND,
            )
        )
    return out


def list_folders(root: Path, pad: str, waar: str | None = None) -> tuple[list[Path], list[Finding]]:
    """The subfolders of root that hold one item each; links to elsewhere are refused.

    `waar` is where the site names the folder ('mkdocs.yml:12:19'), for a folder that does not exist.
    """
    if not root.is_dir():
        where, _, pos = (waar or pad).partition(":")
        return [], [
            error(
                GEEN_MAP,
                where,
                Pos(*map(int, pos.split(":"))) if pos else None,
                f"de map '{pad}' bestaat niet.",
                "Maak de map aan, of geef in mkdocs.yml de juiste map op.",
            )
        ]
    folders, findings = [], []
    with os.scandir(root) as entries:  # the kind of each entry comes with its name: no stat per folder
        children = sorted((entry.name, entry.is_dir(), entry.is_symlink()) for entry in entries)
    for name, is_dir, is_link in children:
        if not is_dir or name.startswith((".", "_")):
            continue
        child = root / name
        if is_link and not child.resolve().is_relative_to(root.resolve()):
            findings.append(
                error(
                    MAP_SNELKOPPELING,
                    f"{pad}/{child.name}",
                    None,
                    "deze map is een snelkoppeling naar een plek buiten de site.",
                    "Zet de map zelf hier neer.",
                )
            )
            continue
        folders.append(child)
    return folders, findings
