"""Reading the budget side of the workbook into the report document: the budget tree at any
depth (one `Program Kegiatan` row per node), the indicators of each kegiatan, and each year's
spending with its classes and printed groups.

Why one sheet for the whole tree: a 2021+ region's tree is Program -> Kegiatan -> Sub
Kegiatan, a ministry's Program -> Kegiatan -> KRO -> RO; a row per node with its `Tingkat`
(a level name of `tingkat_anggaran`, or its number) and its parent's kode in `Induk` (or, when
empty, the nearest row above one level up) holds any of them without a sheet per level, in
the order finance staff already list them.
"""

from __future__ import annotations

import re
from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import GAGAL, Rekaman, sebagai
from lkjip_cli.buku.penyusun import Penyusun, Pohon
from lkjip_cli.diagnostics import Path, format_path
from lkjip_cli.model.anggaran import TINGKAT_BAWAAN
from lkjip_cli.source.yamlteks import Catatan

#: Columns of each kind of node: a program carries no money of its own; below it, money
#: stands at the leaves (the model says which is required where).
_KOLOM_PROGRAM = ("kode", "nama", "anggaran_perjanjian_kinerja", "sumber_dana", "mendukung",
                  "penanggung_jawab")
_KOLOM_SIMPUL = ("kode", "nama", "pagu", "realisasi", "rpd", "mendukung", "penanggung_jawab")


def nama_tingkat(doc: dict[str, Any]) -> list[str]:
    """The report's level names (`tingkat_anggaran`, as read from Instansi) or the default."""
    nilai = doc.get("tingkat_anggaran")
    nilai = nilai.nilai if isinstance(nilai, Catatan) else nilai
    if isinstance(nilai, list) and nilai:
        return [str(n) for n in nilai]
    return list(TINGKAT_BAWAAN)


def _tingkat(p: Penyusun, rek: Rekaman, nama: list[str]) -> int | None:
    """The 1-based level a row's `Tingkat` names: a level name (any case), `program` and
    `kegiatan` always, or a number (`3`, `tingkat 3`)."""
    nilai = sebagai("teks", rek["tingkat"].nilai)
    if nilai is GAGAL:
        return None
    teks = " ".join(str(nilai).split()).lower()
    dikenal = {n.lower(): i for i, n in enumerate(nama, start=1)}
    dikenal.setdefault("program", 1)
    dikenal.setdefault("kegiatan", 2)
    if teks in dikenal:
        return dikenal[teks]
    angka = re.fullmatch(r"(?:tingkat\s*)?([1-9][0-9]?)", teks)
    if angka:
        return int(angka[1])
    p.galat(tb.ANGGARAN.nama, rek["tingkat"].sel, "type",
            f"tingkat `{nilai}` tidak dikenal; pilih: {', '.join(n.lower() for n in nama)}, "
            "atau nomor tingkatnya (1 program, 2 kegiatan, ...)", "Tingkat")
    return None


def susun_anggaran(p: Penyusun, doc: dict[str, Any]) -> Pohon:
    L = tb.ANGGARAN
    pohon = Pohon()
    nama = nama_tingkat(doc)
    daftar: list[Any] = []
    terakhir: dict[int, tuple[dict[str, Any], Path]] = {}
    for rek in p.rekaman(L):
        n = _tingkat(p, rek, nama)
        if n is None:
            continue
        if n == 1:
            path: Path = ("program", len(daftar))
            item = _simpul(p, rek, path, _KOLOM_PROGRAM, ("pagu", "realisasi", "rpd", "induk"))
            _baris_lain(p, rek, item, path)
            daftar.append(item)
            p.hasil.sel.setdefault(format_path((*path, "kegiatan")), (L.nama, rek.sel, ""))
        else:
            induk = _induk(p, rek, n, pohon, terakhir, nama)
            if induk is None:
                continue
            wadah, base = induk
            anak = "kegiatan" if n == 2 else "rincian"
            saudara = wadah.setdefault(anak, [])
            path = (*base, anak, len(saudara))
            item = _simpul(p, rek, path, _KOLOM_SIMPUL,
                           ("anggaran_perjanjian_kinerja", "sumber_dana", *_BARIS_LAIN))
            saudara.append(item)
        terakhir[n] = (item, path)
        for lebih in [k for k in terakhir if k > n]:
            del terakhir[lebih]
        kode = p.kode(rek)
        if kode is not None:
            pohon.tambah(kode, item, path, n)
    if daftar:
        doc["program"] = daftar
    return pohon


