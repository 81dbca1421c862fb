"""`make mutatie`: does a wrong verdict fail a test? Mutation testing of rules/, derive/ and the verdict record.

Each mutant changes one thing in a function (a comparison, a boolean operator, a constant, an
`any`/`all`, a filter in a comprehension, a list that is returned). It is 'killed' when the rule
fixtures (`fixturen.py`: the full set of findings and the verdict of every fixture) or the pure
tests of `test_afleiden.py` no longer give their golden answer. Only the fixtures that run the changed
line are checked (measured once with coverage), in two worker processes that each import a copy of
the package. A mutant that cannot change behaviour is listed in `mutatie-gelijkwaardig.txt` with a
one-line reason; every other survivor is printed, with the score per module.

    .venv/bin/python tests/mutatie.py [--module rules/plan.py] [--drempel 90]
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib
import inspect
import multiprocessing
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = ROOT / "generator" / "participatie"
TARGETS = sorted(
    [
        *PACKAGE.glob("rules/*.py"),
        *PACKAGE.glob("derive/*.py"),
        PACKAGE / "toetsing.py",
        PACKAGE / "persoonsgegevens.py",
    ]
)
GELIJKWAARDIG = HERE / "mutatie-gelijkwaardig.txt"
UNIT = (
    "test_afleiden",
    "test_privacy",
    "test_instellingen",
)  # test modules whose tests without pytest fixtures also judge a mutant
SWAP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.And: "and",
    ast.Or: "or",
    ast.Add: "+",
    ast.Sub: "-",
}
CALLS = {"any": "all", "all": "any", "min": "max", "max": "min"}
sys.path.insert(0, str(HERE))


@dataclass(frozen=True)
class Mutant:
    module: str  # 'rules/plan.py'
    index: int  # the n-th mutation point of that module, in walk order
    line: int
    col: int
    wat: str  # what changes, e.g. '< → <='
    functie: str = ""  # the function it is in, e.g. 'Lines.offset'
    code: str = ""  # the expression it changes, as ast.unparse writes it
    nummer: int = 1  # the n-th mutant with the same function, line and change

    @property
    def key(self) -> str:
        """How the equivalents file names it: without line numbers, so it survives edits elsewhere in the module."""
        return f"{self.module} {self.functie}: {self.code} | {self.wat}" + (
            f" ({self.nummer})" if self.nummer > 1 else ""
        )


def _owners(tree: ast.AST) -> dict[int, str]:
    """Node id -> the qualified name of the function it is in."""
    out: dict[int, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    out.update({id(n): name for n in ast.walk(child)})
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return out


def _in_function(tree: ast.AST) -> set[int]:
    """Ids of the nodes inside function bodies: module-level registrations and constants stay as they are."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for child in node.body:
                if isinstance(child, ast.Expr) and isinstance(child.value, ast.Constant):
                    continue  # the docstring
                inside |= {id(n) for n in ast.walk(child)}
    strings = {id(n) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for n in ast.walk(node)}
    return inside - strings


