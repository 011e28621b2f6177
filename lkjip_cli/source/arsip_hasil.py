"""What the inspection of an Office file finds, and the count it keeps against the limits.

Why a module of its own: the steps of the inspection (`source/arsip.py`: the zip's directory,
each part streamed, the package's map; `source/arsip_pindai.py`: the scan of each XML part)
refuse a file in one way and report what they learned in one shape, and the readers of
workbooks and documents (`buku/`, `source/dokumen.py`) handle only these: a `Penolakan` (one
diagnostic, nothing more is read), a `SelRusak` (a cell openpyxl could not read), a `Lembar`
(a sheet's extent, headings, merged ranges, formulas without a saved value) and the `Paket`
that holds them. `Hitungan` is the one account of a file's bytes, elements, cells, shared
strings and merged ranges against its `BatasArsip` (`source/batas.py`), and of its time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_cli.source.batas import MIB, BatasArsip, Tenggat, ribuan


class Penolakan(Exception):
    """The file goes over a limit or cannot be read: one diagnostic, nothing more is read."""

    def __init__(self, code: str, pesan: str, *, lembar: str | None = None,
                 sel: str | None = None) -> None:
        super().__init__(pesan)
        self.code = code
        self.pesan = pesan
        self.lembar = lembar
        self.sel = sel


@dataclass(frozen=True, slots=True)
class SelRusak:
    """A cell whose stored value openpyxl could not read, and why."""

    lembar: str | None
    sel: str
    code: str
    pesan: str


@dataclass
class Lembar:
    """What the scan learned of one sheet."""

    nama: str | None
    #: The last row and column with a cell that holds something (0: none).
    baris_akhir: int = 0
    kolom_akhir: int = 0
    #: The last column with something in row 1 (the headings).
    kolom_judul: int = 0
    #: Formula cells without a saved value: reference -> the formula's text.
    rumus_kosong: dict[str, str] = field(default_factory=dict)
    #: Merged ranges, as written (`L2:M2`).
    gabungan: list[str] = field(default_factory=list)


@dataclass
class Paket:
    """A package that passed every limit: its sheets (by name) and its unreadable cells."""

    lembar: dict[str, Lembar]
    rusak: list[SelRusak]
    #: Unreadable cells beyond `BatasArsip.sel_rusak`, counted but not listed.
    rusak_lagi: int = 0


def ukuran(n: int) -> str:
    """A size in bytes as a message prints it."""
    return f"{ribuan(n)} byte" if n < MIB else f"{ribuan(n)} byte ({n / MIB:.0f} MiB)"


#: The codes of a file that cannot be read, and of one that goes over a limit, by kind.
KODE_RUSAK = {"xlsx": "xlsx-invalid", "docx": "docx-invalid"}
KODE_BATAS = {"xlsx": "xlsx-limit", "docx": "docx-limit"}


@dataclass
class Hitungan:
    """Counts over the whole file, against its limits."""

    batas: BatasArsip
    tenggat: Tenggat
    jenis: str
    terurai: int = 0
    elemen: int = 0
    elemen_lain: int = 0
    sel: int = 0
    teks_bersama: int = 0
    gabungan: int = 0
    rusak: list[SelRusak] = field(default_factory=list)
    rusak_lagi: int = 0

    def batas_waktu(self, lembar: str | None = None) -> Penolakan:
        """The refusal for a file that took longer than `BatasArsip.detik` to read."""
        return Penolakan(KODE_BATAS[self.jenis], "pembacaan berkas melewati batas waktu "
                         f"{self.batas.detik:g} detik", lembar=lembar)


def ringkas(nilai: str) -> str:
    """A stored value as a message quotes it, cut to 40 characters."""
    return repr(nilai if len(nilai) <= 40 else nilai[:37] + "...")
