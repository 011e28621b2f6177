"""The tables of an LKjIP, built from the engine's result, independent of how they are shown.

One builder per table number gives its caption, columns and rows exactly once; the rich
terminal tables, the JSON and CSV exports and the Markdown templates all draw from these, so
a caption or a column can never differ between `lkjip compute` and `lkjip render`.
Cells keep exact Decimals; only `format_sel` (through `lkjip_cli.angka`) rounds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from lkjip_cli import angka as fmt
from lkjip_cli.engine.hasil import (
    Hasil,
    HasilIndikator,
    HasilKegiatan,
    HasilSasaran,
    Target,
)
from lkjip_cli.engine.hitung import RUMUS_EFISIENSI
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.engine.skala import skala
from lkjip_cli.model.laporan import Aturan, Rentang

Jenis = Literal["teks", "input", "persen", "poin", "rupiah", "bilangan"]
Gaya = Literal["biasa", "jumlah", "rinci"]
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True, slots=True)
class Sel:
    """One cell: text, or an exact number with the kind that says how to print it."""

    nilai: Decimal | str | None
    jenis: Jenis = "teks"
    alasan: str | None = None


@dataclass(frozen=True, slots=True)
class Kolom:
    judul: str
    angka: bool = False


@dataclass(frozen=True, slots=True)
class Baris:
    sel: tuple[Sel, ...]
    gaya: Gaya = "biasa"


@dataclass(frozen=True, slots=True)
class Tabel:
    """A table as the report prints it: number, caption lines, columns, rows, notes."""

    nomor: str
    judul: tuple[str, ...]
    kolom: tuple[Kolom, ...]
    baris: tuple[Baris, ...]
    catatan: tuple[str, ...] = ()
    sumber: str = ""
    bagian: str = field(default="")

    @property
    def caption(self) -> str:
        return f"Tabel {self.nomor} " + " ".join(self.judul)


# --------------------------------------------------------------------------- cells


def teks(value: str | None) -> Sel:
    return Sel(value or "", "teks")


def masukan(value: Decimal | None) -> Sel:
    return Sel(value, "input")


def target_sel(target: Target | None) -> Sel:
    if isinstance(target, Rentang):
        return Sel(f"{fmt.angka(target.min)}–{fmt.angka(target.maks)}", "teks")
    return masukan(target)


def persen(nilai: Nilai) -> Sel:
    """A computed figure's cell, of the kind its unit says (an efficiency may be rupiah)."""
    if nilai.satuan == "Rp":
        return rp(nilai)
    return Sel(nilai.nilai, "poin" if nilai.satuan == "poin" else "persen", nilai.alasan)


def rp(nilai: Nilai | Decimal | None) -> Sel:
    if isinstance(nilai, Nilai):
        return Sel(nilai.nilai, "rupiah", nilai.alasan)
    return Sel(nilai, "rupiah")


def bilangan(value: int | None) -> Sel:
    return Sel(None if value is None else Decimal(value), "bilangan")


def format_sel(sel: Sel, aturan: Aturan) -> str:
    """The cell as the reader sees it, rounded by the report's rules."""
    if sel.jenis == "teks":
        return str(sel.nilai or "")
    assert not isinstance(sel.nilai, str)
    if sel.jenis in ("persen", "poin"):
        return fmt.persen(sel.nilai, aturan.desimal_persen, aturan.pembulatan)
    if sel.jenis == "rupiah":
        return fmt.rupiah(sel.nilai, awalan=False)
    return fmt.angka(sel.nilai)


# ------------------------------------------------------------------------- helpers


def _nomor_sasaran(i: int) -> str:
    return ROMAWI[i] if i < len(ROMAWI) else str(i + 1)


def _nama_instansi(h: Hasil) -> str:
    return h.laporan.instansi.nama


def _singkat(h: Hasil) -> str:
    return h.laporan.instansi.singkatan or h.laporan.instansi.nama


