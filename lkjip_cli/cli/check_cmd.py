"""`lkjip check BERKAS...`: audit every figure a report printed; exit 1 when a finding reaches
--fail-on, 2 when a file is invalid. Ready for CI and pre-commit."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from lkjip_cli.cli.output import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    BerkasArg,
    DiagnosticFormat,
    FormatOpt,
    print_diagnostics,
)

if TYPE_CHECKING:
    from lkjip_cli.diagnostics import Diagnostic
    from lkjip_cli.render.temuan import HasilBerkas


class FailOn(StrEnum):
    selisih = "selisih"
    pembulatan = "pembulatan"


def check(
    files: BerkasArg,
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
    from lkjip_cli.periksa_banyak import periksa_semua
    from lkjip_cli.render.temuan import HasilBerkas

    results: list[HasilBerkas] = []
    invalid: list[Diagnostic] = []
    # Every core, results in the order of the files (lkjip_cli.periksa_banyak).
    for done in periksa_semua([str(path) for path in files]):
        if done.audit is None or done.aturan is None:
            invalid.extend(done.diagnostik)
            continue
        results.append(HasilBerkas(done.berkas, done.audit, done.source, done.aturan))
    if fmt is not DiagnosticFormat.json:
        print_diagnostics(invalid, fmt)
    _print(results, fmt, semua, invalid)
    if invalid:
        raise typer.Exit(EXIT_INVALID)
    threshold = Tingkat(fail_on.value).berat
    failing = any(t.tingkat.berat >= threshold for r in results for t in r.audit.temuan)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _print(results: list[HasilBerkas], fmt: DiagnosticFormat, semua: bool,
           invalid: list[Diagnostic]) -> None:
    from lkjip_cli.render import temuan as out

    if fmt is DiagnosticFormat.json:
        typer.echo(out.to_json(results, invalid))
    elif fmt is DiagnosticFormat.github:
        for result in results:
            for line in out.github_lines(result):
                typer.echo(line)
            typer.echo(out.ringkasan_teks(result.berkas, result.audit.ringkasan))
    else:
        from lkjip_cli.render.terminal import console_for_output

        console = console_for_output()
        for result in results:
            out.cetak_tabel(console, result, semua=semua)
            typer.echo(out.ringkasan_teks(result.berkas, result.audit.ringkasan))


def register(app: typer.Typer) -> None:
    app.command("check")(check)
