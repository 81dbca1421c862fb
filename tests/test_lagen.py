"""The package's stages and the order they run in; a module imports only from its own stage or an earlier one.

    words (vocabulary, taal, findings, messages, persoonsgegevens)
    -> load (files to sources with positions) -> model (sources bound to types)
    -> derive (facts: status, completeness, afwijkingen, calendar) -> rules (findings, using those facts)
    -> toetsing (one verdict per trajectory) -> pipeline (the whole site checked)
    -> render (pages, feeds, exports) -> builders (MkDocs, Zensical, the CLI's commands) -> cli

derive comes before rules: a rule reports on a fact, and the pages read the same fact from the verdict.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "participatie"
STAGES = [
    {"vocabulary", "taal", "findings", "messages", "persoonsgegevens"},
    {"load"},
    {"model"},
    {"derive"},
    {"rules"},
    {"toetsing", "cache", "processen"},
    {"pipeline"},
    {"render", "schema", "profieloverzicht", "report"},
    {"builders", "scaffold", "axe", "cms"},
    {"cli"},
]


def stage(top: str) -> int:
    return next(i for i, names in enumerate(STAGES) if top in names)


def imports(path: Path, text: str | None = None) -> set[str]:
    """The package's top-level modules and folders that a module imports (relative imports, also inside functions)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    here = parts[:-1]  # the package the module is in
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8") if text is None else text)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - node.level + 1])
            target = [*base, *(node.module.split(".") if node.module else [])]
            if target:
                out.add(target[0])
            else:  # 'from . import x' at the top: x is the module
                out |= {a.name for a in node.names}
    return out


def test_every_module_belongs_to_a_stage():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert tops <= set().union(*STAGES), tops - set().union(*STAGES)


def test_a_module_imports_only_from_its_own_stage_or_an_earlier_one():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if top == "__init__":
            continue
        for dep in imports(path):
            if stage(dep) > stage(top):
                wrong.append(f"{path.relative_to(PACKAGE)} importeert {dep}")
    assert wrong == []


def test_an_import_against_the_order_is_seen():
    """The check is not vacuous: imports at any depth and inside functions are found."""
    module = PACKAGE / "load" / "nieuw.py"
    text = "from ..model.traject import Traject\ndef f():\n    from ..render import site\nfrom . import yaml\n"
    assert imports(module, text) == {"model", "render", "load"}
    assert imports(PACKAGE / "cli.py", "from .builders.mkdocs import X\nfrom . import taal\n") == {"builders", "taal"}
    assert stage("render") > stage("load") and stage("model") > stage("load")