def _catatan_capaian(h: Hasil, capaian: Iterable[Nilai]) -> str:
    """The formulas and rules behind the capaian of one table, as they were used."""
    used = list(capaian)
    rumus = sorted({n.rumus for n in used}, key=_urutan_rumus)
    rules = sorted({r for n in used for r in n.aturan
                    if r.startswith(("target_nol", "target rentang", "batas_atas"))})
    a = h.laporan.aturan
    text = "Capaian: " + "; ".join(rumus) + "." if rumus else "Capaian."
    if rules:
        text += " Aturan: " + "; ".join(rules) + "."
    cap = a.batas_atas
    if cap is not None and "tampilan" in cap.berlaku:
        text += f" Capaian ditampilkan paling tinggi {fmt.angka(cap.nilai)}."
    return text + f" Dibulatkan {a.desimal_persen} desimal ({a.pembulatan})."


def _urutan_rumus(rumus: str) -> tuple[bool, str]:
    return ("positif" not in rumus, rumus)


def _catatan_penyerapan(h: Hasil) -> str:
    a = h.laporan.aturan
    return (f"% = realisasi / alokasi x 100, dibulatkan {a.desimal_persen} desimal "
            f"({a.pembulatan}).")


def _not_computable_notes(rows: Sequence[Baris]) -> tuple[str, ...]:
    reasons = sorted({s.alasan for r in rows for s in r.sel if s.nilai is None and s.alasan})
    return tuple(f"n/a: {reason}." for reason in reasons)


def _tabel(nomor: str, judul: Sequence[str], kolom: Sequence[Kolom], baris: Sequence[Baris],
           catatan: Sequence[str] = (), sumber: str = "", bagian: str = "") -> Tabel:
    rows = tuple(baris)
    notes = (*catatan, *_not_computable_notes(rows))
    return Tabel(nomor, tuple(judul), tuple(kolom), rows, tuple(notes), sumber, bagian)


def _k(*judul: str, angka: bool = False) -> list[Kolom]:
    return [Kolom(j, angka) for j in judul]


# ---------------------------------------------------------------------- Bab II


def tabel_2_1(h: Hasil) -> list[Tabel]:
    r = h.laporan.renstra
    years = list(range(r.mulai, r.selesai + 1))
    kolom = [*_k("No", "Tujuan", "Sasaran", "Indikator Sasaran"),
             *(Kolom(str(y), True) for y in years)]
    tujuan = {t.kode: t.nama for t in h.laporan.tujuan}
    rows = []
    previous_tujuan: str | None = None
    nomor = 0
    for sas_model, sas in zip(h.laporan.sasaran, h.sasaran, strict=True):
        # A tujuan shared by consecutive sasaran is printed (and numbered) once, as the
        # report merges its cells.
        new_tujuan = nomor == 0 or sas_model.tujuan != previous_tujuan
        previous_tujuan = sas_model.tujuan
        nomor += new_tujuan
        for j, ind in enumerate(sas_model.indikator):
            first = j == 0
            rows.append(Baris((
                teks(str(nomor) if first and new_tujuan else ""),
                teks(tujuan.get(sas_model.tujuan or "", "") if first and new_tujuan else ""),
                teks(sas.nama if first else ""),
                teks(ind.nama),
                *(target_sel(ind.target_renstra.get(y)) for y in years),
            )))
    return [_tabel("2.1", ["Matriks Hubungan antara Tujuan, Sasaran dan Target Kinerja Sasaran",
                           _nama_instansi(h)], kolom, rows,
                   ["Kolom tahun: target kinerja pada tahun Renstra tersebut."],
                   sumber=f"Renstra {_singkat(h)} Tahun {r.mulai}-{r.selesai}")]


def tabel_2_4(h: Hasil) -> list[Tabel]:
    rows = []
    for i, sas in enumerate(h.sasaran):
        for j, ind in enumerate(sas.indikator):
            rows.append(Baris((teks(f"{i + 1}." if j == 0 else ""),
                               teks(sas.nama if j == 0 else ""), teks(ind.nama),
                               teks(ind.satuan), target_sel(ind.target))))
    judul = [f"Perjanjian Kinerja {_singkat(h)}", f"Tahun {h.laporan.tahun}"]
    sumber = f"Perjanjian Kinerja {_singkat(h)} Tahun {h.laporan.tahun}"
    kinerja = _tabel("2.4", judul, [*_k("No", "Sasaran Strategis", "Indikator Kinerja",
                                       "Satuan"), Kolom("Target", True)], rows, sumber=sumber,
                     bagian="kinerja")
    prog_rows = [Baris((teks(f"{i + 1}."), teks(p.nama), rp(p.anggaran_perjanjian_kinerja),
                        teks(p.sumber_dana)))
                 for i, p in enumerate(h.program)]
    anggaran = _tabel("2.4", judul, [*_k("No", "Program"), Kolom("Anggaran (Rp)", True),
                                     Kolom("Keterangan")], prog_rows, sumber=sumber,
                      bagian="anggaran")
    return [kinerja, anggaran]


