"""What was read and checked per trajectory, kept between runs: after one edit only that trajectory is read again.

An entry is keyed by the bytes of every file in the trajectory's folder; the whole cache by
everything else the rules read (the package's own code, the profile, the site's settings,
today's date, library versions). A cache that is stale, corrupt or not ours is ignored and
rebuilt, never trusted: every entry carries an HMAC made with a key that lives in the
user's own cache folder, outside the repository, so a cache file someone commits cannot
make the tool unpickle it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

FOLDER = ".participatie-cache"
MAX_BYTES = 512 * 1024
KEEP = 4  # caches per kind kept side by side: check and preview, another peildatum or profile, do not wipe each other
_MEMORY: dict[
    tuple[str, str], tuple[str, tuple[object, ...]]
] = {}  # a long-running process (mkdocs serve) skips even the unpickling
_CODE: str | None = None


def _code_hash() -> str:
    """The package's own code and templates: a changed rule or message invalidates every entry."""
    global _CODE
    if _CODE is None:
        root = Path(str(resources.files("participatie")))
        digest = hashlib.sha256()
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yaml", ".j2") and p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
        versions = [
            metadata.version(name) for name in ("pydantic", "PyYAML", "holidays", "phonenumbers", "python-stdnum")
        ]
        digest.update("|".join([sys.version, *versions]).encode())
        _CODE = digest.hexdigest()
    return _CODE


def folder_key(folder: Path) -> str | None:
    """A digest of everything in a trajectory's folder, read without following links or opening pipes.

    None when something cannot be read: then the folder is checked without the cache, and says why.
    """
    digest = hashlib.sha256()
    try:
        for child in sorted(folder.iterdir()):
            info = child.lstat()
            digest.update(child.name.encode() + b"\0")
            if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
                digest.update(hashlib.sha256(child.read_bytes()).digest())
            elif stat.S_ISLNK(info.st_mode):
                digest.update(b"link:" + os.readlink(child).encode())
            else:
                digest.update(f"{stat.S_IFMT(info.st_mode)}:{info.st_size}".encode())
    except OSError:
        return None
    return digest.hexdigest()


def _secret() -> bytes | None:
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "participatie"
    path = home / "sleutel"
    try:
        if not path.exists():
            home.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(32))
        key = path.read_bytes()
        return key if len(key) == 32 else None
    except OSError:
        return None


class Cache:
    """Per-trajectory results in one file, base/.participatie-cache/<context>.pickle; does nothing when it cannot work safely.

    One file, because creating a thousand small files costs more than writing one; each entry
    stays pickled until it is asked for.
    """

    def __init__(self, base: Path, context: str, namespace: str = "bevindingen"):
        self.key = _secret()
        self.context = hashlib.sha256((_code_hash() + context).encode()).hexdigest()[:24]
        self.folder = base / FOLDER
        self.namespace = namespace
        self.path = self.folder / f"{namespace}-{self.context}.pickle"
        self.entries: dict[str, tuple[str, tuple[bytes, ...]]] = self._read()  # slug -> (files, pickled values)
        self.seen: set[str] = set()
        self.changed = False

    def _read(self) -> dict[str, tuple[str, tuple[bytes, ...]]]:
        if self.key is None:
            return {}
        try:
            raw = self.path.read_bytes()
        except OSError:
            return {}
        mac, body = raw[:32], raw[32:]
        if not hmac.compare_digest(mac, hmac.new(self.key, body, hashlib.sha256).digest()):
            return {}
        try:
            entries = pickle.loads(body)
        except Exception:  # damaged: start again
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, slug: str, files: str, parts: int = 2) -> tuple[Any, ...] | None:
        """The first `parts` values stored for slug when its files are unchanged (each part is unpickled on demand).

        Any: the values are whatever the caller stored with `put`, and only it knows their types.
        """
        self.seen.add(slug)
        memory = _MEMORY.get((str(self.path), slug))
        if memory and memory[0] == files:
            return memory[1][:parts]
        stored = self.entries.get(slug)
        if not stored or stored[0] != files:
            return None
        try:
            return tuple(pickle.loads(b) for b in stored[1][:parts])
        except Exception:
            return None

    def put(self, slug: str, files: str, *values: object) -> None:
        self.seen.add(slug)
        _MEMORY[(str(self.path), slug)] = (files, values)
        try:
            self.entries[slug] = (files, tuple(pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for v in values))
            self.changed = True
        except (pickle.PicklingError, TypeError, AttributeError):
            pass

    def put_pickled(self, slug: str, files: str, *blobs: bytes) -> None:
        """As `put`, for values pickled already (by a worker process)."""
        self.seen.add(slug)
        _MEMORY.pop((str(self.path), slug), None)
        self.entries[slug] = (files, blobs)
        self.changed = True

    def save(self) -> None:
        """Write the cache for this context (dropping trajectories that are gone); keep the few newest other contexts."""
        gone = set(self.entries) - self.seen
        if self.key is None or not (self.changed or gone):
            return
        for slug in gone:
            del self.entries[slug]
        try:
            body = pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL)
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{self.context}.{os.getpid()}"
            tmp.write_bytes(hmac.new(self.key, body, hashlib.sha256).digest() + body)
            tmp.replace(self.path)
            others = sorted(
                (p for p in self.folder.glob(f"{self.namespace}-*.pickle") if p != self.path),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
            for other in others[KEEP - 1 :]:
                other.unlink(missing_ok=True)
        except OSError:
            pass
