"""What was read and checked per trajectory, kept between runs: after one edit only that trajectory is read again.

An entry is keyed by the bytes of every file in the trajectory's folder; the whole cache by
everything else the rules read (the package's own code, the profile, the site's settings,
today's date, library versions). A cache that is stale, corrupt or not ours is ignored and
rebuilt, never trusted: every stored value carries an HMAC made with a key that lives in the
user's own cache folder, outside the repository, so a cache file someone commits cannot
make the tool unpickle it.

The entries live in one SQLite database (the standard library's `sqlite3`), one row per
value: a run reads only the values it needs, and after one edit writes only that
trajectory's rows, instead of reading and rewriting every trajectory's. A large value (a
page's HTML) is stored compressed with the standard library's `zlib`.

A folder's digest is read again only when a file in it changed by its metadata (name, size,
inode, modification and change time), as Git does for its index; a file changed within two
seconds of being hashed is hashed again next time, so an edit in the same clock tick is
never missed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import sqlite3
import stat
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = ".participatie-cache"
DATABASE = "cache.sqlite3"
MAX_BYTES = 512 * 1024
KEEP = 4  # contexts per kind kept side by side: check and preview, another peildatum or profile, do not wipe each other
FEW = 64  # values read one by one before all are read at once
# bytes: a pickled value larger than this is stored compressed. A page's HTML (20 kB and more) shrinks to a sixth;
# a trajectory or a verdict (2-9 kB) only to a half, and compressing those was 4% of a cold check
PACK_FROM = 16384
RACY = 2.0  # seconds: a file modified this close to being hashed is not trusted by its metadata
LATER = ""  # what `Cache.files_key` gives for a folder that whoever reads its files hashes (`hash_folder`)
_MEMORY: dict[
    tuple[str, str], tuple[str, tuple[object, ...]]
] = {}  # a long-running process (mkdocs serve) skips even the unpickling
_CODE: str | None = None
REMEMBER = True  # keep what was read in _MEMORY; a build, which ends after one run, does not (ParticipatiePlugin)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS waarde (
    soort TEXT, context TEXT, slug TEXT, deel INTEGER, bestanden TEXT, blob BLOB, mac BLOB,
    PRIMARY KEY (soort, context, slug, deel)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS context (soort TEXT, context TEXT, gebruikt REAL, PRIMARY KEY (soort, context));
CREATE TABLE IF NOT EXISTS map (pad TEXT PRIMARY KEY, kenmerk TEXT, bestanden TEXT, mac BLOB);
"""


def _code_hash() -> str:
    """The package's own code and templates, and the libraries installed: a changed rule, message or library
    invalidates every entry.

    By each file's path, size and modification time (as `files_key` trusts them), not its bytes: reading
    the whole package on every run cost more than checking a thousand unchanged trajectories.
    """
    global _CODE
    if _CODE is None:
        root = os.path.dirname(os.path.abspath(__file__))  # the package's folder
        files = []
        for folder, folders, names in os.walk(root):
            folders[:] = [name for name in folders if name != "__pycache__"]
            for name in names:
                if name.endswith((".py", ".yaml", ".j2")):
                    info = os.stat(os.path.join(folder, name))
                    files.append(f"{os.path.relpath(folder, root)}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0")
        digest = hashlib.sha256("".join(sorted(files)).encode())
        digest.update("|".join([sys.version, *_installed()]).encode())
        _CODE = digest.hexdigest()
    return _CODE