def tabel_2_5(h: Hasil) -> list[Tabel]:
    b = h.belanja_tahun_ini
    if b is None:
        return []
    rows = [
        Baris((teks("1"), teks("Belanja Tidak Langsung"), rp(b.pagu_tidak_langsung),
               rp(b.realisasi_tidak_langsung), persen(b.penyerapan_tidak_langsung))),
        Baris((teks("2"), teks("Belanja Langsung"), rp(b.pagu_langsung),
               rp(b.realisasi_langsung), persen(b.penyerapan_langsung))),
        Baris((teks(""), teks("Jumlah"), rp(b.pagu_total), rp(b.realisasi_total),
               persen(b.penyerapan_total)), "jumlah"),
    ]
    return [_tabel("2.5", [f"Target Belanja {_singkat(h)}", f"Tahun {b.tahun}"],
                   [*_k("No", "Uraian Belanja"), *_k("Anggaran (Rp)", "Realisasi Belanja (Rp)",
                                                      "%", angka=True)],
                   rows, [_catatan_penyerapan(h)],
                   sumber=f"Anggaran {_singkat(h)} Tahun {b.tahun}")]


def _nama_kegiatan(h: Hasil, kodes: Sequence[str]) -> str:
    names = [h.kegiatan[h.posisi_kegiatan[kode]].nama for kode in kodes
             if kode in h.posisi_kegiatan]
    seen = list(dict.fromkeys(name for name in names if name))
    return "Ditunjang melalui kegiatan: " + "; ".join(seen) if seen else ""


def tabel_2_6(h: Hasil) -> list[Tabel]:
    rows = [Baris((teks(str(i + 1)), teks(s.nama), rp(s.anggaran.pagu),
                   persen(s.porsi_belanja_langsung),
                   teks(_nama_kegiatan(h, s.anggaran.kegiatan))))
            for i, s in enumerate(h.sasaran)]
    return [_tabel("2.6", ["Anggaran Belanja Langsung per Sasaran Strategis",
                           f"{_singkat(h)} Tahun {h.laporan.tahun}"],
                   [*_k("No", "Sasaran Strategis"), *_k("Anggaran (Rp)", "%", angka=True),
                    Kolom("Keterangan")], rows,
                   ["% = anggaran sasaran / pagu Belanja Langsung x 100; anggaran sasaran = "
                    "jumlah pagu kegiatan yang menunjang indikatornya."],
                   sumber=f"{_singkat(h)} Tahun {h.laporan.tahun}")]


# ----------------------------------------------------------------- Bab III: SAKIP


def _rentang_pita(bands: Sequence[tuple[Decimal | None, bool]], i: int) -> str:
    start, inclusive = bands[i]
    upper = "100" if i == 0 else fmt.angka(bands[i - 1][0])
    if start is None:
        return f"s/d {upper}"
    return f"{'' if inclusive else '>'}{fmt.angka(start)} s/d {upper}"


def tabel_3_1(h: Hasil) -> list[Tabel]:
    bands = sorted(skala(h.laporan.aturan.skala_predikat),
                   key=lambda p: p.mulai if p.mulai is not None else Decimal(-1), reverse=True)
    bounds = [(p.mulai, p.inklusif) for p in bands]
    rows = [Baris((teks(str(len(bands) - i)), teks(_rentang_pita(bounds, i)), teks(p.kode),
                   teks(p.sebutan)))
            for i, p in enumerate(bands)]
    return [_tabel("3.1", ["Gambaran Umum Implementasi Hasil Evaluasi SAKIP"],
                   _k("No", "Nilai Capaian", "Kategori Penilaian", "Keterangan"),
                   list(reversed(rows)))]


