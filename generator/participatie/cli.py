"""The `participatie` command: check, nieuw, schema, bouw. A thin adapter over the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_site
from .findings import format_json, summary
from .settings import read_site_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="participatie", description="Controleer en publiceer participatietrajecten.")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="opdracht")
    p_check = sub.add_parser("check", help="controleer alle trajecten")
    p_check.add_argument("pad", nargs="?", default=None, help="map met trajecten (standaard: projecten/)")
    p_check.add_argument("--strikt", action="store_true", help="waarschuwingen tellen ook als fout")
    p_check.add_argument("--format", choices=("tekst", "json"), default="tekst", help="uitvoer als tekst of json")
    p_new = sub.add_parser("nieuw", help="begin een nieuw traject vanuit het sjabloon")
    p_new.add_argument("slug", help="korte naam voor de map en het webadres, bijvoorbeeld 'speeltuin-kerkdijk'")
    p_schema = sub.add_parser("schema", help="schrijf JSON Schema's voor de editor")
    p_schema.add_argument("map", nargs="?", default="schema")
    p_build = sub.add_parser("bouw", help="controleer en bouw de website (veilig: site/ wordt pas aan het eind vervangen)")
    p_build.add_argument("--strikt", action="store_true", help="waarschuwingen tellen ook als fout")
    p_build.add_argument("--map", default="site", help="waar de website komt (standaard: site/)")
    args = parser.parse_args(argv)
    try:
        return {"check": cmd_check, "nieuw": cmd_new, "schema": cmd_schema, "bouw": cmd_build}[args.opdracht](args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130


def cmd_check(args) -> int:
    settings, problems = read_site_settings(Path.cwd())
    result = check_site(settings, settings.vandaag(), projecten=args.pad)
    findings = problems + result.findings
    if args.format == "json":
        print(format_json(findings, len(result.trajecten)))
    else:
        for f in findings:
            print(f.format())
        print(summary(findings, len(result.trajecten)))
    failed = any(f.ernst.value == "fout" for f in findings) or (args.strikt and findings)
    return 1 if failed else 0


def cmd_new(args) -> int:
    from .scaffold import create_traject
    settings, _ = read_site_settings(Path.cwd())
    ok, message = create_traject(Path.cwd() / settings.projecten, args.slug, settings)
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def cmd_schema(args) -> int:
    from .profile import load_profile
    from .schema import write_schemas
    settings, _ = read_site_settings(Path.cwd())
    profiel, problems = load_profile(settings.profiel, settings.base)
    if profiel is None:
        for f in problems:
            print(f.format(), file=sys.stderr)
        return 1
    for path in write_schemas(Path(args.map), profiel):
        print(f"geschreven: {path.as_posix()}")
    return 0


def cmd_build(args) -> int:
    from .sitebuild import build_site
    return build_site(Path.cwd(), Path(args.map), strict=args.strikt)


if __name__ == "__main__":
    sys.exit(main())
