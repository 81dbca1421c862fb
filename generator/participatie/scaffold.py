"""`participatie nieuw`: a new trajectory or initiative folder from the commented templates. Never overwrites."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .model.instellingen import SiteSettings
from .vocabulary import INITIATIEF_BESTANDEN, MARKDOWN_BESTANDEN, SLUG, YAML_BESTANDEN

TEMPLATES = YAML_BESTANDEN + MARKDOWN_BESTANDEN


def create_traject(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    return _create(root, slug, settings, TEMPLATES, "traject", "Vul eerst traject.yaml en opgave.md in")


def create_initiatief(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    return _create(root, slug, settings, INITIATIEF_BESTANDEN, "initiatief", "Vul initiatief.yaml in")


def _create(root: Path, slug: str, settings: SiteSettings, templates: tuple[str, ...], wat: str, eerst: str) -> tuple[bool, str]:
    if not SLUG.match(slug):
        return False, (f"fout: '{slug}' is geen geldige naam voor een {wat}.\n    hint: gebruik alleen kleine letters, "
                       "cijfers en streepjes, bijvoorbeeld 'speeltuin-kerkdijk'. Er is niets aangemaakt.")
    folder = root / slug
    if folder.exists() or folder.is_symlink():
        return False, f"fout: de map {_rel(folder)} bestaat al. Er is niets veranderd."
    folder.mkdir(parents=True)
    source = resources.files("participatie") / "sjablonen"
    values = {"{titel}": slug.replace("-", " ").capitalize(), "{vandaag}": settings.vandaag().isoformat()}
    for name in templates:
        text = (source / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (folder / name).write_text(text, encoding="utf-8")
    return True, f"Nieuw {wat} aangemaakt in {_rel(folder)}/.\n{eerst} en controleer met 'participatie check'.{_ensure_schemas(settings)}"


def _rel(folder: Path) -> str:
    return folder.relative_to(Path.cwd()).as_posix() if folder.is_relative_to(Path.cwd()) else folder.as_posix()


def _ensure_schemas(settings: SiteSettings) -> str:
    folder = settings.base / "schema"
    if folder.exists():
        return ""
    from .pipeline import load_profile
    from .schema import write_schemas
    profiel, _ = load_profile(settings.profiel, settings.base)
    if profiel is None:
        return ""
    write_schemas(folder, profiel)
    return "\nDe schema's voor uw editor staan in schema/."