def tabel_3_2(h: Hasil) -> list[Tabel]:
    if not h.evaluasi:
        return []
    komponen = h.evaluasi[0].komponen
    rows = [Baris((teks(str(i + 1)), teks(k.nama), masukan(k.bobot),
                   *(masukan(e.komponen[i].nilai) for e in h.evaluasi)))
            for i, k in enumerate(komponen)]
    bobot = sum((k.bobot for k in komponen), Decimal(0))
    rows.append(Baris((teks(""), teks("Nilai Hasil Evaluasi"), masukan(bobot),
                       *(Sel(e.total.nilai, "input") for e in h.evaluasi)), "jumlah"))
    rows.append(Baris((teks(""), teks("Predikat Penilaian"), teks(""),
                       *(teks(f"{e.predikat.kode} ({e.predikat.sebutan})" if e.predikat
                              else fmt.TIDAK_ADA) for e in h.evaluasi)), "jumlah"))
    return [_tabel("3.2", ["Hasil Evaluasi Implementasi Sistem AKIP", _singkat(h)],
                   [*_k("No", "Komponen Penilaian"), Kolom("Bobot (%)", True),
                    *(Kolom(f"Tahun {e.tahun}", True) for e in h.evaluasi)], rows,
                   ["Nilai hasil evaluasi = jumlah nilai komponen; predikat menurut skala "
                    "Tabel 3.1."],
                   sumber=_sumber_evaluasi(h))]


def _sumber_evaluasi(h: Hasil) -> str:
    ev = h.laporan.evaluasi_sakip
    return (ev.sumber_data if ev and ev.sumber_data else "Laporan Hasil Evaluasi SAKIP")


# ------------------------------------------------------------- Bab III: capaian


def tabel_3_4(h: Hasil) -> list[Tabel]:
    rows: list[Baris] = []
    for i, sas in enumerate(h.sasaran):
        first_of_sasaran = True
        for ind in sas.indikator:
            for t, quarter in enumerate(_baris_triwulan(h, ind)):
                head = t == 0
                rows.append(Baris((
                    teks(str(i + 1) if first_of_sasaran else ""),
                    teks(sas.nama if first_of_sasaran else ""),
                    teks(ind.nama if head else ""),
                    teks(ind.satuan if head else ""),
                    target_sel(ind.target) if head else teks(""),
                    *quarter,
                )))
                first_of_sasaran = False
    capaian = [tw.capaian for ind in h.indikator for tw in ind.triwulan]
    return [_tabel("3.4", ["Pengukuran Capaian Kinerja", _nama_instansi(h),
                           f"Tahun Anggaran {h.laporan.tahun}"],
                   [*_k("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan"),
                    Kolom("Target Tahunan", True), Kolom("Triwulan"),
                    *_k("Target", "Realisasi", "%", angka=True)],
                   rows, [_catatan_capaian(h, capaian)], sumber="hasil monev IKU per triwulan")]


def _baris_triwulan(h: Hasil, ind: HasilIndikator) -> list[tuple[Sel, ...]]:
    """The quarter cells of one indicator; an indicator without quarters keeps one row."""
    if not ind.triwulan:
        return [(teks("tidak ada data triwulan"), teks(""), teks(""), teks(""))]
    return [(teks(f"TW.{ROMAWI[tw.nomor - 1]}"), target_sel(tw.target), masukan(tw.realisasi),
             persen(h.tampil(tw.capaian))) for tw in ind.triwulan]


def _baris_indikator(h: Hasil) -> Iterator[tuple[int, HasilSasaran, HasilIndikator]]:
    n = 0
    for sas in h.sasaran:
        for ind in sas.indikator:
            n += 1
            yield n, sas, ind


def tabel_3_5(h: Hasil) -> list[Tabel]:
    rows = [Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan), target_sel(ind.target),
                   masukan(ind.realisasi), persen(h.tampil(ind.capaian)),
                   teks(ind.kategori.sebutan if ind.kategori else "")))
            for n, _, ind in _baris_indikator(h)]
    return [_tabel("3.5", [f"Perbandingan antara Target dan Realisasi Kinerja Tahun "
                           f"{h.laporan.tahun}"],
                   [*_k("No", "Indikator Kinerja", "Satuan"),
                    *_k("Target", "Realisasi", "Capaian (%)", angka=True), Kolom("Kategori")],
                   rows, [_catatan_capaian(h, (i.capaian for i in h.indikator)),
                          _catatan_kategori(h)])]


