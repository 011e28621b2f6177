"""Where lkjip writes files, and what it refuses to write over: one policy for every command.

Why: lkjip's output is often written beside a report someone edited by hand, so nothing may
be lost. `lkjip render -o` and `lkjip compute --out-dir` therefore share these rules:

- everything is produced before anything is written, and every target is checked before
  the first one is written, so a refusal writes nothing;
- each file is written to a temporary file in its own directory and moved into place with
  `os.replace` (a crash leaves the old file or the new one, never half of one); a replaced
  file keeps its permissions;
- the input file is never a target, not even through a symbolic or hard link;
- a directory is never a file target;
- an existing file is replaced only if lkjip wrote it (its first line carries lkjip's
  marker) or with `--force`; a format with no room for a marker (CSV) is never replaced
  without `--force`.

Every refusal and every OSError (permission denied, missing directory, ...) becomes one line
on stderr and exit 2 (`EXIT_INVALID`), never a traceback.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import typer

from lkjip_cli.cli.output import EXIT_INVALID

#: How many bytes of an existing file are read to find lkjip's marker.
BACA_PENANDA = 256


def gagal(pesan: str) -> typer.Exit:
    """Print a one-line refusal on stderr; the caller raises the returned exit (code 2)."""
    typer.echo(pesan, err=True)
    return typer.Exit(EXIT_INVALID)


def _alasan(exc: OSError) -> str:
    return exc.strerror or str(exc)


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
        with path.open("rb") as handle:
            head = handle.read(BACA_PENANDA)
    except OSError:
        return False
    return head.startswith(penanda.encode("utf-8"))


def _salah_satu(out: Path, masukan: Path | Sequence[Path]) -> bool:
    """Whether `out` is the input file, or one of many (only an existing file can be)."""
    if isinstance(masukan, Path):
        return sama(out, masukan)
    return out.exists() and any(sama(out, m) for m in masukan)


def _periksa(out: Path, masukan: Path | Sequence[Path], force: bool, penanda: str | None,
             opsi: str | None) -> None:
    if _salah_satu(out, masukan):
        saran = f"; pilih nama lain untuk {opsi}" if opsi else ""
        raise gagal(f"Tidak menulis {out}: itu berkas masukan{saran}.")
    if out.is_dir():
        saran = f"; {opsi} memerlukan nama berkas" if opsi else ", bukan berkas"
        raise gagal(f"Tidak menulis {out}: itu direktori{saran}.")
    if not out.exists() or force:
        return
    if penanda is None:
        raise gagal(f"Tidak menimpa {out}: berkas itu sudah ada. "
                    "Pakai --force untuk menimpanya.")
    if not ditulis_lkjip(out, penanda):
        raise gagal(f"Tidak menimpa {out}: berkas itu tidak ditulis oleh lkjip. "
                    "Pakai --force untuk menimpanya.")


def periksa_tujuan(out: Path, masukan: Path | Sequence[Path], *, force: bool,
                   penanda: str | None, opsi: str | None) -> None:
    """Refuse (exit 2) the input file (or any of several), a directory, and an existing file
    without --force.

    `penanda` is the first line of lkjip's own output in this format, or None when the format
    has no room for it (then any existing file needs --force). `opsi` is the option the user
    named the file with (`-o`), for the hint; None when lkjip chose the name.
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


def _sementara(path: Path, teks: str | bytes) -> Path:
    """`teks` (text, or the bytes of a binary format such as XLSX) in a new temporary file
    beside `path`, flushed to disk, with `path`'s mode."""
    import secrets  # not at start-up: only a command that writes pays for it

    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    existing = path.stat().st_mode & 0o7777 if path.exists() else None
    # A new file gets 0o666 less the umask, as any editor would create it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        data = teks.encode("utf-8") if isinstance(teks, str) else teks
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(tmp, existing)  # a replaced file keeps its mode
    except BaseException:
        _hapus(tmp)
        raise
    return tmp


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


def tulis_semua(berkas: Sequence[tuple[Path, str | bytes]]) -> None:
    """Write each (path, text) atomically; an OSError prints one line and exits 2.

    Every temporary file is written first and only then moved into place, so a failure
    while writing (a full disk, a read-only directory) leaves every target as it was.
    """
    temps: list[Path] = []
    out = Path()
    try:
        with _bersihkan(temps):
            for out, teks in berkas:
                temps.append(_sementara(out, teks))
            for (out, _), tmp in zip(berkas, temps, strict=True):
                os.replace(tmp, out)
    except OSError as exc:
        raise gagal(f"Tidak dapat menulis {out}: {_alasan(exc)}.") from None


def tulis_atomik(path: Path, teks: str | bytes) -> None:
    """Write one file atomically (see `tulis_semua`)."""
    tulis_semua([(path, teks)])
