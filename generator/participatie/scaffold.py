"""`participatie nieuw`: a new trajectory folder from the commented templates. Never overwrites."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .model.instellingen import SiteSettings
from .vocabulary import MARKDOWN_BESTANDEN, SLUG, YAML_BESTANDEN

TEMPLATES = YAML_BESTANDEN + MARKDOWN_BESTANDEN


def create_traject(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    if not SLUG.match(slug):
        return False, (f"fout: '{slug}' is geen geldige naam voor een traject.\n    hint: gebruik alleen kleine letters, "
                       "cijfers en streepjes, bijvoorbeeld 'speeltuin-kerkdijk'. Er is niets aangemaakt.")
    folder = root / slug
    if folder.exists() or folder.is_symlink():
        return False, f"fout: de map {folder.relative_to(Path.cwd()).as_posix()} bestaat al. Er is niets veranderd."
    titel = slug.replace("-", " ").capitalize()
    folder.mkdir(parents=True)
    source = resources.files("participatie") / "sjablonen"
    for name in TEMPLATES:
        text = (source / name).read_text(encoding="utf-8").replace("{titel}", titel)
        (folder / name).write_text(text, encoding="utf-8")
    schema_note = _ensure_schemas(settings)
    rel = folder.relative_to(Path.cwd()).as_posix() if folder.is_relative_to(Path.cwd()) else folder.as_posix()
    return True, (f"Nieuw traject aangemaakt in {rel}/.\nVul eerst traject.yaml en opgave.md in en controleer met "
                  f"'participatie check'.{schema_note}")


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
