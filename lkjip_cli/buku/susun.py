"""`susun(p)`: every sheet of the data-entry workbook put together as the report document, and
the printed figures of `Dilaporkan` placed on what printed them.

Why a module of its own: the figures a report printed can describe anything in it (the
report, a sasaran, a quarter, a month or an earlier year of an indicator, an input, a derived
indicator's inputs, any node of the budget tree, a year's spending, a class or a group of it,
a SAKIP evaluation), so they are placed
last, once both halves of the report (`susun_kinerja.py`, `susun_anggaran.py`) are indexed.
"""

from __future__ import annotations

from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import GAGAL, BacaanBuku, Rekaman, sebagai
from lkjip_cli.buku.penyusun import Penyusun, urutan
from lkjip_cli.buku.rekening import PilihanRekening, jenis_dari_rekening, susun_rekening
from lkjip_cli.buku.susun_anggaran import susun_anggaran, susun_belanja, susun_kelas
from lkjip_cli.buku.susun_hitung import susun_hitung
from lkjip_cli.buku.susun_kaskade import (
    objek_renja,
    susun_indikator_simpul,
    susun_renja,
    susun_uang_simpul,
)
from lkjip_cli.buku.susun_kinerja import (
    susun_aturan,
    susun_evaluasi,
    susun_instansi,
    susun_masukan,
    susun_penomoran,
    susun_periodik,
    susun_sasaran,
    susun_tujuan,
)
from lkjip_cli.buku.susun_narasi import susun_narasi
from lkjip_cli.buku.susun_pendapatan import objek_pendapatan, susun_pendapatan
from lkjip_cli.diagnostics import Path, format_path

#: The report's keys in the model's order, as `lkjip import` writes them.
URUTAN_KUNCI = ("versi_format", "instansi", "tahun", "periode", "renstra", "aturan", "tujuan",
                "sasaran", "program", "tingkat_anggaran", "belanja", "evaluasi_sakip",
                "evaluasi_renja", "pendapatan", "penomoran", "narasi", "dilaporkan")

Tempat = tuple[dict[str, Any], Path]


def _susun_dilaporkan(p: Penyusun, doc: dict[str, Any], per_bagian: dict[str, Any]) -> None:
    L = tb.DILAPORKAN
    seen: dict[str, str] = {}
    for rek in p.rekaman(L):
        bagian = sebagai("teks", rek["bagian"].nilai)
        obj = _objek(p, rek, bagian, doc, per_bagian)
        if obj is None:
            continue
        wadah, base = obj
        besaran = p.kode(rek, "besaran")
        tempat = rek["tempat"].nilai
        if besaran is None or tempat is None:
            sel = rek["besaran"].sel if besaran is None else rek["tempat"].sel
            p.galat(L.nama, sel, "missing", "baris Dilaporkan memerlukan Besaran dan Tempat")
            continue
        if not isinstance(tempat, str):
            p.galat(L.nama, rek["tempat"].sel, "type",
                    f"tempat {tempat} diketik sebagai angka (Excel membuang nol di belakang: "
                    "3.10 menjadi 3.1); ketik sebagai teks, dengan apostrof: '3.10", "Tempat")
            continue
        jalur = _jalur(p, rek, bagian, besaran)
        if jalur is None:
            continue
        path: Path = (*base, "dilaporkan", *jalur, tempat)
        key = format_path(path)
        if key in seen:
            p.galat(L.nama, rek["nilai"].sel, "duplicate-key",
                    f"{besaran} di tempat {tempat} sudah dicatat di sel {seen[key]}", "Nilai")
            continue
        seen[key] = rek["nilai"].sel
        p.hasil.sel_kunci[format_path((*base, "dilaporkan", *jalur))] = (
            L.nama, rek["besaran"].sel, "Besaran")
        p.hasil.sel_kunci[key] = (L.nama, rek["tempat"].sel, "Tempat")
        isi = wadah.setdefault("dilaporkan", {})
        for kunci in jalur:
            isi = isi.setdefault(kunci, {})
        p.taruh(isi, tempat, rek, "nilai", path, L)


def _jalur(p: Penyusun, rek: Rekaman, bagian: Any, besaran: str) -> tuple[Any, ...] | None:
    """The keys under `dilaporkan` before the place: the quantity; for an indicator whose
    `Butir` names a year, that earlier year's (`tahun_sebelumnya.<tahun>.<besaran>`); for a
    derived indicator whose `Butir` names an input, that input's (`<besaran>.<nama>`)."""
    butir = rek["butir"].nilai
    if butir is None or bagian not in ("indikator", "hitung"):
        return (besaran,)
    if bagian == "hitung":
        nama = p.kode(rek, "butir")
        return None if nama is None else (besaran, nama)
    tahun = p.tahun(rek, tb.DILAPORKAN, "butir")
    return None if tahun is None else ("tahun_sebelumnya", tahun, besaran)


