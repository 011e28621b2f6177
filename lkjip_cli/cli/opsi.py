"""What several commands share: the `--bab` and `--tabel` options and how they are read, and
whether charts can be drawn.

Why a module of its own: `render`, `export` and `compute` take the same options, and `render
--grafik` and `export` need the same check for matplotlib. Kept here, no command module
imports another (an import-linter contract in pyproject.toml holds that), so a command can be
changed or added without reading the others. Only typer is imported at the top: `lkjip --help`
loads this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

import typer


class Bab(StrEnum):
    """The parts of the document, in PermenPAN-RB 53/2014's order (`render.markdown.BAGIAN`)."""

    sampul = "sampul"
    pengantar = "pengantar"
    ikhtisar = "ikhtisar"
    satu = "1"
    dua = "2"
    tiga = "3"
    empat = "4"
    lampiran = "lampiran"
    semua = "all"


#: `--bab sampul|pengantar|ikhtisar|1|2|3|4|lampiran|all` of the commands that write
#: chapters (`render`, `export`).
BabOpt = Annotated[
    Bab | None, typer.Option("--bab", help="Bagian yang dicetak (bawaan: all, seluruh "
                             "dokumen).", show_default=False)
]
#: `--tabel 3.4,3.5` of the commands that write chapters: only these tables.
TabelOpt = Annotated[
    list[str] | None,
    typer.Option("--tabel", "-t", help="Hanya tabel ini: nomor lkjip atau label cetakan "
                 "laporan (boleh diulang atau dipisah koma).",
                 metavar="NOMOR"),
]


def parse_tabel(values: list[str] | None, known: list[str]) -> list[str]:
    """`--tabel 3.4 --tabel 3.5,III.6` -> ['3.4', '3.5', 'III.6']: lkjip's ids in `known`, or
    what may be a label the report prints (resolved once the report is read: `tabel_laporan`);
    anything else is refused before the file is read."""
    from lkjip_cli.model.types import POLA_LABEL_TABEL

    wanted = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    unknown = [w for w in wanted if w not in known and not re.fullmatch(POLA_LABEL_TABEL, w)]
    if unknown:
        raise typer.BadParameter(
            f"tabel tidak dikenal: {', '.join(unknown)}; pilihan: {', '.join(known)}, atau "
            "label tabel yang dicetak laporan (penomoran)",
            param_hint="--tabel",
        )
    return wanted


def tabel_laporan(wanted: list[str], penomoran: Mapping[Any, str]) -> list[str]:
    """The tables asked for, as lkjip's ids: an id as it is, a label the report prints
    (`E.81`, `III.5`, `Tabel 19`) through its `penomoran`; one that names no table is a usage
    error listing every choice with its printed label."""
    from lkjip_cli.model.penomoran import Penomoran

    p = Penomoran(penomoran)
    nomor = [(w, p.tabel(w)) for w in wanted]
    unknown = [w for w, n in nomor if n is None]
    if unknown:
        raise typer.BadParameter(
            f"tabel tidak dikenal: {', '.join(unknown)}; pilihan di laporan ini (nomor lkjip "
            f"atau label cetakannya): {', '.join(p.pilihan_tabel())}",
            param_hint="--tabel",
        )
    return [n for _, n in nomor if n is not None]


def pilih_bab(bab: Bab | None, tabel: list[str]) -> list[str]:
    """The chapters to write: those of `--bab` (all when not given), none when `--tabel`
    names tables; both together are a usage error."""
    if bab is not None and tabel:
        raise typer.BadParameter("pilih --bab atau --tabel, tidak keduanya",
                                 param_hint="--tabel")
    if tabel:
        return []
    if bab is None or bab is Bab.semua:
        # The chapters from the option's own list, not from `render.markdown.BAB`: that
        # module imports Jinja2, which `export --to xlsx` never uses (tests/test_mulai.py
        # holds the two lists equal).
        return [b.value for b in Bab if b is not Bab.semua]
    return [bab.value]


#: The one line printed when matplotlib is missing.
TANPA_GRAFIK = ("Grafik tidak disertakan: matplotlib tidak terpasang. Pasang dengan "
                "`pip install 'lkjip[grafik]'` (atau `pip install matplotlib`).")


def matplotlib_ada() -> bool:
    """Whether charts can be drawn (without importing matplotlib)."""
    from importlib.util import find_spec

    return find_spec("matplotlib") is not None
