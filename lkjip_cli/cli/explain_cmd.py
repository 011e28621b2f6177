"""`lkjip explain FILE REF`: the formula behind a figure, its numbers and their lines."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli.cli.output import EXIT_INVALID, load_or_exit


def explain(
    file: Annotated[Path, typer.Argument(help="Berkas YAML laporan.", show_default=False)],
    ref: Annotated[str, typer.Argument(
        help="Kode indikator, sasaran, program atau kegiatan; atau rata-rata, efisiensi.",
        show_default=False)],
) -> None:
    """Jelaskan rumus, angka dan asal (berkas:baris) sebuah angka."""
    result = load_or_exit(str(file))
    assert result.report is not None

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.jelaskan import jelaskan, semua_ref

    hasil = hitung(result.report)
    lines = jelaskan(hasil, ref, result.source)
    if lines is None:
        known = semua_ref(hasil)
        close = difflib.get_close_matches(ref, known, n=1)
        hint = f" Maksud Anda `{close[0]}`?" if close else ""
        typer.echo(f"Tidak ada `{ref}` dalam {file}.{hint} Pilihan: {', '.join(known)}",
                   err=True)
        raise typer.Exit(EXIT_INVALID)
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
