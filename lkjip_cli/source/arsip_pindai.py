"""The scan of one XML part of an Office file, as it streams, before any library parses it.

Why a module of its own: openpyxl and python-docx parse an XML part whole (python-docx into
a tree) and trust what it says, so a part of a few hundred kilobytes zipped can hold millions
of elements, a cell in row 1,048,576, or a value openpyxl stops at. `Pemindai` is a set of
expat handlers fed the part's bytes as `source/arsip.py` decompresses them; no tree is
built, and it refuses the file (`Penolakan`) at the first thing over a limit:

- a DTD or entity declaration (Office files never have one; no entity is ever expanded and
  no external file fetched), and XML that is not well formed, with its line and column;
- elements, counted over the whole file, and those outside cell data (`BatasArsip.elemen`,
  `elemen_lain`), the clock checked every 4,096 elements;
- in a sheet: the number of every row and the reference of every cell that holds something,
  against the row and column limits; cells and shared strings counted; merged ranges counted
  and kept; the dimension's reference checked.

Rows and cells are found as openpyxl finds them (`openpyxl/worksheet/_reader.py`): a `row`
element of the spreadsheet namespace anywhere, each of its child elements a cell, a cell's
own `v`, `f` and `is` children its value, formula and inline text; a row number or cell
reference openpyxl could not read, rows out of order and a stored value it could not convert
(`source/arsip_nilai.py`) become `SelRusak` at their cell. What the scan learns of a sheet
(its last row and column, its headings' last column, merged ranges, formulas without a saved
value) is kept in its `Lembar`, so that openpyxl is asked for saved values only, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from xml.parsers import expat

from lkjip_cli.source.arsip_hasil import (
    KODE_BATAS,
    KODE_RUSAK,
    Hitungan,
    Lembar,
    Penolakan,
    SelRusak,
    ringkas,
)
from lkjip_cli.source.arsip_nilai import masalah_nilai
from lkjip_cli.source.batas import ribuan

NS_UTAMA = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

#: Elements (as expat names them: namespace, space, local name) of a sheet or the
#: shared-string table whose content is cell data; everything else counts toward
#: `BatasArsip.elemen_lain`.
_DATA = frozenset({f"{NS_UTAMA} sheetData", f"{NS_UTAMA} sst"})
_ROW, _SI, _GABUNG, _DIMENSI = (f"{NS_UTAMA} {n}" for n in ("row", "si", "mergeCell",
                                                              "dimension"))
_V, _F, _IS = (f"{NS_UTAMA} {n}" for n in ("v", "f", "is"))

#: A cell reference as Excel, LibreOffice and openpyxl write it.
_REF = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")


class Pemindai:
    """The expat handlers that scan one XML part (see the module's docstring).

    Rows and cells are found as openpyxl finds them: a `row` element of the spreadsheet
    namespace anywhere, each of its child elements (whatever its name) a cell, and a cell's
    own `v`, `f` and `is` children its value, formula and inline text."""

    def __init__(self, bagian: str, lembar: Lembar | None, hitung: Hitungan,
                 dicatat: tuple[str, ...] = (), jumlah_teks: int = 0) -> None:
        self.bagian = bagian
        self.lembar = lembar or Lembar(None)
        self.hitung = hitung
        self.batas = hitung.batas
        #: Local names (in any namespace) whose attributes are kept (the package's map).
        self.dicatat = dicatat
        self.catatan: list[tuple[str, dict[str, str]]] = []
        #: Entries of the shared-string table, for the cells that point into it.
        self.jumlah_teks = jumlah_teks
        #: Entries counted in this part (when it is the table).
        self.si = 0
        self.kedalaman = 0
        self.data = 0  # depth inside sheetData or sst
        self.kedalaman_baris = 0  # depth of the row being read, 0 outside a row
        #: The highest row number so far, and the number of the row being read (0: unknown).
        self.baris = 0
        self.baris_ini = 0
        self.kolom = 0
        self._sel: _Sel | None = None
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._mulai
        self.parser.EndElementHandler = self._akhir
        self.parser.StartDoctypeDeclHandler = self._dtd
        self.parser.EntityDeclHandler = self._dtd

    # ------------------------------------------------------------------ plumbing

    def _tempat(self) -> str:
        nama = self.lembar.nama
        return f"lembar {nama}" if nama else f"bagian {self.bagian}"

    def _tolak(self, code: str, pesan: str, sel: str | None = None) -> Penolakan:
        return Penolakan(code, pesan, lembar=self.lembar.nama, sel=sel)

    def _dtd(self, *args: object) -> None:
        raise self._tolak(KODE_RUSAK[self.hitung.jenis], f"{self._tempat()} memuat DTD "
                          "(deklarasi DOCTYPE atau entitas); berkas Office tidak pernah "
                          "memuatnya")

    def _rusak(self, sel: str, code: str, pesan: str) -> None:
        if len(self.hitung.rusak) < self.batas.sel_rusak:
            if self.lembar.nama is None:  # a part the workbook does not name as a sheet
                pesan = f"bagian {self.bagian}, sel {sel}: {pesan}"
            self.hitung.rusak.append(SelRusak(self.lembar.nama, sel, code, pesan))
        else:
            self.hitung.rusak_lagi += 1

    def umpan(self, potong: bytes, akhir: bool = False) -> None:
        try:
            self.parser.Parse(potong, akhir)
        except expat.ExpatError as exc:
            raise self._tolak(KODE_RUSAK[self.hitung.jenis], f"{self._tempat()} bukan XML "
                              f"yang utuh: baris {exc.lineno}, kolom {exc.offset + 1}: "
                              f"{expat.ErrorString(exc.code)}") from None

    # ------------------------------------------------------------------ elements

    def _mulai(self, nama: str, attrs: dict[str, str]) -> None:
        h = self.hitung
        h.elemen += 1
        if h.elemen > self.batas.elemen:
            raise self._tolak(KODE_BATAS[h.jenis], f"berkas berisi lebih dari "
                              f"{ribuan(self.batas.elemen)} elemen XML (batas)")
        if not h.elemen & 0xFFF and h.tenggat.lewat():
            raise h.batas_waktu(self.lembar.nama)
        self.kedalaman = kedalaman = self.kedalaman + 1
        sel = self._sel
        if sel is not None:  # inside a cell
            if kedalaman == sel.kedalaman + 1:
                sel.anak(nama, self.parser)
            elif sel.terbuka:
                sel.tutup(self.parser)  # ElementTree's `.text`: before the first child
            return
        if self.kedalaman_baris:  # a row's children are its cells
            if kedalaman == self.kedalaman_baris + 1:
                self._sel_mulai(attrs)
            return
        if not self.data:
            h.elemen_lain += 1
            if h.elemen_lain > self.batas.elemen_lain:
                raise self._tolak(KODE_BATAS[h.jenis], f"{self._tempat()}: berkas berisi lebih "
                                  f"dari {ribuan(self.batas.elemen_lain)} elemen XML di luar "
                                  "isi sel (gaya, gabungan, validasi, format bersyarat; batas)")
        if self.dicatat and nama.rpartition(" ")[2] in self.dicatat:
            self.catatan.append((nama.rpartition(" ")[2], attrs))
        if nama == _ROW:
            self.kedalaman_baris = kedalaman
            self._baris(attrs.get("r"))
        elif nama in _DATA:
            self.data += 1
        elif nama == _SI:
            self.si += 1
            self.hitung.teks_bersama += 1
            if self.hitung.teks_bersama > self.batas.sel:
                raise self._tolak("xlsx-limit", f"tabel teks bersama berisi lebih dari "
                                  f"{ribuan(self.batas.sel)} teks (batas)")
        elif nama == _GABUNG:
            self._gabungan(attrs.get("ref", ""))
        elif nama == _DIMENSI:
            self._dimensi(attrs.get("ref", ""))

    def _akhir(self, nama: str) -> None:
        kedalaman = self.kedalaman
        self.kedalaman = kedalaman - 1
        sel = self._sel
        if sel is not None:
            if kedalaman == sel.kedalaman:
                self._sel = None
                self._sel_akhir(sel)
            elif kedalaman == sel.kedalaman + 1 and sel.terbuka:
                sel.tutup(self.parser)
        elif kedalaman == self.kedalaman_baris:
            self.kedalaman_baris = 0
        elif self.data and nama in _DATA:
            self.data -= 1

    # ------------------------------------------------------------------ rows and cells

    def _baris(self, r: str | None) -> None:
        """A `<row>`: its number as openpyxl reads it (`r`, or the previous one plus one).
        openpyxl stops at a number it cannot read and silently skips a row that does not
        come after the one before: both are reported, once for the row."""
        n = self.baris + 1 if r is None else _nomor_baris(r)
        if n is None:
            self._rusak(f"A{self.baris + 1}", "cell-invalid",
                        f"nomor baris {ringkas(r or '')} bukan bilangan bulat; simpan ulang "
                        "buku kerja di Excel atau LibreOffice")
            self.baris_ini = 0
        elif n <= self.baris:
            self._rusak(f"A{max(n, 1)}", "cell-invalid",
                        f"baris {n} tercatat sesudah baris {self.baris}: urutan baris buku "
                        "kerja rusak; simpan ulang di Excel atau LibreOffice")
            self.baris_ini = max(n, 0)
        else:
            self.baris = self.baris_ini = n
        self.kolom = 0

    def _sel_mulai(self, attrs: dict[str, str]) -> None:
        h = self.hitung
        h.sel += 1
        ref = attrs.get("r")
        kolom = self.kolom + 1
        baris = self.baris_ini or self.baris + 1
        if ref is not None:
            cocok = _REF.match(ref)
            if cocok is None:
                self._rusak(f"{_huruf(kolom)}{baris}", "cell-invalid",
                            f"rujukan sel {ringkas(ref)} rusak; simpan ulang buku kerja di "
                            "Excel atau LibreOffice")
            else:
                kolom = _nomor_kolom(cocok[1])
                if self.baris_ini and int(cocok[2]) != baris:
                    self._rusak(ref, "cell-invalid", f"sel {ref} tercatat di dalam baris "
                                f"{baris}: susunan buku kerja rusak; simpan ulang di Excel "
                                "atau LibreOffice")
        self.kolom = kolom
        sel = f"{_huruf(kolom)}{baris}"
        if h.sel > self.batas.sel:
            raise self._tolak("xlsx-limit", f"buku kerja berisi lebih dari "
                              f"{ribuan(self.batas.sel)} sel (batas)", sel)
        gaya = attrs.get("s")
        if gaya and not gaya.isdigit():
            try:
                int(gaya)
            except ValueError:
                self._rusak(sel, "cell-invalid", f"gaya sel {ringkas(gaya)} bukan nomor "
                            "gaya; simpan ulang buku kerja di Excel atau LibreOffice")
        self._sel = _Sel(sel, baris, kolom, attrs.get("t", "n"), self.kedalaman)

    def _sel_akhir(self, sel: _Sel) -> None:
        if not sel.berisi:
            return
        if sel.baris > self.batas.baris:
            raise self._tolak("xlsx-limit", f"sel {sel.ref} di baris {ribuan(sel.baris)}, "
                              f"melewati batas {ribuan(self.batas.baris)} baris; hapus baris "
                              "di bawah data (pilih barisnya, Delete) lalu simpan", sel.ref)
        if sel.kolom > self.batas.kolom:
            raise self._tolak("xlsx-limit", f"sel {sel.ref} di kolom {ribuan(sel.kolom)}, "
                              f"melewati batas {ribuan(self.batas.kolom)} kolom; hapus kolom "
                              "di kanan data lalu simpan", sel.ref)
        lembar = self.lembar
        if sel.baris > lembar.baris_akhir:
            lembar.baris_akhir = sel.baris
        if sel.kolom > lembar.kolom_akhir:
            lembar.kolom_akhir = sel.kolom
        if sel.baris == 1 and sel.kolom > lembar.kolom_judul:
            lembar.kolom_judul = sel.kolom
        nilai = "".join(sel.v) if sel.v is not None else ""
        if sel.rumus is not None and not nilai:
            lembar.rumus_kosong[sel.ref] = "".join(sel.rumus)
        if nilai:
            masalah = masalah_nilai(sel.jenis, nilai, self.jumlah_teks)
            if masalah is not None:
                self._rusak(sel.ref, *masalah)

    # ------------------------------------------------------------------ the rest

    def _gabungan(self, ref: str) -> None:
        h = self.hitung
        h.gabungan += 1
        if h.gabungan > self.batas.gabungan:
            raise self._tolak("xlsx-limit", f"buku kerja berisi lebih dari "
                              f"{ribuan(self.batas.gabungan)} rentang sel yang digabung "
                              "(batas); batalkan penggabungan (pilih semua, Unmerge Cells)")
        self.lembar.gabungan.append(ref)

    def _dimensi(self, ref: str) -> None:
        from openpyxl.utils.cell import range_boundaries

        try:
            range_boundaries(ref)
        except (ValueError, TypeError):
            raise self._tolak("xlsx-invalid", f"{self._tempat()}: dimensi {ringkas(ref)} "
                              "rusak; simpan ulang buku kerja di Excel atau LibreOffice"
                              ) from None


@dataclass(slots=True)
class _Sel:
    """The cell being scanned: its place, type, and its first saved value and formula."""

    ref: str
    baris: int
    kolom: int
    jenis: str
    kedalaman: int
    berisi: bool = False
    v: list[str] | None = None
    rumus: list[str] | None = None
    terbuka: bool = False

    def anak(self, nama: str, parser: expat.XMLParserType) -> None:
        """A child element of the cell; openpyxl reads the first `v` and `f` (and `is`)."""
        if nama == _V and self.v is None:
            self.v = []
            self._buka(self.v, parser)
        elif nama == _F and self.rumus is None:
            self.rumus = []
            self._buka(self.rumus, parser)
        elif nama == _IS:
            self.berisi = True

    def _buka(self, teks: list[str], parser: expat.XMLParserType) -> None:
        self.berisi = self.terbuka = True
        parser.CharacterDataHandler = teks.append

    def tutup(self, parser: expat.XMLParserType) -> None:
        self.terbuka = False
        parser.CharacterDataHandler = None


@cache
def _nomor_baris(r: str) -> int | None:
    """A row's `r` as openpyxl reads it (`int`, else a float with no fraction), or None."""
    try:
        return int(r)
    except ValueError:
        pass
    try:
        nilai = float(r)
    except ValueError:
        return None
    return int(nilai) if nilai.is_integer() else None


def _nomor_kolom(huruf: str) -> int:
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n


@cache
def _huruf(kolom: int) -> str:
    out = ""
    while kolom > 0:
        kolom, sisa = divmod(kolom - 1, 26)
        out = chr(65 + sisa) + out
    return out or "A"
