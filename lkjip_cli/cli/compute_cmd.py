"""`lkjip compute FILE`: every figure of Bab III, as rich tables, JSON or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lkjip_cli.cli.output import EXIT_INVALID, load_or_exit

if TYPE_CHECKING:
    from lkjip_cli.render.tabel import Tabel


class ComputeFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def parse_tabel(values: list[str] | None, known: list[str]) -> list[str]:
    """`--tabel 3.4 --tabel 3.5,3.6` -> ['3.4', '3.5', '3.6'], checked against `known`."""
    wanted = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise typer.BadParameter(
            f"tabel tidak dikenal: {', '.join(unknown)}; pilihan: {', '.join(known)}",
            param_hint="--tabel",
        )
    return wanted


def compute(
    file: Annotated[Path, typer.Argument(help="Berkas YAML laporan.", show_default=False)],
    tabel: Annotated[
        list[str] | None,
        typer.Option("--tabel", "-t", help="Nomor tabel (boleh diulang atau dipisah koma)."),
    ] = None,
    fmt: Annotated[
        ComputeFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")
    ] = ComputeFormat.table,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", help="Untuk --format csv: tulis satu berkas per tabel."),
    ] = None,
) -> None:
    """Hitung dan tampilkan tabel Bab III (Tabel 3.4 s/d 3.13) atau tabel yang dipilih."""
    from lkjip_cli.render.tabel import BAB_III, BUILDERS

    nomor = parse_tabel(tabel, list(BUILDERS)) or list(BAB_III)
    result = load_or_exit(str(file))
    assert result.report is not None

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.tabel import bangun

    hasil = hitung(result.report)
    tables = bangun(hasil, nomor)
    if fmt is ComputeFormat.json:
        from lkjip_cli.render.ekspor import to_json

        typer.echo(to_json(hasil, tables))
    elif fmt is ComputeFormat.csv:
        _write_csv(tables, out_dir)
    else:
        from lkjip_cli.render.terminal import console_for_output, print_tables

        print_tables(console_for_output(), tables, hasil.laporan.aturan)


def _write_csv(tables: list[Tabel], out_dir: Path | None) -> None:
    from lkjip_cli.render.ekspor import to_csv

    if out_dir is None:
        if len(tables) != 1:
            typer.echo("--format csv mencetak satu tabel: pilih satu --tabel, atau beri "
                       "--out-dir untuk menulis satu berkas per tabel.", err=True)
            raise typer.Exit(EXIT_INVALID)
        typer.echo(to_csv(tables[0]), nl=False)
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    for t in tables:
        name = f"tabel-{t.nomor}" + (f"-{t.bagian}" if t.bagian else "") + ".csv"
        (out_dir / name).write_text(to_csv(t), encoding="utf-8")
        typer.echo(str(out_dir / name))


def register(app: typer.Typer) -> None:
    app.command("compute")(compute)