def _installed() -> list[str]:
    """Every library installed, with its version, by the name of its metadata folder ('PyYAML-6.0.2.dist-info'):
    an upgrade of pydantic, Markdown, nh3 or any other changes what the cache would give. Folder names only:
    `importlib.metadata` would read and parse a file per library on every run."""
    try:
        here = os.path.realpath(os.getcwd())
    except OSError:  # the current folder is gone
        here = None
    names: set[str] = set()
    for entry in sys.path:
        try:
            if not entry or os.path.realpath(entry) == here:  # the site's own folder holds no libraries
                continue
            with os.scandir(entry) as it:
                names.update(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(names)


def _listing(folder: Path) -> list[tuple[str, os.stat_result]] | None:
    try:
        with os.scandir(folder) as it:
            return sorted((entry.name, entry.stat(follow_symlinks=False)) for entry in it)
    except OSError:
        return None


def _signature(listing: list[tuple[str, os.stat_result]]) -> str:
    return "|".join(
        f"{name}:{info.st_mode}:{info.st_size}:{info.st_ino}:{info.st_mtime_ns}:{info.st_ctime_ns}"
        for name, info in listing
    )


def folder_key(folder: Path, listing: list[tuple[str, os.stat_result]] | None = None) -> str | None:
    """A digest of everything in a trajectory's folder, read without following links or opening pipes.

    None when something cannot be read: then the folder is checked without the cache, and says why.
    """
    listing = _listing(folder) if listing is None else listing
    if listing is None:
        return None
    digest = hashlib.sha256()
    try:
        for name, info in listing:
            child = folder / name
            digest.update(name.encode() + b"\0")
            if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
                digest.update(hashlib.sha256(child.read_bytes()).digest())
            elif stat.S_ISLNK(info.st_mode):
                digest.update(b"link:" + os.readlink(child).encode())
            else:
                digest.update(f"{stat.S_IFMT(info.st_mode)}:{info.st_size}".encode())
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True)
class Hashed:
    """A folder as hashed: `folder_key`'s digest (None: something could not be read), its files' metadata, and
    whether that metadata can be trusted next time (no file changed within RACY seconds of hashing)."""

    files: str | None
    signature: str
    settled: bool


def hash_folder(folder: Path, listing: list[tuple[str, os.stat_result]] | None = None) -> Hashed | None:
    """`folder_key` with what `Cache.learn` keeps of it; None when the folder cannot be listed."""
    listing = _listing(folder) if listing is None else listing
    if listing is None:
        return None
    newest = max((info.st_mtime for _, info in listing), default=0.0)
    return Hashed(folder_key(folder, listing), _signature(listing), newest < time.time() - RACY)


