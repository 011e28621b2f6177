"""The one boundary where diagnostics become text on the terminal, and exit codes are set.

Commands hand their diagnostics here; nothing else in lkjip prints a diagnostic.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from lkjip_cli.diagnostics import Diagnostic, aman_terminal, format_github, format_text, to_json

if TYPE_CHECKING:
    from lkjip_cli.loader import LoadResult

#: Exit codes shared by every command.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


#: The report files a command reads (`lkjip validate BERKAS...`). Kept as the text the user
#: typed (not `Path`, which drops a leading `./`), so diagnostics name the file as typed.
BerkasArg = Annotated[list[str], typer.Argument(help="Berkas YAML laporan.", metavar="BERKAS",
                                                 show_default=False)]
#: The one report file a command reads (`lkjip compute BERKAS`).
SatuBerkasArg = Annotated[str, typer.Argument(help="Berkas YAML laporan.", metavar="BERKAS",
                                               show_default=False)]
#: `--format text|json|github` of the commands that report diagnostics or findings.
FormatOpt = Annotated[DiagnosticFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")]


def print_diagnostics(diagnostics: Sequence[Diagnostic], fmt: DiagnosticFormat) -> None:
    """Print every diagnostic: text and GitHub lines to stderr, JSON to stdout."""
    if fmt is DiagnosticFormat.json:
        typer.echo(to_json(diagnostics))
        return
    for diag in diagnostics:
        line = format_github(diag) if fmt is DiagnosticFormat.github else format_text(diag)
        typer.echo(line, file=sys.stdout if fmt is DiagnosticFormat.github else sys.stderr)


def ke_terminal() -> bool:
    """Whether standard output is a terminal (then data is shown with controls escaped)."""
    return sys.stdout.isatty()


def cetak_data(teks: str) -> None:
    """Print a document made from the data (Markdown, CSV) to stdout, as it is. On a
    terminal its control characters are shown escaped line by line, so a name in the file
    cannot act on the terminal; piped or redirected, the document is left untouched."""
    if ke_terminal():
        teks = "\n".join(aman_terminal(baris) for baris in teks.split("\n"))
    typer.echo(teks, nl=False)


def exit_code_for(diagnostics: Sequence[Diagnostic], *, strict: bool = False) -> int:
    if any(d.is_error for d in diagnostics):
        return EXIT_INVALID
    if strict and diagnostics:
        return EXIT_FINDINGS
    return EXIT_OK


def load_or_exit(path: str, fmt: DiagnosticFormat = DiagnosticFormat.text, *,
                 peringatan_nanti: bool = False) -> LoadResult:
    """Load a report for a command; on any error print every diagnostic and exit 2.

    With `peringatan_nanti` the warnings of a valid file wait for `cetak_peringatan`, after
    the command's result: the first thing a user sees is the result, not a warning."""
    from lkjip_cli.loader import load

    result = load(path)
    if not result.ok:
        print_diagnostics(result.diagnostics, fmt)
        raise typer.Exit(EXIT_INVALID)
    if result.diagnostics and not peringatan_nanti:
        print_diagnostics(result.diagnostics, fmt)
    return result


def cetak_peringatan(result: LoadResult) -> None:
    """The warnings of a valid file, after the result, closed by a one-line summary."""
    if not result.diagnostics:
        return
    print_diagnostics(result.diagnostics, DiagnosticFormat.text)
    typer.echo(f"{result.source.file}: {len(result.diagnostics)} peringatan; angka di atas "
               "tetap dihitung dari isian berkas.", err=True)
