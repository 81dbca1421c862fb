"""Measure check and build time against the number of trajectories.

Run: make benchmark  (or .venv/bin/python benchmarks/bouwtijd.py [--herhaal 3])
Copies the example site, multiplies its trajectories to N = 8, 32, 128, and reports
medians and ratios against the 8-trajectory baseline measured in the same run, plus the
size of a page that should not grow with N (the home page's navigation).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PARTICIPATIE_VANDAAG": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}


def make_site(n: int, dest: Path) -> Path:
    for part in ("mkdocs.yml", "content", "theme"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    originals = sorted(p for p in (ROOT / "projecten").iterdir() if p.is_dir())
    for i in range(n):
        src = originals[i % len(originals)]
        shutil.copytree(src, dest / "projecten" / f"{src.name}-{i}")
    return dest


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--aantallen", default="8,32,128")
    args = parser.parse_args()
    sizes = [int(x) for x in args.aantallen.split(",")]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            site = make_site(n, Path(tmp))
            check = statistics.median(timed([sys.executable, "-m", "participatie.cli", "check"], site) for _ in range(args.herhaal))
            build = statistics.median(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], site)
                                      for _ in range(args.herhaal))
            home = (site / "site" / "index.html").stat().st_size
            page = (site / "site" / "over.html").stat().st_size
            rows.append((n, check, build, home, page))
    base = rows[0]
    print(f"{'N':>5} {'check (s)':>10} {'ratio':>6} {'build (s)':>10} {'ratio':>6} {'N-ratio':>8} {'over.html (B)':>14}")
    for n, check, build, home, page in rows:
        print(f"{n:>5} {check:>10.2f} {check / base[1]:>6.2f} {build:>10.2f} {build / base[2]:>6.2f} {n / base[0]:>8.1f} {page:>14}")
    print("Linear growth means the ratios stay at or below the N-ratio; over.html must not grow with N.")


if __name__ == "__main__":
    main()
