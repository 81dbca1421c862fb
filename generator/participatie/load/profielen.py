"""Where a policy profile lives: a built-in name ('dalfsen') or a path relative to the site."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..findings import PROFIEL, Gevolg, regel

BESTAAT_NIET = regel(
    "profiel.bestaat-niet", "het gekozen beleidsprofiel bestaat niet", Gevolg.TEGENHOUDEN, bron=PROFIEL
)


def builtin_profiles() -> list[str]:
    folder = resources.files("participatie") / "profielen"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def resolve_profile(name_or_path: str, base: Path) -> Path | None:
    if name_or_path in builtin_profiles():
        return Path(str(resources.files("participatie") / "profielen" / f"{name_or_path}.yaml"))
    candidate = base / name_or_path
    return candidate if candidate.suffix in (".yaml", ".yml") else None
