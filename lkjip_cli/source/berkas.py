"""Reading an input file without hanging: only regular files are opened for reading.

Why: a report file or a template directory is often someone else's. A FIFO named like a
report (`laporan.yaml`) blocks `open()` forever waiting for a writer; a character device
(`/dev/zero`, `/dev/tty`) never ends or waits for a keyboard; a directory is not a file.
So every file lkjip reads (the report, a user's templates, a workbook to import, a reference
document, an existing output whose marker is checked) is opened by `buka_berkas_biasa`, which

- refuses anything but a regular file (symbolic links are followed, so a link to a regular
  file is fine and a link to a FIFO is not) *before* opening it, by `os.stat`;
- then opens it with `O_NONBLOCK` (opening a FIFO that way never waits) and checks the
  opened descriptor with `fstat`, so a file swapped for a FIFO between the two steps is
  refused too, never read;
- hands back the opened file, still non-blocking (a `/proc` file that would wait for
  data, regular by its type, fails instead of waiting).

`baca_berkas_biasa` reads at most `batas` bytes of it, and `baca_biner_biasa` refuses a file
larger than its limit without reading past it; a workbook or a document is read once into
memory this way, and every later step (the zip, openpyxl, python-docx) works on those bytes,
so nothing reopens the path after it was checked.

`-` is not standard input: lkjip reads named files only (a report is also needed by name for
its diagnostics and for the rule that an output never overwrites its input).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from lkjip_cli.diagnostics import Diagnostic

#: Flags for opening an input: never block on a FIFO, never become a controlling terminal.
#: (`getattr`: Windows has none of them and no FIFOs to fear; `O_BINARY` keeps bytes exact.)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BUKA = (os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
         | getattr(os, "O_BINARY", 0))


#: How to fix a refused input.
SARAN_BACA = ("lkjip hanya membaca berkas biasa: simpan isinya ke sebuah berkas lalu beri "
              "nama berkas itu")


class BukanBerkasBiasa(OSError):
    """The path names something that is not a regular file (a FIFO, a device, a directory)."""

    def __init__(self, path: str | os.PathLike[str], jenis: str, saran: str = SARAN_BACA) -> None:
        self.jenis = jenis
        super().__init__(f"bukan berkas biasa melainkan {jenis}; {saran}")
        self.berkas = os.fspath(path)


def jenis_berkas(mode: int) -> str:
    """What a `st_mode` names, in the words of the messages ("FIFO", "direktori", ...)."""
    if stat.S_ISDIR(mode):
        return "direktori"
    if stat.S_ISFIFO(mode):
        return "FIFO (pipa bernama)"
    if stat.S_ISCHR(mode):
        return "perangkat karakter"
    if stat.S_ISBLK(mode):
        return "perangkat blok"
    if stat.S_ISSOCK(mode):
        return "soket"
    if stat.S_ISREG(mode):
        return "berkas biasa"
    return "berkas khusus"


def pastikan_biasa(mode: int, path: str | os.PathLike[str]) -> None:
    """Raise `BukanBerkasBiasa` unless `mode` is a regular file's."""
    if not stat.S_ISREG(mode):
        raise BukanBerkasBiasa(path, jenis_berkas(mode))


def buka_berkas_biasa(path: str | os.PathLike[str]) -> BinaryIO:
    """The regular file `path`, opened for reading (unbuffered, seekable); anything else
    raises an OSError (`BukanBerkasBiasa` for a FIFO, device, socket or directory) without
    blocking. For a reader that needs only part of a file (the properties of an output)."""
    pastikan_biasa(os.stat(path).st_mode, path)
    fd = os.open(path, _BUKA)
    try:
        pastikan_biasa(os.fstat(fd).st_mode, path)
    except BaseException:
        os.close(fd)
        raise
    # O_NONBLOCK stays: a regular file ignores it, and a "regular" file that would block
    # on read (`/proc/kmsg`) raises BlockingIOError, an OSError, instead of waiting.
    return os.fdopen(fd, "rb", buffering=0)


def baca_berkas_biasa(path: str | os.PathLike[str], batas: int) -> bytes:
    """At most `batas` bytes of the regular file `path`; anything else raises an OSError
    (`BukanBerkasBiasa` for a FIFO, device, socket or directory) without blocking."""
    with buka_berkas_biasa(path) as berkas:
        potongan: list[bytes] = []
        sisa = batas
        while sisa > 0:
            # os.read raises BlockingIOError where FileIO.read would return None
            data = os.read(berkas.fileno(), min(sisa, 1 << 20))
            if not data:
                break
            potongan.append(data)
            sisa -= len(data)
        return b"".join(potongan)


def baca_biner_biasa(path: str | os.PathLike[str], batas: int) -> bytes:
    """The bytes of a regular file of at most `batas` bytes (a workbook, a document); a
    larger file raises `BerkasTerlaluBesar` after `batas + 1` bytes, a non-regular one
    `BukanBerkasBiasa`."""
    raw = baca_berkas_biasa(path, batas + 1)
    if len(raw) > batas:
        raise BerkasTerlaluBesar(path, batas)
    return raw


def baca_teks_biasa(path: str | os.PathLike[str], batas: int) -> str:
    """The UTF-8 text of a regular file of at most `batas` bytes (templates); a larger
    file raises `BerkasTerlaluBesar`, a non-regular one `BukanBerkasBiasa`."""
    return baca_biner_biasa(path, batas).decode("utf-8")


class BerkasTerlaluBesar(OSError):
    """A file read whole (a template, a workbook) is larger than lkjip's limit for it."""

    def __init__(self, path: str | os.PathLike[str], batas: int) -> None:
        super().__init__(f"berkas lebih besar dari batas {batas} byte")
        self.berkas = os.fspath(path)
        self.batas = batas


def diagnostik_baca(file: str, exc: OSError) -> Diagnostic:
    """The one diagnostic for a file that could not be read: lkjip's own refusals (a FIFO,
    a device, a file over its limit: OSErrors without an errno, already in Indonesian) as
    they are, the system's errors with their Indonesian reason (`berkas tidak ditemukan`)."""
    from lkjip_cli.diagnostics import Diagnostic, Severity
    from lkjip_cli.pesan import alasan_os

    code = "too-large" if isinstance(exc, BerkasTerlaluBesar) else "io"
    pesan = str(exc) if exc.errno is None else f"berkas tidak dapat dibaca: {alasan_os(exc)}"
    return Diagnostic(file, None, None, Severity.ERROR, code, pesan)


#: What `Path.exists` also reads as "not there": missing, a file as a parent, a link loop.
_TIDAK_ADA = {errno.ENOENT, errno.ENOTDIR, errno.ELOOP}


def ada_dan_bukan_biasa(path: Path) -> str | None:
    """What `path` names when it exists and is not a regular file (following links), else
    None; a dangling link or a missing path is None (there is nothing to replace)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno in _TIDAK_ADA:
            return None
        raise
    return None if stat.S_ISREG(mode) else jenis_berkas(mode)
