"""`lkjip version`: which lkjip, data format, Python and libraries produced a result.

An auditor cites the version that computed a figure; `--format json` gives it to CI in the
same shape as the `"lkjip"` field of every other JSON output.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan


class VersiFormat(StrEnum):
    text = "text"
    json = "json"


def version(
    fmt: Annotated[
        VersiFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")
    ] = VersiFormat.text,
) -> None:
    """Cetak versi lkjip, format data, Python, pydantic dan PyYAML (dengan libyaml)."""
    from lkjip_cli.versi import info_versi

    info = info_versi()
    if fmt is VersiFormat.json:
        import json

        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    libyaml = info["libyaml"] or "tidak ada (parser Python murni, lebih lambat)"
    typer.echo(f"lkjip {info['lkjip']} (format data versi {info['versi_format']})\n"
               f"Python {info['python']}, pydantic {info['pydantic']}, "
               f"PyYAML {info['pyyaml']}, libyaml {libyaml}")


def register(app: typer.Typer) -> None:
    daftarkan(app, "version", version, "lkjip version", "lkjip version --format json")
