"""How fast are check and build, against plain Material and a bare YAML parse of the same files, measured in one run.

Run: make benchmark   (or .venv/bin/python benchmarks/bouwtijd.py [--aantallen 100,1000] [--herhaal 5])

For each N it reports medians of (each with the anchor it is compared with, taken in turns):
- plain Material building N generated ~3 KB Markdown pages (not in the nav, search on),
  against our build of N trajectories (copies of the examples), both with `mkdocs build`;
- `participatie check` cold (no cache) against composing the same YAML files with LibYAML;
- `participatie check` warm, after editing one file;
- the rebuild in `mkdocs serve` after editing one file;
- the size of a trajectory page and of a page whose navigation must not grow with N.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PARTICIPATIE_VANDAAG": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}
# Python keeps compiled modules (.pyc) as on a user's machine: a sandbox that forbids writing them makes every run
# compile participatie's 46 modules again (0.1 s a run), which no one installing the package pays.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
PY = sys.executable
LOREM = (
    "De gemeente betrekt inwoners bij plannen voor de openbare ruimte. In deze tekst staat wat er speelt, "
    "wie er mee kan doen en wanneer. Bewoners, ondernemers en verenigingen geven hun mening. "
)


def make_site(n: int, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in ("mkdocs.yml", "content", "theme"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    originals = sorted(p for p in (ROOT / "projecten").iterdir() if p.is_dir())
    for i in range(n):
        src = originals[i % len(originals)]
        shutil.copytree(src, dest / "projecten" / f"{src.name}-{i}")
    return dest


def make_plain(n: int, dest: Path) -> Path:
    """Plain Material: the example's mkdocs.yml without our plugin, and N Markdown pages of ~3 KB."""
    (dest / "docs" / "paginas").mkdir(parents=True)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"  - participatie:\n(?:      .*\n)+", "", text)
    text = text.replace("docs_dir: content", "docs_dir: docs")
    text = re.sub(r"\nnav:\n(?:  .*\n)+", "\nnav:\n  - Home: index.md\n", text + "\n")
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "theme", dest / "theme")
    (dest / "docs" / "index.md").write_text("# Home\n\nWelkom.\n", encoding="utf-8")
    for i in range(n):
        body = "\n\n".join(f"## Onderdeel {j}\n\n{LOREM * 3}" for j in range(1, 6))
        (dest / "docs" / "paginas" / f"pagina-{i}.md").write_text(f"# Pagina {i}\n\n{body}\n", encoding="utf-8")
    return dest


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds of one run, and its peak memory in MB (the largest single process, workers included)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return elapsed, usage.ru_maxrss / 1024  # Linux's wait4: the largest of the process and the children it waited for


Run = tuple[list[str], Path, Callable[[], None] | None]  # command, folder, what to do before each run


def in_turns(runs: list[Run], repeat: int) -> list[tuple[list[float], float]]:
    """Each command `repeat` times, taken in turns (A B C A B C ...), so a machine that speeds up or slows down
    during the benchmark moves every command alike: per command its times and its peak memory."""
    times: list[list[float]] = [[] for _ in runs]
    peaks = [0.0 for _ in runs]
    for _ in range(repeat):
        for n, (cmd, cwd, before) in enumerate(runs):
            if before:
                before()
            seconds, peak = timed(cmd, cwd)
            times[n].append(seconds)
            peaks[n] = max(peaks[n], peak)
    return list(zip(times, peaks, strict=True))


def ratio(ours: list[float], anchor: list[float]) -> float:
    """The median of the ratios of runs taken side by side (see in_turns)."""
    return statistics.median(a / b for a, b in zip(ours, anchor, strict=True))


def spread(ours: list[float], anchor: list[float] | None = None) -> str:
    """The smallest and largest of the runs (of their ratios to the anchor's side by side): how noisy it was."""
    values = ours if anchor is None else [a / b for a, b in zip(ours, anchor, strict=True)]
    return f"{min(values):.2f}–{max(values):.2f}"


COMPOSE = (
    "import sys, yaml, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*/*.yaml')):\n"
    "    yaml.compose(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)


def touch(site: Path, n: int) -> None:
    path = next((site / "projecten").glob("fietspad-kerkdijk-*")) / "terugkoppeling.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("We meten alle inritten", f"We meten ({n}) alle inritten", 1)
        if "(" not in text
        else re.sub(r"\(\d+\)", f"({n})", text),
        encoding="utf-8",
    )


