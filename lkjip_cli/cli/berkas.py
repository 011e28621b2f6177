"""Where lkjip writes files, and what it refuses to write over: one policy for every command.

Why: lkjip's output is often written beside a report someone edited by hand, so nothing may
be lost. Every command that writes a file (`render -o`, `compute --out-dir`, `export`,
`init`, `import -o`) therefore shares these rules:

- everything is produced before anything is written, and every target is checked before
  the first one is written, so a refusal writes nothing;
- each file is written to a temporary file in its own directory and moved into place with
  `os.replace` (a crash leaves the old file or the new one, never half of one); a replaced
  file keeps its permissions;
- the input file is never a target, not even through a symbolic or hard link;
- a directory is never a file target;
- an existing file is replaced only if lkjip wrote it (its first line carries lkjip's
  marker; a Word or Excel file names lkjip as its creator in its document properties, a PDF
  as its author, which LibreOffice copies from the Word document) or
  with `--force`; a format with no room for a marker (CSV) is never replaced without
  `--force`;
- only a regular file is ever replaced, even with `--force`: a FIFO, a device node
  (`/dev/null`), a socket or a directory, or a symbolic link to one, is refused before
  anything is opened (reading the marker of a FIFO would block forever, and renaming over
  `/dev/null` as root would replace the device), and checked again just before the rename;
- a symbolic link is never replaced nor written through, even with `--force`: a link in a
  repository from others may point at `~/.bashrc`, and `/dev/stdout` is a link that root
  would otherwise replace with a file;
- SIGTERM and SIGHUP (when they have their default action) remove the temporary files as
  SIGINT does, then end the process by the same signal; while the temporary files are moved
  into place those signals wait, so a signal leaves every target old or every target new.

Every refusal and every OSError (permission denied, missing directory, ...) becomes one line
on stderr and exit 2 (`EXIT_INVALID`), never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

import typer

from lkjip_cli.cli.output import EXIT_INVALID
from lkjip_cli.diagnostics import aman_terminal
from lkjip_cli.source.berkas import (
    BukanBerkasBiasa,
    ada_dan_bukan_biasa,
    baca_berkas_biasa,
    buka_berkas_biasa,
)

#: How many bytes of an existing file are read to find lkjip's marker.
BACA_PENANDA = 256

#: The creator lkjip writes into the core properties of a DOCX or XLSX file.
PEMBUAT_OFFICE = "lkjip"

#: The largest `docProps/core.xml` read to find the creator (a real one is under 2 KB).
BACA_PROPERTI = 64 * 1024

#: How a PDF made from lkjip's Word document names its author (LibreOffice writes the
#: document's author as UTF-16 in the PDF's Info dictionary, near the end of the file).
PENULIS_PDF = (b"/Author<FEFF006C006B006A00690070>", b"/Author(lkjip)")
#: How many bytes at the end of a PDF are read to find it.
BACA_EKOR_PDF = 64 * 1024

#: lkjip's own output: a marker line (text formats) or a test on the file (Office formats).
Penanda = str | Callable[[Path], bool]


def gagal(pesan: str) -> typer.Exit:
    """Print a one-line refusal on stderr; the caller raises the returned exit (code 2).
    A file name's control characters (a newline too) are shown escaped."""
    typer.echo(aman_terminal(pesan), err=True)
    return typer.Exit(EXIT_INVALID)


def _alasan(exc: OSError) -> str:
    from lkjip_cli.pesan import alasan_os

    return alasan_os(exc)


# ---------------------------------------------------------------------------- checks


def sama(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path, or a link to it."""
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return a.exists() and b.exists() and os.path.samefile(a, b)
    return False


def ditulis_lkjip(path: Path, penanda: str) -> bool:
    """Whether an existing file begins with lkjip's marker line."""
    try:
        head = baca_berkas_biasa(path, BACA_PENANDA)  # never blocks on a FIFO
    except OSError:
        return False
    return head.startswith(penanda.encode("utf-8"))


_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


def ditulis_lkjip_office(path: Path) -> bool:
    """Whether an existing DOCX or XLSX file names lkjip as its creator (core properties).

    Read with zipfile, not python-docx or openpyxl: the check runs before anything heavy is
    imported, and only a small part (a few KB) of an untrusted file is ever read, from the
    file opened by lkjip's reader of regular files (a file swapped for a FIFO since it was
    checked is refused, never waited on). zipfile and ElementTree are imported here, by the
    commands that write Office files only (start-up of the others, issue 24).
    """
    import zipfile
    from xml.etree import ElementTree

    try:
        with buka_berkas_biasa(path) as berkas, zipfile.ZipFile(berkas) as arsip:
            info = arsip.getinfo("docProps/core.xml")
            if info.file_size > BACA_PROPERTI:
                return False
            creator = ElementTree.fromstring(arsip.read(info)).find(_DC_CREATOR)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError,
            ElementTree.ParseError):
        return False
    return creator is not None and (creator.text or "").strip() == PEMBUAT_OFFICE


