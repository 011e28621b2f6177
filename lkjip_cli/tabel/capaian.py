"""Bab III's capaian tables: how far each indicator reached its target, seen from every side
the report looks at it.

Tabel 3.4 (per quarter), 3.5 (target against realisasi, with its category), 3.6 (against last
year), 3.7 (against the Renstra's final target), 3.8 (the kegiatan indicators behind each
sasaran) and 3.9 (the kegiatan's action plans). Tabel 3.8 is the kegiatan case of one table of
the indicators at a level of the budget tree (`TabelSimpul`): the program case prints a
program's outcome indicators with its money ("Capaian Kinerja Program"), and every level
below kegiatan (sub kegiatan, KRO, RO) gets the same table. Each capaian is the engine's
figure, capped for display by `Hasil.tampil`; the notes under them say which formulas and
rules made it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli import angka as fmt
from lkjip_cli.engine import METODE_RATA_RATA
from lkjip_cli.engine.hasil import (
    Hasil,
    HasilIndikator,
    HasilIndikatorSimpul,
    HasilSasaran,
    Simpul,
    turunan,
)
from lkjip_cli.engine.skala import skala
from lkjip_cli.tabel.catatan import (
    catatan_capaian,
    catatan_hitungan,
    catatan_penyerapan,
    kolom_judul,
    nama_instansi,
    nama_singkat,
    nama_skala,
    nomor_sasaran,
    susun_tabel,
)
from lkjip_cli.tabel.sel import (
    ROMAWI,
    Baris,
    Kolom,
    Sel,
    Tabel,
    masukan,
    persen,
    realisasi_sel,
    realisasi_tampil,
    rp,
    target_indikator_sel,
    target_sel,
    teks,
)


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
                    target_indikator_sel(ind, periode=False) if head else teks(""),
                    *quarter,
                )))
                first_of_sasaran = False
    tahunan = _tanpa_triwulan(h)
    capaian = [*(tw.capaian for ind in h.indikator for tw in ind.triwulan),
               *(ind.capaian for ind in tahunan)]
    sela = h.periode_sela
    periode = f" s.d. {sela.sebutan}" if sela else ""
    catatan = [catatan_capaian(h, capaian)]
    if tahunan:
        catatan.append("Indikator tanpa data triwulan ("
                       + ", ".join(ind.kode for ind in tahunan)
                       + "): satu baris dengan target, realisasi dan capaian "
                       + (f"s.d. {sela.sebutan}." if sela else "tahunan."))
    return [susun_tabel("3.4", ["Pengukuran Capaian Kinerja", nama_instansi(h),
                                f"Tahun Anggaran {h.laporan.tahun}{periode}"],
                        [*kolom_judul("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan"),
                         Kolom("Target Tahunan", True), Kolom("Triwulan"),
                         *kolom_judul("Target", "Realisasi", "%", angka=True)],
                        rows, catatan, sumber="hasil monev IKU per triwulan")]


def _baris_triwulan(h: Hasil, ind: HasilIndikator) -> list[tuple[Sel, ...]]:
    """The quarter cells of one indicator. An indicator without quarters, or whose quarters
    hold neither target nor realisasi, keeps one row with its annual target, realisasi and
    capaian (up to the report's period for an interim report), labelled so."""
    if all(tw.target is None and tw.realisasi is None for tw in ind.triwulan):
        label = f"s.d. {h.periode_sela.sebutan}" if h.periode_sela else "Tahunan"
        return [(teks(label), target_indikator_sel(ind), realisasi_sel(ind),
                 persen(h.tampil(ind.capaian)))]
    return [(teks(f"TW.{ROMAWI[tw.nomor - 1]}"), target_sel(tw.target), masukan(tw.realisasi),
             persen(h.tampil(tw.capaian))) for tw in ind.triwulan]


def _tanpa_triwulan(h: Hasil) -> list[HasilIndikator]:
    return [ind for ind in h.indikator
            if all(tw.target is None and tw.realisasi is None for tw in ind.triwulan)]


def _baris_indikator(h: Hasil) -> Iterator[tuple[int, HasilSasaran, HasilIndikator]]:
    n = 0
    for sas in h.sasaran:
        for ind in sas.indikator:
            n += 1
            yield n, sas, ind


def tabel_3_5(h: Hasil) -> list[Tabel]:
    rows = [Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan),
                   target_indikator_sel(ind), realisasi_sel(ind),
                   persen(h.tampil(ind.capaian)),
                   teks(ind.kategori.sebutan if ind.kategori else "")))
            for n, _, ind in _baris_indikator(h)]
    return [susun_tabel("3.5", [f"Perbandingan antara Target dan Realisasi Kinerja "
                                f"{h.judul_periode}"],
                        [*kolom_judul("No", "Indikator Kinerja", "Satuan"),
                         *kolom_judul("Target", "Realisasi", "Capaian (%)", angka=True),
                         Kolom("Kategori")],
                        rows, [catatan_capaian(h, (i.capaian for i in h.indikator)),
                               _catatan_kategori(h), *catatan_hitungan(h),
                               *_catatan_rekap(h)])]


