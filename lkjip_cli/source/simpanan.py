"""A per-user cache of bytes keyed by their content, for results costly to make again.

Why these rules: a cached result (a chart) goes into a document the user publishes, and
nothing but this lkjip may have written it. So the cache lives in one directory only this
user can write, `$LKJIP_CACHE`, else `$XDG_CACHE_HOME/lkjip`, else `~/.cache/lkjip`; each of
its directories is created 0700 and used only when it is a real directory (not a link) owned
by this user, tightened to 0700 when the user's own; any other directory means no cache, never
a refusal. An entry is read only as a regular file owned by this user (not through a link),
under `MAKS_BAIT`, and carries the SHA-256 of its content, so a truncated or damaged entry
is ignored (and made again); it is written to a temporary file in the same directory and
renamed into place, so a reader never sees half of one, and two processes writing the same
key write the same bytes. Keys are digests of everything the result depends on, made by the
caller (the drawing code, the library versions, the data), so an entry is never stale: a
change makes a new key. A namespace keeps at most `MAKS_ENTRI` entries, the oldest pruned.

`LKJIP_CACHE=0` turns the cache off (the test suite does, and tests of the cache point it at
a temporary directory). Every failure to read or write is a cache miss: the cache can make
lkjip faster, never make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

#: The environment variable naming the cache directory, or `0` for no cache.
VARIABEL = "LKJIP_CACHE"
MATI = ("0", "off", "tidak")
#: The largest entry read back; a chart is tens of kilobytes.
MAKS_BAIT = 16 * 2**20
#: The most entries a namespace keeps; the oldest go first.
MAKS_ENTRI = 1000
#: The first line of every entry, then the SHA-256 (hex) of the content, then the content.
KEPALA = b"lkjip-simpanan 1\n"


def direktori_dasar() -> Path | None:
    """The cache's root as configured, or None when it is turned off."""
    nilai = os.environ.get(VARIABEL, "")
    if nilai.strip().lower() in MATI:
        return None
    if nilai:
        return Path(nilai)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "lkjip"
    rumah = Path(os.path.expanduser("~"))
    return rumah / ".cache" / "lkjip" if rumah.is_absolute() else None  # no home: no cache


def _milik_sendiri(path: Path) -> bool:
    """A directory (not a link) owned by this user, left readable and writable by it alone."""
    try:
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
            return False
        if stat.S_IMODE(st.st_mode) != 0o700:
            os.chmod(path, 0o700)
    except OSError:
        return False
    return True


class Simpanan:
    """One namespace of the cache (`grafik`): `ambil(kunci)` and `simpan(kunci, isi)`."""

    def __init__(self, nama: str, dasar: Path | None = None) -> None:
        self.dasar = dasar if dasar is not None else direktori_dasar()
        self.nama = nama
        self._dir: Path | None = None
        self._siap = False

    def direktori(self) -> Path | None:
        """The namespace's directory, created and checked once; None: no cache."""
        if not self._siap:
            self._siap = True
            self._dir = self._buat()
        return self._dir

    def _buat(self) -> Path | None:
        if self.dasar is None:
            return None
        path = self.dasar / self.nama
        try:
            self.dasar.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            for d in (self.dasar, path):
                with contextlib.suppress(FileExistsError):
                    d.mkdir(mode=0o700)
                if not _milik_sendiri(d):
                    return None
        except OSError:
            return None
        return path

    def ambil(self, kunci: str) -> bytes | None:
        """The content stored under `kunci`, or None (absent, not ours, damaged)."""
        d = self.direktori()
        if d is None:
            return None
        try:
            fd = os.open(d / kunci, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() \
                    or st.st_size > MAKS_BAIT:
                return None
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read(MAKS_BAIT + 1)
        except OSError:
            return None
        finally:
            os.close(fd)
        return _isi(data)

    def simpan(self, kunci: str, isi: bytes) -> None:
        """Store `isi` under `kunci` atomically; a failure is silent (a later miss)."""
        d = self.direktori()
        if d is None or len(isi) > MAKS_BAIT:
            return
        data = KEPALA + hashlib.sha256(isi).hexdigest().encode() + b"\n" + isi
        try:
            fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, d / kunci)
            except BaseException:
                os.unlink(tmp)
                raise
            _pangkas(d)
        except OSError:
            return


def _isi(data: bytes) -> bytes | None:
    """An entry's content when its digest matches, else None."""
    if not data.startswith(KEPALA):
        return None
    digest, sep, isi = data[len(KEPALA):].partition(b"\n")
    if not sep or hashlib.sha256(isi).hexdigest().encode() != digest:
        return None
    return isi


def _pangkas(d: Path) -> None:
    """Keep at most `MAKS_ENTRI` entries in the directory, the least recently written go."""
    entri = [e for e in os.scandir(d) if e.is_file(follow_symlinks=False)]
    if len(entri) <= MAKS_ENTRI:
        return
    entri.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns)
    for e in entri[:len(entri) - MAKS_ENTRI]:
        with contextlib.suppress(OSError):
            os.unlink(e.path)


def kunci(*bagian: str | bytes) -> str:
    """A key from everything a result depends on: the SHA-256 of the parts, each framed by
    its length (so that no two lists of parts give the same bytes)."""
    h = hashlib.sha256()
    for b in bagian:
        data = b.encode() if isinstance(b, str) else b
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()
