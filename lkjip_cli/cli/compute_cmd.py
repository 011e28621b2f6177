"""`lkjip compute BERKAS`: every figure of Bab III, as rich tables, JSON or CSV.

Why `--out-dir` is careful: CSV files are written under the policy of `cli/berkas.py`
(atomic, never the input file, checked before any is written). A CSV file has no room for
the marker that lets `lkjip render` recognise its own output, so an existing CSV file is
never replaced without `--force`: it may be a spreadsheet someone has since edited.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.berkas import buat_direktori, periksa_direktori, periksa_tujuan, tulis_semua
from lkjip_cli.cli.opsi import parse_tabel, tabel_laporan
from lkjip_cli.cli.output import (
    EXIT_INVALID,
    SatuBerkasArg,
    cetak_data,
    cetak_peringatan,
    load_or_exit,
)
from lkjip_cli.diagnostics import aman_terminal

if TYPE_CHECKING:
    from lkjip_cli.model.laporan import Aturan
    from lkjip_cli.tabel import Tabel


class Lokal(StrEnum):
    mesin = "mesin"
    id = "id"


class ComputeFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def compute(
    file: SatuBerkasArg,
    tabel: Annotated[
        list[str] | None,
        typer.Option("--tabel", "-t", help="Nomor tabel (boleh diulang atau dipisah koma).",
                     metavar="NOMOR"),
    ] = None,
    fmt: Annotated[
        ComputeFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")
    ] = ComputeFormat.table,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", help="Untuk --format csv: tulis satu berkas per tabel.",
                     metavar="DIR"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Untuk --out-dir: timpa berkas CSV yang sudah ada.",
                           metavar="")  # a flag: no <bool>
    ] = False,
    locale: Annotated[
        Lokal, typer.Option("--locale", help="Untuk --format csv: `id` untuk Excel berbahasa "
                            "Indonesia (`;`, koma desimal, dibulatkan seperti dicetak).")
    ] = Lokal.mesin,
    bandingkan: Annotated[
        bool, typer.Option("--bandingkan", help="Tampilkan angka utama laporan menurut aturan "
                           "lain yang dapat dipilihnya (rumus negatif, batas atas, dasar dan "
                           "metode rata-rata, metode efisiensi, pembulatan), berdampingan "
                           "dengan aturan laporan sendiri.", metavar="")
    ] = False,
) -> None:
    """Hitung dan tampilkan tabel Bab III (Tabel 3.4 s/d 3.13) atau tabel yang dipilih."""
    from lkjip_cli.tabel import BAB_III, BUILDERS

    nomor = parse_tabel(tabel, list(BUILDERS)) or list(BAB_III)
    if fmt is not ComputeFormat.csv and (out_dir is not None or force):
        raise typer.BadParameter("--out-dir dan --force hanya untuk --format csv",
                                 param_hint="--out-dir")
    if fmt is not ComputeFormat.csv and locale is not Lokal.mesin:
        raise typer.BadParameter("--locale hanya untuk --format csv", param_hint="--locale")
    if fmt is ComputeFormat.csv and out_dir is not None:
        periksa_direktori(out_dir, "--out-dir")
    result = load_or_exit(str(file), peringatan_nanti=True)
    assert result.report is not None
    nomor = tabel_laporan(nomor, result.report.penomoran)

    from lkjip_cli.engine import hitung
    from lkjip_cli.tabel import bangun

    hasil = hitung(result.report)
    if bandingkan:
        from lkjip_cli.engine.bandingkan import bandingkan as hitung_varian
        from lkjip_cli.render.teks.bandingkan import tabel_bandingkan

        if tabel:
            raise typer.BadParameter("--bandingkan mencetak satu tabel perbandingan; jangan "
                                     "dipakai bersama --tabel", param_hint="--tabel")
        tables = [tabel_bandingkan(hitung_varian(result.report))]
    else:
        tables = bangun(hasil, nomor)
    if fmt is ComputeFormat.json:
        from lkjip_cli.render.teks.ekspor import to_json

        typer.echo(to_json(hasil, tables))
    elif fmt is ComputeFormat.csv:
        aturan = hasil.laporan.aturan if locale is Lokal.id else None
        _write_csv(tables, out_dir, Path(file), force, aturan)
    else:
        from lkjip_cli.render.teks.terminal import console_for_output, print_tables

        print_tables(console_for_output(), tables, hasil.laporan.aturan)
    cetak_peringatan(result)


def _write_csv(tables: list[Tabel], out_dir: Path | None, file: Path, force: bool,
               aturan: Aturan | None) -> None:
    from lkjip_cli.render.teks.ekspor import to_csv

    if out_dir is None:
        if len(tables) != 1:
            typer.echo("--format csv mencetak satu tabel: pilih satu --tabel, atau beri "
                       "--out-dir untuk menulis satu berkas per tabel.", err=True)
            raise typer.Exit(EXIT_INVALID)
        cetak_data(to_csv(tables[0], aturan))
        return
    berkas = [(out_dir / nama_csv(t), to_csv(t, aturan)) for t in tables]
    for path, _ in berkas:
        periksa_tujuan(path, file, force=force, penanda=None, opsi=None)
    buat_direktori(out_dir)
    tulis_semua(berkas)
    for path, _ in berkas:
        typer.echo(aman_terminal(str(path)))


def nama_csv(t: Tabel) -> str:
    """`tabel-3.5.csv`, or `tabel-3.11-efisiensi.csv` for one part of a table."""
    return f"tabel-{t.nomor}" + (f"-{t.bagian}" if t.bagian else "") + ".csv"


def register(app: typer.Typer) -> None:
    daftarkan(app, "compute", compute,
              "lkjip compute data/2020.yaml",
              "lkjip compute data/2020.yaml --tabel 3.5",
              "lkjip compute data/2020.yaml --format json > hasil.json",
              "lkjip compute data/2020.yaml --bandingkan")