def _catatan_rekap(h: Hasil) -> list[str]:
    """Which indicators' year values are the roll-up of their quarters or months, because
    the file gives no annual value (`periode.isi_dari_rekap`)."""
    notes = []
    for ind in h.indikator:
        rules = [a.partition(": ")[2] for a in ind.capaian.aturan if " tidak diisi: " in a]
        if rules:
            notes.append(f"{ind.nama}: nilai tahunan tidak diisi, dipakai rekapnya "
                         f"({'; '.join(rules)}).")
    return notes


def _catatan_kategori(h: Hasil) -> str:
    """Whose words the categories are: a regulation is cited as the source of the words only
    when they are its words (`aturan.kata_kategori`); otherwise only for the bands."""
    a = h.laporan.aturan
    bands = skala(a.skala_interpretasi)
    if a.kata_kategori == "peraturan" or all(b.kode == b.sebutan for b in bands) \
            or not isinstance(a.skala_interpretasi, str):
        return (f"Kategori menurut {nama_skala(a.skala_interpretasi)}, ditentukan dari "
                "capaian sebelum dibulatkan.")
    return (f"Kategori: sebutan laporan ({', '.join(b.sebutan for b in bands)}) pada pita "
            f"capaian {nama_skala(a.skala_interpretasi)}, yang menamai pita itu "
            f"{', '.join(b.kode for b in bands)}; ditentukan dari capaian sebelum dibulatkan.")


def _sebanding(*values: Decimal | None) -> tuple[Sel, ...]:
    """Inputs compared in one row, printed with the same places (84,19 beside 73,00)."""
    places = max((fmt.desimal_dari(v) for v in values if v is not None), default=0)
    return tuple(Sel(v, "input", desimal=places if v is not None else None) for v in values)


def _realisasi_dua_tahun(h: Hasil, ind: HasilIndikator) -> tuple[Sel, Sel]:
    """Last year's and this year's realisasi with the same places; a realisasi derived from
    its inputs (`hitung`) is its own computed cell, rounded as the report prints it."""
    tampil = realisasi_tampil(ind, h.laporan.aturan)
    lalu, kini = _sebanding(ind.realisasi_tahun_lalu, tampil)
    return (lalu, kini) if tampil == ind.realisasi_periode else (lalu, realisasi_sel(ind))


def tabel_3_6(h: Hasil) -> list[Tabel]:
    tahun = h.laporan.tahun
    rows = [Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan),
                   *_realisasi_dua_tahun(h, ind),
                   persen(ind.perubahan_persen), persen(ind.perubahan_poin)))
            for n, _, ind in _baris_indikator(h)]
    return [susun_tabel("3.6", [f"Realisasi Kinerja serta Capaian Kinerja periode {tahun}"],
                        [*kolom_judul("No", "Indikator Kinerja", "Satuan"),
                         *kolom_judul(f"Realisasi {tahun - 1}", f"Realisasi {tahun}",
                                      "% Peningkatan/ Penurunan (5/4-1)x100", "Selisih (5-4) poin",
                                      angka=True)],
                        rows, ["Kolom 6 = (realisasi tahun ini / realisasi tahun lalu - 1) x 100; "
                               "kolom 7 = realisasi tahun ini - realisasi tahun lalu (poin)."]),
            *_capaian_antar_tahun(h)]


