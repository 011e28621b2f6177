"""The revenue table (lkjip's Tabel 3.14): target and realisasi of each revenue account.

One row per account, indented by its level and led by its code, as agencies that collect
revenue print it from their Laporan Realisasi Anggaran: Uraian, Target (Rp), Realisasi (Rp),
Capaian (%), Lebih/(Kurang) (Rp), then the columns the report chose (`pendapatan.kolom`:
share of the total, last year's realisasi, growth), and a Jumlah row. The notes say that
revenue reads the other way round from spending: a realisasi above target is a capaian above
100 and a lebih, and no cap applies.
"""

from __future__ import annotations

from dataclasses import replace

from lkjip_cli import angka as fmt
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.hasil_pendapatan import HasilAkun
from lkjip_cli.model.pendapatan import KolomPendapatan
from lkjip_cli.tabel.catatan import catatan_baris_lain, susun_tabel
from lkjip_cli.tabel.sel import Baris, Gaya, Kolom, Sel, Tabel, persen, rp, teks


def kolom_tambahan(h: Hasil) -> tuple[KolomPendapatan, ...]:
    """The optional columns of the table, in order: as the file names them, else last
    year's realisasi and the growth when the file gives last year's realisasi."""
    p, hp = h.laporan.pendapatan, h.pendapatan
    if p is None or hp is None:
        return ()
    if p.kolom is not None:
        return p.kolom
    return ("realisasi_sebelumnya", "pertumbuhan") if hp.ada_sebelumnya else ()


def _judul_kolom(h: Hasil, kolom: KolomPendapatan) -> str:
    return {"porsi": "Porsi (%)",
            "realisasi_sebelumnya": f"Realisasi {h.laporan.tahun - 1} (Rp)",
            "pertumbuhan": "Pertumbuhan (%)"}[kolom]


def _sel_tambahan(a: HasilAkun, kolom: KolomPendapatan) -> Sel:
    if kolom == "porsi":
        return persen(a.porsi)
    n = a.realisasi_sebelumnya if kolom == "realisasi_sebelumnya" else a.pertumbuhan
    if n is None:
        return Sel(None, "persen" if kolom == "pertumbuhan" else "rupiah",
                   "realisasi tahun lalu tidak diisi")
    return persen(n) if kolom == "pertumbuhan" else rp(n)


def _baris(a: HasilAkun, kolom: tuple[KolomPendapatan, ...]) -> Baris:
    gaya: Gaya = "jumlah" if a.tingkat < 0 else ("biasa" if a.anak else "rinci")
    return Baris((teks(a.kode if a.tingkat >= 0 else ""), teks(a.uraian), rp(a.target),
                  rp(a.realisasi), persen(a.capaian), replace(rp(a.selisih), kurung=True),
                  *(_sel_tambahan(a, k) for k in kolom)), gaya, max(a.tingkat, 0))


def _catatan(h: Hasil, kolom: tuple[KolomPendapatan, ...]) -> list[str]:
    a = h.laporan.aturan
    notes = ["Akun yang mempunyai rincian = jumlah rinciannya; Jumlah = jumlah akun teratas"
             + (" dan baris yang tidak dirinci" if h.laporan.pendapatan is not None
                and h.laporan.pendapatan.baris_lain is not None else "") + ".",
             "Capaian = realisasi / target x 100; Lebih/(Kurang) = realisasi - target "
             "(dalam kurung: kurang dari target). Untuk pendapatan, realisasi di atas target "
             "berarti capaian di atas 100% dan lebih, bukan efisiensi; capaian tidak dibatasi; "
             f"{fmt.uraian_pembulatan(a.desimal_persen, a.pembulatan)}."]
    if "porsi" in kolom:
        notes.append("Porsi = realisasi akun / realisasi Jumlah x 100.")
    if "pertumbuhan" in kolom:
        notes.append(f"Pertumbuhan = (realisasi {h.laporan.tahun} - realisasi "
                     f"{h.laporan.tahun - 1}) / realisasi {h.laporan.tahun - 1} x 100.")
    p = h.laporan.pendapatan
    if p is not None and p.baris_lain is not None:
        lain = p.baris_lain
        notes.append(catatan_baris_lain(
            "Jumlah mencakup akun yang tidak dirinci di tabel ini", lain.keterangan,
            [("target", lain.target), ("realisasi", lain.realisasi)]))
    return notes


def tabel_3_14(h: Hasil) -> list[Tabel]:
    """The revenue table, when the file has a `pendapatan` block."""
    hp = h.pendapatan
    if hp is None:
        return []
    kolom = kolom_tambahan(h)
    rows = [_baris(a, kolom) for a in hp.semua]
    rows.append(_baris(hp.jumlah, kolom))
    t = susun_tabel("3.14", [hp.judul, h.judul_periode],
                    [Kolom("Kode Rekening"), Kolom("Uraian"), Kolom("Target (Rp)", True),
                     Kolom("Realisasi (Rp)", True), Kolom("Capaian (%)", True),
                     Kolom("Lebih/(Kurang) (Rp)", True),
                     *(Kolom(_judul_kolom(h, k), True) for k in kolom)],
                    rows, _catatan(h, kolom), hp.sumber_data)
    return [t]
