"""`lkjip schema`: the JSON Schema of the report format, generated from the models."""

from __future__ import annotations

import typer


def schema() -> None:
    """Cetak JSON Schema format data laporan (untuk editor dan validasi di CI)."""
    from lkjip_cli.schema import schema_json

    typer.echo(schema_json())


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