def _objek(p: Penyusun, rek: Rekaman, bagian: Any, doc: dict[str, Any],
           per_bagian: dict[str, Any]) -> Tempat | None:
    """What a `Dilaporkan` row describes, found by its `Bagian`, `Kode atau tahun`,
    `Triwulan` and `Butir`; None with a diagnostic when it names nothing."""
    L = tb.DILAPORKAN
    if bagian == "laporan":
        return doc, ()
    if bagian in ("belanja", "evaluasi", "jenis belanja", "kelompok belanja"):
        return _tahunan(p, rek, bagian, per_bagian)
    if bagian == "evaluasi renja":
        return objek_renja(p, doc)
    if bagian in ("triwulan", "bulan"):
        induk = p.rujukan(rek, "kode", "indikator", per_bagian["semua indikator"], L)
        kolom, maks, kunci = (("triwulan", 4, "triwulan") if bagian == "triwulan"
                              else ("butir", 12, "bulanan"))
        n = p.nomor(rek, kolom, maks, L)
        if induk is None or n is None:
            return None
        ind, base = induk
        return urutan(ind.setdefault(kunci, []), n), (*base, kunci, n - 1)
    if bagian == "masukan":
        kode, nama = p.kode(rek, "kode"), p.kode(rek, "butir")
        found = per_bagian["masukan"].get((kode, nama))
        if found is None:
            p.galat(L.nama, rek["butir"].sel, "unknown-ref",
                    f"sasaran `{kode}` tidak punya masukan bernama `{nama}` di lembar Masukan",
                    "Butir")
        return found  # type: ignore[no-any-return]
    if bagian == "pendapatan":
        return objek_pendapatan(p, rek, per_bagian["pendapatan"])
    if bagian in ("program", "kegiatan", "rincian") and per_bagian["pohon"].gagal:
        return None  # the tree's own sheet said why it could not be read
    if bagian in tb.BAGIAN and bagian in per_bagian:
        return p.rujukan(rek, "kode", bagian, per_bagian[bagian], L)  # type: ignore[no-any-return]
    if bagian is not GAGAL:
        p.galat(L.nama, rek["bagian"].sel, "type",
                f"bagian `{bagian}` tidak dikenal; pilih: {', '.join(tb.BAGIAN)}", "Bagian")
    return None


def _tahunan(p: Penyusun, rek: Rekaman, bagian: str, per_bagian: dict[str, Any]
             ) -> Tempat | None:
    L = tb.DILAPORKAN
    tahun = sebagai("bulat", rek["kode"].nilai)
    if bagian in ("belanja", "evaluasi"):
        found = per_bagian[bagian].get(tahun)
        if found is None:
            p.galat(L.nama, rek["kode"].sel, "unknown-ref",
                    f"tidak ada {bagian} tahun {tahun}", "Kode atau tahun")
        return found  # type: ignore[no-any-return]
    kelas = p.kode(rek, "butir")
    found = per_bagian[bagian].get((tahun, kelas))
    if found is None:
        lembar = tb.JENIS_BELANJA if bagian == "jenis belanja" else tb.KELOMPOK_BELANJA
        p.galat(L.nama, rek["butir"].sel, "unknown-ref",
                f"tidak ada {bagian} `{kelas}` tahun {tahun} di lembar {lembar.nama}", "Butir")
    return found  # type: ignore[no-any-return]


def susun(p: Penyusun, rekening: PilihanRekening | None = None) -> BacaanBuku:
    """The report document of the workbook; `rekening`: read the budget tree from that
    kode-rekening sheet instead of from Program Kegiatan (`buku/rekening.py`)."""
    doc: dict[str, Any] = {}
    susun_instansi(p, doc)
    susun_aturan(p, doc)
    susun_penomoran(p, doc)
    susun_tujuan(p, doc)
    sasaran, indikator = susun_sasaran(p, doc)
    hitung = susun_hitung(p, indikator)
    masukan = susun_masukan(p, sasaran)
    pohon = susun_rekening(p, doc, rekening) if rekening else susun_anggaran(p, doc)
    ind_simpul = susun_indikator_simpul(p, pohon)
    susun_periodik(p, {**ind_simpul, **indikator})
    susun_uang_simpul(p, pohon)
    belanja = susun_belanja(p, doc)
    jenis = susun_kelas(p, belanja, tb.JENIS_BELANJA, "jenis",
                        ("jenis", "pagu", "pagu_murni", "realisasi"))
    if rekening:
        jenis_dari_rekening(p, doc, pohon, rekening, belanja, jenis)
    kelompok = susun_kelas(p, belanja, tb.KELOMPOK_BELANJA, "kelompok", ("kelompok",))
    evaluasi = susun_evaluasi(p, doc)
    susun_renja(p, doc)
    pendapatan = susun_pendapatan(p, doc)
    _susun_dilaporkan(p, doc, {
        "sasaran": sasaran, "indikator": indikator, "masukan": masukan,
        "program": pohon.program, "kegiatan": pohon.kegiatan, "rincian": pohon.rincian,
        "indikator kegiatan": ind_simpul, "indikator simpul": ind_simpul,
        "semua indikator": {**ind_simpul, **indikator}, "belanja": belanja, "jenis belanja": jenis,
        "kelompok belanja": kelompok, "evaluasi": evaluasi, "pohon": pohon,
        "pendapatan": pendapatan, "hitung": hitung})
    susun_narasi(p, doc)
    p.hasil.doc = {k: doc[k] for k in URUTAN_KUNCI if k in doc}
    return p.hasil
