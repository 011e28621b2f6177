"""`lkjip schema`: the JSON Schema of the report format, generated from the models."""

from __future__ import annotations

import typer

from lkjip_cli.cli.bantuan import daftarkan


def schema() -> None:
    """Cetak JSON Schema format data laporan (untuk editor dan validasi di CI)."""
    from lkjip_cli.model.schema import schema_json

    typer.echo(schema_json())


def register(app: typer.Typer) -> None:
    daftarkan(app, "schema", schema,
              "lkjip schema > lkjip.schema.json")