def _capaian_antar_tahun(h: Hasil) -> list[Tabel]:
    """Capaian of last year beside this year's (Kecamatan Gunung Kaler, LKjIP 2020, Tabel
    3.5): shown when the file gives last year's target and realisasi of some indicator."""
    if not any(i.antar_tahun is not None and i.antar_tahun.ada for i in h.indikator):
        return []
    tahun, lalu = h.laporan.tahun, h.laporan.tahun - 1
    rows = []
    for n, _, ind in _baris_indikator(h):
        a = ind.antar_tahun
        assert a is not None
        rows.append(Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan),
                           target_sel(a.target_tahun_lalu), target_indikator_sel(ind),
                           *_realisasi_dua_tahun(h, ind),
                           persen(h.tampil(a.capaian_tahun_lalu)), persen(h.tampil(ind.capaian)),
                           persen(a.perubahan_capaian_poin))))
    catatan = ["Kolom 10 = capaian tahun ini - capaian tahun lalu (poin)."]
    if h.rata_rata_capaian_tahun_lalu is not None and h.rata_rata_capaian_tahun_lalu.ada:
        # only when every indicator averaged gives last year's capaian: an average over
        # some of them would not compare with this year's
        rows.append(Baris((teks(""), teks("Rata-rata"), *(teks("") for _ in range(5)),
                           persen(h.rata_rata_capaian_tahun_lalu),
                           persen(h.rata_rata_capaian),
                           persen(h.perubahan_rata_rata_capaian or
                                  h.rata_rata_capaian_tahun_lalu)), gaya="jumlah"))
        catatan.append(_catatan_rata_tahun(h))
    capaian = [n for i in h.indikator if i.antar_tahun is not None
               for n in (i.antar_tahun.capaian_tahun_lalu, i.capaian) if n.ada]
    judul = f"Perbandingan Capaian Kinerja {h.judul_periode} dengan Tahun {lalu}"
    return [susun_tabel("3.6", [judul],
                        [*kolom_judul("No", "Indikator Kinerja", "Satuan"),
                         *kolom_judul(f"Target {lalu}", f"Target {tahun}", f"Realisasi {lalu}",
                                      f"Realisasi {tahun}", f"Capaian {lalu} (%)",
                                      f"Capaian {tahun} (%)", "Perubahan capaian (9-8) poin",
                                      angka=True)],
                        rows, [catatan_capaian(h, capaian), *catatan], bagian="capaian",
                        lanjutan=True)]


def _catatan_rata_tahun(h: Hasil) -> str:
    """How the Rata-rata row is made: both years' averages by the report's method."""
    kode = h.laporan.aturan.rata_rata.metode
    cara = "rata-rata capaian indikator" if kode == "rata-rata" else \
        f"{METODE_RATA_RATA[kode].nama} ({METODE_RATA_RATA[kode].rumus})"
    return (f"Baris Rata-rata: {cara} setiap tahun, dengan indikator dan aturan yang sama; "
            "kolom 10 baris itu = rata-rata tahun ini - rata-rata tahun lalu (poin).")


def tabel_3_7(h: Hasil) -> list[Tabel]:
    r = h.laporan.renstra
    rows = [Baris((teks(str(n)), teks(ind.nama), teks(ind.satuan),
                   target_sel(ind.target_renstra_akhir), realisasi_sel(ind),
                   persen(h.tampil(ind.capaian_renstra_akhir))))
            for n, _, ind in _baris_indikator(h)]
    return [susun_tabel("3.7", [f"Perbandingan Realisasi Kinerja Tahun {h.laporan.tahun} dengan "
                                "Renstra"],
                        [*kolom_judul("No", "Indikator Kinerja", "Satuan"),
                         *kolom_judul(f"Target Akhir Renstra ({r.selesai})",
                                      f"Realisasi {h.laporan.tahun}", "Capaian (%)", angka=True)],
                        rows, [catatan_capaian(h, (i.capaian_renstra_akhir
                                                   for i in h.indikator))])]


@dataclass(frozen=True, slots=True)
class TabelSimpul:
    """A table of the indicators of one level of the budget tree, one table per sasaran
    the level's nodes support: Tabel 3.8 is its kegiatan case; the program case is the
    "Capaian Kinerja Program" reports print, with each program's money beside its
    indicators; the levels below kegiatan (sub kegiatan; a ministry's KRO and RO) each
    get their own table."""

    nomor: str
    #: the levels of the tree (0 program, 1 kegiatan, 2 sub kegiatan ...); None: every
    #: level below kegiatan that holds an indicator
    tingkat: tuple[int, ...] | None
    #: the caption before "Pendukung Sasaran Strategis": `{tingkat}` is the level's name
    judul: str
    #: whether each node's pagu, realisasi and penyerapan stand beside its indicators
    uang: bool
    #: whether every sasaran gets its table even when no node of the level holds an
    #: indicator (Tabel 3.8, which renderers then say is not presented); else none is made
    selalu: bool = False


#: The kegiatan indicators of 2020 (Tabel 3.8), as the reference report prints them.
KEGIATAN = TabelSimpul("3.8", (1,), "Indikator Kinerja {tingkat}", False, selalu=True)
#: Capaian kinerja program: the program's outcome indicators with its money.
PROGRAM = TabelSimpul("kinerja-program", (0,), "Capaian Kinerja {tingkat}", True)
#: Every level below kegiatan, each its own table.
SUB_KEGIATAN = TabelSimpul("kinerja-sub-kegiatan", None, "Capaian Kinerja {tingkat}", True)


