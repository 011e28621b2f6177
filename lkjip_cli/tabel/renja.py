"""The Evaluasi terhadap Hasil Renja Perangkat Daerah as a table (Permendagri 86/2017).

One row per node of the budget tree (program, kegiatan, sub kegiatan) with its first
indicator, one more row for each further indicator (the node's cells left empty, its Rp
printed once), then the averages and predikat, and the analyst's factors and follow-up as
the lines under the table. Every numeric column of the form is a K/Rp pair; the 17-column
form prints the tingkat capaian Renja (column 13), the 15-column form leaves it out and
numbers the rest on (docs/renja.md). The words follow `tingkat_dokumen`: Renstra and Renja
for an OPD, RPJMD and RKPD for the Bappeda's evaluation of the RKPD.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.hasil_renja import HasilRenja, IndikatorRenja, SimpulRenjaHasil
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Pita
from lkjip_cli.tabel.catatan import catatan_capaian, nama_skala, susun_tabel
from lkjip_cli.tabel.sel import (
    ROMAWI,
    Baris,
    Gaya,
    Kolom,
    Sel,
    Tabel,
    persen,
    rp,
    target_sel,
    teks,
)

#: The K/Rp column pairs of the 17-column form, by number.
KOLOM_PASANGAN = (5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)


def _kata(r: HasilRenja) -> tuple[str, str]:
    """(the long-term plan, the yearly plan) as the document names them."""
    return ("RPJMD", "RKPD") if r.tingkat_dokumen == "rkpd" else ("Renstra", "Renja")


def _nomor(r: HasilRenja, kolom: int) -> int:
    """The printed number of a 17-column form's column in the chosen form."""
    if r.bentuk == "15-kolom" and kolom > 13:
        return kolom - 1
    return kolom


def _judul_pasangan(r: HasilRenja) -> list[tuple[int, str]]:
    panjang, tahunan = _kata(r)
    judul = [
        (5, f"Target {panjang} akhir periode ({r.renstra_selesai})"),
        (6, f"Realisasi {panjang} s.d. tahun lalu ({r.tahun - 1})"),
        (7, f"Target {tahunan} {r.tahun}"),
        *((8 + i, f"Realisasi triwulan {ROMAWI[i]}") for i in range(4)),
        (12, f"Realisasi {tahunan} {r.tahun}"),
        (13, f"Tingkat capaian {tahunan} (%)"),
        (14, f"Realisasi {panjang} s.d. {r.tahun}"),
        (15, f"Tingkat capaian {panjang} s.d. {r.tahun} (%)"),
    ]
    return [(n, j) for n, j in judul if n != 13 or r.bentuk == "17-kolom"]


def _kolom(r: HasilRenja) -> list[Kolom]:
    out = [Kolom("Kode"), Kolom("Program/Kegiatan/Sub Kegiatan"), Kolom("Sasaran"),
           Kolom("Indikator Kinerja Program (outcome)/Kegiatan (output)"), Kolom("Satuan")]
    for n, _ in _judul_pasangan(r):
        nomor = _nomor(r, n)
        out += [Kolom(f"({nomor}) K", True), Kolom(f"({nomor}) Rp", True)]
    out.append(Kolom(f"({_nomor(r, 16)}) Unit Perangkat Daerah Penanggung Jawab"))
    if r.bentuk == "17-kolom":
        out.append(Kolom("(17) Keterangan"))
    return out


def _k(n: Nilai) -> Sel:
    """A K figure in the indicator's unit: its own places, at most two when computed."""
    value = n.nilai
    exponent = value.as_tuple().exponent if value is not None else 0
    desimal = 2 if isinstance(exponent, int) and exponent < -2 else None
    return Sel(value, "input", n.alasan, n, desimal)


def _masukan(value: Decimal | None) -> Sel:
    return teks("") if value is None else Sel(value, "input")


