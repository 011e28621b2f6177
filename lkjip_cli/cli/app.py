"""The `lkjip` typer application.

Each command lives in its own module and imports the library (loader, engine, renderers)
inside its function body, so that `lkjip --help` loads none of it. Every command registers
through `cli/bantuan.py`, which gives it Indonesian help and an example invocation.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from lkjip_cli.cli import (
    check_cmd,
    compute_cmd,
    explain_cmd,
    export_cmd,
    import_cmd,
    init_cmd,
    rekap_cmd,
    render_cmd,
    schema_cmd,
    validate_cmd,
    version_cmd,
)
from lkjip_cli.cli.bantuan import GrupLkjip

app = typer.Typer(
    name="lkjip",
    cls=GrupLkjip,
    help="Kalkulator LKjIP: validasi data laporan, hitung Bab III, audit angka yang dicetak.",
    epilog="Bantuan satu perintah: lkjip PERINTAH --help. Pelengkapan otomatis (tab): "
           "lkjip --install-completion.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _cetak_versi(nilai: bool) -> None:
    if nilai:
        from lkjip_cli import __version__

        typer.echo(f"lkjip {__version__}")
        raise typer.Exit()


@app.callback()
def utama(
    versi: Annotated[
        bool,
        typer.Option("--version", help="Cetak versi lkjip lalu keluar.", metavar="",
                     callback=_cetak_versi, is_eager=True),
    ] = False,
) -> None:
    """Kalkulator LKjIP: validasi data laporan, hitung Bab III, audit angka yang dicetak."""


validate_cmd.register(app)
compute_cmd.register(app)
explain_cmd.register(app)
check_cmd.register(app)
render_cmd.register(app)
export_cmd.register(app)
schema_cmd.register(app)
version_cmd.register(app)
init_cmd.register(app)
import_cmd.register(app)
rekap_cmd.register(app)


#: lkjip uses no pydantic plugin; looking for one reads the metadata of every installed
#: distribution at start-up (tens of ms). A user who wants plugins sets the variable.
PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


def main() -> None:
    """Console-script entry point."""
    from lkjip_cli.memori import untuk_perintah

    os.environ.setdefault(PYDANTIC_PLUGINS, "__all__")
    untuk_perintah()  # one command per process: collect cycles rarely (lkjip_cli/memori.py)
    app(prog_name="lkjip")
