"""The assembler every sheet's reader shares: it puts one cell's value at its place in the
report document and records, for every path of the document, the cell it came from.

Why one class: each `susun_*` module reads its sheets into the document the same way (a value
wrapped with its `Lembar!Sel` comment, a reference to another sheet's record by kode with a
"did you mean" hint, a range target in two columns), so that the YAML `lkjip import` writes
names the cell of every value and every diagnostic can be moved back to a cell.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import GAGAL, Isian, Pembaca, Rekaman, sebagai
from lkjip_cli.diagnostics import Path, format_path
from lkjip_cli.source.batas import MAKS_SARAN
from lkjip_cli.source.yamlteks import Catatan

#: Records by kode: the document node and its path.
Indeks = dict[str, tuple[dict[str, Any], Path]]


@dataclass
class Pohon:
    """The budget tree's nodes by kode: programs, kegiatan, every node below a kegiatan, and
    all of them with their level (from the Program Kegiatan sheet, or a kode-rekening one)."""

    program: Indeks = field(default_factory=dict)
    kegiatan: Indeks = field(default_factory=dict)
    rincian: Indeks = field(default_factory=dict)
    semua: dict[str, tuple[dict[str, Any], Path, int]] = field(default_factory=dict)
    #: The tree could not be read at all (its sheet reported why): rows that name its nodes
    #: are passed over, not reported once more each.
    gagal: bool = False
    #: The year's spending by class, summed from a kode-rekening sheet's belanja accounts.
    jenis: list[dict[str, Any]] = field(default_factory=list)

    def tambah(self, kode: str, item: dict[str, Any], path: Path, tingkat: int) -> None:
        if kode in self.semua:
            return
        self.semua[kode] = (item, path, tingkat)
        jenis = self.program if tingkat == 1 else self.kegiatan if tingkat == 2 else (
            self.rincian)
        jenis[kode] = (item, path)


class Penyusun(Pembaca):
    """Builds the report document from the records, recording where each value came from."""

    def catat(self, path: Path, rek: Rekaman, isian: Isian, judul: str) -> None:
        self.hasil.sel[format_path(path)] = (rek.lembar, isian.sel, judul)

    def taruh(self, wadah: dict[Any, Any], kunci: Any, rek: Rekaman, kolom: str,
              path: Path, lembar: tb.Lembar) -> None:
        kol = lembar.kolom_kunci(kolom)
        isian = rek[kolom]
        self.catat(path, rek, isian, kol.judul)
        nilai = sebagai(kol.jenis, isian.nilai)
        if nilai is GAGAL:
            self.hasil.sudah.add(format_path(path))
        elif nilai is not None:
            wadah[kunci] = Catatan(nilai, f"{rek.lembar}!{isian.sel}")
            if kol.jenis in ("angka", "rupiah") and isinstance(nilai, str):
                self.hasil.teks_angka[format_path(path)] = nilai
            if kolom == "kode" and isinstance(nilai, str):
                self.hasil.kode_sel.setdefault(nilai, f"{rek.lembar}!{isian.sel}")

    def baris_item(self, path: Path, rek: Rekaman) -> None:
        self.hasil.sel[format_path(path)] = (rek.lembar, rek.sel, "")

    def kode(self, rek: Rekaman, kolom: str = "kode") -> str | None:
        nilai = sebagai("teks", rek[kolom].nilai)
        return nilai if isinstance(nilai, str) else None

    def anak(self, rek: Rekaman, kolom: str, jenis: str, dikenal: dict[str, Any],
             lembar: tb.Lembar, kunci: str) -> tuple[dict[str, Any], Path] | None:
        """A new item under the record `rek`'s column names, appended to that record's list
        `kunci` and placed at `rek`'s cell, with its path; None with a diagnostic when the
        record is not known (the rows of a child sheet: indicators, inputs)."""
        induk = self.rujukan(rek, kolom, jenis, dikenal, lembar)
        if induk is None:
            return None
        atas, base = induk
        daftar = atas.setdefault(kunci, [])
        path: Path = (*base, kunci, len(daftar))
        self.baris_item(path, rek)
        item: dict[str, Any] = {}
        daftar.append(item)
        return item, path

    def rujukan(self, rek: Rekaman, kolom: str, jenis: str, dikenal: dict[str, Any],
                lembar: tb.Lembar) -> Any:
        """The record that `rek`'s column names, or None with a diagnostic."""
        kode = self.kode(rek, kolom)
        judul = lembar.kolom_kunci(kolom).judul
        if kode is None:
            if rek[kolom].nilai is not GAGAL:
                self.galat(rek.lembar, rek[kolom].sel, "missing",
                           f"baris ini tidak menyebut {jenis} induknya", judul)
            return None
        if kode not in dikenal:
            self.galat(rek.lembar, rek[kolom].sel, "unknown-ref",
                       f"tidak ada {jenis} berkode `{kode}`{self.saran(kode, dikenal)}", judul)
            return None
        return dikenal[kode]

    def saran(self, kode: str, dikenal: dict[str, Any]) -> str:
        """The "did you mean" hint, for the first `MAKS_SARAN` distinct unknown codes only:
        each costs a scan of every code, and a sheet of fifty thousand rows naming unknown
        codes must not cost fifty thousand scans."""
        if kode not in self.hasil.saran:
            if len(self.hasil.saran) >= MAKS_SARAN:
                return ""
            dekat = difflib.get_close_matches(kode, list(dikenal), n=1, cutoff=0.6)
            self.hasil.saran[kode] = f"; maksudnya `{dekat[0]}`?" if dekat else ""
        return self.hasil.saran[kode]

    def target(self, wadah: dict[Any, Any], kunci: Any, rek: Rekaman, kolom: str,
               path: Path, lembar: tb.Lembar) -> None:
        maks = rek[f"{kolom}_maks"]
        if maks.nilai is None:
            self.taruh(wadah, kunci, rek, kolom, path, lembar)
            return
        rentang: dict[str, Any] = {}
        self.taruh(rentang, "min", rek, kolom, (*path, "min"), lembar)
        self.taruh(rentang, "maks", rek, f"{kolom}_maks", (*path, "maks"), lembar)
        self.catat(path, rek, rek[kolom], lembar.kolom_kunci(kolom).judul)
        wadah[kunci] = rentang

    def nomor(self, rek: Rekaman, kolom: str, maks: int, L: tb.Lembar) -> int | None:
        """A quarter (1-4) or a month (1-12) in `kolom`, or None with a diagnostic."""
        n = sebagai("bulat", rek[kolom].nilai)
        if isinstance(n, int) and 1 <= n <= maks:
            return n
        judul = L.kolom_kunci(kolom).judul
        if n is None:
            self.galat(L.nama, rek[kolom].sel, "missing",
                       f"sel wajib `{judul}` kosong: isi 1 sampai {maks}", judul)
        elif n is not GAGAL:
            self.galat(L.nama, rek[kolom].sel, "value",
                       f"{judul.lower()} harus bilangan bulat 1 sampai {maks}, bukan {n!r}",
                       judul)
        return None

    def tahun(self, rek: Rekaman, L: tb.Lembar, kolom: str = "tahun") -> int | None:
        """The year in `kolom`, or None with a diagnostic."""
        tahun = sebagai("bulat", rek[kolom].nilai)
        if isinstance(tahun, int):
            return tahun
        judul = L.kolom_kunci(kolom).judul
        if tahun is None:
            self.galat(L.nama, rek[kolom].sel, "missing",
                       f"sel wajib `{judul}` kosong: isi tahunnya (misalnya 2023)", judul)
        elif tahun is not GAGAL:
            self.galat(L.nama, rek[kolom].sel, "type",
                       f"tahun harus bilangan bulat, bukan {tahun!r}", judul)
        return None


def urutan(daftar: list[Any], n: int) -> dict[str, Any]:
    """The `n`th (1-based) entry of a list of quarters or months, made with the ones before."""
    while len(daftar) < n:
        daftar.append({})
    entry: dict[str, Any] = daftar[n - 1]
    return entry
