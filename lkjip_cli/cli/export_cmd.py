"""`lkjip export BERKAS --to docx|xlsx|pdf`: the report as a Word document, an Excel
workbook, or the Word document as PDF (through LibreOffice, `render/pdf.py`).

Why a separate command from `render`: the outputs are binary office files with their own
libraries (python-docx, openpyxl, and matplotlib for charts when installed), imported only
here, inside the command, so that `lkjip --help` and `compute` never pay for them.

Files are written under the policy of `cli/berkas.py` (checked before anything is built,
atomic, never the input, a file lkjip did not write kept unless `--force`): a DOCX or XLSX
file is recognised as lkjip's by the creator in its document properties, a PDF by its
author. Each output is a function `(hasil, pilihan) -> bytes` in `_PEMBUAT`; a new kind of
workbook is one more entry. A PDF needs LibreOffice: without it the command says how to
install it in one line, exit 2, before reading the report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.berkas import (
    Penanda,
    ditulis_lkjip_office,
    ditulis_lkjip_pdf,
    gagal,
    periksa_tujuan,
    tulis_atomik,
)
from lkjip_cli.cli.opsi import (
    TANPA_GRAFIK,
    BabOpt,
    TabelOpt,
    matplotlib_ada,
    parse_tabel,
    pilih_bab,
    tabel_laporan,
)
from lkjip_cli.cli.output import (
    EXIT_INVALID,
    DiagnosticFormat,
    SatuBerkasArg,
    load_or_exit,
    print_diagnostics,
)

if TYPE_CHECKING:
    from lkjip_cli.engine.hasil import Hasil


class Tujuan(StrEnum):
    docx = "docx"
    xlsx = "xlsx"
    pdf = "pdf"


@dataclass(frozen=True, slots=True)
class Pilihan:
    """What the user asked for, handed to each output's builder."""

    bab: list[str]
    tabel: list[str]
    referensi: Path | None
    sumber: str
    grafik: bool
    #: The reference document, opened (python-docx) once it was read and inspected.
    dokumen: Any = None
    #: LibreOffice's program, for a PDF.
    soffice: str = ""


def _docx(hasil: Hasil, p: Pilihan) -> bytes:
    from lkjip_cli.render.docx import dokumen_docx

    grafik = None
    if p.grafik:
        from lkjip_cli.render.grafik import png_per_tabel

        grafik = png_per_tabel(hasil)
    return dokumen_docx(hasil, bab=p.bab, tabel=p.tabel, referensi=p.dokumen,
                        sumber=p.sumber, grafik=grafik, cache=True)


def _pdf(hasil: Hasil, p: Pilihan) -> bytes:
    from lkjip_cli.render.pdf import docx_ke_pdf

    return docx_ke_pdf(_docx(hasil, p), p.soffice)


def _xlsx(hasil: Hasil, p: Pilihan) -> bytes:
    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja_xlsx

    return buku_kerja_xlsx(hasil, bab=p.bab, tabel=p.tabel, sumber=p.sumber,
                           grafik=p.grafik)


def _xlsx_data(hasil: Hasil, p: Pilihan) -> bytes:
    """The data-entry workbook (docs/excel.md) that `lkjip import` reads back."""
    from lkjip_cli.buku.impor import buku_utuh
    from lkjip_cli.cli.berkas import PEMBUAT_OFFICE

    # The creator mark lets a later export replace it without --force. A report the
    # workbook cannot hold exactly is refused, never written lossy.
    isi, masalah = buku_utuh(hasil.laporan, p.sumber, PEMBUAT_OFFICE)
    if isi is None:
        print_diagnostics(masalah, DiagnosticFormat.text)
        raise typer.Exit(EXIT_INVALID)
    return isi


_PEMBUAT: dict[Tujuan, Callable[[Hasil, Pilihan], bytes]] = {
    Tujuan.docx: _docx, Tujuan.xlsx: _xlsx, Tujuan.pdf: _pdf,
}

#: How an existing output is recognised as lkjip's.
_PENANDA: dict[Tujuan, Penanda] = {
    Tujuan.docx: ditulis_lkjip_office, Tujuan.xlsx: ditulis_lkjip_office,
    Tujuan.pdf: ditulis_lkjip_pdf,
}


