"""`lkjip check BERKAS...`: audit every figure a report printed; exit 1 when a finding reaches
--fail-on, 2 when a file is invalid. Ready for CI and pre-commit.

Why it streams: a CI job may check a thousand files. Each file's findings are formatted by
the worker that audited it (`lkjip_cli.banyak.periksa`), printed here as soon as that file
is done and then dropped, so memory stays one file's worth; the JSON format is still one
document (`render.teks.temuan.JsonBertahap` writes it piece by piece).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.output import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    DiagnosticFormat,
    FormatOpt,
    print_diagnostics,
)

if TYPE_CHECKING:
    from lkjip_cli.banyak.periksa import Tercetak
    from lkjip_cli.diagnostics import Diagnostic


class FailOn(StrEnum):
    selisih = "selisih"
    pembulatan = "pembulatan"


#: Files, directories (every *.yaml under them) and glob patterns, as `lkjip rekap` takes them.
PathArg = Annotated[list[str], typer.Argument(
    help="Berkas YAML laporan, direktori (dicari *.yaml) atau pola glob.", metavar="PATH",
    show_default=False)]


def check(
    files: PathArg,
    fmt: FormatOpt = DiagnosticFormat.text,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Tingkat temuan yang membuat keluar dengan 1.")
    ] = FailOn.selisih,
    semua: Annotated[
        bool, typer.Option("--semua", help="Tampilkan juga angka yang cocok.",
                           metavar="")  # a flag: no <bool>
    ] = False,
) -> None:
    """Audit angka yang dicetak laporan terhadap hitungan dari aturannya sendiri."""
    from lkjip_cli.audit import Tingkat
    from lkjip_cli.banyak.cari import cari_berkas
    from lkjip_cli.banyak.periksa import cetak_semua

    berkas, hilang = cari_berkas(files)
    invalid = bool(hilang)
    failing = False
    with _keluaran(fmt) as keluaran:
        if hilang:
            keluaran.tidak_sah(hilang)
        # Every core, results in the order of the files (lkjip_cli.banyak.periksa), each
        # formatted by its worker, printed as it arrives and dropped.
        for done in cetak_semua(berkas, fmt.value, semua=semua,
                                ambang=Tingkat(fail_on.value).berat):
            if done.ringkasan is None:
                invalid = True
                keluaran.tidak_sah(done.diagnostik)
                continue
            failing = failing or done.gagal
            keluaran.hasil(done)
    if invalid:
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


class _Keluaran:
    """Prints each file's outcome as soon as it is known (text and GitHub formats)."""

    def __init__(self, fmt: DiagnosticFormat) -> None:
        self.fmt = fmt

    def tidak_sah(self, diagnostics: Sequence[Diagnostic]) -> None:
        print_diagnostics(diagnostics, self.fmt)

    def hasil(self, result: Tercetak) -> None:
        # As the worker's console made it: its colours (only on a terminal) are kept.
        typer.echo(result.teks, nl=False, color=True)

    def selesai(self) -> None:
        """Nothing is held back in these formats."""


class _KeluaranJson(_Keluaran):
    """Streams one JSON document: each file's findings as it is done, the totals and the
    diagnostics of invalid files (small) at the end."""

    def __init__(self, fmt: DiagnosticFormat) -> None:
        from lkjip_cli.render.teks.temuan import JsonBertahap

        self.json = JsonBertahap(lambda teks: typer.echo(teks, nl=False))

    def tidak_sah(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.json.diagnostik(diagnostics)

    def hasil(self, result: Tercetak) -> None:
        assert result.ringkasan is not None
        self.json.tambah(result.ringkasan, result.json)

    def selesai(self) -> None:
        self.json.tutup()


@contextmanager
def _keluaran(fmt: DiagnosticFormat) -> Iterator[_Keluaran]:
    keluaran = (_KeluaranJson if fmt is DiagnosticFormat.json else _Keluaran)(fmt)
    yield keluaran
    keluaran.selesai()


def register(app: typer.Typer) -> None:
    daftarkan(app, "check", check,
              "lkjip check data/2020.yaml",
              "lkjip check --format github --fail-on pembulatan data/*.yaml",
              "lkjip check laporan/ 'arsip/**/*.yaml'")