def _sel_k(h: Hasil, i: IndikatorRenja | None) -> dict[int, Sel]:
    if i is None:
        return {n: teks("") for n in KOLOM_PASANGAN}
    return {5: _k(i.target_renstra), 6: _k(i.realisasi_lalu), 7: target_sel(i.target),
            **{8 + q: _masukan(i.triwulan[q]) for q in range(4)},
            12: _k(i.realisasi), 13: persen(h.tampil(i.capaian)),
            14: _k(i.realisasi_kumulatif), 15: persen(h.tampil(i.capaian_renstra))}


def _sel_rp(s: SimpulRenjaHasil | None) -> dict[int, Sel]:
    if s is None:
        return {n: teks("") for n in KOLOM_PASANGAN}
    return {5: rp(s.pagu_renstra), 6: rp(s.realisasi_lalu), 7: rp(s.pagu),
            **{8 + q: teks("") if (t := s.triwulan[q]) is None else rp(t) for q in range(4)},
            12: rp(s.realisasi), 13: persen(s.capaian), 14: rp(s.realisasi_kumulatif),
            15: persen(s.capaian_renstra)}


def _baris(h: Hasil, r: HasilRenja, s: SimpulRenjaHasil, i: IndikatorRenja | None,
           pertama: bool) -> Baris:
    k, uang = _sel_k(h, i), _sel_rp(s if pertama else None)
    cells = [teks(s.kode if pertama else ""), teks(s.nama if pertama else ""),
             teks("; ".join(s.sasaran) if pertama else ""),
             teks(i.nama if i else ""), teks(i.satuan if i else "")]
    for n, _ in _judul_pasangan(r):
        cells += [k[n], uang[n]]
    cells.append(teks(s.penanggung_jawab if pertama else ""))
    if r.bentuk == "17-kolom":
        cells.append(teks(i.keterangan if i else ""))
    gaya: Gaya = "jumlah" if s.tingkat == 0 else "biasa"
    return Baris(tuple(cells), gaya if pertama else "biasa", s.tingkat)


def _baris_ringkasan(r: HasilRenja, label: str, renja: tuple[Sel, Sel],
                     renstra: tuple[Sel, Sel]) -> Baris:
    cells: list[Sel] = [teks(""), teks(label), teks(""), teks(""), teks("")]
    for n, _ in _judul_pasangan(r):
        pair = renja if n == 13 else renstra if n == 15 else (teks(""), teks(""))
        cells += list(pair)
    cells.append(teks(""))
    if r.bentuk == "17-kolom":
        cells.append(teks(""))
    return Baris(tuple(cells), "jumlah")


def _predikat(nama: str | None) -> Sel:
    return teks(nama or "-")