def pack(value: object) -> bytes:
    """A value pickled and packed as the cache stores it (see `Cache.put_packed`); `unpack` reads it back."""
    return _pack(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def unpack(packed: bytes) -> Any:
    return pickle.loads(_unpack(packed))


def _pack(blob: bytes) -> bytes:
    """A value as stored: a large one compressed (a page's HTML to a sixth; zlib's fastest level)."""
    return b"z" + zlib.compress(blob, 1) if len(blob) > PACK_FROM else b"-" + blob


def _unpack(stored: bytes) -> bytes:
    if stored[:1] == b"z":
        return zlib.decompress(stored[1:])
    if stored[:1] == b"-":
        return stored[1:]
    raise ValueError("not a value of this cache")


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


def _connect(path: Path) -> sqlite3.Connection | None:
    """The database, made when missing; a file that is not one of ours (damaged, foreign) is replaced."""
    for attempt in (1, 2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")  # a cache lost in a power cut is rebuilt, not trusted
            db.executescript(_SCHEMA)
            return db
        except sqlite3.DatabaseError:
            if attempt == 2:
                return None
            with contextlib.suppress(OSError):
                for name in (path.name, path.name + "-wal", path.name + "-shm"):
                    (path.parent / name).unlink(missing_ok=True)
        except (sqlite3.Error, OSError):
            return None
    return None


class Cache:
    """Per-trajectory values in base/.participatie-cache/cache.sqlite3; does nothing when it cannot work safely."""

    def __init__(self, base: Path, context: str, namespace: str = "bevindingen", prune: bool = True):
        """`prune`: on saving, forget what this run did not ask for (a trajectory that is gone)."""
        self.key = _secret()
        self.context = hashlib.sha256((_code_hash() + context).encode()).hexdigest()[:24]
        self.folder = base / FOLDER
        self.namespace = namespace
        self.path = self.folder / DATABASE
        self.db = _connect(self.path) if self.key is not None else None
        self.pending: dict[str, tuple[str, tuple[bytes, ...]]] = {}
        self.folders: dict[str, tuple[str, str]] = {}  # pad -> (metadata, digest) learnt in this run
        self.seen: set[str] = set()
        self.prune = prune
        self.signatures: dict[str, tuple[str, str, bytes]] | None = None
        self.loaded: dict[int, dict[str, list[tuple[int, str, bytes, bytes]]]] = {}
        self.asked = 0  # values asked for that were not in memory (see _rows_of)

    def _mac(self, *parts: str | int | bytes) -> bytes:
        assert self.key is not None
        *names, blob = parts  # names hold no NUL: folder paths, digests, numbers
        message = (
            "\0".join(map(str, names)).encode() + b"\0" + (blob if isinstance(blob, bytes) else str(blob).encode())
        )
        return hmac.digest(self.key, message, "sha256")

    def _query(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error:
            return []

    def files_key(self, folder: Path, pad: str) -> str | None:
        """`folder_key`, reusing the digest of an earlier run when no file in the folder changed by its metadata.

        A folder this cache has no metadata of (never hashed: a cold run) gives LATER; whoever reads its files hashes
        them (`hash_folder`, on the core that reads them) and tells `learn`. A folder whose files changed is hashed
        now: its digest may still find what is stored (a checkout that only touched the files)."""
        if self.signatures is None:
            self.signatures = {
                pad: (k, f, m) for pad, k, f, m in self._query("SELECT pad, kenmerk, bestanden, mac FROM map")
            }
        if pad not in self.signatures:  # never hashed (or too soon after a change): nothing to compare
            return LATER
        listing = _listing(folder)
        if listing is None:
            return None
        signature = _signature(listing)
        kenmerk, known, mac = self.signatures[pad]
        if kenmerk == signature and hmac.compare_digest(mac, self._mac("map", pad, kenmerk, known)):
            return known
        return self.learn(pad, hash_folder(folder, listing))

    def learn(self, pad: str, hashed: Hashed | None) -> str | None:
        """A folder's digest from `hash_folder`; its metadata is kept for the next run when it can be trusted."""
        if hashed is None:
            return None
        if hashed.files is not None and self.db is not None and hashed.settled:
            self.folders[pad] = (hashed.signature, hashed.files)
        return hashed.files

    def _rows(self, parts: int) -> dict[str, list[tuple[int, str, bytes, bytes]]]:
        """The first `parts` values of every slug in this context, read at once."""
        if parts not in self.loaded:
            rows: dict[str, list[tuple[int, str, bytes, bytes]]] = {}
            for slug, deel, stored, blob, mac in self._query(
                "SELECT slug, deel, bestanden, blob, mac FROM waarde WHERE soort = ? AND context = ? "
                "AND deel < ? ORDER BY slug, deel",
                self.namespace,
                self.context,
                parts,
            ):
                rows.setdefault(slug, []).append((deel, stored, blob, mac))
            self.loaded[parts] = rows
        return self.loaded[parts]

    def _rows_of(self, slug: str, parts: int) -> list[tuple[int, str, bytes, bytes]]:
        """One slug's first `parts` values: read alone while a run asks for a few (a preview after one edit), then
        every slug's at once (a warm run asks for all; reading a thousand values one by one costs more)."""
        if parts not in self.loaded:
            self.asked += 1
            if self.asked <= FEW:
                return self._query(
                    "SELECT deel, bestanden, blob, mac FROM waarde WHERE soort = ? AND context = ? AND slug = ? "
                    "AND deel < ? ORDER BY deel",
                    self.namespace,
                    self.context,
                    slug,
                    parts,
                )
        return self._rows(parts).get(slug, [])

    def get(self, slug: str, files: str, parts: int = 2) -> tuple[Any, ...] | None:
        """The first `parts` values stored for slug when its files are unchanged (only those are unpickled).

        Any: the values are whatever the caller stored with `put`, and only it knows their types.
        """
        self.seen.add(slug)
        memory = _MEMORY.get(self._memo(slug))
        if memory and memory[0] == files and len(memory[1]) >= parts:
            return memory[1][:parts]
        rows = self._rows_of(slug, parts)
        if [deel for deel, *_ in rows] != list(range(parts)):
            return None
        values = []
        for deel, stored, blob, mac in rows:
            if stored != files or not hmac.compare_digest(
                mac, self._mac(self.namespace, self.context, slug, deel, stored, blob)
            ):
                return None
            try:
                values.append(pickle.loads(_unpack(blob)))
            except Exception:
                return None
        if REMEMBER:  # a long-running process (serve) reads each value once
            _MEMORY[self._memo(slug)] = (files, tuple(values))
        return tuple(values)

    def stored(self) -> dict[str, Any]:
        """Every first value kept in this context that is sound, by slug (for small tables such as calendars)."""
        found = {}
        for slug, rows in self._rows(1).items():
            value = self.get(slug, rows[0][1], parts=1)
            if value is not None:
                found[slug] = value[0]
        return found

    def keep(self, slug: str) -> None:
        """What this run still uses without reading it (a preview has it in memory): not forgotten on saving."""
        self.seen.add(slug)

    def _memo(self, slug: str) -> tuple[str, str]:
        return str(self.path), f"{self.namespace}\0{self.context}\0{slug}"

    def put(self, slug: str, files: str, *values: object, remember: bool = True) -> None:
        """`remember=False`: not kept in this process's memory as well (a build ends after writing it)."""
        try:
            self.put_packed(slug, files, *(pack(v) for v in values))
        except (pickle.PicklingError, TypeError, AttributeError):
            self.seen.add(slug)
        if remember:
            _MEMORY[self._memo(slug)] = (files, values)

    def put_packed(self, slug: str, files: str, *packed: bytes, values: tuple[object, ...] = ()) -> None:
        """Values pickled and packed already (`pack`, by a worker process): this process only stores them.
        `values`, when given, are those read back: kept in memory too (a preview's next rebuild finds them)."""
        self.seen.add(slug)
        if len(values) == len(packed):
            _MEMORY[self._memo(slug)] = (files, values)
        else:
            _MEMORY.pop(self._memo(slug), None)
        self.pending[slug] = (files, packed)

    def save(self) -> None:
        """Write what changed for this context, drop trajectories that are gone; keep the few newest other contexts."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                for slug, (files, blobs) in self.pending.items():
                    self.db.execute(
                        "DELETE FROM waarde WHERE soort = ? AND context = ? AND slug = ?",
                        (self.namespace, self.context, slug),
                    )
                    self.db.executemany(
                        "INSERT INTO waarde VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [
                            (
                                self.namespace,
                                self.context,
                                slug,
                                deel,
                                files,
                                blob,
                                self._mac(self.namespace, self.context, slug, deel, files, blob),
                            )
                            for deel, blob in enumerate(blobs)
                        ],
                    )
                self.db.executemany(
                    "INSERT OR REPLACE INTO map VALUES (?, ?, ?, ?)",
                    [
                        (pad, kenmerk, files, self._mac("map", pad, kenmerk, files))
                        for pad, (kenmerk, files) in self.folders.items()
                    ],
                )
                stored = {
                    slug
                    for (slug,) in self.db.execute(
                        "SELECT DISTINCT slug FROM waarde WHERE soort = ? AND context = ?",
                        (self.namespace, self.context),
                    )
                }
                self.db.executemany(
                    "DELETE FROM waarde WHERE soort = ? AND context = ? AND slug = ?",
                    [(self.namespace, self.context, slug) for slug in sorted(stored - self.seen) if self.prune],
                )
                self.db.execute(
                    "INSERT OR REPLACE INTO context VALUES (?, ?, ?)", (self.namespace, self.context, time.time())
                )
                old = [
                    context
                    for (context,) in self.db.execute(
                        "SELECT context FROM context WHERE soort = ? ORDER BY gebruikt DESC", (self.namespace,)
                    )
                ][KEEP:]
                for context in old:
                    self.db.execute("DELETE FROM waarde WHERE soort = ? AND context = ?", (self.namespace, context))
                    self.db.execute("DELETE FROM context WHERE soort = ? AND context = ?", (self.namespace, context))
            self.pending.clear()
            self.folders.clear()
            self.loaded.clear()
            self.signatures = None
        except sqlite3.Error:
            pass
        finally:
            self.db.close()
            self.db = None
