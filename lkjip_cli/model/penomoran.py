"""The report's own table numbering: lkjip's table numbers to the labels the report prints.

lkjip names its tables by the reference report's numbers (`3.5`, `3.13`); every agency
numbers its own ("Tabel III.2", "Tabel 19", "Tabel IV.1"). The file's `penomoran` maps one
to the other, captions print the report's label, and a `dilaporkan` place may be written as
the printed label, which is resolved back to lkjip's number here. This module sits below
every layer (the semantic checks read the raw document, the audit and the renderers read
the model), so that all of them resolve a label the same way.

A place written as a plain `major.minor` number that no `penomoran` entry prints is taken as
that number itself, as before `penomoran` existed: files written then keep their meaning.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

#: The tables lkjip builds, by the reference report's numbers (`lkjip_cli.tabel.BUILDERS`).
TABEL_LKJIP = ("2.1", "2.4", "2.5", "2.6", "3.1", "3.2", "3.4", "3.5", "3.6", "3.7",
               "kinerja-program", "3.8", "kinerja-sub-kegiatan", "3.9", "3.10", "3.11", "3.12",
               "3.13", "3.14", "renja")

#: The label a table prints when the report's `penomoran` gives none, for tables that are
#: not numbered like an LKjIP's: the Evaluasi terhadap Hasil Renja is form E.81 as regional
#: systems number the Lampiran of Permendagri 86/2017 (docs/renja.md); the capaian kinerja
#: program sits before Tabel 3.8 (kegiatan) and the sub kegiatan's after it.
LABEL_BAWAAN = {"renja": "E.81", "kinerja-program": "3.7a", "kinerja-sub-kegiatan": "3.8a"}
BALIK_BAWAAN = {label: nomor for nomor, label in LABEL_BAWAAN.items()}

#: Places that are not tables.
TEMPAT_NARASI = ("ikhtisar", "bab1", "bab2", "bab3", "bab4")

_AWALAN = re.compile(r"^tabel\s+", re.IGNORECASE)
_NOMOR_LAMA = re.compile(r"^\d{1,2}\.\d{1,2}$")
_ROMAWI = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def bersih(label: str) -> str:
    """`"Tabel III.2"` -> `"III.2"`: a label without its `Tabel` word and spaces."""
    return _AWALAN.sub("", label.strip()).strip()


def pisah(tempat: str) -> tuple[str, str]:
    """A place and its optional `/suffix`: `"Tabel 19/a"` -> `("19", "a")`."""
    base, _, suffix = tempat.partition("/")
    return bersih(base), suffix


class Penomoran:
    """One report's numbering: lkjip number -> printed label, and back."""

    def __init__(self, peta: Mapping[Any, str] | None = None) -> None:
        self.cetak: dict[str, str] = {str(nomor): bersih(label)
                                      for nomor, label in (peta or {}).items()}
        self.balik = {label: nomor for nomor, label in self.cetak.items()}

    def label(self, nomor: str) -> str:
        """The label the report prints for lkjip's table `nomor` (itself when not mapped)."""
        return self.cetak.get(nomor, LABEL_BAWAAN.get(nomor, nomor))

    def nama_tabel(self, nomor: str) -> str:
        """`"3.13"` -> `"Tabel 19"` when the report numbers Tabel 3.13 as 19."""
        return f"Tabel {self.label(nomor)}"

    def nomor(self, label: str) -> str | None:
        """lkjip's number for a printed table label; None when it names no table.

        A printed label wins; a plain `major.minor` number that the report does not print
        for another table is that number itself (lkjip's, or a table lkjip does not build).
        """
        label = bersih(label)
        if label in self.balik:
            return self.balik[label]
        if _NOMOR_LAMA.match(label) and self.cetak.get(label, label) == label:
            return label
        bawaan = BALIK_BAWAAN.get(label)
        if bawaan is not None and bawaan not in self.cetak:
            return bawaan
        return None

    def tabel(self, pilihan: str) -> str | None:
        """lkjip's table for a choice of table (`--tabel`): lkjip's id (`3.5`, `renja`), or
        the label the report prints for it (`III.2`, `Tabel 19`, `E.81`); an id wins over a
        label. None when it names no table lkjip builds."""
        pilihan = bersih(pilihan)
        if pilihan in TABEL_LKJIP:
            return pilihan
        nomor = self.nomor(pilihan)
        return nomor if nomor in TABEL_LKJIP else None

    def pilihan_tabel(self) -> list[str]:
        """Every table a choice may name, as `3.5` or `3.5 (dicetak III.2)`."""
        out = []
        for nomor in TABEL_LKJIP:
            label = self.label(nomor)
            out.append(nomor if label == nomor else f"{nomor} (dicetak {label})")
        return out

    def resolusi(self, tempat: str) -> str | None:
        """A `dilaporkan` place with its table label resolved: `"Tabel III.2/x"` ->
        `"3.5/x"`; narrative places unchanged; None for a label that names nothing."""
        base, suffix = pisah(tempat)
        if base in TEMPAT_NARASI:
            resolved: str | None = base
        else:
            resolved = self.nomor(base)
        if resolved is None:
            return None
        return f"{resolved}/{suffix}" if suffix else resolved

    def saran(self, tempat: str) -> str | None:
        """The printed label (or lkjip number) nearest to an unresolvable place."""
        base, _ = pisah(tempat)
        known = [*self.balik, *(n for n in TABEL_LKJIP if n not in self.cetak)]
        close = difflib.get_close_matches(base, known, n=1, cutoff=0.5)
        return close[0] if close else None

    def pesan_tidak_dikenal(self, tempat: str) -> str:
        """Why a place resolves to nothing, and the nearest label, in the report's words."""
        base, _ = pisah(tempat)
        if base in self.cetak and self.cetak[base] != base:
            return (f"tempat `{tempat}`: laporan ini mencetak Tabel {base} lkjip sebagai "
                    f"`Tabel {self.cetak[base]}` (penomoran); tulis `{self.cetak[base]}`")
        close = self.saran(tempat)
        hint = f"; mungkin maksudnya `{close}`?" if close else ""
        if not self.cetak:
            return (f"tempat `{tempat}` bukan nomor tabel yang dikenal: tulis nomor seperti "
                    f"\"3.5\", atau petakan nomor cetakan laporan di `penomoran` "
                    f"(misalnya penomoran: {{\"3.5\": \"{base}\"}}){hint}")
        return (f"tempat `{tempat}` tidak cocok dengan label tabel mana pun di `penomoran` "
                f"({', '.join(sorted(self.balik))}){hint}")


def urutan_label(label: str) -> tuple[int, ...]:
    """A printed label as numbers to sort by: `"III.2"` -> (3, 2), `"19"` -> (19,)."""
    out: list[int] = []
    for part in bersih(label).split("."):
        digits = re.match(r"^\d+", part)
        if digits:
            out.append(int(digits.group()))
        elif part and all(ch in _ROMAWI for ch in part.upper()):
            out.append(_romawi_ke_angka(part.upper()))
        else:
            out.append(0)
    return tuple(out)


def _romawi_ke_angka(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAWI[ch]
        nxt = _ROMAWI[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total