def points(tree: ast.AST) -> list[tuple[ast.AST, str, object]]:
    """Every place a mutation can be made: (node, what changes, how)."""
    inside, out = _in_function(tree), []
    for node in ast.walk(tree):
        if id(node) not in inside:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAP:
                    out.append((node, f"{SYMBOL[type(op)]} → {SYMBOL[SWAP[type(op)]]}", ("op", i)))
            for side in [node.left, *node.comparators]:
                if isinstance(side, ast.Constant) and isinstance(side.value, str):
                    out.append((side, f"'{side.value}' → 'XX'", ("str",)))
        elif isinstance(node, ast.BoolOp):
            out.append(
                (node, f"{SYMBOL[type(node.op)]} → {'or' if isinstance(node.op, ast.And) else 'and'}", ("bool",))
            )
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            out.append((node, "not weg", ("not",)))
        elif isinstance(node, ast.BinOp) and type(node.op) in (ast.Add, ast.Sub):
            out.append((node, f"{SYMBOL[type(node.op)]} → {'-' if isinstance(node.op, ast.Add) else '+'}", ("bin",)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            out.append((node, f"{node.value} → {not node.value}", ("boolconst",)))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            out.append((node, f"{node.value} → {node.value + 1}", ("int",)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CALLS:
            out.append((node, f"{node.func.id} → {CALLS[node.func.id]}", ("call",)))
        elif isinstance(node, ast.comprehension) and node.ifs:
            out.append((node, "filter weg", ("ifs",)))  # placed at its first condition (a comprehension has no line)
        elif (
            isinstance(node, ast.Return)
            and isinstance(node.value, (ast.List, ast.ListComp, ast.Tuple))
            and not (isinstance(node.value, (ast.List, ast.Tuple)) and not node.value.elts)
        ):
            out.append((node, "geeft leeg terug", ("empty",)))
    return out


def _apply(node: ast.AST, how: tuple) -> None:
    kind = how[0]
    if kind == "op":
        node.ops[how[1]] = SWAP[type(node.ops[how[1]])]()
    elif kind == "str":
        node.value = "XX"
    elif kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "not":
        node.op = ast.UAdd()  # '+x' on a bool is x as an int: truthiness unchanged, 'not' gone
    elif kind == "bin":
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
    elif kind == "boolconst":
        node.value = not node.value
    elif kind == "int":
        node.value = node.value + 1
    elif kind == "call":
        node.func.id = CALLS[node.func.id]
    elif kind == "ifs":
        node.ifs = []
    elif kind == "empty":
        node.value = ast.List(elts=[], ctx=ast.Load())


def mutants(module: str) -> list[Mutant]:
    source = (PACKAGE / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    owners, seen, out = _owners(tree), {}, []
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for n, (node, wat, _) in enumerate(points(tree)):
        where = node.ifs[0] if isinstance(node, ast.comprehension) else node
        functie = owners.get(id(node), "")
        shown = parents[id(node)] if isinstance(node, ast.Constant) else where  # a constant with what it is part of
        code = " ".join(ast.unparse(shown).split())[:100]  # the changed expression, however it is laid out
        same = (functie, code, wat)
        seen[same] = seen.get(same, 0) + 1
        out.append(Mutant(module, n, where.lineno, where.col_offset, wat, functie, code, seen[same]))
    return out


def mutated_source(m: Mutant) -> str:
    tree = ast.parse((PACKAGE / m.module).read_text(encoding="utf-8"))
    node, _, how = points(tree)[m.index]
    _apply(node, how)
    return ast.unparse(ast.fix_missing_locations(tree))


# --- What a mutant must keep: the golden answers ---------------------------------------------------------------


def purge() -> None:
    for name in [
        n for n in sys.modules if n == "participatie" or n.startswith("participatie.") or n in UNIT or n == "conftest"
    ]:
        del sys.modules[name]


def unit_tests() -> list[tuple[str, Callable[[], None]]]:
    """(name, test) for every test in the UNIT modules that needs no pytest fixture: each parametrized case apart."""
    out = []
    for module_name in UNIT:
        module = importlib.import_module(module_name)
        for name in sorted(n for n in dir(module) if n.startswith("test_") and callable(getattr(module, n))):
            test = getattr(module, name)
            cases: list[dict] = [{}]
            for mark in reversed(getattr(test, "pytestmark", [])):
                if mark.name != "parametrize":
                    continue
                names = (
                    [a.strip() for a in mark.args[0].split(",")]
                    if isinstance(mark.args[0], str)
                    else list(mark.args[0])
                )
                values = [v.values if type(v).__name__ == "ParameterSet" else v for v in mark.args[1]]
                cases = [
                    {**case, **dict(zip(names, v if len(names) > 1 else (v,), strict=True))}
                    for case in cases
                    for v in values
                ]
            if set(inspect.signature(test).parameters) <= set(cases[0]):
                out += [
                    (f"unit:{module_name}.{name}[{i}]", functools.partial(test, **case)) for i, case in enumerate(cases)
                ]
    return out


def verdicts(sites: dict[str, Path], names: list[str]) -> str | None:
    """None when every selected fixture gives its golden answer; otherwise the first that does not."""
    from fixturen import FIXTURES, observe

    for name in names:
        findings, verdict = observe(sites[name], name)
        if findings != (FIXTURES / name / "verwacht.txt").read_text(encoding="utf-8") or verdict != (
            FIXTURES / name / "toetsing.txt"
        ).read_text(encoding="utf-8"):
            return name
    return None


def coverage_map(sites: dict[str, Path]) -> dict[tuple[str, int], list[str]]:
    """(module, line) -> the fixtures and unit tests that run it."""
    import coverage

    cov = coverage.Coverage(data_file=None, include=[str(p) for p in TARGETS], branch=False)
    purge()
    cov.start()
    from fixturen import observe

    import participatie.pipeline  # noqa: F401  (import-time lines count for nobody)

    for name, site in sites.items():
        cov.switch_context(name)
        observe(site, name)
    for name, test in unit_tests():
        cov.switch_context(name)
        test()
    cov.stop()
    data = cov.get_data()
    out: dict[tuple[str, int], list[str]] = {}
    for path in TARGETS:
        module = path.relative_to(PACKAGE).as_posix()
        for line, contexts in (data.contexts_by_lineno(str(path)) or {}).items():
            out[(module, line)] = sorted(c for c in contexts if c)
    return out


# --- Workers ----------------------------------------------------------------------------------------------------

_STATE: dict = {}


class Timeout(Exception):
    pass


def _alarm(*_):
    raise Timeout()


def worker_init(sites_root: str) -> None:
    """Each worker imports its own copy of the package, so a mutated file never touches the real one."""
    copy_root = Path(tempfile.mkdtemp(prefix="mutatie-"))
    shutil.copytree(PACKAGE, copy_root / "participatie", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(copy_root))
    from fixturen import fixture_names

    _STATE.update(copy=copy_root / "participatie", sites={n: Path(sites_root) / n for n in fixture_names()})
    signal.signal(signal.SIGALRM, _alarm)


def run_mutant(job: tuple[Mutant, list[str]]) -> tuple[Mutant, str]:
    m, selected = job
    target = _STATE["copy"] / m.module
    original = target.read_text(encoding="utf-8")
    try:
        target.write_text(mutated_source(m), encoding="utf-8")
        purge()
        signal.alarm(30)
        try:
            importlib.import_module("participatie.pipeline")
            failed = verdicts(_STATE["sites"], [s for s in selected if not s.startswith("unit:")])
            if failed:
                return m, f"gedood door {failed}"
            for name, test in unit_tests():
                if name in selected:
                    test()
            return m, "overleefd"
        except AssertionError:
            return m, "gedood door een test"
        except Timeout:
            return m, "gedood (te lang)"
        except Exception as exc:
            return m, f"gedood ({type(exc).__name__})"
        finally:
            signal.alarm(0)
    finally:
        target.write_text(original, encoding="utf-8")


def equivalent() -> dict[str, str]:
    out = {}
    if GELIJKWAARDIG.exists():
        for line in GELIJKWAARDIG.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, reden = line.partition("  # ")
                out[key.strip()] = reden.strip()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(prog="make mutatie", description="Mutatietest van rules/, derive/ en toetsing.py.")
    parser.add_argument("--module", action="append", help="alleen deze module(s), bijvoorbeeld rules/plan.py")
    parser.add_argument("--drempel", type=float, default=90.0, help="minimale score per module in procenten")
    args = parser.parse_args()
    import os

    os.environ.setdefault("PARTICIPATIE_VANDAAG", "2026-11-22")
    from fixturen import fixture_names, prepare

    modules = args.module or [p.relative_to(PACKAGE).as_posix() for p in TARGETS]
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        sites = {name: prepare(name, Path(tmp) / name) for name in fixture_names()}
        lines = coverage_map(sites)
        jobs, missed = [], []
        for module in modules:
            for m in mutants(module):
                selected = lines.get((m.module, m.line), [])
                (jobs if selected else missed).append((m, selected))
        print(
            f"{len(jobs) + len(missed)} mutanten in {len(modules)} modules; {len(missed)} op regels die geen "
            f"fixture of test uitvoert.",
            flush=True,
        )
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(2, initializer=worker_init, initargs=(tmp,)) as pool:
            results = list(pool.imap_unordered(run_mutant, jobs, chunksize=4))
    results += [(m, "overleefd (niet uitgevoerd)") for m, _ in missed]
    return report(results, modules, args.drempel, time.monotonic() - start)


def report(results, modules, drempel: float, seconds: float) -> int:
    skip = equivalent()
    stale = {k for k in skip if k.split(" ", 1)[0] in modules} - {m.key for m, _ in results}
    print(f"\n{'module':34} {'mutanten':>8} {'gelijkw.':>8} {'gedood':>7} {'score':>7}")
    failed = False
    survivors = []
    for module in modules:
        mine = [(m, r) for m, r in results if m.module == module]
        eq = [m for m, _ in mine if m.key in skip]
        killed = [m for m, r in mine if r.startswith("gedood") and m.key not in skip]
        counted = len(mine) - len(eq)
        score = 100 * len(killed) / counted if counted else 100.0
        failed |= score < drempel
        print(f"{module:34} {len(mine):8} {len(eq):8} {len(killed):7} {score:6.1f}%")
        survivors += sorted(
            (m for m, r in mine if not r.startswith("gedood") and m.key not in skip), key=lambda m: m.line
        )
    if survivors:
        print(
            "\nOverlevende mutanten (voeg een fixture toe die ze doodt, of zet ze met een reden in "
            f"{GELIJKWAARDIG.name}):"
        )
        for m in survivors:
            print(f"  {m.key}  # regel {m.line}:{m.col}")
    for key in sorted(stale):
        print(f"  let op: {key} staat in {GELIJKWAARDIG.name}, maar die mutant bestaat niet (meer)")
    print(f"\nKlaar in {seconds:.0f} s. {'Onder' if failed else 'Boven'} de drempel van {drempel:.0f}%.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