def _simpul(p: Penyusun, rek: Rekaman, path: Path, kolom: tuple[str, ...],
            kosong: tuple[str, ...]) -> dict[str, Any]:
    """One node of the tree from its row; the columns its level does not use must be empty."""
    L = tb.ANGGARAN
    p.baris_item(path, rek)
    item: dict[str, Any] = {}
    for k in kolom:
        p.taruh(item, k, rek, k, (*path, k), L)
    for k in kosong:
        if rek[k].nilai is not None and rek[k].nilai is not GAGAL:
            judul = L.kolom_kunci(k).judul
            pesan = ("baris program tidak mengisi kolom ini: pagu, realisasi dan RPD diisi "
                     "pada baris terbawah di bawahnya" if len(path) == 2
                     else "kolom ini untuk baris program")
            p.galat(L.nama, rek[k].sel, "value", f"{pesan}; kosongkan sel ini", judul)
    return item


#: A program's columns for the rows its printed total covers that the file does not list.
_BARIS_LAIN = ("baris_lain_pagu", "baris_lain_realisasi", "baris_lain_keterangan")


def _baris_lain(p: Penyusun, rek: Rekaman, item: dict[str, Any], path: Path) -> None:
    lain: dict[str, Any] = {}
    for k in _BARIS_LAIN:
        kunci = k.removeprefix("baris_lain_")
        p.taruh(lain, kunci, rek, k, (*path, "baris_lain", kunci), tb.ANGGARAN)
    if lain:
        item["baris_lain"] = lain


def _induk(p: Penyusun, rek: Rekaman, n: int, pohon: Pohon,
           terakhir: dict[int, tuple[dict[str, Any], Path]],
           nama: list[str]) -> tuple[dict[str, Any], Path] | None:
    """The parent of a row at level `n`: the node `Induk` names, which must be one level up,
    or the nearest row above at that level."""
    L = tb.ANGGARAN
    atas = nama[n - 2].lower() if n - 2 < len(nama) else f"tingkat {n - 1}"
    if rek["induk"].nilai is None:
        if n - 1 in terakhir:
            return terakhir[n - 1]
        p.galat(L.nama, rek["induk"].sel, "missing",
                f"baris tingkat {n} tanpa induk: isi kolom Induk dengan kode {atas} di "
                f"atasnya, atau letakkan baris {atas} di atasnya", "Induk")
        return None
    found = p.rujukan(rek, "induk", atas, pohon.semua, L)
    if found is None:
        return None
    item, path, tingkat = found
    if tingkat != n - 1:
        p.galat(L.nama, rek["induk"].sel, "value",
                f"induk `{p.kode(rek, 'induk')}` ada di tingkat {tingkat}, bukan tingkat "
                f"{n - 1} ({atas}) di atas baris tingkat {n} ini", "Induk")
        return None
    return item, path


Tahunan = dict[int, tuple[dict[str, Any], Path]]


def susun_belanja(p: Penyusun, doc: dict[str, Any]) -> Tahunan:
    L = tb.BELANJA
    tahunan: Tahunan = {}
    daftar: list[Any] = []
    for rek in p.rekaman(L):
        path: Path = ("belanja", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        p.taruh(item, "tahun", rek, "tahun", (*path, "tahun"), L)
        for pos in ("langsung", "tidak_langsung"):
            isi: dict[str, Any] = {}
            for nama in ("pagu", "realisasi"):
                p.taruh(isi, nama, rek, f"{nama}_{pos}", (*path, pos, nama), L)
            if isi:
                item[pos] = isi
        for kolom in ("realisasi", "pagu_murni", "jumlah_program", "jumlah_kegiatan",
                      "klasifikasi"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        daftar.append(item)
        tahun = sebagai("bulat", rek["tahun"].nilai)
        if isinstance(tahun, int):
            tahunan.setdefault(tahun, (item, path))
    if daftar:
        doc["belanja"] = daftar
    return tahunan


Kelas = dict[tuple[int, str], tuple[dict[str, Any], Path]]


def susun_kelas(p: Penyusun, tahunan: Tahunan, L: tb.Lembar, kunci: str,
                kolom: tuple[str, ...]) -> Kelas:
    """`Jenis Belanja` (kunci `jenis`) or `Kelompok Belanja` (`kelompok`): lines of a year
    on the Belanja sheet, by (year, class code) for the printed figures."""
    indeks: Kelas = {}
    for rek in p.rekaman(L):
        tahun = p.tahun(rek, L)
        if tahun is None:
            continue
        if tahun not in tahunan:
            p.galat(L.nama, rek["tahun"].sel, "unknown-ref",
                    f"tidak ada baris tahun {tahun} di lembar Belanja; tambahkan tahun itu "
                    "di sana (klasifikasinya di kolom Klasifikasi)", "Tahun")
            continue
        tahun_item, base = tahunan[tahun]
        daftar = tahun_item.setdefault(kunci, [])
        path: Path = (*base, kunci, len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for k in kolom:
            p.taruh(item, k, rek, k, (*path, k), L)
        daftar.append(item)
        kode = p.kode(rek, kunci)
        if kode is not None:
            indeks.setdefault((tahun, kode), (item, path))
    return indeks
