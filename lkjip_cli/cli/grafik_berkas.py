"""`lkjip render --grafik DIR`: the report's charts as SVG files beside the Markdown.

Why here: the files are written under `cli/berkas.py`'s policy together with the Markdown
(checked before anything is written, atomic, all or nothing). Each SVG begins with lkjip's
marker comment (the XML declaration, optional for UTF-8, is dropped so the marker can be the
first line), so a later render replaces its own charts without --force and keeps any other
file of the same name.
"""

from __future__ import annotations

import os
from pathlib import Path

from lkjip_cli.cli.berkas import buat_direktori, gagal, periksa_direktori, periksa_tujuan
from lkjip_cli.cli.opsi import TANPA_GRAFIK, matplotlib_ada
from lkjip_cli.cli.output import load_or_exit


def _svg_berpenanda(svg: bytes, sumber: Path) -> str:
    from lkjip_cli.render.markdown.templat import PENANDA

    teks = svg.decode("utf-8")
    if teks.startswith("<?xml"):
        teks = teks.split("?>", 1)[1].lstrip("\n")
    name = sumber.name.replace("--", "- -")
    return f"{PENANDA} grafik dari {name}; lkjip render menimpa berkas ini -->\n{teks}"


def grafik_svg(file: Path, direktori: Path, out: Path | None, *,
               force: bool) -> tuple[str, list[tuple[Path, str | bytes]]]:
    """The Markdown that shows the charts, and the SVG files to write (checked, not written).

    Image paths are relative to the Markdown file (or to the working directory for stdout).
    """
    if not matplotlib_ada():
        raise gagal(TANPA_GRAFIK)
    periksa_direktori(direktori, "--grafik")
    result = load_or_exit(str(file))
    assert result.report is not None

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.grafik import data_grafik, gambar_semua

    hasil = hitung(result.report)
    dasar = (out.parent if out is not None else Path()).resolve()
    baris = ["", "## Grafik", ""]
    berkas: list[tuple[Path, str | bytes]] = []
    semua = data_grafik(hasil)
    for data in semua:  # every target checked before any chart is drawn
        periksa_tujuan(direktori / f"{data.kode}.svg", file, force=force, penanda=_penanda(),
                       opsi=None)
    for data, svg in zip(semua, gambar_semua(semua, "svg"), strict=True):
        path = direktori / f"{data.kode}.svg"
        berkas.append((path, _svg_berpenanda(svg, file)))
        rujukan = Path(os.path.relpath(path.resolve(), dasar)).as_posix()
        baris += [f"![{data.judul}]({rujukan})", ""]
    buat_direktori(direktori)
    return "\n".join(baris), berkas


def _penanda() -> str:
    from lkjip_cli.render.markdown.templat import PENANDA

    return PENANDA
