"""Read a source file as text: UTF-8 (with or without BOM), any line ending; refuse the rest calmly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..findings import FORMAAT, Ernst, Finding, Gevolg, Pos, regel

MAX_BYTES = 512 * 1024
UTF8_BOM = b"\xef\xbb\xbf"

SNELKOPPELING = regel(
    "bestand.snelkoppeling", "een snelkoppeling (symlink) in plaats van een bestand", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
MAP = regel("bestand.map", "een map waar een bestand hoort", Gevolg.TEGENHOUDEN, bron=FORMAAT)
GEEN_BESTAND = regel(
    "bestand.geen-bestand", "iets anders dan een gewoon bestand (zoals een pipe)", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
TE_GROOT = regel("bestand.te-groot", "een bestand groter dan 512 kB", Gevolg.TEGENHOUDEN, bron=FORMAAT)
ONLEESBAAR = regel("bestand.onleesbaar", "een bestand dat het systeem niet kan lezen", Gevolg.TEGENHOUDEN, bron=FORMAAT)
CODERING = regel("bestand.codering", "een bestand dat niet als UTF-8 is opgeslagen", Gevolg.TEGENHOUDEN, bron=FORMAAT)
BINAIR = regel("bestand.binair", "een bestand met binaire gegevens", Gevolg.TEGENHOUDEN, bron=FORMAAT)


def error(code: str, pad: str, pos: Pos | None, msg: str, hint: str) -> Finding:
    return Finding(pad, pos, Ernst.FOUT, msg, hint, code=code)


def present(path: Path) -> bool:
    """Whether anything is at path, a link too (even one to nothing): one system call. When the system cannot
    say (no permission), there is: reading it then says why it cannot be read."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True
    return True


def read_bytes(path: Path, pad: str) -> tuple[bytes | None, list[Finding]]:
    """The raw bytes of a regular file that is not a link and not too big (what it is: one system call)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return None, [_unreadable(pad, exc)]
    if info is not None and stat.S_ISLNK(info.st_mode):
        return None, [
            error(
                SNELKOPPELING,
                pad,
                None,
                "dit is een snelkoppeling (symlink); die lezen we niet.",
                "Zet het bestand zelf in de map van het traject.",
            )
        ]
    if info is not None and stat.S_ISDIR(info.st_mode):
        return None, [
            error(
                MAP,
                pad,
                None,
                "hier staat een map, maar er hoort een bestand te staan.",
                "Verwijder of hernoem de map.",
            )
        ]
    if info is None or not stat.S_ISREG(info.st_mode):
        return None, [
            error(GEEN_BESTAND, pad, None, "dit is geen gewoon bestand.", "Zet hier een gewoon tekstbestand neer.")
        ]
    if info.st_size > MAX_BYTES:
        return None, [
            error(
                TE_GROOT,
                pad,
                None,
                f"het bestand is te groot ({info.st_size // 1024} kB; maximaal {MAX_BYTES // 1024} kB).",
                "Splits lange teksten of zet bijlagen elders.",
            )
        ]
    try:
        return path.read_bytes(), []
    except OSError as exc:
        return None, [_unreadable(pad, exc)]


def _unreadable(pad: str, exc: OSError) -> Finding:
    return error(
        ONLEESBAAR,
        pad,
        None,
        f"het bestand kan niet worden gelezen ({exc.strerror or exc}).",
        "Controleer of het bestand bestaat en leesbaar is.",
    )


def decode(raw: bytes, pad: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 text with \\n line endings, or a finding at the first byte that is not UTF-8."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(
                CODERING,
                pad,
                Pos(line, col),
                "het bestand is niet opgeslagen als UTF-8.",
                "Sla het bestand op met codering 'UTF-8' (in Kladblok: Opslaan als > Codering: UTF-8).",
            )
        ]
    if "\x00" in text:
        return None, [error(BINAIR, pad, None, "het bestand bevat binaire gegevens.", "Gebruik een tekstbestand.")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_text(path: Path, pad: str) -> tuple[str | None, list[Finding]]:
    raw, findings = read_bytes(path, pad)
    return (None, findings) if raw is None else decode(raw, pad)
