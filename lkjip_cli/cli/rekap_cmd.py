"""`lkjip rekap PATH...`: one row per report across agencies and years (`lkjip_cli.banyak.rekap`).

Exit 2 when any file was invalid or missing, after every other file was recapped and the
invalid ones listed under the table; an output file (`-o`) is written under the policy of
`cli/berkas.py`, and never over one of the reports read.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.output import EXIT_INVALID, EXIT_OK

if TYPE_CHECKING:
    from lkjip_cli.banyak.rekap import Rekap
    from lkjip_cli.tabel import Tabel


class RekapFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


class BobotOpt(StrEnum):
    rata = "rata"
    pagu = "pagu"
    indikator = "indikator"


#: The `--urut` choices (`lkjip_cli.banyak.rekap.KOLOM_URUT`, kept here so `--help` imports none
#: of the library).
KOLOM = ("capaian", "tercapai", "serapan", "serapan-pk", "efisiensi", "sakip",
         "iku", "cocok", "pembulatan", "selisih", "instansi", "berkas")


def _urut(value: str) -> str:
    if value not in KOLOM:
        raise typer.BadParameter(f"kolom tidak dikenal: {value}; pilihan: {', '.join(KOLOM)}")
    return value


def rekap(
    paths: Annotated[list[Path], typer.Argument(
        help="Berkas YAML laporan, direktori (dicari *.yaml) atau pola glob.",
        metavar="PATH", show_default=False)],
    fmt: Annotated[RekapFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")]
    = RekapFormat.table,
    out: Annotated[Path | None, typer.Option(
        "-o", "--out", help="Tulis ke berkas ini (wajib untuk xlsx).", metavar="BERKAS")]
    = None,
    urut: Annotated[str, typer.Option(
        "--urut", help=f"Kolom peringkat: {', '.join(KOLOM)}.", metavar="KOLOM",
        callback=_urut)] = "capaian",
    bobot: Annotated[BobotOpt, typer.Option(
        "--bobot", help="Bobot rata-rata rekap antar laporan.")] = BobotOpt.rata,
    per_indikator: Annotated[bool, typer.Option(
        "--per-indikator", help="Daftar indikator yang realisasinya turun dari tahun lalu.",
        metavar="")] = False,
    proses: Annotated[int | None, typer.Option(
        "--proses", "-j", help="Banyak proses (bawaan: semua inti).", metavar="N", min=1)]
    = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Untuk -o: timpa berkas yang sudah ada.", metavar="")] = False,
) -> None:
    """Rekap banyak laporan: satu baris per laporan, peringkat, rata-rata dan tren tahunan."""
    if fmt is RekapFormat.table and out is not None:
        raise typer.BadParameter("-o tidak untuk --format table; pilih json, csv, md "
                                 "atau xlsx", param_hint="-o")
    if fmt is RekapFormat.xlsx and out is None:
        raise typer.BadParameter("--format xlsx memerlukan -o BERKAS", param_hint="-o")

    from lkjip_cli.banyak.rekap import Bobot, cari_berkas, ringkas_semua, susun

    berkas, hilang = cari_berkas(str(p) for p in paths)
    if out is not None:
        _periksa_out(out, berkas, fmt, force)
    hasil = susun([*hilang, *ringkas_semua(berkas, per_indikator=per_indikator,
                                           proses=proses)],
                  urut=urut, bobot=Bobot(bobot.value), per_indikator=per_indikator)
    _keluarkan(hasil, fmt, out)
    raise typer.Exit(EXIT_INVALID if hasil.gagal else EXIT_OK)


def _periksa_out(out: Path, berkas: list[str], fmt: RekapFormat, force: bool) -> None:
    from lkjip_cli.banyak.keluaran import PENANDA_MD
    from lkjip_cli.cli.berkas import periksa_tujuan

    periksa_tujuan(out, [Path(b) for b in berkas], force=force,
                   penanda=PENANDA_MD if fmt is RekapFormat.md else None, opsi="-o")


def _keluarkan(hasil: Rekap, fmt: RekapFormat, out: Path | None) -> None:
    from lkjip_cli.banyak import keluaran as r

    tables = r.tabel_rekap(hasil)
    if fmt is RekapFormat.table:
        r.cetak(tables)
        return
    data: str | bytes
    if fmt is RekapFormat.json and out is None:
        for potongan in r.json_potongan(hasil, tables):  # streamed: rows never pile up
            typer.echo(potongan, nl=False)
        return
    if fmt is RekapFormat.json:
        data = r.to_json(hasil, tables)
    elif fmt is RekapFormat.md:
        data = r.to_markdown(tables)
    elif fmt is RekapFormat.xlsx:
        data = _xlsx(tables)
    else:
        from lkjip_cli.render.teks.ekspor import to_csv

        data = to_csv(tables[0])
        _ke_stderr(tables[1:])
    if out is None:
        assert isinstance(data, str)
        typer.echo(data, nl=False)
        return
    from lkjip_cli.cli.berkas import tulis_atomik

    tulis_atomik(out, data)
    typer.echo(str(out))


def _xlsx(tables: list[Tabel]) -> bytes:
    from lkjip_cli.banyak.keluaran import to_xlsx
    from lkjip_cli.cli.berkas import gagal
    from lkjip_cli.source.sel_aman import GalatSel

    try:
        return to_xlsx(tables)
    except GalatSel as exc:  # a name with a control character, which XLSX cannot hold
        raise gagal(str(exc)) from None


def _ke_stderr(tables: list[Tabel]) -> None:
    """CSV holds one table: the lists below it go to stderr, one line each (a name's
    control characters shown escaped, as everywhere on the terminal)."""
    from lkjip_cli.diagnostics import aman_terminal

    for t in tables:
        for b in t.baris:
            cells = [str(s.nilai) for s in b.sel if s.nilai not in (None, "")]
            typer.echo(aman_terminal(f"{t.judul[0]}: " + "; ".join(cells)), err=True)


def register(app: typer.Typer) -> None:
    daftarkan(app, "rekap", rekap,
              "lkjip rekap laporan/ --urut capaian",
              "lkjip rekap laporan/*.yaml --bobot pagu --format xlsx -o rekap.xlsx",
              "lkjip rekap opd-2022.yaml opd-2023.yaml --per-indikator")
