"""`lkjip check BERKAS...`: audit every figure a report printed; exit 1 when a finding reaches
--fail-on, 2 when a file is invalid. Ready for CI and pre-commit.

Why it streams: a CI job may check a thousand files. Each file's findings are printed as soon
as that file is done and then dropped, so memory stays one file's worth; the JSON format is
still one document (`render.teks.temuan.JsonBertahap` writes it piece by piece).
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
    from lkjip_cli.diagnostics import Diagnostic
    from lkjip_cli.render.teks.temuan import HasilBerkas


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
    from lkjip_cli.banyak.periksa import periksa_semua
    from lkjip_cli.render.teks.temuan import HasilBerkas

    threshold = Tingkat(fail_on.value).berat
    berkas, hilang = cari_berkas(files)
    invalid = bool(hilang)
    failing = False
    with _keluaran(fmt, semua) as keluaran:
        if hilang:
            keluaran.tidak_sah(hilang)
        # Every core, results in the order of the files (lkjip_cli.banyak.periksa), each
        # printed as it arrives and dropped: memory stays a few files' worth.
        for done in periksa_semua(berkas):
            if done.audit is None or done.aturan is None:
                invalid = True
                keluaran.tidak_sah(done.diagnostik)
                continue
            hasil = HasilBerkas(done.berkas, done.audit, done.source, done.aturan)
            failing = failing or any(t.tingkat.berat >= threshold for t in hasil.audit.temuan)
            keluaran.hasil(hasil)
    if invalid:
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


class _Keluaran:
    """Prints each file's outcome as soon as it is known (text and GitHub formats)."""

    def __init__(self, fmt: DiagnosticFormat, semua: bool) -> None:
        from lkjip_cli.render.teks.terminal import console_for_output

        self.fmt = fmt
        self.semua = semua
        self.console = console_for_output() if fmt is DiagnosticFormat.text else None

    def tidak_sah(self, diagnostics: Sequence[Diagnostic]) -> None:
        print_diagnostics(diagnostics, self.fmt)

    def hasil(self, result: HasilBerkas) -> None:
        from lkjip_cli.render.teks import temuan as out

        if self.console is None:
            for line in out.github_lines(result):
                typer.echo(line)
        else:
            out.cetak_tabel(self.console, result, semua=self.semua)
        typer.echo(out.ringkasan_teks(result.berkas, result.audit.ringkasan))

    def selesai(self) -> None:
        """Nothing is held back in these formats."""


class _KeluaranJson(_Keluaran):
    """Streams one JSON document: each file's findings as it is done, the totals and the
    diagnostics of invalid files (small) at the end."""

    def __init__(self, fmt: DiagnosticFormat, semua: bool) -> None:
        from lkjip_cli.render.teks.temuan import JsonBertahap

        self.json = JsonBertahap(lambda teks: typer.echo(teks, nl=False))

    def tidak_sah(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.json.diagnostik(diagnostics)

    def hasil(self, result: HasilBerkas) -> None:
        self.json.hasil(result)

    def selesai(self) -> None:
        self.json.tutup()


@contextmanager
def _keluaran(fmt: DiagnosticFormat, semua: bool) -> Iterator[_Keluaran]:
    keluaran = (_KeluaranJson if fmt is DiagnosticFormat.json else _Keluaran)(fmt, semua)
    yield keluaran
    keluaran.selesai()


def register(app: typer.Typer) -> None:
    daftarkan(app, "check", check,
              "lkjip check data/2020.yaml",
              "lkjip check --format github --fail-on pembulatan data/*.yaml",
              "lkjip check laporan/ 'arsip/**/*.yaml'")