def _catatan(h: Hasil, r: HasilRenja) -> list[str]:
    panjang, tahunan = _kata(r)
    n13, n14, n15 = (_nomor(r, n) for n in (13, 14, 15))
    rumus = [f"(12) = realisasi s.d. triwulan {ROMAWI[r.sampai - 1]} menurut aturan rekap "
             "tiap indikator (K: jumlah triwulan bagi indikator yang direkap dengan "
             "menjumlahkan, triwulan terakhir bagi indikator yang direkap dengan nilai "
             "terakhir; Rp: jumlah triwulan)"]
    if r.bentuk == "17-kolom":
        terhadap = ("target s.d. periode" if r.capaian_terhadap == "periode" else "(7)")
        rumus.append(f"({n13}) = (12) / {terhadap} x 100")
    rumus += [f"({n14}) = (6) + (12) (K berupa tingkat yang direkap dengan nilai "
              "terakhir: realisasi terakhir)", f"({n15}) = ({n14}) / (5) x 100"]
    capaian = [c for s in r.simpul for i in s.indikator
               for c in (i.capaian, i.capaian_renstra)]
    legenda = "; ".join(f"({_nomor(r, n)}) {judul}" for n, judul in _judul_pasangan(r))
    notes = [f"Kolom: {legenda}. K = kinerja, dalam satuan indikator; Rp = anggaran.",
             "; ".join(rumus) + ".", catatan_capaian(h, capaian),
             f"(5) Rp = jumlah pagu {panjang} per tahun; (6) = jumlah tahun {panjang} "
             f"sebelum {r.tahun}; simpul tanpa isian menjumlah simpul di bawahnya.",
             f"Predikat menurut {nama_skala(r.skala)}; rata-rata atas "
             + ("seluruh indikator dan simpul" if r.rata_rata_tingkat == "semua"
                else "indikator dan anggaran program")
             + "; baris yang capaiannya tidak dapat dihitung tidak ikut dirata-rata."]
    for judul, isi in (("Faktor pendorong keberhasilan kinerja", r.faktor_pendorong),
                       ("Faktor penghambat pencapaian kinerja", r.faktor_penghambat),
                       ("Tindak lanjut yang diperlukan dalam triwulan berikutnya",
                        r.tindak_lanjut_triwulan),
                       (f"Tindak lanjut yang diperlukan dalam {tahunan} Perangkat Daerah "
                        "berikutnya" if tahunan == "Renja" else
                        "Tindak lanjut yang diperlukan dalam RKPD berikutnya",
                        r.tindak_lanjut_renja)):
        if isi:
            notes.append(f"{judul}: {isi}")
    return notes


def tabel_renja(h: Hasil) -> list[Tabel]:
    """The Evaluasi Hasil Renja, when the file asks for it (`evaluasi_renja`)."""
    r = h.renja
    if r is None:
        return []
    rows: list[Baris] = []
    for s in r.simpul:
        for n, i in enumerate(s.indikator or (None,)):
            rows.append(_baris(h, r, s, i, n == 0))
    rows.append(_baris_ringkasan(
        r, "Rata-rata capaian kinerja (%)",
        (persen(h.tampil(r.rata_kinerja.nilai)), persen(r.rata_anggaran.nilai)),
        (persen(r.rata_renstra_kinerja.nilai), persen(r.rata_renstra_anggaran.nilai))))
    rows.append(_baris_ringkasan(
        r, "Predikat kinerja",
        (_predikat(_kode(r.rata_kinerja.predikat)), _predikat(_kode(r.rata_anggaran.predikat))),
        (_predikat(_kode(r.rata_renstra_kinerja.predikat)),
         _predikat(_kode(r.rata_renstra_anggaran.predikat)))))
    panjang, tahunan = _kata(r)
    judul = (f"Evaluasi terhadap Hasil {tahunan} Perangkat Daerah" if tahunan == "Renja"
             else "Evaluasi terhadap Hasil RKPD")
    return [susun_tabel("renja", [judul, h.laporan.instansi.nama,
                                  f"s.d. Triwulan {ROMAWI[r.sampai - 1]} Tahun {r.tahun}",
                                  f"(Periode {panjang} {r.renstra_mulai}-{r.renstra_selesai})"],
                        _kolom(r), rows, _catatan(h, r))]


def bagian_renja(t: Tabel) -> tuple[tuple[int, ...], ...]:
    """The form's columns as two tables with the same row labels, for a page too narrow for
    all of them (Word, PDF; docs/renja.md section 4): the K columns with the node's and
    indicator's columns before them and the unit and Keterangan after them, then the node's
    kode and name with its Rp columns. The K/Rp pairs are the form's numeric columns."""
    pasangan = [j for j, k in enumerate(t.kolom) if k.angka]
    awal, akhir = pasangan[0], pasangan[-1] + 1
    label, ekor = tuple(range(awal)), tuple(range(akhir, len(t.kolom)))
    return ((*label, *pasangan[0::2], *ekor), (0, 1, *pasangan[1::2]))


def _kode(pita: Pita | None) -> str | None:
    """The regulation's word for a band (the form prints it, not the LKjIP's word)."""
    return None if pita is None else pita.kode