def serve_rebuild(site: Path, repeat: int) -> float | None:
    """Seconds MkDocs reports for the rebuild in `mkdocs serve` after one edit: the median of `repeat` edits, one
    after the other in one preview, as staff edit. An edit the watcher did not see in 20 s is made again (once in
    a long while MkDocs' polling watcher misses one); after 5 minutes, what was measured is reported."""
    import queue
    import socket
    import threading

    with socket.socket() as free:  # a port nobody uses, so a server left running elsewhere cannot answer instead
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    proc = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()  # type: ignore[union-attr]
    built: list[float] = []
    edits = iter(range(99, 0, -1))
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=20)
            except queue.Empty:
                if built:
                    touch(site, next(edits))  # not seen: edited again
                continue
            if "Documentation built in" not in line:
                continue
            built.append(float(re.search(r"in ([\d.]+) seconds", line).group(1)))
            if len(built) > repeat:
                break
            time.sleep(1)
            touch(site, next(edits))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return statistics.median(built[1:]) if len(built) > 1 else None


def measure(n: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        site, plain = make_site(n, Path(tmp) / "site"), make_plain(n, Path(tmp) / "plain")
        cache = site / ".participatie-cache"
        clear = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
        row: dict = {"n": n}
        build = [PY, "-m", "mkdocs", "build", "-q", "-d", "out"]
        (material, _), (cold, row["build_mb"]), (warm, _) = in_turns(
            [(build, plain, None), (build, site, clear), (build, site, None)], repeat
        )
        row["material"], row["build"], row["build_warm"] = map(statistics.median, (material, cold, warm))
        row["build_ratio"], row["warm_ratio"] = ratio(cold, material), ratio(warm, material)
        row["spread"] = {"bouw": spread(cold, material), "bouw*": spread(warm, material)}
        check = [PY, "-m", "participatie.cli", "check"]
        (compose, _), (checked, row["check_mb"]) = in_turns(
            [([PY, "-c", COMPOSE, "projecten"], site, None), (check, site, clear)], repeat
        )
        row["compose"], row["check"], row["check_ratio"] = (
            statistics.median(compose),
            statistics.median(checked),
            ratio(checked, compose),
        )
        row["spread"]["check"] = spread(checked, compose)
        timed(check, site)
        edits = iter(range(repeat))
        ((after_edit, _),) = in_turns([(check, site, lambda: touch(site, next(edits)))], repeat)
        row["check_warm"] = statistics.median(after_edit)
        row["spread"]["check* (s)"] = spread(after_edit)
        row["serve"] = serve_rebuild(site, repeat)
        row["page"] = next((site / "out" / "trajecten").glob("fietspad-kerkdijk-*.html")).stat().st_size
        row["over"] = (site / "out" / "over.html").stat().st_size
        return row


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Meet de bouw, check en serve tegen Material en een kale LibYAML-parse."
    )
    parser.add_argument("--herhaal", type=int, default=5, help="hoe vaak elke meting loopt (standaard 5)")
    parser.add_argument(
        "--aantallen", default="100,1000", help="de aantallen trajecten, met komma's (standaard 100,1000)"
    )
    args = parser.parse_args()
    print(
        f"{'N':>5} {'Material':>9} {'bouw':>7} {'ratio':>6} {'bouw*':>7} {'ratio':>6} {'LibYAML':>8} {'check':>7}"
        f" {'ratio':>6} {'check*':>7} {'serve*':>7} {'pagina':>8} {'over':>7} {'MB bouw':>8} {'MB check':>9}"
    )
    spreads = []
    for n in (int(x) for x in args.aantallen.split(",")):
        r = measure(n, args.herhaal)
        spreads.append((n, r["spread"]))
        serve = f"{r['serve']:>7.2f}" if r["serve"] is not None else "      -"
        print(
            f"{n:>5} {r['material']:>9.2f} {r['build']:>7.2f} {r['build_ratio']:>6.2f} {r['build_warm']:>7.2f}"
            f" {r['warm_ratio']:>6.2f} {r['compose']:>8.2f} {r['check']:>7.2f} {r['check_ratio']:>6.2f}"
            f" {r['check_warm']:>7.2f}"
            f" {serve} {r['page']:>8} {r['over']:>7} {r['build_mb']:>8.0f} {r['check_mb']:>9.0f}",
            flush=True,
        )
    print("Spreiding over de runs (kleinste–grootste verhouding; bij check* de seconden):")
    for n, found in spreads:
        print(f"{n:>5} " + "  ".join(f"{name} {value}" for name, value in found.items()))
    print(
        "Seconden, medianen; elke verhouding is de mediaan van de verhoudingen van runs die om en om met hun anker "
        "liepen (Material, LibYAML). bouw = mkdocs build van N trajecten zonder cache; bouw* met de cache gevuld; "
        "check* = check na een wijziging in één bestand; serve* = de herbouw die MkDocs in 'mkdocs serve' meldt na "
        "één wijziging (mediaan van de wijzigingen); pagina = bytes van één trajectpagina; over = bytes van een "
        "pagina waarvan de navigatie niet met N mag groeien; MB = piekgeheugen van het grootste proces van een bouw "
        "en een check zonder cache."
    )


if __name__ == "__main__":
    main()
