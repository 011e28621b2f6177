"""The tables of an LKjIP as values (`Tabel`, rows of `Sel`), built once from the engine's
result; every surface (terminal, JSON, CSV, Markdown, Word, Excel) draws from these, so a
caption, a column or a figure can never differ between two outputs.

Inside: `sel` (the values and `format_sel`), `catatan` (the words the builders share), one
module per family of tables (`perencanaan`, `sakip`, `capaian`, `anggaran`) and `daftar`, the
one place a table is registered. Other rooms import the names below from `lkjip_cli.tabel`,
not from the modules inside it.
"""

from lkjip_cli.tabel.daftar import (
    BAB_III,
    BAGIAN,
    BUILDERS,
    GABUNG,
    Bagian,
    bagian_tabel,
    bangun,
    rentang_gabung,
)
from lkjip_cli.tabel.sel import (
    ROMAWI,
    Baris,
    Gaya,
    Jenis,
    Kolom,
    Sel,
    Tabel,
    bilangan,
    format_sel,
    masukan,
    persen,
    rp,
    teks,
)

__all__ = [
    "BAB_III",
    "BAGIAN",
    "BUILDERS",
    "GABUNG",
    "ROMAWI",
    "Bagian",
    "Baris",
    "Gaya",
    "Jenis",
    "Kolom",
    "Sel",
    "Tabel",
    "bagian_tabel",
    "bangun",
    "bilangan",
    "format_sel",
    "masukan",
    "persen",
    "rentang_gabung",
    "rp",
    "teks",
]
