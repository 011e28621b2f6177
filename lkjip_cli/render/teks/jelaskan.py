"""`lkjip explain`: how a figure was made, in words a reviewer can check by hand.

For each figure: the formula, the formula with the numbers put in, the exact result and the
rounded one the report would print, the rules applied, and the file:line of every input.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_cli import angka as fmt
from lkjip_cli.engine import METODE_EFISIENSI, METODE_IKM, METODE_RATA_RATA, TURUNAN_EFISIENSI
from lkjip_cli.engine.capaian import arti_capaian_negatif, mentah
from lkjip_cli.engine.hasil import (
    Anggaran,
    Hasil,
    HasilBelanja,
    HasilIndikator,
    HasilRincian,
)
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.source.yamlsource import SourceMap


def _tampil(nilai: Nilai, aturan: Aturan) -> str:
    if nilai.satuan == "Rp":
        return fmt.rupiah(nilai.nilai)
    places = aturan.desimal_persen
    text = fmt.persen(nilai.nilai, places, aturan.pembulatan)
    if nilai.nilai is None:
        return text
    return text + ("%" if nilai.satuan == "%" else f" {nilai.satuan}" if nilai.satuan else "")


def _angka_uraian(nilai: Nilai) -> list[str]:
    if nilai.satuan == "Rp":
        return [fmt.rupiah(x) for x in nilai.uraian_angka]
    return [fmt.tepat(x) for x in nilai.uraian_angka]


def uraikan(judul: str, nilai: Nilai, aturan: Aturan, source: SourceMap) -> Iterator[str]:
    """The lines explaining one figure."""
    yield f"{judul}: {_tampil(nilai, aturan)}"
    yield f"  rumus    : {nilai.rumus}"
    if nilai.nilai is None:
        yield f"  tidak dapat dihitung: {nilai.alasan}"
    elif nilai.uraian or mentah(nilai).uraian:
        # A capped or floored capaian shows the arithmetic of the formula it came from.
        asal = nilai if nilai.uraian else mentah(nilai)
        exact = fmt.rupiah(asal.nilai) if nilai.satuan == "Rp" else fmt.tepat(asal.nilai)
        rounding = ("" if nilai.satuan == "Rp" else
                    f" -> {_tampil(nilai, aturan)} ({aturan.desimal_persen} desimal, "
                    f"{aturan.pembulatan})")
        yield f"  hitungan : {asal.uraian.format(*_angka_uraian(asal))} = {exact}{rounding}"
    arti = arti_capaian_negatif(nilai)
    if arti is not None:
        yield f"  arti     : {arti}"
    for i, masukan in enumerate(nilai.masukan):
        head = "  masukan  : " if i == 0 else "             "
        where = ""
        if masukan.sumber is not None:
            # Only the key's own place: a missing key has none, and its enclosing mapping
            # would suggest a value is there.
            mark = source.values.get(masukan.sumber)
            if mark is not None:
                sel = source.asal.teks(mark.line) if source.asal is not None else None
                where = (f" ({source.file}:{mark.line}:{mark.column}"
                         + (f"; {sel}" if sel else "") + ")")
        shown = fmt.rupiah(masukan.nilai) if nilai.satuan == "Rp" else fmt.tepat(masukan.nilai)
        yield f"{head}{masukan.nama} = {shown}{where}"
    for i, rule in enumerate(nilai.aturan):
        yield ("  aturan   : " if i == 0 else "             ") + rule


def uraikan_tampil(h: Hasil, judul: str, nilai: Nilai, source: SourceMap) -> Iterator[str]:
    """A capaian as tables show it: the exact value, and the display cap when it applies."""
    a = h.laporan.aturan
    shown = h.tampil(nilai)
    if shown.nilai == nilai.nilai or a.batas_atas is None:
        yield from uraikan(judul, nilai, a, source)
        return
    lines = list(uraikan(judul, nilai, a, source))
    yield f"{judul}: {_tampil(shown, a)} (tanpa batas atas {_tampil(nilai, a)})"
    yield from lines[1:]
    yield (f"  batas    : {fmt.angka(a.batas_atas.nilai)} (aturan.batas_atas, berlaku untuk "
           f"tampilan) -> ditampilkan {_tampil(shown, a)}")


def _antar_tahun(h: Hasil, ind: HasilIndikator, source: SourceMap) -> Iterator[str]:
    """Each earlier year's capaian, and the change of capaian from last year."""
    at = ind.antar_tahun
    if at is None or not at.tahun:
        return
    a = h.laporan.aturan
    for y in at.tahun:
        yield from uraikan_tampil(h, f"Capaian {y.tahun}", y.capaian, source)
    yield from uraikan(f"Perubahan capaian dari {at.tahun_lalu} (poin)",
                       at.perubahan_capaian_poin, a, source)
    yield from uraikan(f"Perubahan capaian dari {at.tahun_lalu} (%)",
                       at.perubahan_capaian_persen, a, source)