def ditulis_lkjip_pdf(path: Path) -> bool:
    """Whether an existing PDF names lkjip as its author (only its start and last 64 KB are
    read, from the file opened by lkjip's reader of regular files)."""
    try:
        with buka_berkas_biasa(path) as berkas:
            if berkas.read(5) != b"%PDF-":
                return False
            ukuran = berkas.seek(0, os.SEEK_END)
            berkas.seek(max(ukuran - BACA_EKOR_PDF, 0))
            ekor = berkas.read(BACA_EKOR_PDF)
    except (OSError, ValueError):
        return False
    return any(p in ekor for p in PENULIS_PDF)


def _milik_lkjip(out: Path, penanda: Penanda) -> bool:
    return penanda(out) if callable(penanda) else ditulis_lkjip(out, penanda)


def _salah_satu(out: Path, masukan: Path | Sequence[Path]) -> bool:
    """Whether `out` is the input file, or one of many (only an existing file can be)."""
    if isinstance(masukan, Path):
        return sama(out, masukan)
    return out.exists() and any(sama(out, m) for m in masukan)


def _periksa(out: Path, masukan: Path | Sequence[Path], force: bool, penanda: Penanda | None,
             opsi: str | None) -> None:
    if _salah_satu(out, masukan):
        saran = f"; pilih nama lain untuk {opsi}" if opsi else ""
        raise gagal(f"Tidak menulis {out}: itu berkas masukan{saran}.")
    jenis = ada_dan_bukan_biasa(out)
    if jenis == "direktori":
        saran = f"; {opsi} memerlukan nama berkas" if opsi else ", bukan berkas"
        raise gagal(f"Tidak menulis {out}: itu direktori{saran}.")
    if jenis is not None:
        raise gagal(f"Tidak menimpa {out}: itu {jenis}, bukan berkas biasa; lkjip hanya "
                    "menimpa berkas biasa, juga dengan --force. Pilih nama berkas lain.")
    if out.is_symlink():
        raise gagal(f"Tidak menimpa {out}: itu tautan simbolik; lkjip tidak mengganti tautan "
                    "dan tidak menulis lewat tautan, juga dengan --force. Pilih nama berkas "
                    "lain, atau hapus tautannya.")
    if not out.exists() or force:
        return
    if penanda is None:
        raise gagal(f"Tidak menimpa {out}: berkas itu sudah ada. "
                    "Pakai --force untuk menimpanya.")
    if not _milik_lkjip(out, penanda):
        raise gagal(f"Tidak menimpa {out}: berkas itu tidak ditulis oleh lkjip. "
                    "Pakai --force untuk menimpanya.")


def periksa_tujuan(out: Path, masukan: Path | Sequence[Path], *, force: bool,
                   penanda: Penanda | None, opsi: str | None) -> None:
    """Refuse (exit 2) the input file (or any of several), a directory, and an existing file
    without --force.

    `penanda` is the first line of lkjip's own output in this format (or a test that the
    file is lkjip's, for Office files), or None when the format has no room for it (then
    any existing file needs --force). `opsi` is the option the user named the file with
    (`-o`), for the hint; None when lkjip chose the name.
    """
    try:
        _periksa(out, masukan, force, penanda, opsi)
    except OSError as exc:
        raise gagal(f"Tidak dapat memeriksa {out}: {_alasan(exc)}.") from None


