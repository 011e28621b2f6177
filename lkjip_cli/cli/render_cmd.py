"""`lkjip render FILE`: the report's chapters as Markdown from Jinja2 templates.

Why the care around writing: the output is often written next to a report someone edited
by hand. So nothing is lost: the Markdown is rendered completely before anything is written,
then written to a temporary file in the target directory and moved into place with
`os.replace` (a crash leaves the old file or the new one, never half of one); the input file
is never overwritten; and an existing file that lkjip did not write (its first line lacks
lkjip's marker) is kept unless `--force`. Any error exits 2 with no output file.

jinja2 is imported only inside the command (through `render.markdown`), never at start-up.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli.cli.output import EXIT_INVALID, load_or_exit

#: How many bytes of an existing output file are read to find lkjip's marker.
BACA_PENANDA = 256


class Bab(StrEnum):
    dua = "2"
    tiga = "3"
    empat = "4"
    semua = "all"


def _gagal(pesan: str) -> typer.Exit:
    typer.echo(pesan, err=True)
    return typer.Exit(EXIT_INVALID)


def _pilih_bab(bab: Bab | None, tabel: list[str]) -> list[str]:
    if bab is not None and tabel:
        raise typer.BadParameter("pilih --bab atau --tabel, tidak keduanya",
                                 param_hint="--tabel")
    if tabel:
        return []
    if bab is None or bab is Bab.semua:
        from lkjip_cli.render.markdown import BAB

        return list(BAB)
    return [bab.value]


# ------------------------------------------------------------------------ the target


def _sama(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return a.exists() and b.exists() and os.path.samefile(a, b)
    return False


def ditulis_lkjip(path: Path) -> bool:
    """Whether an existing file begins with lkjip's marker line."""
    from lkjip_cli.render.markdown import PENANDA

    try:
        with path.open("rb") as handle:
            head = handle.read(BACA_PENANDA)
    except OSError:
        return False
    return head.startswith(PENANDA.encode("utf-8"))


def periksa_tujuan(out: Path, file: Path, force: bool) -> None:
    """Refuse the input file, a directory, and a foreign file without --force."""
    if _sama(out, file):
        raise _gagal(f"Tidak menulis {out}: itu berkas masukan; pilih nama lain untuk -o.")
    if out.is_dir():
        raise _gagal(f"Tidak menulis {out}: itu direktori; -o memerlukan nama berkas.")
    if out.exists() and not force and not ditulis_lkjip(out):
        raise _gagal(f"Tidak menimpa {out}: berkas itu tidak ditulis oleh lkjip. "
                     "Pakai --force untuk menimpanya.")


def tulis_atomik(path: Path, teks: str) -> None:
    """Write `teks` to a temporary file beside `path`, then move it into place."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    existing = path.stat().st_mode & 0o7777 if path.exists() else None
    # A new file gets 0o666 less the umask, as any editor would create it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(teks)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(tmp, existing)  # a replaced file keeps its mode
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ----------------------------------------------------------------------- the command


def render(
    file: Annotated[Path, typer.Argument(help="Berkas YAML laporan.", show_default=False)],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Berkas Markdown keluaran; `-` atau tanpa -o: "
                     "stdout.", show_default=False),
    ] = None,
    bab: Annotated[
        Bab | None,
        typer.Option("--bab", help="Bab yang dicetak (bawaan: all).", show_default=False),
    ] = None,
    tabel: Annotated[
        list[str] | None,
        typer.Option("--tabel", "-t", help="Hanya tabel ini (boleh diulang atau dipisah "
                     "koma)."),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option("--template-dir", help="Direktori templat yang menimpa templat bawaan "
                     "bernama sama.", exists=True, file_okay=False, dir_okay=True),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas keluaran yang tidak ditulis lkjip.")
    ] = False,
) -> None:
    """Cetak Bab II, III dan IV sebagai Markdown (GFM) dari templat Jinja2."""
    from lkjip_cli.cli.compute_cmd import parse_tabel
    from lkjip_cli.render.tabel import BUILDERS

    nomor = parse_tabel(tabel, list(BUILDERS))
    babs = _pilih_bab(bab, nomor)
    out = None if output in (None, "-") else Path(output)
    if out is not None:
        periksa_tujuan(out, file, force)
    teks = _render(file, babs, nomor, template_dir)
    if out is None:
        typer.echo(teks, nl=False)
        return
    try:
        tulis_atomik(out, teks)
    except OSError as exc:
        raise _gagal(f"Tidak dapat menulis {out}: {exc.strerror or exc}.") from None
    typer.echo(f"Ditulis: {out}", err=True)


def _render(file: Path, babs: list[str], nomor: list[str], template_dir: Path | None) -> str:
    """Load, compute and render; a template error is printed and exits 2."""
    result = load_or_exit(str(file))
    assert result.report is not None

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.markdown import GalatTemplat, render_markdown

    hasil = hitung(result.report)
    try:
        return render_markdown(hasil, bab=babs, tabel=nomor, template_dir=template_dir,
                               sumber=str(file))
    except GalatTemplat as exc:
        raise _gagal(str(exc)) from None


def register(app: typer.Typer) -> None:
    app.command("render")(render)