def export(
    file: SatuBerkasArg,
    to: Annotated[
        Tujuan, typer.Option("--to", help="Bentuk berkas keluaran.", show_default=False)
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Berkas keluaran (bawaan: nama berkas masukan "
                     "dengan akhiran .docx/.xlsx/.pdf, di direktori kerja).",
                     metavar="BERKAS",
                     show_default=False),
    ] = None,
    bab: BabOpt = None,
    tabel: TabelOpt = None,
    reference_doc: Annotated[
        Path | None,
        typer.Option("--reference-doc", help="Untuk --to docx/pdf: dokumen Word instansi yang "
                     "gaya, huruf dan tata halamannya dipakai.", metavar="BERKAS.docx",
                     show_default=False),
    ] = None,
    tanpa_grafik: Annotated[
        bool, typer.Option("--tanpa-grafik", help="Jangan sertakan grafik.", metavar="")
    ] = False,
    data: Annotated[
        bool, typer.Option("--data", help="Untuk --to xlsx: buku kerja isian (data masukan, "
                           "dibaca kembali oleh `lkjip import`), bukan buku kerja rumus.",
                           metavar="")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas keluaran yang tidak ditulis lkjip.",
                           metavar="")
    ] = False,
) -> None:
    """Tulis laporan sebagai dokumen Word (DOCX), buku kerja Excel (XLSX, rumus hidup) atau
    PDF (dokumen Word lewat LibreOffice)."""
    from lkjip_cli.tabel import BUILDERS

    if reference_doc is not None and to is Tujuan.xlsx:
        raise typer.BadParameter("hanya untuk --to docx atau pdf", param_hint="--reference-doc")
    if data and to is not Tujuan.xlsx:
        raise typer.BadParameter("hanya untuk --to xlsx", param_hint="--data")
    nomor = parse_tabel(tabel, list(BUILDERS))
    babs = pilih_bab(bab, nomor)
    out = output if output is not None else Path(f"{Path(file).stem}.{to.value}")
    soffice = _soffice() if to is Tujuan.pdf else ""
    periksa_tujuan(out, Path(file), force=force, penanda=_PENANDA[to],
                   opsi="-o" if output is not None else None)
    grafik = not tanpa_grafik and not data and matplotlib_ada()
    pembuat = _xlsx_data if data else _PEMBUAT[to]
    isi = _buat(file, pembuat, Pilihan(babs, nomor, reference_doc, file, grafik,
                                       soffice=soffice))
    tulis_atomik(out, isi)
    if not tanpa_grafik and not data and not grafik:
        typer.echo(TANPA_GRAFIK, err=True)
    typer.echo(f"Ditulis: {out}", err=True)


def _soffice() -> str:
    """LibreOffice's program, or one line saying how to install it and exit 2."""
    from lkjip_cli.render import pdf

    soffice = pdf.cari_soffice()
    if soffice is None:
        raise gagal(pdf.TANPA_LIBREOFFICE)
    return soffice


def _buat(file: str, pembuat: Callable[[Hasil, Pilihan], bytes], pilihan: Pilihan) -> bytes:
    """Load, compute and build the file's bytes; every failure is one line and exit 2."""
    result = load_or_exit(file)
    assert result.report is not None
    pilihan = replace(pilihan, tabel=tabel_laporan(pilihan.tabel, result.report.penomoran))

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.pdf import GalatPdf
    from lkjip_cli.source.sel_aman import GalatSel

    if pilihan.referensi is not None:
        pilihan = replace(pilihan, dokumen=_baca_referensi(pilihan.referensi))
    hasil = hitung(result.report)
    try:
        return pembuat(hasil, pilihan)
    except (GalatSel, GalatPdf) as exc:
        raise gagal(str(exc)) from None
    except Exception as exc:
        if _galat_templat(exc):
            raise gagal(str(exc)) from None
        raise


def _galat_templat(exc: Exception) -> bool:
    """Whether `exc` is a template's error. Asked without importing the templates' module
    (and Jinja2 with it) when nothing imported it: an XLSX workbook uses no template, and a
    `GalatTemplat` cannot be raised before its module is loaded (start-up, issue 24)."""
    templat = sys.modules.get("lkjip_cli.render.markdown.templat")
    return templat is not None and isinstance(exc, templat.GalatTemplat)


def _baca_referensi(path: Path) -> Any:
    """The reference document, read once through lkjip's reader of regular files, inspected,
    and opened by python-docx; any failure is printed as a diagnostic, exit 2."""
    from lkjip_cli.source.dokumen import baca_dokumen

    dibaca = baca_dokumen(path)
    if dibaca.dokumen is None:
        print_diagnostics(dibaca.diagnostics, DiagnosticFormat.text)
        raise typer.Exit(EXIT_INVALID)
    return dibaca.dokumen


def register(app: typer.Typer) -> None:
    daftarkan(app, "export", export,
              "lkjip export data/2020.yaml --to docx -o laporan.docx",
              "lkjip export data/2020.yaml --to docx --reference-doc templat-instansi.docx",
              "lkjip export data/2020.yaml --to pdf -o laporan.pdf",
              "lkjip export data/2020.yaml --to xlsx -o angka.xlsx",
              "lkjip export data/2020.yaml --to xlsx --data -o isian.xlsx")
