"""When each source file changed, from Git: one `git log` for a whole folder. Without Git: nothing, never a failure."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path


def change_dates(root: Path, folders: tuple[str, ...] = (".",)) -> dict[str, list[dt.date]]:
    """For each file in the folders under root (path relative to root), the dates of the commits that changed it, newest first."""
    if shutil.which("git") is None or not root.is_dir():
        return {}
    try:
        run = subprocess.run(
            ["git", "log", "--relative", "--no-renames", "--format=%x00%cs", "--name-only", "--", *folders],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if run.returncode != 0:
        return {}
    return parse_log(run.stdout)


def parse_log(out: str) -> dict[str, list[dt.date]]:
    dates: dict[str, list[dt.date]] = {}
    for commit in out.split("\x00")[1:]:
        lines = [ln.strip() for ln in commit.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        try:
            day = dt.date.fromisoformat(lines[0])
        except ValueError:
            continue
        for name in lines[1:]:
            dates.setdefault(name, []).append(day)
    return dates
