"""`baca_buku(path)`: the data-entry workbook (docs/excel.md) to a report document, with the
sheet and cell of every value and every problem found on the way.

The cells are read by `buku/baca_sel.py`; this module puts the records together as the
report document (sasaran with their indikator, triwulan and Renstra years; programs with
their kegiatan; printed figures on what printed them), recording for every path of the
document the cell it came from. It only gathers and reports: `lkjip_cli/buku/impor.py` turns the
document into commented YAML and validates it with the normal loader, mapping each
diagnostic back to its cell.
"""

from __future__ import annotations

import difflib
import io
import warnings
from pathlib import Path as FsPath
from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import (
    GAGAL,
    BacaanBuku,
    Isian,
    Pembaca,
    Rekaman,
    sebagai,
)
from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.source.arsip import (
    Paket,
    Penolakan,
    baca_isi,
    bukan_berkas,
    diagnostik,
    periksa,
)
from lkjip_cli.source.batas import BATAS_BUKU, MAKS_SARAN, BatasArsip, Tenggat, ribuan
from lkjip_cli.source.yamlteks import Catatan

# ------------------------------------------------------------------- assembling


class _Penyusun(Pembaca):
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


def _susun_instansi(p: _Penyusun, doc: dict[str, Any]) -> None:
    L = tb.INSTANSI
    rows = p.rekaman(L)
    if not rows:
        if L.nama in p.wb.sheetnames:
            p.galat(L.nama, "A2", "missing", "lembar Instansi kosong: isi nama instansi, "
                    "tahun dan periode Renstra di baris 2")
        return
    rek = rows[0]
    instansi: dict[str, Any] = {}
    p.taruh(instansi, "nama", rek, "nama", ("instansi", "nama"), L)
    p.taruh(instansi, "singkatan", rek, "singkatan", ("instansi", "singkatan"), L)
    doc["instansi"] = instansi
    p.taruh(doc, "tahun", rek, "tahun", ("tahun",), L)
    renstra: dict[str, Any] = {}
    p.taruh(renstra, "mulai", rek, "renstra_mulai", ("renstra", "mulai"), L)
    p.taruh(renstra, "selesai", rek, "renstra_selesai", ("renstra", "selesai"), L)
    doc["renstra"] = renstra
    p.catat(("instansi",), rek, rek["nama"], "")
    p.catat(("renstra",), rek, rek["renstra_mulai"], "")
    p.instansi = rek


def _susun_aturan(p: _Penyusun, doc: dict[str, Any]) -> None:
    L = tb.ATURAN
    rows = p.rekaman(L)
    aturan: dict[str, Any] = {}
    if rows:
        rek = rows[0]
        for kunci in ("desimal_persen", "pembulatan", "rumus_negatif", "target_nol",
                      "ambang_berhasil", "batas_bawah", "bulatkan_realisasi"):
            p.taruh(aturan, kunci, rek, kunci, ("aturan", kunci), L)
        if rek["batas_atas"].nilai is not None:
            batas: dict[str, Any] = {}
            p.taruh(batas, "nilai", rek, "batas_atas", ("aturan", "batas_atas", "nilai"), L)
            p.taruh(batas, "berlaku", rek, "batas_atas_berlaku",
                    ("aturan", "batas_atas", "berlaku"), L)
            aturan["batas_atas"] = batas
        rata: dict[str, Any] = {}
        p.taruh(rata, "dasar", rek, "rata_rata_dasar", ("aturan", "rata_rata", "dasar"), L)
        if rata:
            aturan["rata_rata"] = rata
        efisiensi: dict[str, Any] = {}
        for kunci in ("sasaran", "keseluruhan", "tahunan"):
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


def _susun_kecuali(p: _Penyusun, aturan: dict[str, Any]) -> None:
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


def _susun_tanda(p: _Penyusun, aturan: dict[str, Any]) -> None:
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


def _susun_tempat(p: _Penyusun, aturan: dict[str, Any]) -> None:
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


def _susun_skala(p: _Penyusun, aturan: dict[str, Any]) -> None:
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


def _susun_tujuan(p: _Penyusun, doc: dict[str, Any]) -> None:
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


Indeks = dict[str, tuple[dict[str, Any], Path]]


def _susun_sasaran(p: _Penyusun, doc: dict[str, Any]) -> tuple[Indeks, Indeks]:
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
    return sasaran, _susun_indikator(p, sasaran)


