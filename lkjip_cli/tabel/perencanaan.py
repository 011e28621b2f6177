"""Bab II's tables: what the year was planned to achieve and to spend, before Bab III measures it.

Tabel 2.1 (the Renstra's tujuan, sasaran and their targets per year), 2.4 (the Perjanjian
Kinerja: its targets, then its program budgets), 2.5 (the year's spending, by belanja langsung
and tidak langsung or by the spending classes of 2021 on) and 2.6 (the budget per sasaran
strategis).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.engine.hasil import Hasil, HasilBelanja, HasilPosBelanja
from lkjip_cli.model.klasifikasi import SUMBER as SUMBER_KLASIFIKASI
from lkjip_cli.tabel.catatan import (
    catatan_penyerapan,
    kolom_judul,
    nama_instansi,
    nama_singkat,
    susun_tabel,
)
from lkjip_cli.tabel.sel import (
    Baris,
    Kolom,
    Sel,
    Tabel,
    persen,
    rp,
    target_indikator_sel,
    target_sel,
    teks,
)


def tabel_2_1(h: Hasil) -> list[Tabel]:
    r = h.laporan.renstra
    years = list(range(r.mulai, r.selesai + 1))
    kolom = [*kolom_judul("No", "Tujuan", "Sasaran", "Indikator Sasaran"),
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
    return [susun_tabel("2.1", ["Matriks Hubungan antara Tujuan, Sasaran dan Target Kinerja "
                                "Sasaran", nama_instansi(h)], kolom, rows,
                        ["Kolom tahun: target kinerja pada tahun Renstra tersebut."],
                        sumber=f"Renstra {nama_singkat(h)} Tahun {r.mulai}-{r.selesai}")]


def tabel_2_4(h: Hasil) -> list[Tabel]:
    rows = []
    for i, sas in enumerate(h.sasaran):
        for j, ind in enumerate(sas.indikator):
            rows.append(Baris((teks(f"{i + 1}." if j == 0 else ""),
                               teks(sas.nama if j == 0 else ""), teks(ind.nama),
                               teks(ind.satuan), target_indikator_sel(ind, periode=False))))
    judul = [f"Perjanjian Kinerja {nama_singkat(h)}", f"Tahun {h.laporan.tahun}"]
    sumber = f"Perjanjian Kinerja {nama_singkat(h)} Tahun {h.laporan.tahun}"
    kinerja = susun_tabel("2.4", judul, [*kolom_judul("No", "Sasaran Strategis",
                                                      "Indikator Kinerja", "Satuan"),
                                         Kolom("Target", True)], rows, sumber=sumber,
                          bagian="kinerja")
    prog_rows = [Baris((teks(f"{i + 1}."), teks(p.nama),
                        _anggaran_pk(p.anggaran_perjanjian_kinerja),
                        teks(p.sumber_dana)))
                 for i, p in enumerate(h.program)]
    kosong = [] if all(p.anggaran_perjanjian_kinerja is not None for p in h.program) else [
        f"{TIDAK_TERSEDIA[:1].upper()}{TIDAK_TERSEDIA[1:]}: anggaran program dalam Perjanjian "
        "Kinerja tidak diisi."]
    anggaran = susun_tabel("2.4", judul, [*kolom_judul("No", "Program"),
                                          Kolom("Anggaran (Rp)", True), Kolom("Keterangan")],
                           prog_rows, kosong, sumber=sumber, bagian="anggaran", lanjutan=True)
    return [kinerja, anggaran]


#: What a budget the report file leaves empty prints as in a document (not `n/a`, which a
#: reader takes for a figure that cannot be computed).
TIDAK_TERSEDIA = "tidak tersedia"


def _anggaran_pk(nilai: Decimal | None) -> Sel:
    return Sel(nilai, "rupiah") if nilai is not None else teks(TIDAK_TERSEDIA)


def tabel_2_5(h: Hasil) -> list[Tabel]:
    b = h.belanja_tahun_ini
    if b is None or not h.ada_belanja_tahun_ini:
        return []
    if b.klasifikasi != "bl-btl":
        return [_tabel_belanja_kelas(h, b)]
    rows = [
        Baris((teks("1"), teks("Belanja Tidak Langsung"), rp(b.pagu_tidak_langsung),
               rp(b.realisasi_tidak_langsung), persen(b.penyerapan_tidak_langsung))),
        Baris((teks("2"), teks("Belanja Langsung"), rp(b.pagu_langsung),
               rp(b.realisasi_langsung), persen(b.penyerapan_langsung))),
        Baris((teks(""), teks("Jumlah"), rp(b.pagu_total), rp(b.realisasi_total),
               persen(b.penyerapan_total)), "jumlah"),
    ]
    return [susun_tabel("2.5", [f"Target Belanja {nama_singkat(h)}", h.judul_periode],
                        [*kolom_judul("No", "Uraian Belanja"),
                         *kolom_judul("Anggaran (Rp)", "Realisasi Belanja (Rp)", "%", angka=True)],
                        rows, [catatan_penyerapan(h)],
                        sumber=f"Anggaran {nama_singkat(h)} Tahun {b.tahun}")]


def _tabel_belanja_kelas(h: Hasil, b: HasilBelanja) -> Tabel:
    """Tabel 2.5 of a year classified by spending type: each group (Belanja Operasi) as a
    bold row followed by its types, indented; with pagu murni and its change when given."""
    murni = any(p.pagu_murni.ada for p in b.jenis)

    def cells(p: HasilPosBelanja | HasilBelanja, no: str, nama: str) -> tuple[Sel, ...]:
        if isinstance(p, HasilBelanja):
            pagu, real, pen = p.pagu_total, p.realisasi_total, p.penyerapan_total
            before, change = p.pagu_murni, p.perubahan_pagu
        else:
            pagu, real, pen = p.pagu, p.realisasi, p.penyerapan
            before, change = p.pagu_murni, p.perubahan_pagu
        money = (rp(before), rp(change)) if murni and before and change else ()
        return (teks(no), teks(nama), *money, rp(pagu), rp(real), persen(pen))

    rows: list[Baris] = []
    groups = {g.kode: g for g in b.kelompok}
    n = 0
    for pos in b.puncak:
        if pos.kode in groups and any(j.kelompok == pos.kode for j in b.jenis):
            n += 1
            rows.append(Baris(cells(pos, str(n), pos.nama), "biasa"))
            rows += [Baris(cells(j, "", j.nama), "rinci", 2)
                     for j in b.jenis if j.kelompok == pos.kode]
        else:
            n += 1
            rows.append(Baris(cells(pos, str(n), pos.nama)))
    rows.append(Baris(cells(b, "", "Jumlah"), "jumlah"))
    money_cols = ("Anggaran Murni (Rp)", "Perubahan (Rp)") if murni else ()
    anggaran = "Anggaran Setelah Perubahan (Rp)" if murni else "Anggaran (Rp)"
    notes = [f"Klasifikasi: {SUMBER_KLASIFIKASI[b.klasifikasi]}. Jumlah kelompok = jumlah "
             "jenisnya; Jumlah = jumlah semua jenis belanja.", catatan_penyerapan(h)]
    if murni:
        notes.insert(1, "Perubahan = anggaran setelah perubahan - anggaran murni (negatif: "
                        "pemotongan).")
    return susun_tabel("2.5", [f"Target Belanja {nama_singkat(h)}", h.judul_periode],
                       [*kolom_judul("No", "Uraian Belanja"),
                        *kolom_judul(*money_cols, anggaran, "Realisasi Belanja (Rp)", "%",
                                     angka=True)],
                       rows, notes, sumber=f"Anggaran {nama_singkat(h)} Tahun {b.tahun}")


def _nama_kegiatan(h: Hasil, kodes: Sequence[str]) -> str:
    """The names of the budget lines behind a sasaran, called by their level."""
    lines = [k for k in h.baris_anggaran if k.kode in kodes]
    levels = {k.tingkat for k in lines}
    level = levels.pop() if len(levels) == 1 else 1
    word = "kegiatan" if level == 1 else h.nama_tingkat(level).lower()
    names = {k.kode: k.nama for k in lines}
    seen: list[str] = []
    for kode in kodes:
        if names.get(kode) and names[kode] not in seen:
            seen.append(names[kode])
    return f"Ditunjang melalui {word}: " + "; ".join(seen) if seen else ""


def tabel_2_6(h: Hasil) -> list[Tabel]:
    rows = [Baris((teks(str(i + 1)), teks(s.nama), rp(s.anggaran.pagu),
                   persen(s.porsi_belanja_langsung),
                   teks(_nama_kegiatan(h, s.anggaran.kegiatan))))
            for i, s in enumerate(h.sasaran)]
    bl = h.nama_belanja_program
    return [susun_tabel("2.6", [f"Anggaran {bl} per Sasaran Strategis",
                                f"{nama_singkat(h)} Tahun {h.laporan.tahun}"],
                        [*kolom_judul("No", "Sasaran Strategis"),
                         *kolom_judul("Anggaran (Rp)", "%", angka=True), Kolom("Keterangan")],
                        rows,
                        [f"% = anggaran sasaran / pagu {bl} x 100; anggaran sasaran = "
                         "jumlah pagu kegiatan yang menunjang indikatornya."],
                        sumber=f"{nama_singkat(h)} Tahun {h.laporan.tahun}")]