def _anggaran(label: str, a: Anggaran, aturan: Aturan, source: SourceMap) -> Iterator[str]:
    yield from uraikan(f"Pagu {label}", a.pagu, aturan, source)
    yield from uraikan(f"Realisasi {label}", a.realisasi, aturan, source)
    yield from uraikan(f"Penyerapan {label}", a.penyerapan, aturan, source)
    for judul, nilai in ((f"RPD {label}", a.rpd), (f"Penyerapan terhadap RPD {label}",
                                                   a.penyerapan_rpd),
                         (f"RPD terhadap pagu {label}", a.persen_rpd)):
        if nilai is not None:
            yield from uraikan(judul, nilai, aturan, source)


def _hitungan(ind: HasilIndikator, a: Aturan, source: SourceMap) -> Iterator[str]:
    """A derived realisasi: each IKM unsur's NRR and the index, or the formula (and the
    target's, when it is derived too)."""
    hh = ind.hitungan
    if hh is None:
        return
    if hh.bawaan is not None:
        m = METODE_IKM[hh.bawaan]
        for nama, nrr in hh.nrr:
            yield from uraikan(f"NRR {nama}", nrr, a, source)
        if hh.nilai_indeks is not None:
            yield from uraikan("Nilai indeks (1-4)", hh.nilai_indeks, a, source)
        yield from uraikan(f"Realisasi ({m.nama})", hh.realisasi, a, source)
        if hh.mutu is not None:
            yield f"  mutu     : {hh.mutu.kode} ({hh.mutu.sebutan})"
        yield f"  sumber   : {m.sumber}"
        return
    if hh.target is not None:
        yield from uraikan("Target (dihitung dari masukan)", hh.target, a, source)
    yield from uraikan("Realisasi (dihitung dari masukan)", hh.realisasi, a, source)


def sumber_metode(nilai: Nilai) -> Iterator[str]:
    """The source of the named method a figure was computed by, and its derived figures
    (TE of an efficiency index, E of PMK 22/2021's nilai efisiensi)."""
    for rule in nilai.aturan:
        nama, _, kode = rule.partition("=")
        registry = {"metode efisiensi": METODE_EFISIENSI,
                    "rata_rata.metode": METODE_RATA_RATA}.get(nama)
        if registry is None or kode not in registry:
            continue
        yield f"  sumber   : {registry[kode].sumber}"
        if kode in TURUNAN_EFISIENSI:
            for t in nilai.turunan:
                shown = fmt.tepat(t.nilai) if t.nilai is not None else "tidak dapat dihitung"
                yield f"  turunan  : {t.rumus} = {shown}"


def _indikator(h: Hasil, ind: HasilIndikator, source: SourceMap) -> Iterator[str]:
    a = h.laporan.aturan
    yield f"{ind.kode} — {ind.nama} (indikator kinerja, polaritas {ind.polaritas})"
    if ind.dikecualikan:
        yield f"  dikecualikan dari rata-rata: {ind.dikecualikan}"
    yield ""
    yield from _hitungan(ind, a, source)
    yield from uraikan_tampil(h, "Capaian", ind.capaian, source)
    for tw in ind.triwulan:
        yield from uraikan_tampil(h, f"Capaian TW {tw.nomor}", tw.capaian, source)
    yield from uraikan(f"Perubahan dari {ind.tahun_lalu}", ind.perubahan_persen, a, source)
    yield from uraikan(f"Selisih dari {ind.tahun_lalu}", ind.perubahan_poin, a, source)
    yield from uraikan(f"Perbandingan dengan {ind.tahun_lalu}", ind.perbandingan_persen, a,
                       source)
    yield from _antar_tahun(h, ind, source)
    yield from uraikan_tampil(h, "Capaian terhadap target akhir Renstra",
                              ind.capaian_renstra_akhir, source)
    yield from uraikan(f"Capaian terhadap target Renstra {h.laporan.tahun}",
                       ind.capaian_renstra_tahun, a, source)
    if ind.capaian_standar_nasional is not None:
        yield from uraikan_tampil(h, "Capaian terhadap standar nasional",
                                  ind.capaian_standar_nasional, source)
    yield from _anggaran(f"indikator {ind.kode}", ind.anggaran, a, source)


