"""`lkjip init [OUT]`: a starter report to fill, as commented YAML or as a data-entry workbook.

Why an existing file is never replaced without `--force`, even one lkjip wrote: a starter is
meant to be filled in, so the file at OUT is most likely someone's half-filled report. The
write follows `cli/berkas.py` (checked first, atomic, never the input of `--dari`).
openpyxl is imported only for `--to xlsx`.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.berkas import gagal, periksa_tujuan, tulis_atomik


class BentukInit(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


def _renstra(teks: str | None, tahun: int) -> tuple[int, int]:
    if teks is None:
        return tahun, tahun + 4
    cocok = re.fullmatch(r"\s*(\d{4})\s*[-–/]\s*(\d{4})\s*", teks)
    if not cocok or int(cocok[1]) > int(cocok[2]):
        raise typer.BadParameter(f"{teks!r}: tulis periode Renstra sebagai TAHUN-TAHUN, "
                                 "misalnya 2021-2026", param_hint="--renstra")
    return int(cocok[1]), int(cocok[2])


def init(
    out: Annotated[Path | None, typer.Argument(
        help="Berkas keluaran; tanpa nama: YAML ke stdout.", metavar="OUT",
        show_default=False)] = None,
    instansi: Annotated[str | None, typer.Option(
        "--instansi", help="Nama lengkap instansi.", show_default=False)] = None,
    tahun: Annotated[int | None, typer.Option(
        "--tahun", help="Tahun yang dilaporkan (bawaan: tahun lalu).", show_default=False,
        min=1945, max=2200)] = None,
    renstra: Annotated[str | None, typer.Option(
        "--renstra", help="Periode Renstra, misalnya 2021-2026 (bawaan: TAHUN s/d TAHUN+4).",
        metavar="MULAI-SELESAI", show_default=False)] = None,
    sasaran: Annotated[int, typer.Option("--sasaran", help="Jumlah sasaran strategis.",
                                         min=1, max=50)] = 1,
    indikator: Annotated[int, typer.Option(
        "--indikator", help="Jumlah indikator kinerja utama (dibagi rata ke sasaran).",
        min=1, max=200)] = 1,
    dari: Annotated[Path | None, typer.Option(
        "--dari", help="Mulai dari laporan tahun lalu (YAML): realisasinya menjadi realisasi "
        "tahun lalu, target pindah ke tahun Renstra berikutnya.", metavar="BERKAS",
        show_default=False)] = None,
    ke: Annotated[BentukInit, typer.Option(
        "--to", help="yaml, atau xlsx: buku kerja isian kosong (docs/excel.md).")
    ] = BentukInit.yaml,
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa berkas OUT yang sudah ada.", metavar="")] = False,
) -> None:
    """Buat kerangka laporan untuk diisi: YAML berkomentar, atau buku kerja Excel isian."""
    if ke is BentukInit.xlsx and out is None:
        raise typer.BadParameter("--to xlsx memerlukan nama berkas OUT", param_hint="OUT")
    if dari is not None and ke is BentukInit.xlsx:
        raise typer.BadParameter("--dari hanya untuk YAML; untuk buku kerja terisi pakai "
                                 "`lkjip export --to xlsx --data`", param_hint="--dari")
    tahun = tahun or datetime.date.today().year - 1
    mulai, selesai = _renstra(renstra, tahun)
    if out is not None:
        periksa_tujuan(out, dari or Path("-"), force=force, penanda=None, opsi="OUT")
    isi: str | bytes
    if ke is BentukInit.xlsx:
        isi = _buku_kosong(tahun, mulai, selesai, instansi, sasaran, indikator)
    elif dari is not None:
        isi = _lanjutan(dari)
    else:
        from lkjip_cli.model.kerangka import kerangka_baru

        isi = kerangka_baru(instansi=instansi, tahun=tahun, mulai=mulai, selesai=selesai,
                            sasaran=sasaran, indikator=indikator)
    if out is None:
        assert isinstance(isi, str)
        typer.echo(isi, nl=False)
        return
    tulis_atomik(out, isi)
    typer.echo(f"Ditulis: {out}", err=True)


def _buku_kosong(tahun: int, mulai: int, selesai: int, instansi: str | None, sasaran: int,
                 indikator: int) -> bytes:
    from lkjip_cli.buku.tulis import buku_kosong, simpan
    from lkjip_cli.source.sel_aman import GalatSel

    try:
        return simpan(buku_kosong(tahun=tahun, mulai=mulai, selesai=selesai,
                                  instansi=instansi, sasaran=sasaran, indikator=indikator))
    except GalatSel as exc:  # --instansi with a control character
        raise gagal(str(exc)) from None


def _lanjutan(dari: Path) -> str:
    from lkjip_cli.cli.output import load_or_exit
    from lkjip_cli.model.kerangka import kerangka_lanjutan

    result = load_or_exit(str(dari))
    if result.report is None:  # pragma: no cover - load_or_exit exits first
        raise gagal(f"{dari}: tidak sah")
    return kerangka_lanjutan(result.report, dari.name)


def register(app: typer.Typer) -> None:
    daftarkan(app, "init", init,
              "lkjip init laporan-2021.yaml --tahun 2021 --sasaran 3 --indikator 7",
              "lkjip init laporan-2021.yaml --dari data/2020.yaml",
              "lkjip init isian.xlsx --to xlsx --sasaran 2 --indikator 5")