def periksa_direktori(out_dir: Path, opsi: str) -> None:
    """Refuse (exit 2) an existing path that is not a directory."""
    try:
        bukan = out_dir.exists() and not out_dir.is_dir()
    except OSError as exc:
        raise gagal(f"Tidak dapat memeriksa {out_dir}: {_alasan(exc)}.") from None
    if bukan:
        raise gagal(f"Tidak menulis ke {out_dir}: itu berkas, bukan direktori; {opsi} "
                    "memerlukan direktori.")


def buat_direktori(out_dir: Path) -> None:
    """Create `out_dir` and its parents if missing; an OSError exits 2."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise gagal(f"Tidak dapat membuat direktori {out_dir}: {_alasan(exc)}.") from None


# --------------------------------------------------------------------------- writing


def _sementara(path: Path, teks: str | bytes, temps: list[Path]) -> None:
    """`teks` (text, or a binary file's bytes) in a new temporary file beside `path`, flushed
    to disk, with `path`'s mode; its name is added to `temps` in the same breath as it is
    created (signals held), so no signal can leave a file that the cleanup does not know."""
    import secrets  # not at start-up: only a command that writes pays for it

    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    existing = path.stat().st_mode & 0o7777 if path.exists() else None
    with _sinyal_ditahan():
        # A new file gets 0o666 less the umask, as any editor would create it.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        temps.append(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(teks if isinstance(teks, bytes) else teks.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(tmp, existing)  # a replaced file keeps its mode
    except BaseException:
        _hapus(tmp)
        raise


def _hapus(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


@contextlib.contextmanager
def _bersihkan(temps: list[Path]) -> Iterator[None]:
    """Remove every temporary file still left when the block fails."""
    try:
        yield
    except BaseException:
        for tmp in temps:
            _hapus(tmp)
        raise


#: Signals that end lkjip while it writes: their temporary files are removed first.
SINYAL_BERSIH = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


class _Dihentikan(BaseException):
    """Raised by the handler of a terminating signal so that cleanup blocks run."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _tangkap(signum: int, frame: FrameType | None) -> None:
    raise _Dihentikan(signum)


@contextlib.contextmanager
def _sinyal_membersihkan() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception inside the block, then die by the signal.

    Only signals left at their default action are taken over: under `nohup` SIGHUP stays
    ignored, and a program that embeds lkjip keeps its own handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    lama = {s: signal.getsignal(s) for s in SINYAL_BERSIH}
    diambil = [s for s, h in lama.items() if h is signal.SIG_DFL]
    for s in diambil:
        signal.signal(s, _tangkap)
    try:
        yield
    except _Dihentikan as exc:
        for s in diambil:
            signal.signal(s, signal.SIG_DFL)
        diambil = []
        signal.raise_signal(exc.signum)  # the default action: the process ends here
        raise SystemExit(128 + exc.signum) from None
    finally:
        for s in diambil:
            signal.signal(s, signal.SIG_DFL)


@contextlib.contextmanager
def _sinyal_ditahan() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the files are moved into place: a signal then
    arrives after the last rename, never between two."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    tahan = {signal.SIGINT, *SINYAL_BERSIH}
    lama = signal.pthread_sigmask(signal.SIG_BLOCK, tahan)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, lama)


def tulis_semua(berkas: Sequence[tuple[Path, str | bytes]]) -> None:
    """Write each (path, text or bytes) atomically; an OSError prints one line and exits 2.

    Every temporary file is written first and only then moved into place, so a failure
    while writing (a full disk, a read-only directory) leaves every target as it was.
    """
    temps: list[Path] = []
    out = Path()
    try:
        with _sinyal_membersihkan(), _bersihkan(temps):
            for out, teks in berkas:
                _sementara(out, teks, temps)
            for out, _ in berkas:  # swapped for a FIFO or device since it was checked?
                jenis = "tautan simbolik" if out.is_symlink() else ada_dan_bukan_biasa(out)
                if jenis is not None:
                    raise BukanBerkasBiasa(out, jenis, "lkjip hanya menimpa berkas biasa")
            with _sinyal_ditahan():
                for (out, _), tmp in zip(berkas, temps, strict=True):
                    os.replace(tmp, out)
    except OSError as exc:
        raise gagal(f"Tidak dapat menulis {out}: {_alasan(exc)}.") from None


def tulis_atomik(path: Path, teks: str | bytes) -> None:
    """Write one file atomically (see `tulis_semua`)."""
    tulis_semua([(path, teks)])