def _belanja(b: HasilBelanja, a: Aturan, source: SourceMap) -> Iterator[str]:
    """A year's spending: its total, its budget change, and each group of its classes."""
    yield f"Belanja {b.tahun} (klasifikasi {b.klasifikasi})"
    yield ""
    yield from uraikan("Pagu total", b.pagu_total, a, source)
    yield from uraikan("Realisasi total", b.realisasi_total, a, source)
    yield from uraikan("Penyerapan total", b.penyerapan_total, a, source)
    for label, nilai in (("Pagu murni", b.pagu_murni), ("Perubahan pagu", b.perubahan_pagu)):
        if nilai is not None:
            yield from uraikan(label, nilai, a, source)
    for g in b.kelompok:
        yield from uraikan(f"Pagu {g.nama}", g.pagu, a, source)
        yield from uraikan(f"Realisasi {g.nama}", g.realisasi, a, source)
        yield from uraikan(f"Perubahan pagu {g.nama}", g.perubahan_pagu, a, source)


def jelaskan(h: Hasil, ref: str, source: SourceMap) -> list[str] | None:
    """The explanation of `ref` (a kode, `rata-rata`, `efisiensi`, `belanja-TAHUN` or
    `renja`), or None if unknown: its LKjIP figures, then its Evaluasi Hasil Renja columns
    when the file has one."""
    lkjip = _jelaskan_lkjip(h, ref, source)
    renja = _renja(h, ref, source)
    if lkjip is None and not renja:
        return None
    if lkjip is None:
        return renja
    return [*lkjip, *(["", *renja] if renja else [])]


def _renja(h: Hasil, ref: str, source: SourceMap) -> list[str]:
    """The Evaluasi Hasil Renja (form E.81) columns of a node or an indicator, or the
    averages under the table (`renja`)."""
    r, a = h.renja, h.laporan.aturan
    if r is None:
        return []
    if ref == "renja":
        return ["Evaluasi Hasil Renja (Tabel E.81): rata-rata dan predikat", "",
                *(line for judul, x in (("kinerja Renja", r.rata_kinerja),
                                        ("anggaran Renja", r.rata_anggaran),
                                        ("kinerja Renstra", r.rata_renstra_kinerja),
                                        ("anggaran Renstra", r.rata_renstra_anggaran))
                  for line in (*uraikan(f"Rata-rata capaian {judul}", x.nilai, a, source),
                               f"  predikat : {x.predikat.kode if x.predikat else '-'}"))]
    for s in r.simpul:
        if s.kode == ref:
            return [f"Evaluasi Hasil Renja (Tabel E.81), kolom Rp {s.kode}", "",
                    *uraikan("(5) Pagu Renstra", s.pagu_renstra, a, source),
                    *uraikan("(6) Realisasi s.d. tahun lalu", s.realisasi_lalu, a, source),
                    *(line for n, q in enumerate(s.triwulan) if q is not None
                      for line in uraikan(f"({8 + n}) Realisasi triwulan {n + 1}", q, a,
                                          source)),
                    *uraikan("(13) Tingkat capaian Renja", s.capaian, a, source),
                    *uraikan("(14) Realisasi Renstra s.d. tahun ini", s.realisasi_kumulatif,
                             a, source),
                    *uraikan("(15) Tingkat capaian Renstra", s.capaian_renstra, a, source)]
        for i in s.indikator:
            if i.kode == ref:
                return [f"Evaluasi Hasil Renja (Tabel E.81), kolom K {i.kode} — {i.nama} "
                        f"({i.satuan})", "",
                        *uraikan("(5) Target Renstra akhir periode", i.target_renstra, a,
                                 source),
                        *uraikan("(6) Realisasi s.d. tahun lalu", i.realisasi_lalu, a,
                                 source),
                        *uraikan("(12) Realisasi", i.realisasi, a, source),
                        *uraikan_tampil(h, "(13) Tingkat capaian Renja", i.capaian, source),
                        *uraikan("(14) Realisasi Renstra s.d. tahun ini",
                                 i.realisasi_kumulatif, a, source),
                        *uraikan_tampil(h, "(15) Tingkat capaian Renstra", i.capaian_renstra,
                                        source)]
    return []


