"""The `lkjip` typer application.

Each command lives in its own module and imports the library (loader, engine, renderers)
inside its function body, so that `lkjip --help` loads none of it.
"""

from __future__ import annotations

import os

import typer

from lkjip_cli.cli import (
    check_cmd,
    compute_cmd,
    explain_cmd,
    rekap_cmd,
    render_cmd,
    schema_cmd,
    validate_cmd,
)

app = typer.Typer(
    name="lkjip",
    help="Kalkulator LKjIP: validasi data laporan, hitung Bab III, audit angka yang dicetak.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

validate_cmd.register(app)
compute_cmd.register(app)
explain_cmd.register(app)
check_cmd.register(app)
render_cmd.register(app)
schema_cmd.register(app)
rekap_cmd.register(app)


#: lkjip uses no pydantic plugin; looking for one reads the metadata of every installed
#: distribution at start-up (tens of ms). A user who wants plugins sets the variable.
PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault(PYDANTIC_PLUGINS, "__all__")
    app()
