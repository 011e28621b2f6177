"""The data-entry workbook, blank (`lkjip init --to xlsx`) or filled from a report (`buku_data`).

Why a workbook at all: analysts keep targets and realisations in Excel; lkjip meets them there
and reads the workbook back with `lkjip import` (`buku/baca.py`) into the same report. The
sheets and columns come from `buku/tata.py`, the one description both directions use.
Excel's own data validation (dropdown lists, numbers only, no negative rupiah) stops most
mistakes at typing time; the importer still checks everything.

Figures are written as exact Decimals (openpyxl writes their own digits), each with a number
format showing the places it carries, so that `97,30` comes back as 97.30 and not 97.3. A
figure of more than 15 significant digits, beyond what an Excel number holds, is written as
Indonesian-formatted text, which the importer reads with the same parser as YAML.
openpyxl is imported here only, and this module only by the commands that write a workbook.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_cli import angka
from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.tulis_kaskade import baris_periodik, baris_renja, baris_simpul, sel_nama
from lkjip_cli.buku.tulis_kaskade import dilaporkan as _dilaporkan
from lkjip_cli.buku.tulis_kaskade import target as _target
from lkjip_cli.model.anggaran import BarisLain, RincianAnggaran
from lkjip_cli.model.hitungan import nilai_sisi
from lkjip_cli.model.kerangka import bagi_indikator
from lkjip_cli.model.laporan import (
    Aturan,
    BelanjaTahun,
    IndikatorKinerja,
    Kegiatan,
    Laporan,
    Sasaran,
)
from lkjip_cli.model.narasi import NarasiAnalisis, Sampul, Teks, isi
from lkjip_cli.model.pendapatan import AkunPendapatan, Pendapatan
from lkjip_cli.source.sel_aman import tulis_nilai, tulis_teks

#: How many rows of each table sheet carry data validation.
BARIS_VALIDASI = 1000
#: Significant digits an Excel number holds exactly.
DIGIT_EXCEL = 15

Baris = dict[str, Any]


# --------------------------------------------------------------------------- cells


def _format_angka(nilai: Decimal, jenis: str) -> str:
    places = angka.desimal_dari(nilai)
    if jenis == "rupiah":
        return tb.FORMAT_RUPIAH + ("." + "0" * places if places else "")
    return "0." + "0" * places if places else "General"


def _tulis_sel(ws: Worksheet, baris: int, kolom: int, nilai: Any, jenis: str) -> None:
    cell = ws.cell(row=baris, column=kolom)
    if nilai is None:
        return
    if isinstance(nilai, bool):
        tulis_teks(cell, "ya" if nilai else "tidak")
    elif isinstance(nilai, Decimal) and len(nilai.as_tuple().digits) > DIGIT_EXCEL:
        tulis_teks(cell, angka.angka(nilai))  # text: an Excel number would lose digits
    elif isinstance(nilai, Decimal):
        tulis_nilai(cell, nilai).number_format = _format_angka(nilai, jenis)
    elif isinstance(nilai, int):
        tulis_nilai(cell, nilai)
    else:
        teks = tulis_teks(cell, str(nilai))
        teks.number_format = "@"
        if "\n" in str(nilai):
            teks.alignment = Alignment(wrap_text=True, vertical="top")


def _validasi(kolom: tb.Kolom, huruf: str, akhir: int) -> DataValidation | None:
    if kolom.jenis in ("pilihan", "yatidak"):
        dv = DataValidation(type="list", formula1='"' + ",".join(kolom.pilihan) + '"',
                            allow_blank=True)
        dv.error = f"Pilih salah satu: {', '.join(kolom.pilihan)}."
        if kolom.terbuka:  # another value may stand: Excel warns, lkjip reads it
            dv.errorStyle = "warning"
            dv.error += " Nilai lain boleh bila lkjip mengenalnya (lihat keterangan kolom)."
    elif kolom.jenis == "angka":
        dv = DataValidation(type="decimal", operator="between", formula1="-1E+18",
                            formula2="1E+18", allow_blank=True)
        dv.error = "Isi dengan angka (tanpa teks)."
    elif kolom.jenis == "rupiah":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True)
        dv.error = "Isi dengan rupiah: angka tidak negatif, tanpa teks."
    elif kolom.jenis == "bulat":
        dv = DataValidation(type="whole", operator="between", formula1="0",
                            formula2="9999", allow_blank=True)
        dv.error = "Isi dengan bilangan bulat."
    else:
        return None
    dv.errorTitle = kolom.judul
    dv.showErrorMessage = True
    if kolom.bantuan:
        dv.prompt = kolom.bantuan
        dv.promptTitle = kolom.judul
        dv.showInputMessage = True
    dv.add(f"{huruf}2:{huruf}{akhir}")
    return dv


_KEPALA = Font(bold=True)
_ISI_KEPALA = PatternFill("solid", fgColor="DDEBF7")
_WAJIB = PatternFill("solid", fgColor="FCE4D6")


def _lembar(wb: Workbook, lembar: tb.Lembar, rows: list[Baris]) -> None:
    ws = wb.create_sheet(lembar.nama)
    akhir = 2 if lembar.satu_baris else BARIS_VALIDASI + 1
    for c, kolom in enumerate(lembar.kolom, start=1):
        huruf = get_column_letter(c)
        head = tulis_teks(ws.cell(row=1, column=c), kolom.judul)
        head.font = _KEPALA
        head.fill = _WAJIB if kolom.wajib else _ISI_KEPALA
        if kolom.bantuan:
            head.comment = Comment(kolom.bantuan + (" (wajib)" if kolom.wajib else ""), "lkjip")
        ws.column_dimensions[huruf].width = kolom.lebar
        dv = _validasi(kolom, huruf, akhir)
        if dv is not None:
            ws.add_data_validation(dv)
        for r, row in enumerate(rows, start=2):
            _tulis_sel(ws, r, c, row.get(kolom.kunci), kolom.jenis)
    ws.freeze_panes = "A2"


def buku(rows: dict[str, list[Baris]], tingkat: tuple[str, ...] = ()) -> Workbook:
    """A workbook with every sheet of the layout, holding `rows` by sheet name; the budget
    tree's `Tingkat` list offers the report's own level names (`tingkat`) when it has them."""
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for lembar in tb.LEMBAR:
        if lembar is tb.ANGGARAN and tingkat:
            lembar = tb.dengan_tingkat(tingkat)
        _lembar(wb, lembar, rows.get(lembar.nama, []))
    return wb


def simpan(wb: Workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file (for `cli/berkas.py` to write)."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def buku_kosong(*, tahun: int, mulai: int, selesai: int, instansi: str | None,
                sasaran: int = 1, indikator: int = 1) -> Workbook:
    """The blank data-entry workbook: Instansi and Aturan filled with the given and the
    documented defaults; the kode of `sasaran` sasaran and `indikator` indicators (shared
    as `lkjip init` shares them) with a row for each quarter and Renstra year to fill."""
    rows: dict[str, list[Baris]] = {
        "Instansi": [{"nama": instansi, "tahun": tahun, "renstra_mulai": mulai,
                      "renstra_selesai": selesai}],
        "Aturan": [_aturan(Aturan())],
        "Sasaran": [], "Indikator": [], "Triwulan": [], "Renstra": []}
    nomor = 0
    for s, jumlah in enumerate(bagi_indikator(sasaran, indikator), start=1):
        rows["Sasaran"].append({"kode": f"SS{s}"})
        for _ in range(jumlah):
            nomor += 1
            kode = f"IKU{nomor}"
            rows["Indikator"].append({"sasaran": f"SS{s}", "kode": kode})
            rows["Triwulan"] += [{"indikator": kode, "triwulan": n} for n in range(1, 5)]
            rows["Renstra"] += [{"indikator": kode, "tahun": t}
                                for t in range(mulai, selesai + 1)]
    return buku(rows)


# ---------------------------------------------------------------- a filled workbook


def _aturan(a: Aturan) -> Baris:
    return {
        "desimal_persen": a.desimal_persen, "pembulatan": a.pembulatan,
        "rumus_negatif": a.rumus_negatif, "target_nol": a.target_nol,
        "batas_atas": a.batas_atas.nilai if a.batas_atas else None,
        "batas_atas_berlaku": (", ".join(a.batas_atas.berlaku) or "-") if a.batas_atas
        else None,
        "rata_rata_dasar": a.rata_rata.dasar,
        "rata_rata_metode": a.rata_rata.metode,
        "efisiensi_batas_e": a.efisiensi.batas_e,
        "efisiensi_sasaran": a.efisiensi.sasaran,
        "efisiensi_keseluruhan": a.efisiensi.keseluruhan,
        "efisiensi_tahunan": a.efisiensi.tahunan,
        "skala_interpretasi": a.skala_interpretasi if isinstance(a.skala_interpretasi, str)
        else "lembar Skala",
        "skala_predikat": a.skala_predikat if isinstance(a.skala_predikat, str)
        else "lembar Skala",
        "ambang_berhasil": a.ambang_berhasil,
        "batas_bawah": a.batas_bawah, "bulatkan_realisasi": a.bulatkan_realisasi,
        "kata_kategori": a.kata_kategori,
    }


def _skala(a: Aturan) -> Iterator[Baris]:
    for nama, skala in (("interpretasi", a.skala_interpretasi),
                        ("predikat", a.skala_predikat)):
        if not isinstance(skala, str):
            for p in skala:
                yield {"skala": nama, "kode": p.kode, "sebutan": p.sebutan, "mulai": p.mulai,
                       "inklusif": p.inklusif}


def _indikator(sasaran: str, ind: IndikatorKinerja) -> Baris:
    d = ind.definisi
    return {
        "sasaran": sasaran, "kode": ind.kode, "nama": ind.nama, "satuan": ind.satuan,
        "polaritas": ind.polaritas, "rumus_negatif": ind.rumus_negatif,
        **_target("target", ind.target), "realisasi": ind.realisasi,
        "jenis_persen": ind.jenis_persen, "persen_maks_100": ind.persen_maks_100,
        "rekap_triwulan": ind.rekap_triwulan,
        **(d.model_dump() if d is not None else {}),
        **_standar(ind),
    }


def _standar(ind: IndikatorKinerja) -> Baris:
    s = ind.standar_nasional
    if s is None:
        return {}
    return {"standar_nasional": s.nilai, "standar_nasional_sumber": s.sumber,
            "standar_nasional_tahun": s.tahun}


def _narasi(bagian: str, kode: str | None, kunci: str, teks: Teks | None,
            judul: str | None = None) -> Iterator[tuple[str, Baris]]:
    """One `Narasi` row: the text as it prints (a file's content, read by the loader)."""
    if teks is None:
        return
    sumber = None if isinstance(teks, str) else teks.sumber
    yield "Narasi", {"bagian": bagian, "kode": kode, "kunci": kunci, "judul": judul,
                     "teks": isi(teks), "sumber": sumber}


def _narasi_analisis(bagian: str, kode: str, n: NarasiAnalisis
                     ) -> Iterator[tuple[str, Baris]]:
    for kunci in ("standar_nasional", "penyebab", "solusi", "program"):
        yield from _narasi(bagian, kode, kunci, getattr(n, kunci))
    for b in n.lain:
        yield from _narasi(bagian, kode, "lain", b.isi, b.judul)


def _baris_narasi(lap: Laporan) -> Iterator[tuple[str, Baris]]:
    n = lap.narasi
    if n.sampul.judul != Sampul().judul:
        yield from _narasi("laporan", None, "sampul.judul", n.sampul.judul)
    yield from _narasi("laporan", None, "sampul.logo", n.sampul.logo)
    yield from _narasi("laporan", None, "kata_pengantar", n.kata_pengantar)
    if n.penandatangan is not None:
        for kunci, nilai in n.penandatangan.model_dump().items():
            yield from _narasi("laporan", None, f"penandatangan.{kunci}", nilai)
    yield from _narasi("laporan", None, "ikhtisar", n.ikhtisar)
    for kunci in ("bab1", "bab4", "lampiran"):
        for b in getattr(n, kunci):
            yield from _narasi("laporan", None, kunci, b.isi, b.judul)
    for jenis in ("sasaran", "indikator"):
        for kode, analisis in getattr(n, jenis).items():
            yield from _narasi_analisis(jenis, kode, analisis)


def _baris_laporan(lap: Laporan) -> Iterator[tuple[str, Baris]]:
    """(sheet name, row) of every record of the report, in the report's order."""
    yield "Instansi", {"nama": lap.instansi.nama, "singkatan": lap.instansi.singkatan,
                       "tahun": lap.tahun, "renstra_mulai": lap.renstra.mulai,
                       "renstra_selesai": lap.renstra.selesai,
                       "sumber_evaluasi": lap.evaluasi_sakip.sumber_data
                       if lap.evaluasi_sakip else None,
                       "periode": lap.periode.sampai if lap.periode else None,
                       "tingkat_anggaran": sel_nama(lap.tingkat_anggaran),
                       "versi_format": lap.versi_format}
    yield "Aturan", _aturan(lap.aturan)
    for nomor, label in lap.penomoran.items():
        yield "Penomoran", {"tabel": nomor, "label": label}
    for p in lap.aturan.rata_rata.dikecualikan:
        yield "Dikecualikan", {"indikator": p.indikator, "alasan": p.alasan}
    for tempat, tampil in lap.aturan.per_tempat.items():
        yield "Aturan Tempat", {"tempat": tempat, "pembulatan": tampil.pembulatan,
                                "desimal": tampil.desimal}
    for tc in lap.aturan.tanda_cetak:
        yield "Tanda Cetak", {"besaran": tc.besaran, "tempat": tc.tempat, "tanda": tc.tanda}
    for row in _skala(lap.aturan):
        yield "Skala", row
    for t in lap.tujuan:
        yield "Tujuan", {"kode": t.kode, "nama": t.nama}
    yield from _baris_sasaran(lap)
    yield from _baris_anggaran(lap)
    for b in lap.belanja:
        yield from _baris_belanja(b)
    yield from _baris_evaluasi(lap)
    yield from baris_renja(lap.evaluasi_renja)
    yield from _dilaporkan("laporan", None, lap.dilaporkan)
    yield from _baris_narasi(lap)
    yield from _baris_pendapatan(lap.pendapatan)


def _baris_sasaran(lap: Laporan) -> Iterator[tuple[str, Baris]]:
    for s in lap.sasaran:
        yield "Sasaran", {"kode": s.kode, "nama": s.nama, "tujuan": s.tujuan}
        yield from _dilaporkan("sasaran", s.kode, s.dilaporkan)
        for ind in s.indikator:
            yield "Indikator", _indikator(s.kode, ind)
            yield from _dilaporkan("indikator", ind.kode, ind.dilaporkan)
            yield from baris_periodik(ind)
            yield from _baris_hitung(ind)
        yield from _baris_masukan(s)


def _baris_hitung(ind: IndikatorKinerja) -> Iterator[tuple[str, Baris]]:
    """A derived indicator's rule on `Hitung`, its inputs on `Masukan Hitung`, what the
    report printed of them on `Dilaporkan` (tata_hitung.py)."""
    h = ind.hitung
    if h is None:
        return
    satu = h.responden if not isinstance(h.responden, dict) else None
    yield "Hitung", {"indikator": ind.kode, "realisasi": h.realisasi, "bawaan": h.bawaan,
                     "target": h.target, "responden": satu}
    per_unsur = h.responden if isinstance(h.responden, dict) else {}
    for nama, isian in h.masukan.items():
        yield "Masukan Hitung", {"indikator": ind.kode, "nama": nama,
                                 "target": nilai_sisi(isian, "target"),
                                 "realisasi": nilai_sisi(isian, "realisasi"),
                                 "responden": per_unsur.get(nama)}
    yield from _dilaporkan("hitung", ind.kode, h.dilaporkan)


def _baris_masukan(s: Sasaran) -> Iterator[tuple[str, Baris]]:
    for m in s.masukan:
        yield "Masukan", {"sasaran": s.kode, "nama": m.nama, "satuan": m.satuan,
                          "anggaran": m.anggaran or None, "target": m.target,
                          "realisasi": m.realisasi}
        yield from _dilaporkan("masukan", s.kode, m.dilaporkan, butir=m.nama)


def nama_tingkat(lap: Laporan, n: int) -> str:
    """What the `Tingkat` column says for level `n` (1-based): the report's level name in
    lower case when it names that level alone, else the level's number (`tingkat N`)."""
    normal = [" ".join(t.split()).lower() for t in lap.tingkat_anggaran]
    if n <= len(normal):
        nama = normal[n - 1]
        bawaan = {"program": 1, "kegiatan": 2}
        if (normal.count(nama) == 1 and bawaan.get(nama, n) == n
                and not re.fullmatch(r"(?:tingkat\s*)?[1-9][0-9]?", nama)):
            return nama
    return f"tingkat {n}"


def _baris_lain(lain: BarisLain | None) -> Baris:
    if lain is None:
        return {}
    return {"baris_lain_pagu": lain.pagu, "baris_lain_realisasi": lain.realisasi,
            "baris_lain_keterangan": lain.keterangan}


def _baris_anggaran(lap: Laporan) -> Iterator[tuple[str, Baris]]:
    for p in lap.program:
        yield "Program Kegiatan", {"tingkat": nama_tingkat(lap, 1), "kode": p.kode,
                                   "nama": p.nama,
                                   "anggaran_perjanjian_kinerja": p.anggaran_perjanjian_kinerja,
                                   "sumber_dana": p.sumber_dana,
                                   "mendukung": ", ".join(p.mendukung) or None,
                                   "penanggung_jawab": p.penanggung_jawab,
                                   **_baris_lain(p.baris_lain)}
        yield from _dilaporkan("program", p.kode, p.dilaporkan)
        yield from baris_simpul(p, p.kode, 1)
        for k in p.kegiatan:
            yield from _simpul(lap, k, p.kode, 2)


def _simpul(lap: Laporan, node: Kegiatan | RincianAnggaran, induk: str,
            n: int) -> Iterator[tuple[str, Baris]]:
    """A kegiatan (level 2) or a node below it, then its own nodes, depth first."""
    yield "Program Kegiatan", {"tingkat": nama_tingkat(lap, n), "kode": node.kode,
                               "induk": induk, "nama": node.nama, "pagu": node.pagu,
                               "realisasi": node.realisasi, "rpd": node.rpd,
                               "mendukung": ", ".join(node.mendukung) or None,
                               "penanggung_jawab": node.penanggung_jawab}
    yield from _dilaporkan("kegiatan" if n == 2 else "rincian", node.kode, node.dilaporkan)
    yield from baris_simpul(node, node.kode, n)
    for anak in node.rincian:
        yield from _simpul(lap, anak, node.kode, n + 1)


def _baris_pendapatan(p: Pendapatan | None) -> Iterator[tuple[str, Baris]]:
    """The revenue table's settings (one row, when any is set), then every account top-down
    naming its parent, each followed by its printed figures; the Jumlah's without a kode."""
    if p is None:
        return
    lain = p.baris_lain
    pengaturan = {
        "judul": p.judul, "kolom": None if p.kolom is None else (", ".join(p.kolom) or "-"),
        "sumber_data": p.sumber_data,
        "baris_lain_target": lain.target if lain else None,
        "baris_lain_realisasi": lain.realisasi if lain else None,
        "baris_lain_realisasi_sebelumnya": lain.realisasi_sebelumnya if lain else None,
        "baris_lain_keterangan": lain.keterangan if lain else None}
    if any(v is not None for v in pengaturan.values()):
        yield "Tabel Pendapatan", pengaturan
    stack: list[tuple[AkunPendapatan, str | None]] = [(a, None) for a in reversed(p.akun)]
    while stack:
        akun, induk = stack.pop()
        yield "Pendapatan", {"kode": akun.kode, "induk": induk, "uraian": akun.uraian,
                             "target": akun.target, "realisasi": akun.realisasi,
                             "realisasi_sebelumnya": akun.realisasi_sebelumnya}
        yield from _dilaporkan("pendapatan", akun.kode, akun.dilaporkan)
        stack += [(r, akun.kode) for r in reversed(akun.rincian)]
    yield from _dilaporkan("pendapatan", None, p.dilaporkan)


def _baris_belanja(b: BelanjaTahun) -> Iterator[tuple[str, Baris]]:
    yield "Belanja", {
        "tahun": b.tahun, "pagu_langsung": b.langsung.pagu,
        "realisasi_langsung": b.langsung.realisasi, "pagu_tidak_langsung":
        b.tidak_langsung.pagu, "realisasi_tidak_langsung": b.tidak_langsung.realisasi,
        "realisasi": b.realisasi, "pagu_murni": b.pagu_murni,
        "jumlah_program": b.jumlah_program, "jumlah_kegiatan": b.jumlah_kegiatan,
        "klasifikasi": b.klasifikasi}
    yield from _dilaporkan("belanja", b.tahun, b.dilaporkan)
    for j in b.jenis:
        yield "Jenis Belanja", {"tahun": b.tahun, "jenis": j.jenis, "pagu_murni": j.pagu_murni,
                                "pagu": j.pagu, "realisasi": j.realisasi}
        yield from _dilaporkan("jenis belanja", b.tahun, j.dilaporkan, butir=j.jenis)
    for g in b.kelompok:
        yield "Kelompok Belanja", {"tahun": b.tahun, "kelompok": g.kelompok}
        yield from _dilaporkan("kelompok belanja", b.tahun, g.dilaporkan, butir=g.kelompok)


def _baris_evaluasi(lap: Laporan) -> Iterator[tuple[str, Baris]]:
    if lap.evaluasi_sakip is None:
        return
    for k in lap.evaluasi_sakip.komponen:
        yield "Komponen SAKIP", {"kode": k.kode, "nama": k.nama, "bobot": k.bobot}
    for h in lap.evaluasi_sakip.hasil:
        for kode, nilai in h.nilai.items():
            yield "Nilai SAKIP", {"tahun": h.tahun, "komponen": kode, "nilai": nilai}
        if not h.nilai:
            yield "Nilai SAKIP", {"tahun": h.tahun}
        yield from _dilaporkan("evaluasi", h.tahun, h.dilaporkan)


def buku_data(laporan: Laporan) -> Workbook:
    """The data-entry workbook holding every input and printed figure of `laporan`;
    `lkjip import` reads it back into the same report (`buku/impor.py` `buku_utuh` proves
    it for each report before the workbook is written)."""
    rows: dict[str, list[Baris]] = {}
    for nama, row in _baris_laporan(laporan):
        rows.setdefault(nama, []).append(row)
    tingkat = tuple(nama_tingkat(laporan, n) for n in range(1, _kedalaman(laporan) + 1))
    return buku(rows, tuple(dict.fromkeys((*tingkat, *tb.TINGKAT))))


def _kedalaman(lap: Laporan) -> int:
    def turun(node: Kegiatan | RincianAnggaran) -> int:
        return 1 + max((turun(a) for a in node.rincian), default=0)

    return 1 + max((turun(k) for p in lap.program for k in p.kegiatan), default=1)