def _susun_indikator(p: _Penyusun, sasaran: Indeks) -> Indeks:
    L = tb.INDIKATOR
    indikator: Indeks = {}
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "sasaran", "sasaran", sasaran, L)
        if induk is None:
            continue
        sas, base = induk
        daftar = sas.setdefault("indikator", [])
        path: Path = (*base, "indikator", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
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
        daftar.append(item)
        kode = p.kode(rek)
        if kode is not None:
            indikator.setdefault(kode, (item, path))
    for _, base in sasaran.values():
        p.hasil.sel.setdefault(format_path((*base, "indikator")), (L.nama, "A2", ""))
    _susun_triwulan(p, indikator)
    _susun_renstra(p, indikator)
    return indikator


def _tw(p: _Penyusun, rek: Rekaman, L: tb.Lembar) -> int | None:
    n = sebagai("bulat", rek["triwulan"].nilai)
    if isinstance(n, int) and 1 <= n <= 4:
        return n
    if n is not GAGAL:
        p.galat(L.nama, rek["triwulan"].sel, "value",
                f"triwulan harus 1, 2, 3 atau 4, bukan {n!r}", "Triwulan")
    return None


def _susun_triwulan(p: _Penyusun, indikator: Indeks) -> None:
    L = tb.TRIWULAN
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator", indikator, L)
        n = _tw(p, rek, L)
        if induk is None or n is None:
            continue
        ind, base = induk
        daftar = ind.setdefault("triwulan", [])
        while len(daftar) < n:
            daftar.append({})
        path: Path = (*base, "triwulan", n - 1)
        p.baris_item(path, rek)
        p.target(daftar[n - 1], "target", rek, "target", (*path, "target"), L)
        p.taruh(daftar[n - 1], "realisasi", rek, "realisasi", (*path, "realisasi"), L)


def _susun_renstra(p: _Penyusun, indikator: Indeks) -> None:
    L = tb.RENSTRA
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator", indikator, L)
        tahun = sebagai("bulat", rek["tahun"].nilai)
        if induk is None:
            continue
        if not isinstance(tahun, int):
            if tahun is not GAGAL:
                p.galat(L.nama, rek["tahun"].sel, "type", f"tahun harus bilangan bulat, "
                        f"bukan {tahun!r}", "Tahun")
            continue
        ind, base = induk
        if rek["target_renstra"].nilai is not None:
            p.target(ind.setdefault("target_renstra", {}), tahun, rek, "target_renstra",
                     (*base, "target_renstra", str(tahun)), L)
        if rek["realisasi_sebelumnya"].nilai is not None:
            p.taruh(ind.setdefault("realisasi_sebelumnya", {}), tahun, rek,
                    "realisasi_sebelumnya", (*base, "realisasi_sebelumnya", str(tahun)), L)
        if rek["target_sebelumnya"].nilai is not None:
            p.target(ind.setdefault("target_sebelumnya", {}), tahun, rek, "target_sebelumnya",
                     (*base, "target_sebelumnya", str(tahun)), L)


def _susun_anggaran(p: _Penyusun, doc: dict[str, Any]) -> tuple[Indeks, Indeks, Indeks]:
    L = tb.ANGGARAN
    program: Indeks = {}
    kegiatan: Indeks = {}
    daftar: list[Any] = []
    terakhir: tuple[dict[str, Any], Path] | None = None
    for rek in p.rekaman(L):
        tingkat = sebagai("teks", rek["tingkat"].nilai)
        if tingkat == "program":
            path: Path = ("program", len(daftar))
            p.baris_item(path, rek)
            item: dict[str, Any] = {}
            for kolom in ("kode", "nama", "anggaran_perjanjian_kinerja", "sumber_dana"):
                p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
            for kolom in ("pagu", "realisasi", "induk", "mendukung"):
                if rek[kolom].nilai is not None:
                    p.galat(L.nama, rek[kolom].sel, "value", "baris program tidak mengisi "
                            f"kolom ini: {L.kolom_kunci(kolom).judul} diisi pada baris "
                            "kegiatannya; kosongkan sel ini", L.kolom_kunci(kolom).judul)
            daftar.append(item)
            terakhir = (item, path)
            kode = p.kode(rek)
            if kode is not None:
                program.setdefault(kode, terakhir)
            p.hasil.sel.setdefault(format_path((*path, "kegiatan")), (L.nama, rek.sel, ""))
        elif tingkat == "kegiatan":
            induk = (p.rujukan(rek, "induk", "program", program, L)
                     if rek["induk"].nilai is not None else terakhir)
            if induk is None:
                if terakhir is None:
                    p.galat(L.nama, rek["induk"].sel, "missing", "kegiatan tanpa program: "
                            "isi kolom Induk, atau letakkan baris program di atasnya", "Induk")
                continue
            _kegiatan(p, rek, induk, kegiatan)
        elif tingkat is not GAGAL:
            p.galat(L.nama, rek["tingkat"].sel, "type",
                    f"tingkat `{tingkat}` tidak dikenal; pilih: {', '.join(tb.TINGKAT)}",
                    "Tingkat")
    if daftar:
        doc["program"] = daftar
    return program, kegiatan, _susun_indikator_kegiatan(p, kegiatan)


def _kegiatan(p: _Penyusun, rek: Rekaman, induk: tuple[dict[str, Any], Path],
              kegiatan: Indeks) -> None:
    L = tb.ANGGARAN
    prog, base = induk
    daftar = prog.setdefault("kegiatan", [])
    path: Path = (*base, "kegiatan", len(daftar))
    p.baris_item(path, rek)
    item: dict[str, Any] = {}
    for kolom in ("kode", "nama", "pagu", "realisasi", "mendukung"):
        p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
    for kolom in ("anggaran_perjanjian_kinerja", "sumber_dana"):
        if rek[kolom].nilai is not None:
            p.galat(L.nama, rek[kolom].sel, "value", "kolom ini untuk baris program; "
                    "kosongkan sel ini pada baris kegiatan", L.kolom_kunci(kolom).judul)
    daftar.append(item)
    kode = p.kode(rek)
    if kode is not None:
        kegiatan.setdefault(kode, (item, path))


def _susun_indikator_kegiatan(p: _Penyusun, kegiatan: Indeks) -> Indeks:
    L = tb.INDIKATOR_KEGIATAN
    indikator: Indeks = {}
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "kegiatan", "kegiatan", kegiatan, L)
        if induk is None:
            continue
        keg, base = induk
        daftar = keg.setdefault("indikator", [])
        path: Path = (*base, "indikator", len(daftar))
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("kode", "nama", "satuan", "polaritas"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        p.target(item, "target", rek, "target", (*path, "target"), L)
        for kolom in ("realisasi", "jenis_persen", "persen_maks_100"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        aksi = rek["rencana_aksi"].nilai
        if isinstance(aksi, str):
            item["rencana_aksi"] = Catatan([a.strip() for a in aksi.splitlines() if a.strip()],
                                           f"{L.nama}!{rek['rencana_aksi'].sel}")
        daftar.append(item)
        kode = p.kode(rek)
        if kode is not None:
            indikator.setdefault(kode, (item, path))
    return indikator


def _susun_belanja(p: _Penyusun, doc: dict[str, Any]) -> dict[int, tuple[dict[str, Any], Path]]:
    L = tb.BELANJA
    tahunan: dict[int, tuple[dict[str, Any], Path]] = {}
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
        for kolom in ("realisasi", "pagu_murni", "jumlah_program", "jumlah_kegiatan"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        daftar.append(item)
        tahun = sebagai("bulat", rek["tahun"].nilai)
        if isinstance(tahun, int):
            tahunan.setdefault(tahun, (item, path))
    if daftar:
        doc["belanja"] = daftar
    return tahunan


def _susun_evaluasi(p: _Penyusun, doc: dict[str, Any]) -> dict[int, tuple[dict[str, Any], Path]]:
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


def _susun_dilaporkan(p: _Penyusun, doc: dict[str, Any], per_bagian: dict[str, Any]) -> None:
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
        path: Path = (*base, "dilaporkan", besaran, tempat)
        key = format_path(path)
        if key in seen:
            p.galat(L.nama, rek["nilai"].sel, "duplicate-key",
                    f"{besaran} di tempat {tempat} sudah dicatat di sel {seen[key]}", "Nilai")
            continue
        seen[key] = rek["nilai"].sel
        p.hasil.sel_kunci[format_path((*base, "dilaporkan", besaran))] = (
            L.nama, rek["besaran"].sel, "Besaran")
        p.hasil.sel_kunci[key] = (L.nama, rek["tempat"].sel, "Tempat")
        p.taruh(wadah.setdefault("dilaporkan", {}).setdefault(besaran, {}), tempat, rek,
                "nilai", path, L)


def _objek(p: _Penyusun, rek: Rekaman, bagian: Any, doc: dict[str, Any],
           per_bagian: dict[str, Any]) -> tuple[dict[str, Any], Path] | None:
    L = tb.DILAPORKAN
    if bagian == "laporan":
        return doc, ()
    if bagian in ("belanja", "evaluasi"):
        tahun = sebagai("bulat", rek["kode"].nilai)
        found = per_bagian[bagian].get(tahun)
        if found is None:
            p.galat(L.nama, rek["kode"].sel, "unknown-ref",
                    f"tidak ada {bagian} tahun {tahun}", "Kode atau tahun")
        return found  # type: ignore[no-any-return]
    if bagian == "triwulan":
        induk = p.rujukan(rek, "kode", "indikator", per_bagian["indikator"], L)
        n = _tw(p, rek, L)
        if induk is None or n is None:
            return None
        ind, base = induk
        daftar = ind.setdefault("triwulan", [])
        while len(daftar) < n:
            daftar.append({})
        return daftar[n - 1], (*base, "triwulan", n - 1)
    if bagian in per_bagian:
        return p.rujukan(rek, "kode", bagian, per_bagian[bagian], L)  # type: ignore[no-any-return]
    if bagian is not GAGAL:
        p.galat(L.nama, rek["bagian"].sel, "type",
                f"bagian `{bagian}` tidak dikenal; pilih: {', '.join(tb.BAGIAN)}", "Bagian")
    return None


def susun(p: _Penyusun) -> BacaanBuku:
    doc: dict[str, Any] = {}
    _susun_instansi(p, doc)
    _susun_aturan(p, doc)
    _susun_tujuan(p, doc)
    sasaran, indikator = _susun_sasaran(p, doc)
    program, kegiatan, ind_keg = _susun_anggaran(p, doc)
    belanja = _susun_belanja(p, doc)
    evaluasi = _susun_evaluasi(p, doc)
    _susun_dilaporkan(p, doc, {"sasaran": sasaran, "indikator": indikator, "program": program,
                               "kegiatan": kegiatan, "indikator kegiatan": ind_keg,
                               "belanja": belanja, "evaluasi": evaluasi})
    urut = ["instansi", "tahun", "renstra", "aturan", "tujuan", "sasaran", "program",
            "belanja", "evaluasi_sakip", "dilaporkan"]
    p.hasil.doc = {k: doc[k] for k in urut if k in doc}
    return p.hasil


def baca_buku(path: str | FsPath, nama: str | None = None,
              batas: BatasArsip = BATAS_BUKU) -> BacaanBuku:
    """Read a data-entry workbook; never raises for a user's mistake.

    The file is read once, through lkjip's reader of regular files (a FIFO or a device is
    refused, never waited on), into memory within `batas.byte`; the zip and its XML are
    inspected (`source/arsip.py`) before openpyxl sees a byte of it, and openpyxl then reads
    those bytes, once, read-only."""
    file = nama or str(path)
    isi = baca_isi(path, file, batas, "xlsx")
    if isinstance(isi, Diagnostic):
        return BacaanBuku({}, diagnostics=[isi])
    tenggat = Tenggat(batas.detik)
    # openpyxl warns on stderr about what it drops (extensions, a date it cannot convert):
    # lkjip reports what matters itself, at its cell.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            paket = periksa(isi, batas, tenggat)
            if paket.rusak:
                return BacaanBuku({}, diagnostics=_sel_rusak(file, paket, batas))
            wb = _buka(isi)
            try:
                return susun(_Penyusun(file, wb, paket, tenggat, batas))
            finally:
                wb.close()
        except Penolakan as exc:
            return BacaanBuku({}, diagnostics=[diagnostik(file, exc)])


def _buka(isi: bytes) -> Any:
    """The workbook of `isi`, opened by openpyxl read-only, for the values Excel saved."""
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True,
                                      keep_links=False)
    except Exception as exc:  # any unreadable file is the user's mistake, never a crash
        raise bukan_berkas("xlsx", type(exc).__name__) from None


def _sel_rusak(file: str, paket: Paket, batas: BatasArsip) -> list[Diagnostic]:
    """One diagnostic per cell openpyxl could not read, and one for those not listed."""
    out = [Diagnostic(file, None, None, Severity.ERROR, r.code, r.pesan, sheet=r.lembar,
                      cell=r.sel) for r in paket.rusak]
    if paket.rusak_lagi:
        out.append(Diagnostic(file, None, None, Severity.ERROR, "cell-invalid",
                              f"{ribuan(paket.rusak_lagi)} sel lain juga tidak dapat dibaca "
                              f"(hanya {batas.sel_rusak} yang pertama disebut)"))
    return out