def _simpul_per_sasaran(h: Hasil, tingkat: int) -> dict[str, list[Simpul]]:
    """By sasaran kode, the nodes of one level that support it, in file order: by their
    budget (their own, or a node's below them, names the sasaran's IKU), or by an indicator
    naming the sasaran or one of its IKU (`mendukung`). Every node of the tree is mapped to
    its ancestor at the level once, so this is linear in the tree plus the sasaran's budget
    lines, not their product."""
    nodes = [x for x in h.simpul if x.tingkat == tingkat]
    induk: dict[str, int] = {}
    for nomor, node in enumerate(nodes):
        for simpul in turunan(node):
            induk.setdefault(simpul.kode, nomor)
    sasaran_iku = {i.kode: sas.kode for sas in h.sasaran for i in sas.indikator}
    dinamai: dict[str, set[int]] = {}
    for nomor, node in enumerate(nodes):
        for ik in node.indikator:
            for kode in ik.mendukung:
                dinamai.setdefault(sasaran_iku.get(kode, kode), set()).add(nomor)
    return {sas.kode: [nodes[n] for n in sorted({induk[k] for k in sas.anggaran.kegiatan
                                                 if k in induk} | dinamai.get(sas.kode, set()))]
            for sas in h.sasaran}


def _tingkat_tabel(h: Hasil, spec: TabelSimpul) -> list[int]:
    if spec.tingkat is not None:
        return list(spec.tingkat)
    return sorted({x.tingkat for x in h.simpul if x.tingkat >= 2 and x.indikator})


def tabel_indikator_simpul(h: Hasil, spec: TabelSimpul) -> list[Tabel]:
    """The tables of `spec`: per level, one per sasaran its nodes with indicators support
    (every sasaran, for a table printed `selalu`)."""
    tables = []
    for tingkat in _tingkat_tabel(h, spec):
        nama = h.nama_tingkat(tingkat)
        per_sasaran = _simpul_per_sasaran(h, tingkat)
        for i, sas in enumerate(h.sasaran):
            nodes = per_sasaran[sas.kode]
            if not spec.selalu and not any(x.indikator for x in nodes):
                continue
            rows = [Baris(_sel_indikator_simpul(h, node, j, ik, spec.uang))
                    for node in nodes for j, ik in enumerate(node.indikator)]
            kolom = [*kolom_judul(nama, "Indikator", "Satuan"),
                     *kolom_judul("Target", "Realisasi", "Capaian (%)", angka=True)]
            catatan = [catatan_capaian(h, (ik.capaian for x in nodes for ik in x.indikator))]
            if spec.uang:
                kolom += kolom_judul("Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)",
                                     angka=True)
                catatan.append(catatan_penyerapan(h))
            judul = spec.judul.format(tingkat=nama)
            tables.append(susun_tabel(spec.nomor, [f"{judul} Pendukung Sasaran Strategis "
                                                   f"{nomor_sasaran(i)}: {sas.nama}"],
                                      kolom, rows, catatan, bagian=sas.kode))
    return tables


def _sel_indikator_simpul(h: Hasil, node: Simpul, j: int, ik: HasilIndikatorSimpul,
                          uang: bool) -> tuple[Sel, ...]:
    """One indicator row: the node's name (and money) on its first indicator's row only."""
    first = j == 0
    sel = (teks(node.nama if first else ""), teks(ik.nama), teks(ik.satuan),
           target_sel(ik.target), masukan(ik.realisasi), persen(h.tampil(ik.capaian)))
    if not uang:
        return sel
    a = node.anggaran
    if not first:
        return (*sel, teks(""), teks(""), teks(""))
    return (*sel, rp(a.pagu), rp(a.realisasi), persen(a.penyerapan))


def tabel_3_8(h: Hasil) -> list[Tabel]:
    return tabel_indikator_simpul(h, KEGIATAN)


def tabel_kinerja_program(h: Hasil) -> list[Tabel]:
    return tabel_indikator_simpul(h, PROGRAM)


def tabel_kinerja_sub_kegiatan(h: Hasil) -> list[Tabel]:
    return tabel_indikator_simpul(h, SUB_KEGIATAN)


def _kegiatan_urut_sasaran(h: Hasil) -> list[Simpul]:
    """Kegiatan in the order of the sasaran they support, then the others (as Tabel 3.9)."""
    ordered: dict[str, Simpul] = {}  # by kode: a set lookup, not a list scan
    per_sasaran = _simpul_per_sasaran(h, 1)
    for sas in h.sasaran:
        for k in per_sasaran[sas.kode]:
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
    return [susun_tabel("3.9", [f"Rencana Aksi dalam mendukung kegiatan {nama_singkat(h)}"],
                        [*kolom_judul("Kegiatan", "Indikator"),
                         *kolom_judul("Target", "Realisasi", angka=True),
                         *kolom_judul("Satuan", "Rencana Aksi")], rows)]
