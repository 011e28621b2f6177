"""Reading the performance side of the workbook into the report document: the agency and its
period, the rules, the table numbering, tujuan, sasaran with their indicators (quarters,
months, Renstra years), the inputs of each sasaran, and the SAKIP evaluation.

Why apart from the budget (`susun_anggaran.py`): the two halves of a report meet only through
kode (an indicator a budget line supports), so each half is read by its own small functions,
and `susun.py` joins them and places the printed figures.
"""

from __future__ import annotations

from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import GAGAL, Rekaman, sebagai
from lkjip_cli.buku.penyusun import Indeks, Penyusun, urutan
from lkjip_cli.diagnostics import Path, format_path
from lkjip_cli.source.yamlteks import Catatan


def susun_instansi(p: Penyusun, doc: dict[str, Any]) -> None:
    L = tb.INSTANSI
    rows = p.rekaman(L)
    if not rows:
        if L.nama in p.wb.sheetnames:
            p.galat(L.nama, "A2", "missing", "lembar Instansi kosong: isi nama instansi, "
                    "tahun dan periode Renstra di baris 2")
        return
    rek = rows[0]
    p.taruh(doc, "versi_format", rek, "versi_format", ("versi_format",), L)
    instansi: dict[str, Any] = {}
    p.taruh(instansi, "nama", rek, "nama", ("instansi", "nama"), L)
    p.taruh(instansi, "singkatan", rek, "singkatan", ("instansi", "singkatan"), L)
    doc["instansi"] = instansi
    p.taruh(doc, "tahun", rek, "tahun", ("tahun",), L)
    _periode(p, doc, rek)
    renstra: dict[str, Any] = {}
    p.taruh(renstra, "mulai", rek, "renstra_mulai", ("renstra", "mulai"), L)
    p.taruh(renstra, "selesai", rek, "renstra_selesai", ("renstra", "selesai"), L)
    doc["renstra"] = renstra
    p.taruh(doc, "tingkat_anggaran", rek, "tingkat_anggaran", ("tingkat_anggaran",), L)
    p.catat(("instansi",), rek, rek["nama"], "")
    p.catat(("renstra",), rek, rek["renstra_mulai"], "")
    p.instansi = rek


def _periode(p: Penyusun, doc: dict[str, Any], rek: Rekaman) -> None:
    """`Periode sampai`: `TW2`, or a month; a month Excel turned into a date (`2023-06`
    typed without an apostrophe) is read as that month (`baca_sel.py`)."""
    isian = rek["periode"]
    nilai = isian.nilai
    p.catat(("periode", "sampai"), rek, isian, "Periode sampai")
    p.catat(("periode",), rek, isian, "Periode sampai")
    if nilai is GAGAL:
        p.hasil.sudah.add("periode.sampai")
    elif nilai is not None:
        doc["periode"] = {"sampai": Catatan(sebagai("teks", nilai),
                                            f"{rek.lembar}!{isian.sel}")}


def susun_aturan(p: Penyusun, doc: dict[str, Any]) -> None:
    L = tb.ATURAN
    rows = p.rekaman(L)
    aturan: dict[str, Any] = {}
    if rows:
        rek = rows[0]
        for kunci in ("desimal_persen", "pembulatan", "rumus_negatif", "target_nol",
                      "ambang_berhasil", "batas_bawah", "bulatkan_realisasi",
                      "kata_kategori"):
            p.taruh(aturan, kunci, rek, kunci, ("aturan", kunci), L)
        if rek["batas_atas"].nilai is not None:
            batas: dict[str, Any] = {}
            p.taruh(batas, "nilai", rek, "batas_atas", ("aturan", "batas_atas", "nilai"), L)
            p.taruh(batas, "berlaku", rek, "batas_atas_berlaku",
                    ("aturan", "batas_atas", "berlaku"), L)
            aturan["batas_atas"] = batas
        rata: dict[str, Any] = {}
        p.taruh(rata, "dasar", rek, "rata_rata_dasar", ("aturan", "rata_rata", "dasar"), L)
        p.taruh(rata, "metode", rek, "rata_rata_metode", ("aturan", "rata_rata", "metode"), L)
        if rata:
            aturan["rata_rata"] = rata
        efisiensi: dict[str, Any] = {}
        for kunci in ("sasaran", "keseluruhan", "tahunan", "batas_e"):
            p.taruh(efisiensi, kunci, rek, f"efisiensi_{kunci}",
                    ("aturan", "efisiensi", kunci), L)
        if efisiensi:
            aturan["efisiensi"] = efisiensi
        for kunci in ("skala_interpretasi", "skala_predikat"):
            if rek[kunci].nilai != "lembar Skala":
                p.taruh(aturan, kunci, rek, kunci, ("aturan", kunci), L)
    _susun_kecuali(p, aturan)
    _susun_tanda(p, aturan)
    _susun_tempat(p, aturan)
    _susun_skala(p, aturan)
    if aturan:
        doc["aturan"] = aturan