def _catatan_kategori(h: Hasil) -> str:
    spec = h.laporan.aturan.skala_interpretasi
    name = spec if isinstance(spec, str) else "skala laporan"
    return f"Kategori: {name}, pada nilai yang belum dibulatkan."


def tabel_3_6(h: Hasil) -> list[Tabel]:
    tahun = h.laporan.tahun
    rows = [Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan),
                   masukan(ind.realisasi_tahun_lalu), masukan(ind.realisasi),
                   persen(ind.perubahan_persen), persen(ind.perubahan_poin)))
            for n, _, ind in _baris_indikator(h)]
    return [_tabel("3.6", [f"Realisasi Kinerja serta Capaian Kinerja periode {tahun}"],
                   [*_k("No", "Indikator Kinerja", "Satuan"),
                    *_k(f"Realisasi {tahun - 1}", f"Realisasi {tahun}",
                        "% Peningkatan/ Penurunan (5/4-1)x100", "Selisih (5-4) poin",
                        angka=True)],
                   rows, ["Kolom 6 = (realisasi tahun ini / realisasi tahun lalu - 1) x 100; "
                          "kolom 7 = realisasi tahun ini - realisasi tahun lalu (poin)."])]


def tabel_3_7(h: Hasil) -> list[Tabel]:
    r = h.laporan.renstra
    rows = [Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan),
                   target_sel(ind.target_renstra_akhir), masukan(ind.realisasi),
                   persen(h.tampil(ind.capaian_renstra_akhir))))
            for n, _, ind in _baris_indikator(h)]
    return [_tabel("3.7", [f"Perbandingan Realisasi Kinerja Tahun {h.laporan.tahun} dengan "
                           "Renstra"],
                   [*_k("No", "Indikator Kinerja", "Satuan"),
                    *_k(f"Target Akhir Renstra ({r.selesai})", f"Realisasi {h.laporan.tahun}",
                        "Capaian (%)", angka=True)],
                   rows, [_catatan_capaian(h, (i.capaian_renstra_akhir for i in h.indikator))])]


def _kegiatan_sasaran(h: Hasil, sas: HasilSasaran) -> list[HasilKegiatan]:
    return h.kegiatan_dari(sas.anggaran.kegiatan)


def tabel_3_8(h: Hasil) -> list[Tabel]:
    tables = []
    for i, sas in enumerate(h.sasaran):
        rows = [Baris((teks(keg.nama if j == 0 else ""), teks(ik.nama), teks(ik.satuan),
                       target_sel(ik.target), masukan(ik.realisasi),
                       persen(h.tampil(ik.capaian))))
                for keg in _kegiatan_sasaran(h, sas) for j, ik in enumerate(keg.indikator)]
        tables.append(_tabel("3.8", [f"Indikator Kinerja Kegiatan Pendukung Sasaran Strategis "
                                     f"{_nomor_sasaran(i)}: {sas.nama}"],
                             [*_k("Kegiatan", "Indikator", "Satuan"),
                              *_k("Target", "Realisasi", "Capaian (%)", angka=True)],
                             rows, [_catatan_capaian(h, (ik.capaian for keg in
                                                         _kegiatan_sasaran(h, sas)
                                                         for ik in keg.indikator))],
                             bagian=sas.kode))
    return tables


def _kegiatan_urut_sasaran(h: Hasil) -> list[HasilKegiatan]:
    """Kegiatan in the order of the sasaran they support, then the others (as Tabel 3.9)."""
    ordered: dict[str, HasilKegiatan] = {}  # by kode: a set lookup, not a list scan
    for sas in h.sasaran:
        for k in _kegiatan_sasaran(h, sas):
            ordered.setdefault(k.kode, k)
    return [*ordered.values(), *(k for k in h.kegiatan if k.kode not in ordered)]


