"""`lkjip import BUKU.xlsx [-o OUT.yaml]`: a data-entry workbook to a report file.

Every problem of the workbook is printed with its sheet and cell, all at once, in the same
diagnostic format and codes as `lkjip validate`; with any error nothing is written (exit 2).
The YAML is validated by the normal loader before it is written, under the policy of
`cli/berkas.py`: an existing file is replaced only if a previous import wrote it (its first
line is `buku.impor.PENANDA`) or with `--force`. openpyxl is imported only inside the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.berkas import periksa_tujuan, tulis_atomik
from lkjip_cli.cli.output import (
    EXIT_INVALID,
    DiagnosticFormat,
    FormatOpt,
    print_diagnostics,
)


def import_(
    buku: Annotated[Path, typer.Argument(help="Buku kerja isian (.xlsx, docs/excel.md).",
                                         metavar="BUKU", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Berkas YAML keluaran; tanpa -o: stdout.", metavar="BERKAS",
        show_default=False)] = None,
    fmt: FormatOpt = DiagnosticFormat.text,
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa berkas keluaran yang tidak ditulis `lkjip import`.",
        metavar="")] = False,
    rekening: Annotated[str | None, typer.Option(
        "--rekening", help="Baca pohon anggaran dari lembar kode rekening ini (SIPD, disalin "
        "ke buku isian), bukan dari lembar Program Kegiatan.", metavar="LEMBAR",
        show_default=False)] = None,
    kolom: Annotated[list[str] | None, typer.Option(
        "--kolom", help="Untuk --rekening: kolom lembar itu, KUNCI=JUDUL atau KUNCI=HURUF "
        "(kunci: kode, uraian, pagu, pagu_murni, realisasi); yang tidak diberi dikenali dari "
        "judulnya.", metavar="KUNCI=JUDUL", show_default=False)] = None,
) -> None:
    """Impor buku kerja Excel isian menjadi berkas YAML laporan (yang sudah divalidasi)."""
    from lkjip_cli.buku.impor import PENANDA, impor
    from lkjip_cli.buku.rekening import JUDUL_REKENING, PilihanRekening

    if kolom and rekening is None:
        raise typer.BadParameter("hanya bersama --rekening", param_hint="--kolom")
    peta: dict[str, str] = {}
    for teks in kolom or []:
        kunci, _, nilai = teks.partition("=")
        if kunci.strip() not in JUDUL_REKENING or not nilai.strip():
            raise typer.BadParameter(f"`{teks}`: tulis KUNCI=JUDUL atau KUNCI=HURUF, kunci "
                                     f"salah satu dari {', '.join(JUDUL_REKENING)}",
                                     param_hint="--kolom")
        peta[kunci.strip()] = nilai.strip()
    if output is not None:
        periksa_tujuan(output, buku, force=force, penanda=PENANDA, opsi="-o")
    hasil = impor(buku, rekening=PilihanRekening(rekening, peta) if rekening else None)
    print_diagnostics(hasil.diagnostics, fmt)
    if hasil.teks is None:
        raise typer.Exit(EXIT_INVALID)
    if output is None:
        typer.echo(hasil.teks, nl=False)
        return
    tulis_atomik(output, hasil.teks)
    typer.echo(f"Ditulis: {output}", err=True)


def register(app: typer.Typer) -> None:
    daftarkan(app, "import", import_,
              "lkjip import isian.xlsx -o laporan.yaml",
              "lkjip import isian.xlsx",
              "lkjip import isian.xlsx --rekening \"Realisasi SIPD\" -o laporan.yaml")