def _susun_kecuali(p: Penyusun, aturan: dict[str, Any]) -> None:
    L = tb.DIKECUALIKAN
    daftar: list[Any] = []
    for rek in p.rekaman(L):
        path = ("aturan", "rata_rata", "dikecualikan", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        p.taruh(item, "indikator", rek, "indikator", (*path, "indikator"), L)
        p.taruh(item, "alasan", rek, "alasan", (*path, "alasan"), L)
        daftar.append(item)
    if daftar:
        aturan.setdefault("rata_rata", {})["dikecualikan"] = daftar


def _susun_tanda(p: Penyusun, aturan: dict[str, Any]) -> None:
    L = tb.TANDA_CETAK
    daftar: list[Any] = []
    for rek in p.rekaman(L):
        path = ("aturan", "tanda_cetak", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("besaran", "tempat", "tanda"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        daftar.append(item)
    if daftar:
        aturan["tanda_cetak"] = daftar


def _susun_tempat(p: Penyusun, aturan: dict[str, Any]) -> None:
    L = tb.ATURAN_TEMPAT
    peta: dict[Any, Any] = {}
    for rek in p.rekaman(L):
        tempat = sebagai("teks", rek["tempat"].nilai)
        if not isinstance(tempat, str):
            continue
        path = ("aturan", "per_tempat", tempat)
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("pembulatan", "desimal"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        peta[tempat] = item
    if peta:
        aturan["per_tempat"] = peta


def _susun_skala(p: Penyusun, aturan: dict[str, Any]) -> None:
    L = tb.SKALA_PITA
    for rek in p.rekaman(L):
        nama = sebagai("teks", rek["skala"].nilai)
        if nama not in tb.SKALA:
            p.galat(L.nama, rek["skala"].sel, "type",
                    f"skala `{nama}` tidak dikenal; pilih: {', '.join(tb.SKALA)}", "Skala")
            continue
        kunci = f"skala_{nama}"
        daftar = aturan.get(kunci)
        if not isinstance(daftar, list):
            daftar = aturan[kunci] = []
        path = ("aturan", kunci, len(daftar))
        p.baris_item(path, rek)
        pita: dict[str, Any] = {}
        for kolom in ("kode", "sebutan", "mulai", "inklusif"):
            p.taruh(pita, kolom, rek, kolom, (*path, kolom), L)
        daftar.append(pita)


def susun_penomoran(p: Penyusun, doc: dict[str, Any]) -> None:
    """`Penomoran`: lkjip's table number -> the label the report prints. A number Excel
    stored as a number lost its trailing zero (3.10 became 3.1): refused, with the fix."""
    L = tb.PENOMORAN
    peta: dict[str, Any] = {}
    for rek in p.rekaman(L):
        nomor = rek["tabel"].nilai
        if nomor is None or nomor is GAGAL:
            if nomor is None:
                p.galat(L.nama, rek["tabel"].sel, "missing", "sel wajib `Tabel` kosong", "Tabel")
            continue
        ok = True
        for kolom in ("tabel", "label"):
            nilai = rek[kolom].nilai
            if not isinstance(nilai, str) and not (kolom == "label" and isinstance(nilai, int)):
                judul = L.kolom_kunci(kolom).judul
                p.galat(L.nama, rek[kolom].sel, "type",
                        f"{judul.lower()} {sebagai('teks', nilai)} diketik sebagai angka "
                        "(Excel membuang nol di belakang: 3.10 menjadi 3.1); ketik sebagai "
                        "teks, dengan apostrof: '3.10", judul)
                ok = False
        if not ok:
            continue
        kunci = str(nomor).strip()
        if kunci in peta:
            p.galat(L.nama, rek["tabel"].sel, "duplicate-key",
                    f"tabel {kunci} sudah diberi label di baris lain", "Tabel")
            continue
        p.hasil.sel_kunci[format_path(("penomoran", kunci))] = (L.nama, rek["tabel"].sel,
                                                                 "Tabel")
        p.taruh(peta, kunci, rek, "label", ("penomoran", kunci), L)
    if peta:
        doc["penomoran"] = peta


def susun_tujuan(p: Penyusun, doc: dict[str, Any]) -> None:
    daftar: list[Any] = []
    for rek in p.rekaman(tb.TUJUAN):
        path = ("tujuan", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("kode", "nama"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), tb.TUJUAN)
        daftar.append(item)
    if daftar:
        doc["tujuan"] = daftar


def susun_sasaran(p: Penyusun, doc: dict[str, Any]) -> tuple[Indeks, Indeks]:
    sasaran: Indeks = {}
    daftar: list[Any] = []
    for rek in p.rekaman(tb.SASARAN):
        path: Path = ("sasaran", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("kode", "nama", "tujuan"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), tb.SASARAN)
        daftar.append(item)
        kode = p.kode(rek)
        if kode is not None:
            sasaran.setdefault(kode, (item, path))
    doc["sasaran"] = daftar
    p.hasil.sel.setdefault("sasaran", (tb.SASARAN.nama, "A2", ""))
    indikator = _susun_indikator(p, sasaran)
    return sasaran, indikator


def _susun_indikator(p: Penyusun, sasaran: Indeks) -> Indeks:
    L = tb.INDIKATOR
    indikator: Indeks = {}
    for rek in p.rekaman(L):
        baru = p.anak(rek, "sasaran", "sasaran", sasaran, L, "indikator")
        if baru is None:
            continue
        item, path = baru
        for kolom in ("kode", "nama", "satuan", "polaritas", "rumus_negatif"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        p.target(item, "target", rek, "target", (*path, "target"), L)
        for kolom in ("realisasi", "jenis_persen", "persen_maks_100", "rekap_triwulan"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        definisi: dict[str, Any] = {}
        for kolom in ("penjelasan", "pembilang", "penyebut", "sumber_data", "penanggung_jawab"):
            p.taruh(definisi, kolom, rek, kolom, (*path, "definisi", kolom), L)
        if definisi:
            item["definisi"] = definisi
        standar: dict[str, Any] = {}
        for kolom, kunci in (("standar_nasional", "nilai"), ("standar_nasional_sumber", "sumber"),
                             ("standar_nasional_tahun", "tahun")):
            p.taruh(standar, kunci, rek, kolom, (*path, "standar_nasional", kunci), L)
        if standar:
            item["standar_nasional"] = standar
        kode = p.kode(rek)
        if kode is not None:
            indikator.setdefault(kode, (item, path))
    for _, base in sasaran.values():
        p.hasil.sel.setdefault(format_path((*base, "indikator")), (L.nama, "A2", ""))
    return indikator


def susun_periodik(p: Penyusun, indikator: Indeks) -> None:
    """The `Triwulan`, `Bulan` and `Renstra` sheets: quarters, months and Renstra years of
    any indicator (an IKU's, or a program's, kegiatan's or sub kegiatan's, issue 23), by
    its kode."""
    _susun_triwulan(p, indikator)
    _susun_bulan(p, indikator)
    _susun_renstra(p, indikator)


def _susun_triwulan(p: Penyusun, indikator: Indeks) -> None:
    L = tb.TRIWULAN
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator", indikator, L)
        n = p.nomor(rek, "triwulan", 4, L)
        if induk is None or n is None:
            continue
        ind, base = induk
        entry = urutan(ind.setdefault("triwulan", []), n)
        path: Path = (*base, "triwulan", n - 1)
        p.baris_item(path, rek)
        p.target(entry, "target", rek, "target", (*path, "target"), L)
        p.taruh(entry, "realisasi", rek, "realisasi", (*path, "realisasi"), L)


def _susun_bulan(p: Penyusun, indikator: Indeks) -> None:
    L = tb.BULAN
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator", indikator, L)
        n = p.nomor(rek, "bulan", 12, L)
        if induk is None or n is None:
            continue
        ind, base = induk
        entry = urutan(ind.setdefault("bulanan", []), n)
        path: Path = (*base, "bulanan", n - 1)
        p.baris_item(path, rek)
        for kolom in ("target", "realisasi"):
            p.taruh(entry, kolom, rek, kolom, (*path, kolom), L)


def _susun_renstra(p: Penyusun, indikator: Indeks) -> None:
    L = tb.RENSTRA
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator", indikator, L)
        if induk is None:
            continue
        tahun = p.tahun(rek, L)
        if tahun is None:
            continue
        ind, base = induk
        if rek["target_renstra"].nilai is not None:
            p.target(ind.setdefault("target_renstra", {}), tahun, rek, "target_renstra",
                     (*base, "target_renstra", str(tahun)), L)
        if rek["realisasi_sebelumnya"].nilai is not None:
            p.taruh(ind.setdefault("realisasi_sebelumnya", {}), tahun, rek,
                    "realisasi_sebelumnya", (*base, "realisasi_sebelumnya", str(tahun)), L)
        if rek["target_sebelumnya"].nilai is not None and base[0] == "program":
            p.galat(L.nama, rek["target_sebelumnya"].sel, "value",
                    f"`{p.kode(rek, 'indikator')}` indikator program, kegiatan atau sub "
                    "kegiatan: target tahun-tahun sebelumnya hanya untuk indikator kinerja "
                    "utama (Tabel 3.6); kosongkan sel ini", "Target tahun itu")
        elif rek["target_sebelumnya"].nilai is not None:
            p.target(ind.setdefault("target_sebelumnya", {}), tahun, rek, "target_sebelumnya",
                     (*base, "target_sebelumnya", str(tahun)), L)


def susun_masukan(p: Penyusun, sasaran: Indeks) -> dict[tuple[str, str], tuple[Any, Path]]:
    """`Masukan`: the inputs of each sasaran, indexed by (sasaran kode, nama) for the
    printed figures of `Dilaporkan`."""
    L = tb.MASUKAN
    indeks: dict[tuple[str, str], tuple[Any, Path]] = {}
    for rek in p.rekaman(L):
        baru = p.anak(rek, "sasaran", "sasaran", sasaran, L, "masukan")
        if baru is None:
            continue
        item, path = baru
        for kolom in ("nama", "satuan", "anggaran", "target", "realisasi"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        nama, kode = p.kode(rek, "nama"), p.kode(rek, "sasaran")
        if nama is not None and kode is not None:
            indeks.setdefault((kode, nama), (item, path))
    return indeks


def susun_evaluasi(p: Penyusun, doc: dict[str, Any]) -> dict[int, tuple[dict[str, Any], Path]]:
    komponen: list[Any] = []
    for rek in p.rekaman(tb.KOMPONEN):
        path: Path = ("evaluasi_sakip", "komponen", len(komponen))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("kode", "nama", "bobot"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), tb.KOMPONEN)
        komponen.append(item)
    hasil: list[Any] = []
    tahunan: dict[int, tuple[dict[str, Any], Path]] = {}
    L = tb.NILAI_SAKIP
    for rek in p.rekaman(L):
        tahun = sebagai("bulat", rek["tahun"].nilai)
        kode = p.kode(rek, "komponen")
        if not isinstance(tahun, int):
            if tahun is not GAGAL:
                p.galat(L.nama, rek["tahun"].sel, "missing",
                        "baris nilai SAKIP memerlukan tahun (bilangan bulat)", "Tahun")
            continue
        if tahun not in tahunan:
            path = ("evaluasi_sakip", "hasil", len(hasil))
            p.baris_item(path, rek)
            entry: dict[str, Any] = {"tahun": Catatan(tahun, f"{L.nama}!{rek['tahun'].sel}"),
                                     "nilai": {}}
            hasil.append(entry)
            tahunan[tahun] = (entry, path)
        entry, base = tahunan[tahun]
        if kode is not None:  # a year alone: an evaluation with no score yet
            p.taruh(entry["nilai"], kode, rek, "nilai", (*base, "nilai", kode), L)
    sumber = p.instansi
    ev: dict[str, Any] = {}
    if sumber is not None:
        p.taruh(ev, "sumber_data", sumber, "sumber_evaluasi", ("evaluasi_sakip", "sumber_data"),
                tb.INSTANSI)
    if komponen or hasil:
        ev["komponen"] = komponen
        p.hasil.sel.setdefault("evaluasi_sakip.komponen", (tb.KOMPONEN.nama, "A2", ""))
        if hasil:
            ev["hasil"] = hasil
    if ev:
        doc["evaluasi_sakip"] = ev
    return tahunan