def tabel_3_9(h: Hasil) -> list[Tabel]:
    rows = []
    for keg in _kegiatan_urut_sasaran(h):
        for j, ik in enumerate(keg.indikator):
            aksi = " ".join(f"{n}. {a}" for n, a in enumerate(ik.rencana_aksi, 1))
            rows.append(Baris((teks(keg.nama if j == 0 else ""), teks(ik.nama),
                               target_sel(ik.target), masukan(ik.realisasi),
                               teks(ik.satuan), teks(aksi))))
    return [_tabel("3.9", [f"Rencana Aksi dalam mendukung kegiatan {_singkat(h)}"],
                   [*_k("Kegiatan", "Indikator"), *_k("Target", "Realisasi", angka=True),
                    *_k("Satuan", "Rencana Aksi")], rows)]


# ------------------------------------------------------- Bab III: efisiensi, anggaran


def tabel_3_10(h: Hasil) -> list[Tabel]:
    metode = h.laporan.aturan.efisiensi.sasaran
    if metode == "sisa-anggaran":
        cap_head, cap = "% Capaian Kinerja (=100%)", (lambda s: Sel(Decimal(100), "persen"))
    else:
        cap_head, cap = "% Capaian Kinerja", (lambda s: persen(h.tampil(s.capaian)))
    cap_of: Callable[[HasilSasaran], Sel] = cap
    rows = [Baris((teks(str(i + 1)), teks(s.nama), cap_of(s), persen(s.anggaran.penyerapan),
                   persen(s.efisiensi)))
            for i, s in enumerate(h.sasaran)]
    unit = {"nominal": " (Rp)", "selisih": " (poin)", "sisa-anggaran": " (poin)",
            "rasio": " (%)"}[metode]
    return [_tabel("3.10", ["Hasil Perbandingan Output dan Input dengan Standar Efisiensi",
                            f"{_singkat(h)} Tahun {h.laporan.tahun}"],
                   [*_k("No", "Sasaran Strategis"),
                    *_k(cap_head, "% Penyerapan Anggaran", f"Tingkat Efisiensi{unit}",
                        angka=True)],
                   rows, [f"Metode efisiensi: {metode} ({_rumus_efisiensi(metode)}); "
                          "penyerapan sasaran dari kegiatan yang menunjang indikatornya."])]


def _rumus_efisiensi(metode: str) -> str:
    return RUMUS_EFISIENSI[metode]


def tabel_3_11(h: Hasil) -> list[Tabel]:
    judul = ["Efisiensi Penggunaan Anggaran Program/Kegiatan", _singkat(h)]
    metode = h.laporan.aturan.efisiensi.tahunan
    efisiensi_rows = [Baris((teks(str(b.tahun)), rp(b.pagu_total), rp(b.realisasi_total),
                             persen(b.efisiensi), persen(b.penyerapan_total)))
                      for b in h.belanja]
    efisiensi_head, efisiensi_note = {
        "nominal": ("Nilai Efisiensi (Rp)", "nilai efisiensi = total APBD - realisasi"),
        "sisa-anggaran": ("Efisiensi (poin)", "efisiensi = 100 - % realisasi"),
    }[metode]
    alokasi_rows = [Baris((teks(str(b.tahun)), rp(b.pagu_langsung), rp(b.pagu_tidak_langsung),
                           bilangan(b.jumlah_program), bilangan(b.jumlah_kegiatan)))
                    for b in h.belanja]
    return [
        _tabel("3.11", judul,
               [Kolom("Tahun"), *_k("Total APBD (Rp)", "Realisasi (Rp)", efisiensi_head, "%",
                                    angka=True)],
               efisiensi_rows,
               [f"Metode efisiensi tahunan: {metode}; {efisiensi_note}; % = realisasi / total "
                "APBD x 100; total APBD = belanja langsung + belanja tidak langsung."],
               bagian="efisiensi"),
        _tabel("3.11", judul,
               [Kolom("Tahun"), *_k("Belanja Langsung (Rp)", "Belanja Tidak Langsung (Rp)",
                                    "Jumlah Program", "Jumlah Kegiatan", angka=True)],
               alokasi_rows, ["Jumlah program dan kegiatan yang dialokasikan."],
               bagian="alokasi"),
    ]


