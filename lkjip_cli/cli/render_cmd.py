"""`lkjip render BERKAS`: the report's chapters as Markdown from Jinja2 templates.

Why the care around writing: the output is often written next to a report someone edited
by hand. So the Markdown is rendered completely before anything is written, and the file is
written under the policy of `cli/berkas.py` (atomic, never the input file, an existing file
that lkjip did not write is kept unless `--force`); the marker that says "lkjip wrote this"
is the first line of every render (`render.markdown.templat.PENANDA`). Any error exits 2 with no
output file.

jinja2 is imported only inside the command (through `render.markdown`), never at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.berkas import gagal, periksa_tujuan, tulis_semua
from lkjip_cli.cli.opsi import BabOpt, TabelOpt, parse_tabel, pilih_bab, tabel_laporan
from lkjip_cli.cli.output import SatuBerkasArg, cetak_data, load_or_exit
from lkjip_cli.diagnostics import aman_terminal

# ----------------------------------------------------------------------- the command


def render(
    file: SatuBerkasArg,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Berkas Markdown keluaran; `-` atau tanpa -o: "
                     "stdout.", metavar="BERKAS", show_default=False),
    ] = None,
    bab: BabOpt = None,
    tabel: TabelOpt = None,
    template_dir: Annotated[
        Path | None,
        typer.Option("--template-dir", help="Direktori templat yang menimpa templat bawaan "
                     "bernama sama.", metavar="DIR", exists=True, file_okay=False,
                     dir_okay=True),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas keluaran yang tidak ditulis lkjip.",
                           metavar="")  # a flag: no <bool>
    ] = False,
    grafik: Annotated[
        Path | None,
        typer.Option("--grafik", help="Tulis grafik sebagai SVG ke direktori ini dan rujuk "
                     "dari Markdown (perlu matplotlib: lkjip[grafik]).", metavar="DIR",
                     show_default=False),
    ] = None,
) -> None:
    """Cetak Bab II, III dan IV sebagai Markdown (GFM) dari templat Jinja2."""
    from lkjip_cli.tabel import BUILDERS

    nomor = parse_tabel(tabel, list(BUILDERS))
    babs = pilih_bab(bab, nomor)
    out = None if output in (None, "-") else Path(output)
    if out is not None:
        from lkjip_cli.render.markdown.templat import PENANDA

        periksa_tujuan(out, Path(file), force=force, penanda=PENANDA, opsi="-o")
    teks = _render(file, babs, nomor, template_dir)
    svg: list[tuple[Path, str | bytes]] = []
    if grafik is not None:
        from lkjip_cli.cli.grafik_berkas import grafik_svg

        tambahan, svg = grafik_svg(Path(file), grafik, out, force=force)
        teks += tambahan
    if out is None:
        tulis_semua(svg)
        cetak_data(teks)
        return
    tulis_semua([*svg, (out, teks)])
    typer.echo(aman_terminal(f"Ditulis: {out}"), err=True)


def _render(file: str, babs: list[str], nomor: list[str], template_dir: Path | None) -> str:
    """Load, compute and render; a template error is printed and exits 2."""
    result = load_or_exit(str(file))
    assert result.report is not None
    nomor = tabel_laporan(nomor, result.report.penomoran)

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.markdown.templat import GalatTemplat, render_markdown

    hasil = hitung(result.report)
    try:
        return render_markdown(hasil, bab=babs, tabel=nomor, template_dir=template_dir,
                               sumber=str(file), cache=True)
    except GalatTemplat as exc:
        raise gagal(str(exc)) from None


def register(app: typer.Typer) -> None:
    daftarkan(app, "render", render,
              "lkjip render data/2020.yaml -o bab3.md --bab 3",
              "lkjip render data/2020.yaml --template-dir templat/ -o laporan.md")
