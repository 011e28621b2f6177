"""Bab III's efficiency and budget tables: what the year's results cost, against what was
planned and spent.

Tabel 3.10 (efficiency per sasaran, by the method `aturan.efisiensi.sasaran` names: capaian
against the budget's absorption, or BPKP's output against each input), 3.11 (efficiency year
by year, then the allocation per year), 3.12 (the Perjanjian Kinerja's budget per indicator)
and 3.13 (the budget per program and kegiatan, or per node of a deeper budget tree, with the
disbursement plan of an interim report).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal

from lkjip_cli.engine import METODE_EFISIENSI, RUMUS_EFISIENSI
from lkjip_cli.engine.hasil import (
    Anggaran,
    Hasil,
    HasilPosBelanja,
    HasilProgram,
    HasilSasaran,
)
from lkjip_cli.tabel.catatan import (
    NAMA_METODE,
    catatan_baris_lain,
    catatan_capaian,
    catatan_metode_rata,
    catatan_penyerapan,
    kolom_judul,
    nama_singkat,
    susun_tabel,
)
from lkjip_cli.tabel.sel import (
    Baris,
    Gaya,
    Kolom,
    Sel,
    Tabel,
    bilangan,
    masukan,
    persen,
    rp,
    target_indikator_sel,
    teks,
)


def tabel_3_10(h: Hasil) -> list[Tabel]:
    metode = h.laporan.aturan.efisiensi.sasaran
    if metode == "output-input":
        return [_tabel_3_10_masukan(h)]
    if metode == "sisa-anggaran":
        cap_head, cap = "% Capaian Kinerja (=100%)", (lambda s: Sel(Decimal(100), "persen"))
    else:
        cap_head, cap = "% Capaian Kinerja", (lambda s: persen(h.tampil(s.capaian)))
    cap_of: Callable[[HasilSasaran], Sel] = cap
    rows = [Baris((teks(str(i + 1)), teks(s.nama), cap_of(s), persen(s.anggaran.penyerapan),
                   persen(s.efisiensi)))
            for i, s in enumerate(h.sasaran)]
    unit = {"nominal": " (Rp)", "selisih": " (poin)", "sisa-anggaran": " (poin)",
            "rasio": " (%)", "indeks-efisiensi": " (IE)", "selisih-rata-rata-serapan": " (poin)",
            "nilai-efisiensi-pmk-22-2021": " (nilai)"}[metode]
    return [susun_tabel("3.10", ["Hasil Perbandingan Output dan Input dengan Standar Efisiensi",
                                 f"{nama_singkat(h)} Tahun {h.laporan.tahun}"],
                        [*kolom_judul("No", "Sasaran Strategis"),
                         *kolom_judul(cap_head, "% Penyerapan Anggaran",
                                      f"Tingkat Efisiensi{unit}", angka=True)],
                        rows, [f"Efisiensi dihitung dengan metode {NAMA_METODE[metode]} "
                               f"({_rumus_efisiensi(metode)}); penyerapan sasaran dari kegiatan "
                               "yang menunjang indikatornya.", *catatan_sumber_efisiensi(metode),
                               *catatan_metode_rata(h)])]


def _tabel_3_10_masukan(h: Hasil) -> Tabel:
    """Tabel 3.10 by BPKP's method: per sasaran, one row per input with its use and the
    efficiency of the output over it, and their mean when there are several."""
    rows: list[Baris] = []
    for i, s in enumerate(h.sasaran):
        head = (teks(str(i + 1)), teks(s.nama), persen(h.tampil(s.capaian)))
        blank = (teks(""), teks(""), teks(""))
        if not s.masukan:
            rows.append(Baris((*head, teks("tidak ada masukan"), teks(""), persen(s.efisiensi))))
        for j, m in enumerate(s.masukan):
            nama = f"{m.nama} ({m.satuan})" if m.satuan else m.nama
            rows.append(Baris((*(head if j == 0 else blank), teks(nama), persen(m.capaian),
                               persen(m.efisiensi))))
        if len(s.masukan) > 1:
            rows.append(Baris((*blank, teks("Rata-rata"), teks(""), persen(s.efisiensi)),
                              "jumlah"))
    return susun_tabel("3.10", ["Hasil Perbandingan Output dan Input dengan Standar Efisiensi",
                                f"{nama_singkat(h)} Tahun {h.laporan.tahun}"],
                       [*kolom_judul("No", "Sasaran Strategis"),
                        Kolom("% Capaian Keluaran", True), Kolom("Masukan"),
                        *kolom_judul("% Capaian Masukan", "Efisiensi (%)", angka=True)],
                       rows, ["Metode efisiensi: output-input (BPKP); capaian masukan = "
                              "realisasi / rencana masukan x 100 (dana: penyerapan anggaran "
                              "sasaran); efisiensi = capaian keluaran / capaian masukan x 100, di "
                              "atas 100 efisien; efisiensi sasaran = rata-rata efisiensi "
                              "masukannya."])


def _rumus_efisiensi(metode: str) -> str:
    return RUMUS_EFISIENSI[metode]


def catatan_sumber_efisiensi(metode: str) -> list[str]:
    """The source of a method issue 22 added (the four older ones are the reference
    report's own and keep their notes unchanged)."""
    if metode in ("selisih", "sisa-anggaran", "rasio", "nominal"):
        return []
    return [f"Sumber metode: {METODE_EFISIENSI[metode].sumber}."]


def tabel_3_11(h: Hasil) -> list[Tabel]:
    judul = ["Efisiensi Penggunaan Anggaran Program/Kegiatan", nama_singkat(h)]
    metode = h.laporan.aturan.efisiensi.tahunan
    efisiensi_rows = [Baris((teks(_tahun_sampai(h, b.tahun)), rp(b.pagu_total),
                             rp(b.realisasi_total), persen(b.efisiensi),
                             persen(b.penyerapan_total)))
                      for b in h.belanja]
    total = "total APBD" if all(b.klasifikasi == "bl-btl" for b in h.belanja) \
        else "total anggaran"
    efisiensi_head, efisiensi_note = {
        "nominal": ("Nilai Efisiensi (Rp)", f"nilai efisiensi = {total} - realisasi"),
        "sisa-anggaran": ("Efisiensi (poin)", "efisiensi = 100 - % realisasi"),
    }[metode]
    p = h.periode_sela
    if p is not None:  # mid-year, what is left is not yet saved: it is still to be spent
        efisiensi_head = efisiensi_head.replace("Nilai Efisiensi", "Sisa Anggaran").replace(
            "Efisiensi", "Sisa Anggaran")
        efisiensi_note += (f" (tahun {h.laporan.tahun} s.d. {p.sebutan}: tahun anggaran belum "
                           "berakhir, sehingga angkanya sisa anggaran, belum efisiensi)")
    if all(b.klasifikasi == "bl-btl" for b in h.belanja):
        total_head, total_note = "Total APBD (Rp)", (
            "total APBD x 100; total APBD = belanja langsung + belanja tidak langsung.")
        alokasi_head = ["Belanja Langsung (Rp)", "Belanja Tidak Langsung (Rp)"]
        alokasi_rows = [Baris((teks(str(b.tahun)), rp(b.pagu_langsung),
                               rp(b.pagu_tidak_langsung), bilangan(b.jumlah_program),
                               bilangan(b.jumlah_kegiatan)))
                        for b in h.belanja]
    else:
        total_head, total_note = "Total Anggaran (Rp)", (
            "total anggaran x 100; total anggaran = jumlah jenis belanja tahun itu.")
        alokasi_head, alokasi_rows = _alokasi_per_kelas(h)
    return [
        susun_tabel("3.11", judul,
                    [Kolom("Tahun"), *kolom_judul(total_head, "Realisasi (Rp)", efisiensi_head,
                                                  "%", angka=True)],
                    efisiensi_rows,
                    [f"Efisiensi tahunan dihitung dengan metode {NAMA_METODE[metode]}: "
                     f"{efisiensi_note}; % = realisasi / " + total_note],
                    bagian="efisiensi"),
        susun_tabel("3.11", judul,
                    [Kolom("Tahun"), *kolom_judul(*alokasi_head, "Jumlah Program",
                                                  "Jumlah Kegiatan", angka=True)],
                    alokasi_rows, ["Jumlah program dan kegiatan yang dialokasikan."],
                    bagian="alokasi", lanjutan=True),
    ]


def _tahun_sampai(h: Hasil, tahun: int) -> str:
    """A year of Tabel 3.11, with the report's period when it is the interim report's own."""
    p = h.periode_sela
    return f"{tahun} s.d. {p.sebutan}" if p is not None and tahun == h.laporan.tahun \
        else str(tahun)


def _alokasi_per_kelas(h: Hasil) -> tuple[list[str], list[Baris]]:
    """Tabel 3.11's allocation by each year's own classes: one column per top class (a group
    or an ungrouped class) found in any year, blank where a year has no such class."""
    tops = {b.tahun: ({p.nama: p for p in b.puncak} if b.klasifikasi != "bl-btl"
                      else {"Belanja Langsung": b.pagu_langsung,
                            "Belanja Tidak Langsung": b.pagu_tidak_langsung})
            for b in h.belanja}
    names = list(dict.fromkeys(n for t in tops.values() for n in t))
    rows = []
    for b in h.belanja:
        cells = []
        for n in names:
            value = tops[b.tahun].get(n)
            cells.append(teks("") if value is None else
                         rp(value.pagu if isinstance(value, HasilPosBelanja) else value))
        rows.append(Baris((teks(str(b.tahun)), *cells, bilangan(b.jumlah_program),
                           bilangan(b.jumlah_kegiatan))))
    return [f"{n} (Rp)" for n in names], rows


def tabel_3_12(h: Hasil) -> list[Tabel]:
    rows = []
    for i, sas in enumerate(h.sasaran):
        for j, ind in enumerate(sas.indikator):
            a = ind.anggaran
            rows.append(Baris((teks(str(i + 1) if j == 0 else ""),
                               teks(sas.nama if j == 0 else ""), teks(ind.nama),
                               target_indikator_sel(ind),
                               masukan(ind.realisasi_periode),
                               persen(h.tampil(ind.capaian)), rp(a.pagu), rp(a.realisasi),
                               persen(a.penyerapan))))
    pk = h.anggaran_perjanjian_kinerja
    empty = (teks(""),) * 6
    rows.append(Baris((*empty[:2], teks("Jumlah"), *empty[3:], rp(pk.pagu), rp(pk.realisasi),
                       persen(pk.penyerapan)), "jumlah"))
    b = h.belanja_tahun_ini
    if b is not None:
        rows.append(Baris((*empty[:2], teks(_nama_total_program(h)), *empty[3:],
                           rp(b.pagu_langsung), rp(b.realisasi_langsung),
                           persen(b.penyerapan_langsung)), "jumlah"))
    return [susun_tabel("3.12", ["Realisasi Anggaran sesuai dengan Perjanjian Kinerja"],
                        [*kolom_judul("No", "Sasaran Strategis", "Indikator Kinerja"),
                         *kolom_judul("Target", "Realisasi", "% Capaian", "Alokasi (Rp)",
                                      "Realisasi (Rp)", "% Anggaran", angka=True)],
                        rows, [catatan_capaian(h, (i.capaian for i in h.indikator)),
                               "Anggaran indikator = jumlah kegiatan yang "
                               "menunjangnya; Jumlah = kegiatan yang menunjang indikator kinerja "
                               "(tanpa hitung ganda).", catatan_penyerapan(h)])]


def tabel_3_13(h: Hasil) -> list[Tabel]:
    if h.kedalaman_anggaran > 2:
        return _tabel_3_13_pohon(h)
    rpd = _ada_rpd(h)
    rows = []
    for i, prog in enumerate(h.program):
        a = prog.anggaran
        rows.append(Baris((teks(f"{i + 1}."), teks(prog.nama), rp(a.pagu), rp(a.realisasi),
                           persen(a.penyerapan), *_sel_rpd(a, rpd), teks(prog.sumber_dana)),
                          "jumlah"))
        for keg in prog.kegiatan:
            k = keg.anggaran
            rows.append(Baris((teks(""), teks(keg.nama), rp(k.pagu), rp(k.realisasi),
                               persen(k.penyerapan), *_sel_rpd(k, rpd), teks("")), "rinci", 1))
    b = h.belanja_tahun_ini
    if b is not None:
        rows.append(Baris((teks(""), teks(_nama_total_program(h)), rp(b.pagu_langsung),
                           rp(b.realisasi_langsung), persen(b.penyerapan_langsung),
                           *_sel_rpd(h.anggaran_program, rpd), teks("")), "jumlah"))
    notes = [f"Program = jumlah kegiatannya; {_nama_total_program(h)} = jumlah program.",
             catatan_penyerapan(h)]
    notes += _catatan_baris_lain(h)
    if rpd:
        notes.append("% terhadap RPD = realisasi / rencana penarikan dana s.d. periode x 100; "
                     "RPD terhadap pagu = RPD / alokasi x 100.")
    return [susun_tabel("3.13", ["Realisasi Anggaran Per Program dan Kegiatan",
                                 h.judul_periode],
                        [*kolom_judul("No", "Program/Kegiatan"),
                         *kolom_judul("Alokasi (Rp)", "Realisasi (Rp)", "%", *_kolom_rpd(h, rpd),
                                      angka=True), Kolom("Ket")],
                        rows, notes)]


def _catatan_baris_lain(h: Hasil) -> list[str]:
    """Programs whose total covers rows the file does not list (`baris_lain`)."""
    notes = []
    for prog in h.laporan.program:
        lain = prog.baris_lain
        if lain is None:
            continue
        notes.append(catatan_baris_lain(
            f"Jumlah {prog.nama} mencakup kegiatan yang tidak dirinci di tabel ini",
            lain.keterangan, [("alokasi", lain.pagu), ("realisasi", lain.realisasi)]))
    return notes


def _nama_total_program(h: Hasil) -> str:
    """The total row of Tabel 3.12 and 3.13: belanja langsung until 2020, then the budget
    tree's own total (`Hasil.nama_belanja_program`)."""
    return f"Total {h.nama_belanja_program}"


def _tabel_3_13_pohon(h: Hasil) -> list[Tabel]:
    """Tabel 3.13 of a tree deeper than program and kegiatan: one row per node with its
    kode, indented by level; programs bold, leaves as detail."""
    rpd = _ada_rpd(h)
    rows = []
    for node in h.simpul:
        a = node.anggaran
        ket = node.sumber_dana if isinstance(node, HasilProgram) else None
        gaya: Gaya = "jumlah" if node.tingkat == 0 else ("rinci" if not node.anak else "biasa")
        rows.append(Baris((teks(node.kode), teks(node.nama), rp(a.pagu), rp(a.realisasi),
                           persen(a.penyerapan), *_sel_rpd(a, rpd), teks(ket)), gaya,
                          node.tingkat))
    b = h.belanja_tahun_ini
    if b is not None:
        rows.append(Baris((teks(""), teks("Jumlah"), rp(b.pagu_langsung),
                           rp(b.realisasi_langsung), persen(b.penyerapan_langsung),
                           *_sel_rpd(h.anggaran_program, rpd), teks("")), "jumlah"))
    levels = [h.nama_tingkat(t) for t in range(h.kedalaman_anggaran)]
    turun = "; ".join(f"{atas} = jumlah {bawah.lower() if not bawah.isupper() else bawah}"
                      for atas, bawah in itertools.pairwise(levels))
    notes = [f"{turun}; pagu dan realisasi diisi pada tingkat terbawah; Jumlah = jumlah "
             "program.", catatan_penyerapan(h)]
    notes += _catatan_baris_lain(h)
    if rpd:
        notes.append("% terhadap RPD = realisasi / rencana penarikan dana s.d. periode x 100; "
                     "RPD terhadap pagu = RPD / alokasi x 100.")
    return [susun_tabel("3.13", [f"Realisasi Anggaran Per {', '.join(levels[:-1])} dan "
                                 f"{levels[-1]}", h.judul_periode],
                        [*kolom_judul("Kode", "/".join(levels)),
                         *kolom_judul("Alokasi (Rp)", "Realisasi (Rp)", "%", *_kolom_rpd(h, rpd),
                                      angka=True), Kolom("Ket")],
                        rows, notes)]


def _ada_rpd(h: Hasil) -> bool:
    """Whether the budget lines give a disbursement plan (an interim report's RPD)."""
    return any(s.anggaran.rpd is not None for s in h.simpul)


def _kolom_rpd(h: Hasil, rpd: bool) -> tuple[str, ...]:
    if not rpd:
        return ()
    sampai = f" s.d. {h.periode_sela.sebutan}" if h.periode_sela else ""
    return (f"RPD{sampai} (Rp)", "% terhadap RPD", "RPD terhadap pagu (%)")


def _sel_rpd(a: Anggaran | None, rpd: bool) -> tuple[Sel, ...]:
    if not rpd:
        return ()
    if a is None or a.rpd is None or a.penyerapan_rpd is None or a.persen_rpd is None:
        return (teks(""), teks(""), teks(""))
    return (rp(a.rpd), persen(a.penyerapan_rpd), persen(a.persen_rpd))