def _jelaskan_lkjip(h: Hasil, ref: str, source: SourceMap) -> list[str] | None:
    """The explanation of `ref` in the LKjIP's figures, or None if it names none."""
    a = h.laporan.aturan
    if ref == "rata-rata":
        lalu = []
        if h.rata_rata_capaian_tahun_lalu is not None:
            lalu = [*uraikan(f"Rata-rata capaian {h.laporan.tahun - 1}",
                             h.rata_rata_capaian_tahun_lalu, a, source)]
        if h.perubahan_rata_rata_capaian is not None:
            lalu += uraikan("Perubahan rata-rata capaian (poin)",
                            h.perubahan_rata_rata_capaian, a, source)
        return [*uraikan("Rata-rata capaian", h.rata_rata_capaian, a, source),
                *sumber_metode(h.rata_rata_capaian), *lalu]
    if ref == "efisiensi":
        return [*uraikan("Efisiensi keseluruhan", h.efisiensi, a, source),
                *sumber_metode(h.efisiensi)]
    for ind in h.indikator:
        if ind.kode == ref:
            return list(_indikator(h, ind, source))
    for sas in h.sasaran:
        if sas.kode == ref:
            return [f"{sas.kode} — {sas.nama} (sasaran strategis)", "",
                    *uraikan("Capaian", sas.capaian, a, source),
                    *sumber_metode(sas.capaian),
                    *_anggaran(f"sasaran {sas.kode}", sas.anggaran, a, source),
                    *uraikan("Porsi belanja langsung", sas.porsi_belanja_langsung, a, source),
                    *uraikan("Efisiensi", sas.efisiensi, a, source),
                    *sumber_metode(sas.efisiensi),
                    *(line for m in sas.masukan for line in (
                        *uraikan(f"Capaian masukan {m.nama}", m.capaian, a, source),
                        *uraikan(f"Efisiensi atas {m.nama}", m.efisiensi, a, source)))]
    for b in h.belanja:
        if ref == f"belanja-{b.tahun}":
            return list(_belanja(b, a, source))
    akun = _pendapatan(h, ref, source)
    if akun is not None:
        return akun
    for node in h.simpul:
        tingkat = h.nama_tingkat(node.tingkat).lower()
        if node.kode == ref:
            lines = [f"{node.kode} — {node.nama} ({tingkat})", "",
                     *_anggaran(f"{tingkat} {node.kode}", node.anggaran, a, source),
                     *uraikan("Porsi dari total pagu", h.porsi(node), a, source)]
            for ik in node.indikator:
                lines += uraikan_tampil(h, f"Capaian {ik.kode} ({ik.nama})", ik.capaian, source)
            return lines
        for ik in node.indikator:
            if ik.kode == ref:
                return [f"{ik.kode} — {ik.nama} (indikator {tingkat} {node.kode})", "",
                        *uraikan_tampil(h, "Capaian", ik.capaian, source)]
    return None


def _pendapatan(h: Hasil, ref: str, source: SourceMap) -> list[str] | None:
    """A revenue account (by its kode) or the Jumlah row (`pendapatan`) of Tabel 3.14."""
    hp, a = h.pendapatan, h.laporan.aturan
    if hp is None:
        return None
    akun = hp.jumlah if ref == "pendapatan" else hp.cari(ref)
    if akun is None:
        return None
    judul = ("Jumlah pendapatan" if akun.tingkat < 0
             else f"{akun.kode} — {akun.uraian} (akun pendapatan)")
    lines = [judul, "",
             *uraikan("Target", akun.target, a, source),
             *uraikan("Realisasi", akun.realisasi, a, source),
             *uraikan("Capaian (tanpa batas atas: pendapatan di atas target itu baik)",
                      akun.capaian, a, source),
             *uraikan("Lebih/(kurang)", akun.selisih, a, source),
             *uraikan("Porsi dari jumlah pendapatan", akun.porsi, a, source)]
    if akun.realisasi_sebelumnya is not None and akun.pertumbuhan is not None:
        lines += [*uraikan(f"Realisasi {h.laporan.tahun - 1}", akun.realisasi_sebelumnya, a,
                           source),
                  *uraikan(f"Pertumbuhan dari {h.laporan.tahun - 1}", akun.pertumbuhan, a,
                           source)]
    return lines


def semua_ref(h: Hasil) -> list[str]:
    refs = ["rata-rata", "efisiensi", *(s.kode for s in h.sasaran),
            *(i.kode for i in h.indikator), *(p.kode for p in h.program),
            *(k.kode for k in h.kegiatan),
            *(n.kode for n in h.simpul if isinstance(n, HasilRincian)),
            *(ik.kode for n in h.simpul for ik in n.indikator),
            *(f"belanja-{b.tahun}" for b in h.belanja)]
    if h.pendapatan is not None:
        known = set(refs)
        refs += ["pendapatan", *(x.kode for x in h.pendapatan.semua if x.kode not in known)]
    if h.renja is not None:
        known = set(refs)
        refs += ["renja", *(i.kode for i in h.renja.indikator if i.kode not in known)]
    return refs