def tabel_3_12(h: Hasil) -> list[Tabel]:
    rows = []
    for i, sas in enumerate(h.sasaran):
        for j, ind in enumerate(sas.indikator):
            a = ind.anggaran
            rows.append(Baris((teks(str(i + 1) if j == 0 else ""),
                               teks(sas.nama if j == 0 else ""), teks(ind.nama),
                               target_sel(ind.target), masukan(ind.realisasi),
                               persen(h.tampil(ind.capaian)), rp(a.pagu), rp(a.realisasi),
                               persen(a.penyerapan))))
    pk = h.anggaran_perjanjian_kinerja
    empty = (teks(""),) * 6
    rows.append(Baris((*empty[:2], teks("Jumlah"), *empty[3:], rp(pk.pagu), rp(pk.realisasi),
                       persen(pk.penyerapan)), "jumlah"))
    b = h.belanja_tahun_ini
    if b is not None:
        rows.append(Baris((*empty[:2], teks("Total Belanja Langsung"), *empty[3:],
                           rp(b.pagu_langsung), rp(b.realisasi_langsung),
                           persen(b.penyerapan_langsung)), "jumlah"))
    return [_tabel("3.12", ["Realisasi Anggaran sesuai dengan Perjanjian Kinerja"],
                   [*_k("No", "Sasaran Strategis", "Indikator Kinerja"),
                    *_k("Target", "Realisasi", "% Capaian", "Alokasi (Rp)", "Realisasi (Rp)",
                        "% Anggaran", angka=True)],
                   rows, [_catatan_capaian(h, (i.capaian for i in h.indikator)),
                          "Anggaran indikator = jumlah kegiatan yang "
                          "menunjangnya; Jumlah = kegiatan yang menunjang indikator kinerja "
                          "(tanpa hitung ganda).", _catatan_penyerapan(h)])]


def tabel_3_13(h: Hasil) -> list[Tabel]:
    rows = []
    for i, prog in enumerate(h.program):
        a = prog.anggaran
        rows.append(Baris((teks(f"{i + 1}."), teks(prog.nama), rp(a.pagu), rp(a.realisasi),
                           persen(a.penyerapan), teks(prog.sumber_dana)), "jumlah"))
        for keg in prog.kegiatan:
            k = keg.anggaran
            rows.append(Baris((teks(""), teks(keg.nama), rp(k.pagu), rp(k.realisasi),
                               persen(k.penyerapan), teks("")), "rinci"))
    b = h.belanja_tahun_ini
    if b is not None:
        rows.append(Baris((teks(""), teks("Total Belanja Langsung"), rp(b.pagu_langsung),
                           rp(b.realisasi_langsung), persen(b.penyerapan_langsung), teks("")),
                          "jumlah"))
    return [_tabel("3.13", ["Realisasi Anggaran Per Program dan Kegiatan",
                            f"Tahun {h.laporan.tahun}"],
                   [*_k("No", "Program/Kegiatan"),
                    *_k("Alokasi (Rp)", "Realisasi (Rp)", "%", angka=True), Kolom("Ket")],
                   rows, ["Program = jumlah kegiatannya; Total Belanja Langsung = jumlah "
                          "program.", _catatan_penyerapan(h)])]


BUILDERS: dict[str, Callable[[Hasil], list[Tabel]]] = {
    "2.1": tabel_2_1, "2.4": tabel_2_4, "2.5": tabel_2_5, "2.6": tabel_2_6,
    "3.1": tabel_3_1, "3.2": tabel_3_2, "3.4": tabel_3_4, "3.5": tabel_3_5,
    "3.6": tabel_3_6, "3.7": tabel_3_7, "3.8": tabel_3_8, "3.9": tabel_3_9,
    "3.10": tabel_3_10, "3.11": tabel_3_11, "3.12": tabel_3_12, "3.13": tabel_3_13,
}

#: What `lkjip compute` shows when no --tabel is given: Bab III's figures.
BAB_III = ("3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13")


def bangun(h: Hasil, nomor: Sequence[str]) -> list[Tabel]:
    """The requested tables, in the order asked; unknown numbers raise KeyError."""
    return [t for n in nomor for t in BUILDERS[n](h)]
