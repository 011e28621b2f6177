"""`lkjip validate BERKAS...`: is each report file well-formed and consistent in its references?"""

from __future__ import annotations

from typing import Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.output import (
    BerkasArg,
    DiagnosticFormat,
    FormatOpt,
    exit_code_for,
    print_diagnostics,
)


def validate(
    files: BerkasArg,
    fmt: FormatOpt = DiagnosticFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Peringatan juga membuat keluar dengan kode 1.",
                           metavar="")  # a flag: no <bool>
    ] = False,
) -> None:
    """Validasi berkas laporan (keluar 0 bila sah, 2 bila ada galat)."""
    from lkjip_cli.loader import load

    diagnostics = [d for path in files for d in load(path).diagnostics]
    print_diagnostics(diagnostics, fmt)
    code = exit_code_for(diagnostics, strict=strict)
    if fmt is DiagnosticFormat.text and code == 0:
        typer.echo(f"{len(files)} berkas sah.", err=True)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    daftarkan(app, "validate", validate,
              "lkjip validate data/2020.yaml",
              "lkjip validate --format github data/*.yaml")
