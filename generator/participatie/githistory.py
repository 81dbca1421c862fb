"""Change history of a trajectory from Git. Without Git or a checkout: an empty history, never a failure."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Wijziging:
    datum: dt.date
    bericht: str


def history(folder: Path, limit: int = 50) -> list[Wijziging]:
    if shutil.which("git") is None:
        return []
    try:
        run = subprocess.run(["git", "log", f"-n{limit}", "--format=%cs%x09%s", "--", "."], cwd=folder,
                             capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    if run.returncode != 0:
        return []
    out = []
    for line in run.stdout.splitlines():
        day, _, message = line.partition("\t")
        try:
            out.append(Wijziging(dt.date.fromisoformat(day), message.strip()))
        except ValueError:
            continue
    return out
