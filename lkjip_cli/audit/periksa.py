"""`periksa(hasil)`: compare every figure a report printed with what its own rules give.

Each printed figure (`dilaporkan` in the data file) is paired with the engine's exact value
for the same quantity and classified `cocok`, `pembulatan` or `selisih`; for the others the
known alternatives are tried (`audit.sebab`) to name the likely cause. Consistency checks
that need no printed figure follow: roll-ups, falling cumulative values, spending above pagu,
impossible percentages, and one quantity printed with different values in two places.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import cast

from lkjip_cli.angka import angka, bulatkan, desimal_dari, persen
from lkjip_cli.audit.sebab import Alternatif, Penghasil, aman, cari_sebab
from lkjip_cli.audit.temuan import Temuan, Tingkat
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import hitung_capaian
from lkjip_cli.engine.hasil import (
    Anggaran,
    Hasil,
    HasilBelanja,
    HasilIndikator,
    HasilKegiatan,
    HasilSasaran,
    Target,
)
from lkjip_cli.engine.hitung import RUMUS_EFISIENSI
from lkjip_cli.engine.nilai import HUNDRED, Nilai
from lkjip_cli.model.laporan import (
    BelanjaTahun,
    IndikatorKinerja,
    Pita,
    Polaritas,
    Rentang,
    RumusNegatif,
    Sasaran,
    target_tunggal,
)

#: Where each place of the report stands, to sort findings as the report reads.
URUTAN_TEMPAT = ("ikhtisar", "bab2", "2.", "bab3", "3.", "bab4")

NAMA_KOLOM = {
    "target": "Target", "realisasi": "Realisasi", "capaian": "Capaian (%)",
    "kategori": "Kategori", "realisasi_tahun_lalu": "Realisasi tahun lalu",
    "perubahan_persen": "% Peningkatan/Penurunan", "perubahan_poin": "Selisih (poin)",
    "target_renstra_akhir": "Target akhir Renstra", "capaian_renstra_akhir": "Capaian Renstra (%)",
    "capaian_renstra_tahun": "Capaian target Renstra tahun ini (%)",
    "pagu": "Alokasi (Rp)", "realisasi_anggaran": "Realisasi anggaran (Rp)",
    "penyerapan": "Penyerapan (%)", "porsi_belanja_langsung": "% dari Belanja Langsung",
    "efisiensi": "Efisiensi", "pagu_langsung": "Pagu Belanja Langsung (Rp)",
    "realisasi_langsung": "Realisasi Belanja Langsung (Rp)",
    "penyerapan_langsung": "Penyerapan Belanja Langsung (%)",
    "pagu_tidak_langsung": "Pagu Belanja Tidak Langsung (Rp)",
    "realisasi_tidak_langsung": "Realisasi Belanja Tidak Langsung (Rp)",
    "penyerapan_tidak_langsung": "Penyerapan Belanja Tidak Langsung (%)",
    "pagu_total": "Total APBD (Rp)", "realisasi_total": "Realisasi total (Rp)",
    "penyerapan_total": "Penyerapan total (%)", "efisiensi_nominal": "Nilai efisiensi (Rp)",
    "jumlah_program": "Jumlah program", "jumlah_kegiatan": "Jumlah kegiatan",
    "rata_rata_capaian": "Rata-rata capaian (%)",
    "pagu_perjanjian_kinerja": "Jumlah alokasi (Rp)",
    "realisasi_perjanjian_kinerja": "Jumlah realisasi (Rp)",
    "penyerapan_perjanjian_kinerja": "Jumlah penyerapan (%)",
    "nilai": "Nilai hasil evaluasi", "predikat": "Predikat", "status": "Berhasil/belum",
}


def nama_tempat(lokasi: str) -> str:
    """`"3.5"` -> `Tabel 3.5`; `ikhtisar` -> `Ikhtisar Eksekutif`; `bab4/x` -> `Bab IV (x)`."""
    base, _, suffix = lokasi.partition("/")
    names = {"ikhtisar": "Ikhtisar Eksekutif", "bab1": "Bab I", "bab2": "Bab II",
             "bab3": "Bab III", "bab4": "Bab IV"}
    text = names.get(base, f"Tabel {base}")
    return f"{text} ({suffix})" if suffix else text


def urutan_tempat(tabel: str) -> tuple[int, tuple[int, ...], str]:
    order = {"Ikhtisar Eksekutif": 0, "Bab II": 1, "Bab III": 3, "Bab IV": 5}
    base = tabel.split(" (")[0]
    if base.startswith("Tabel "):
        major, _, minor = base[6:].partition(".")
        rank = 2 if major == "2" else 4
        return (rank, (int(major), int(minor or 0)), tabel)
    return (order.get(base, 6), (), tabel)


@dataclass
class Cetakan:
    """One printed figure, with the exact value it should be and how to look for causes."""

    entitas: str
    label: str
    kuantitas: str
    lokasi: str
    dicetak: Decimal | str
    path: Path
    dihitung: Nilai | str | None
    satuan: str
    penghasil: list[Penghasil] = field(default_factory=list)
    #: Other words that mean the same as a computed text (a band's kode beside its sebutan).
    sinonim: tuple[str, ...] = ()
    catatan: str = ""


# ------------------------------------------------------------------ comparison


def bandingkan(c: Cetakan, mode: str, lain: dict[str, Decimal | str]) -> Temuan:
    """Classify one printed figure against its exact value and name the likely cause."""
    tabel, kolom = nama_tempat(c.lokasi), NAMA_KOLOM.get(c.kuantitas, c.kuantitas)
    if c.kuantitas == "realisasi" and c.satuan == "Rp":
        kolom = "Realisasi (Rp)"  # a program's or kegiatan's spending, not its kinerja
    elsewhere = _di_tempat_lain(c, lain)
    if isinstance(c.dicetak, str) or isinstance(c.dihitung, str) or c.dihitung is None:
        return _banding_teks(c, tabel, kolom, elsewhere)
    exact = c.dihitung.nilai
    if exact is None:
        note = f"tidak dapat dihitung: {c.dihitung.alasan}"
        causes = cari_sebab(c.dicetak, None, mode, c.penghasil)
        return Temuan(tabel, c.label, kolom, c.dicetak, None, None, Tingkat.SELISIH,
                      _join(note, causes, elsewhere), c.path, satuan=c.satuan)
    places = desimal_dari(c.dicetak)
    rounded = bulatkan(exact, places, mode)
    diff = c.dicetak - rounded
    if diff == 0:
        return Temuan(tabel, c.label, kolom, c.dicetak, exact, diff, Tingkat.COCOK, "",
                      c.path, satuan=c.satuan)
    unit = Decimal(1).scaleb(-places)
    tingkat = _tingkat_selisih(c.dihitung, diff, unit)
    causes = cari_sebab(c.dicetak, exact, mode, c.penghasil)
    if not causes:
        causes = [_tanpa_sebab(tingkat, c.dihitung, unit)]
    return Temuan(tabel, c.label, kolom, c.dicetak, exact, diff, tingkat,
                  _join("", causes, elsewhere), c.path, satuan=c.satuan)


def _tingkat_selisih(dihitung: Nilai, diff: Decimal, unit: Decimal) -> Tingkat:
    """A printed figure off by `diff` (not 0): rounding when one unit of its last place.

    A figure typed in the file (an isian) printed one unit off was not rounded from
    anything: that is a different value, not rounding.
    """
    is_input = dihitung.rumus.endswith("(isian)")
    return Tingkat.PEMBULATAN if abs(diff) == unit and not is_input else Tingkat.SELISIH


def _sama_teks(c: Cetakan) -> tuple[str | None, bool]:
    """The computed text of a text figure, and whether the printed text means the same."""
    computed = c.dihitung if isinstance(c.dihitung, str) or c.dihitung is None else None
    words = (computed, *c.sinonim) if computed is not None else ()
    return computed, any(_sama(str(c.dicetak), w) for w in words)


def tingkat_cetakan(c: Cetakan, mode: str) -> Tingkat:
    """Only the class of one printed figure, as `bandingkan` gives it, without looking for
    causes (what a recap that counts findings needs; a test keeps the two in step)."""
    if isinstance(c.dicetak, str) or isinstance(c.dihitung, str) or c.dihitung is None:
        return Tingkat.COCOK if _sama_teks(c)[1] else Tingkat.SELISIH
    exact = c.dihitung.nilai
    if exact is None:
        return Tingkat.SELISIH
    places = desimal_dari(c.dicetak)
    diff = c.dicetak - bulatkan(exact, places, mode)
    if diff == 0:
        return Tingkat.COCOK
    return _tingkat_selisih(c.dihitung, diff, Decimal(1).scaleb(-places))


def _tanpa_sebab(tingkat: Tingkat, nilai: Nilai, unit: Decimal) -> str:
    """What to say when no known alternative reproduces the printed figure."""
    if tingkat is not Tingkat.PEMBULATAN:
        return "tidak ada pola yang diketahui yang mereproduksi angka ini"
    if nilai.satuan == "Rp" and len(nilai.masukan) >= 2:
        return (f"selisih Rp{_plain(unit)}: kemungkinan dijumlah dari bagian yang sudah "
                "dibulatkan")
    if len(nilai.masukan) >= 2 and "jumlah" in nilai.rumus:
        return "beda satu satuan di angka terakhir: kemungkinan dari bagian yang sudah dibulatkan"
    return ("beda satu satuan di angka terakhir; tidak ada pembulatan yang diketahui yang "
            "mereproduksinya")


def _banding_teks(c: Cetakan, tabel: str, kolom: str, elsewhere: str) -> Temuan:
    computed, same = _sama_teks(c)
    note = "" if same else ("tidak dapat ditentukan" if computed is None else c.catatan)
    keterangan = "" if same else _join(note, [], elsewhere)
    return Temuan(tabel, c.label, kolom, c.dicetak, computed, None,
                  Tingkat.COCOK if same else Tingkat.SELISIH, keterangan, c.path,
                  satuan=c.satuan)


def _di_tempat_lain(c: Cetakan, lain: dict[str, Decimal | str]) -> str:
    """`dicetak berbeda di ...`: the other printed values, each with where it stands."""
    places: dict[str, list[str]] = {}
    for lokasi, value in lain.items():
        if lokasi != c.lokasi and not _sama(value, c.dicetak):
            places.setdefault(_plain(value), []).append(nama_tempat(lokasi))
    if not places:
        return ""
    return "dicetak berbeda: " + "; ".join(f"{v} di {', '.join(where)}"
                                            for v, where in places.items())


def _sama(a: Decimal | str, b: Decimal | str) -> bool:
    """Printed words compare without case (`bb` is `BB`); figures by value."""
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().lower() == b.strip().lower()
    return a == b


def _plain(v: Decimal | str) -> str:
    return v if isinstance(v, str) else angka(v)


def _join(note: str, causes: Sequence[str], elsewhere: str) -> str:
    parts = [p for p in (note, ("kemungkinan: " + "; ".join(causes)) if causes and not
                         causes[0].startswith(("tidak ada pola", "selisih Rp", "beda satu"))
                         else "; ".join(causes), elsewhere) if p]
    return "; ".join(parts)


# ---------------------------------------------------------------- alternatives


def _alt(keterangan: str, func: Callable[[], Decimal | None]) -> Alternatif:
    return Alternatif(keterangan, aman(func))


def _lengkap(values: Sequence[Decimal | None]) -> list[Decimal] | None:
    """The values when every one is known and there is at least one."""
    known = [v for v in values if v is not None]
    return known if known and len(known) == len(values) else None


def _rata(keterangan: str, values: Sequence[Decimal | None]) -> Iterator[Alternatif]:
    known = _lengkap(values)
    if known is not None:
        yield _alt(keterangan, lambda: sum(known, Decimal(0)) / len(known))


def _capaian(target: Target | None, realisasi: Decimal | None, polaritas: str,
             rumus: str) -> Decimal | None:
    """Capaian by the named polarity and negative formula (names come from the model)."""
    return hitung_capaian(target, realisasi, polaritas=cast(Polaritas, polaritas),
                          rumus_negatif=cast(RumusNegatif, rumus)).nilai


def _capaian_cara_lain(ind: HasilIndikator, target: Target | None,
                       realisasi: Decimal | None, mode_rumus: str) -> Iterator[Alternatif]:
    """Capaian by the other formulas (other negative formula, the opposite polarity)."""
    formulas: list[tuple[str, str, str]] = []
    if ind.polaritas == "negatif":
        other = "T/R" if mode_rumus == "(2T-R)/T" else "(2T-R)/T"
        formulas += [("negatif", other, f"rumus negatif {other}"),
                     ("positif", mode_rumus, "dihitung seperti polaritas positif (R / T)")]
    else:
        formulas += [("negatif", "(2T-R)/T", "dihitung seperti polaritas negatif")]
    for polaritas, rumus, words in formulas:
        yield Alternatif(words, _capaian(target, realisasi, polaritas, rumus))


class _Kumpulan:
    """Collects the printed figures of one report, paired with the engine's values."""

    def __init__(self, hasil: Hasil) -> None:
        self.h = hasil
        self.aturan = hasil.laporan.aturan
        self.items: list[Cetakan] = []
        self.printed: dict[tuple[str, str], dict[str, Decimal | str]] = {}

    def add(self, entitas: str, label: str, base: Path, dicetak: dict[str, Decimal] |
            dict[str, str], kuantitas: str, dihitung: Nilai | str | None, satuan: str,
            *penghasil: PenghasilDiTempat, sinonim: tuple[str, ...] = (),
            catatan: str = "") -> None:
        values: dict[str, Decimal | str] = dict(dicetak)
        if not values:
            return
        self.printed[(entitas, kuantitas)] = values
        for lokasi, value in values.items():
            path = (*base, "dilaporkan", kuantitas, lokasi)
            bound = [_bind(p, lokasi) for p in penghasil]
            self.items.append(Cetakan(entitas, label, kuantitas, lokasi, value, path,
                                      dihitung, satuan, bound, sinonim, catatan))

    def add_kategori(self, entitas: str, label: str, base: Path, dicetak: dict[str, str],
                     pita: Pita | None, nilai: Nilai) -> None:
        """A printed category word against the band of the report's interpretation scale."""
        spec = self.aturan.skala_interpretasi
        scale = spec if isinstance(spec, str) else "skala laporan"
        shown = persen(nilai.nilai, self.aturan.desimal_persen, self.aturan.pembulatan)
        self.add(entitas, label, base, dicetak, "kategori", pita.sebutan if pita else None, "",
                 sinonim=(pita.kode,) if pita else (),
                 catatan=f"capaian {shown} termasuk "
                         f"{pita.sebutan if pita else 'tidak ada kategori'} menurut {scale} "
                         "(aturan.skala_interpretasi)")

    def dicetak_di(self, entitas: str, kuantitas: str, lokasi: str,
                   fallback: bool = False) -> Decimal | None:
        values = self.printed.get((entitas, kuantitas), {})
        value = values.get(lokasi)
        if value is None and fallback:
            value = next((v for v in values.values() if isinstance(v, Decimal)), None)
        return value if isinstance(value, Decimal) else None


#: Makes the alternatives of a figure printed at one place (the place picks printed inputs).
PenghasilDiTempat = Callable[[str], Iterable[Alternatif]]


def _bind(func: PenghasilDiTempat, lokasi: str) -> Penghasil:
    return lambda: func(lokasi)


def _isian(nama: str, value: Decimal | None, satuan: str = "") -> Nilai:
    return Nilai(value, f"{nama} (isian)", satuan=satuan,
                 alasan=None if value is not None else "tidak diisi")


def _isian_target(target: Target | None) -> Nilai | str | None:
    if isinstance(target, Rentang):
        return f"{target.min}-{target.maks}"
    return _isian("target", target)


# ------------------------------------------------------------------ indicators


def _kumpulkan_indikator(k: _Kumpulan, ind: HasilIndikator,
                         model_ind: IndikatorKinerja) -> None:
    d = model_ind.dilaporkan
    rumus = model_ind.rumus_negatif or k.aturan.rumus_negatif
    label = ind.kode
    base = ind.path

    def capaian_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from _capaian_cara_lain(ind, ind.target, ind.realisasi, rumus)
        r_cetak = k.dicetak_di(ind.kode, "realisasi", lokasi)
        t_cetak = k.dicetak_di(ind.kode, "target", lokasi) or target_tunggal(ind.target)
        if r_cetak is not None and r_cetak != ind.realisasi:
            yield Alternatif(f"dihitung dari realisasi yang dicetak ({_plain(r_cetak)})",
                             _capaian(t_cetak, r_cetak, ind.polaritas, rumus))
            for alt in _capaian_cara_lain(ind, t_cetak, r_cetak, rumus):
                yield Alternatif(f"{alt.keterangan}, dari realisasi yang dicetak "
                                 f"({_plain(r_cetak)})", alt.nilai)
        yield from _capaian_tahun_lalu(ind, k, rumus)

    def realisasi_alts(lokasi: str) -> Iterator[Alternatif]:
        yield Alternatif(f"realisasi tahun {ind.tahun_lalu}", ind.realisasi_tahun_lalu)
        yield Alternatif("capaian, bukan realisasi", ind.capaian.nilai)

    def perubahan_alts(as_ratio: bool) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            now, prev = ind.realisasi, ind.realisasi_tahun_lalu
            yield from _perubahan_cara_lain(now, prev, as_ratio, "")
            r_cetak = k.dicetak_di(ind.kode, "realisasi", lokasi)
            p_cetak = k.dicetak_di(ind.kode, "realisasi_tahun_lalu", lokasi) or prev
            if r_cetak is not None and r_cetak != now:
                yield from _perubahan_cara_lain(
                    r_cetak, p_cetak, as_ratio,
                    f", dari realisasi {ind.tahun_lalu + 1} yang dicetak ({_plain(r_cetak)})",
                    include_same=True)
        return make

    k.add(ind.kode, label, base, d.target, "target", _isian_target(ind.target), "")
    k.add(ind.kode, label, base, d.realisasi, "realisasi", _isian("realisasi", ind.realisasi),
          "", realisasi_alts)
    k.add(ind.kode, label, base, d.capaian, "capaian", ind.capaian, "%", capaian_alts)
    k.add_kategori(ind.kode, label, base, d.kategori, ind.kategori, ind.capaian)
    k.add(ind.kode, label, base, d.realisasi_tahun_lalu, "realisasi_tahun_lalu",
          _isian("realisasi tahun lalu", ind.realisasi_tahun_lalu), "")
    k.add(ind.kode, label, base, d.perubahan_persen, "perubahan_persen", ind.perubahan_persen,
          "%", perubahan_alts(True))
    k.add(ind.kode, label, base, d.perubahan_poin, "perubahan_poin", ind.perubahan_poin,
          "poin", perubahan_alts(False))
    k.add(ind.kode, label, base, d.target_renstra_akhir, "target_renstra_akhir",
          _isian_target(ind.target_renstra_akhir), "")
    k.add(ind.kode, label, base, d.capaian_renstra_akhir, "capaian_renstra_akhir",
          ind.capaian_renstra_akhir, "%",
          lambda lokasi: _capaian_cara_lain(ind, ind.target_renstra_akhir, ind.realisasi,
                                            rumus))
    k.add(ind.kode, label, base, d.capaian_renstra_tahun, "capaian_renstra_tahun",
          ind.capaian_renstra_tahun, "%")
    _kumpulkan_anggaran(k, ind.kode, label, base, ind.anggaran,
                        {"pagu": d.pagu, "realisasi": d.realisasi_anggaran,
                         "penyerapan": d.penyerapan})
    for tw, model_tw in zip(ind.triwulan, model_ind.triwulan, strict=True):
        tw_label = f"{ind.kode} TW {tw.nomor}"
        dt = model_tw.dilaporkan
        k.add(tw_label, tw_label, tw.path, dt.target, "target", _isian_target(tw.target), "")
        k.add(tw_label, tw_label, tw.path, dt.realisasi, "realisasi",
              _isian("realisasi", tw.realisasi), "")
        k.add(tw_label, tw_label, tw.path, dt.capaian, "capaian", tw.capaian, "%")


def _capaian_tahun_lalu(ind: HasilIndikator, k: _Kumpulan, rumus: str) -> Iterator[Alternatif]:
    target_lalu = None
    for sas in k.h.laporan.sasaran:
        for model_ind in sas.indikator:
            if model_ind.kode == ind.kode:
                target_lalu = model_ind.target_renstra.get(ind.tahun_lalu)
    if target_lalu is not None and ind.realisasi_tahun_lalu is not None:
        yield Alternatif(f"capaian tahun {ind.tahun_lalu}",
                         _capaian(target_lalu, ind.realisasi_tahun_lalu, ind.polaritas, rumus))


def _perubahan_cara_lain(now: Decimal | None, prev: Decimal | None, as_ratio: bool,
                         suffix: str, include_same: bool = False) -> Iterator[Alternatif]:
    if now is None or prev is None:
        return
    ratio = aman(lambda: (now / prev - 1) * HUNDRED)
    diff = now - prev
    if as_ratio:
        yield Alternatif("selisih poin dicetak di bawah judul rasio" + suffix, diff)
        if diff < 0:
            yield Alternatif("selisih poin tanpa tanda, di bawah judul rasio" + suffix,
                             abs(diff))
        if include_same:
            yield Alternatif("dihitung dengan rumus kolom" + suffix, ratio)
    else:
        yield Alternatif("rasio (R/R lalu - 1) x 100 dicetak di bawah judul selisih" + suffix,
                         ratio)
        if diff < 0:
            yield Alternatif("selisih tanpa tanda" + suffix, abs(diff))
        if include_same:
            yield Alternatif("dihitung dengan rumus kolom" + suffix, diff)
    if ratio is not None and ratio < 0:
        yield Alternatif("rasio tanpa tanda" + suffix, abs(ratio))


# ------------------------------------------------------------------- budgets


def _kumpulkan_anggaran(k: _Kumpulan, entitas: str, label: str, base: Path, a: Anggaran,
                        dicetak: dict[str, dict[str, Decimal]]) -> None:
    kegiatan = {keg.kode: keg for keg in k.h.kegiatan if keg.kode in a.kegiatan}

    def subsets(field_name: str) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            yield from _subset_alts(kegiatan, field_name)
            if field_name == "penyerapan":
                real = k.dicetak_di(entitas, "realisasi_anggaran", lokasi) or \
                    k.dicetak_di(entitas, "realisasi", lokasi)
                pagu = k.dicetak_di(entitas, "pagu", lokasi)
                if real is not None and pagu is not None:
                    yield _alt("dihitung dari alokasi dan realisasi yang dicetak",
                               lambda: real / pagu * HUNDRED)
        return make

    # Indicators and sasaran name their spent budget `realisasi_anggaran` (their `realisasi`
    # is kinerja); programs and kegiatan simply `realisasi`.
    real_key = "realisasi_anggaran" if base and base[0] == "sasaran" else "realisasi"
    k.add(entitas, label, base, dicetak.get("pagu", {}), "pagu", a.pagu, "Rp", subsets("pagu"))
    k.add(entitas, label, base, dicetak.get("realisasi", {}), real_key, a.realisasi, "Rp",
          subsets("realisasi"))
    k.add(entitas, label, base, dicetak.get("penyerapan", {}), "penyerapan", a.penyerapan, "%",
          subsets("penyerapan"))


def _subset_alts(kegiatan: dict[str, HasilKegiatan], field_name: str) -> Iterator[Alternatif]:
    """The same sum over every proper subset of the kegiatan (up to 10 of them)."""
    items = list(kegiatan.items())
    if not 1 < len(items) <= 10:
        return
    for size in range(1, len(items)):
        for combo in itertools.combinations(items, size):
            anggaran = [keg.anggaran for _, keg in combo]
            pagu = sum((x.pagu.nilai or Decimal(0) for x in anggaran), Decimal(0))
            real = sum((x.realisasi.nilai or Decimal(0) for x in anggaran), Decimal(0))
            value = {"pagu": pagu, "realisasi": real}.get(field_name)
            if field_name == "penyerapan":
                value = _bagi_persen(real, pagu)
            left_out = [kode for kode, _ in items if kode not in {c for c, _ in combo}]
            words = ("tanpa kegiatan " + ", ".join(left_out) if len(left_out) <= size
                     else "hanya kegiatan " + ", ".join(c for c, _ in combo))
            yield Alternatif(f"jumlah dari himpunan kegiatan lain: {words}", value)


def _bagi_persen(pembilang: Decimal, penyebut: Decimal) -> Decimal | None:
    return aman(lambda: pembilang / penyebut * HUNDRED)


def _kumpulkan_belanja(k: _Kumpulan, b: HasilBelanja, model_b: BelanjaTahun | None) -> None:
    if model_b is None:
        return
    d = model_b.dilaporkan
    label = f"Belanja {b.tahun}"
    base = b.path

    def pool(lokasi: str) -> Iterator[Alternatif]:
        for name, value in (("pagu belanja langsung", b.pagu_langsung),
                            ("pagu belanja tidak langsung", b.pagu_tidak_langsung),
                            ("realisasi belanja langsung", b.realisasi_langsung),
                            ("realisasi belanja tidak langsung", b.realisasi_tidak_langsung),
                            ("total BL + BTL (pagu)", b.pagu_total),
                            ("total BL + BTL (realisasi)", b.realisasi_total),
                            ("penyerapan total BL + BTL", b.penyerapan_total),
                            ("penyerapan belanja langsung", b.penyerapan_langsung),
                            ("penyerapan belanja tidak langsung", b.penyerapan_tidak_langsung)):
            yield Alternatif(f"nilai {name}", value.nilai)

    for kuantitas in ("pagu_langsung", "realisasi_langsung", "penyerapan_langsung",
                      "pagu_tidak_langsung", "realisasi_tidak_langsung",
                      "penyerapan_tidak_langsung", "pagu_total", "realisasi_total",
                      "penyerapan_total", "efisiensi_nominal"):
        nilai: Nilai = getattr(b, kuantitas)
        satuan = "%" if kuantitas.startswith("penyerapan") else "Rp"
        k.add(label, label, base, getattr(d, kuantitas), kuantitas, nilai, satuan, pool)
    k.add(label, label, base, d.jumlah_program, "jumlah_program",
          _isian("jumlah program", _dec(b.jumlah_program)), "")
    k.add(label, label, base, d.jumlah_kegiatan, "jumlah_kegiatan",
          _isian("jumlah kegiatan", _dec(b.jumlah_kegiatan)), "")


def _dec(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


# -------------------------------------------------------------- sasaran, report


def _kumpulkan_sasaran(k: _Kumpulan, sas: HasilSasaran, model_sas: Sasaran) -> None:
    d = model_sas.dilaporkan
    label = sas.kode
    metode = k.aturan.efisiensi.sasaran

    def capaian_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from _rata("rata-rata semua indikator, tanpa pengecualian",
                         [i.capaian.nilai for i in sas.indikator])
        printed = [k.dicetak_di(i.kode, "capaian", lokasi, fallback=True)
                   for i in sas.indikator if i.dikecualikan is None]
        shown = "; ".join(_plain(p) for p in printed if p is not None)
        yield from _rata(f"rata-rata dari capaian indikator yang dicetak ({shown})", printed)

    def efisiensi_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from _efisiensi_lain(metode, sas.capaian.nilai, sas.anggaran)
        pen = k.dicetak_di(sas.kode, "penyerapan", lokasi)
        if pen is not None and metode == "sisa-anggaran":
            yield _alt("dihitung dari penyerapan yang dicetak", lambda: HUNDRED - pen)

    k.add(sas.kode, label, sas.path, d.capaian, "capaian", sas.capaian, "%", capaian_alts)
    k.add_kategori(sas.kode, label, sas.path, d.kategori, sas.kategori, sas.capaian)
    status = None if sas.berhasil is None else ("berhasil" if sas.berhasil else
                                                 "belum berhasil")
    k.add(sas.kode, label, sas.path, d.status, "status", status, "",
          catatan=f"berhasil bila capaian setiap indikator sekurang-kurangnya "
                  f"{_plain(k.aturan.ambang_berhasil)} (aturan.ambang_berhasil)")
    _kumpulkan_anggaran(k, sas.kode, label, sas.path, sas.anggaran,
                        {"pagu": d.pagu, "realisasi": d.realisasi_anggaran,
                         "penyerapan": d.penyerapan})
    k.add(sas.kode, label, sas.path, d.porsi_belanja_langsung, "porsi_belanja_langsung",
          sas.porsi_belanja_langsung, "%")
    k.add(sas.kode, label, sas.path, d.efisiensi, "efisiensi", sas.efisiensi,
          sas.efisiensi.satuan, efisiensi_alts)


def _efisiensi_lain(metode: str, capaian: Decimal | None, a: Anggaran) -> Iterator[Alternatif]:
    pen, pagu, real = a.penyerapan.nilai, a.pagu.nilai, a.realisasi.nilai
    for other in RUMUS_EFISIENSI:
        if other == metode:
            continue
        if other == "selisih" and capaian is not None and pen is not None:
            yield Alternatif("metode efisiensi selisih", capaian - pen)
        elif other == "sisa-anggaran" and pen is not None:
            yield Alternatif("metode efisiensi sisa-anggaran", HUNDRED - pen)
        elif other == "rasio" and capaian is not None and pen is not None:
            yield _alt("metode efisiensi rasio", lambda: capaian / pen * HUNDRED)
        elif other == "nominal" and pagu is not None and real is not None:
            yield Alternatif("metode efisiensi nominal", pagu - real)


def _kumpulkan_laporan(k: _Kumpulan) -> None:
    h = k.h
    d = h.laporan.dilaporkan
    included = [i for i in h.indikator if i.dikecualikan is None]

    def rata_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from _rata("rata-rata semua indikator, tanpa pengecualian",
                         [i.capaian.nilai for i in h.indikator])
        printed = [_cetak_capaian(k, i, lokasi) for i in included]
        shown = "; ".join(_plain(p) for p in printed if p is not None)
        yield from _rata(f"rata-rata dari capaian indikator yang dicetak ({shown})", printed)
        yield from _rata("rata-rata capaian sasaran", [s.capaian.nilai for s in h.sasaran])

    def efisiensi_alts(lokasi: str) -> Iterator[Alternatif]:
        b = h.belanja_tahun_ini
        metode = k.aturan.efisiensi.keseluruhan
        if b is not None:
            a = Anggaran(b.pagu_langsung, b.realisasi_langsung, b.penyerapan_langsung,
                         b.efisiensi_nominal, ())
            yield from _efisiensi_lain(metode, h.rata_rata_capaian.nilai, a)
        rata = k.dicetak_di("laporan", "rata_rata_capaian", lokasi)
        pen = k.dicetak_di(f"Belanja {h.laporan.tahun}", "penyerapan_langsung", lokasi)
        if rata is not None and pen is not None and metode == "selisih":
            yield Alternatif(f"dihitung dari angka yang dicetak ({_plain(rata)} - "
                             f"{_plain(pen)})", rata - pen)

    def pk_alts(field_name: str) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            quantity = {"pagu": "pagu", "realisasi": "realisasi_anggaran"}
            if field_name in quantity:
                rows = _lengkap([k.dicetak_di(i.kode, quantity[field_name], lokasi)
                                 for i in h.indikator])
                if rows is not None:
                    yield Alternatif("jumlah baris yang dicetak", sum(rows, Decimal(0)))
            else:
                pagu = k.dicetak_di("laporan", "pagu_perjanjian_kinerja", lokasi)
                real = k.dicetak_di("laporan", "realisasi_perjanjian_kinerja", lokasi)
                if pagu is not None and real is not None:
                    yield _alt("dihitung dari jumlah yang dicetak",
                               lambda: real / pagu * HUNDRED)
        return make

    pk = h.anggaran_perjanjian_kinerja
    k.add("laporan", "Keseluruhan", (), d.rata_rata_capaian, "rata_rata_capaian",
          h.rata_rata_capaian, "%", rata_alts)
    k.add_kategori("laporan", "Keseluruhan", (), d.kategori, h.kategori, h.rata_rata_capaian)
    k.add("laporan", "Keseluruhan", (), d.efisiensi, "efisiensi", h.efisiensi,
          h.efisiensi.satuan, efisiensi_alts)
    k.add("laporan", "Keseluruhan", (), d.pagu_perjanjian_kinerja, "pagu_perjanjian_kinerja",
          pk.pagu, "Rp", pk_alts("pagu"))
    k.add("laporan", "Keseluruhan", (), d.realisasi_perjanjian_kinerja,
          "realisasi_perjanjian_kinerja", pk.realisasi, "Rp", pk_alts("realisasi"))
    k.add("laporan", "Keseluruhan", (), d.penyerapan_perjanjian_kinerja,
          "penyerapan_perjanjian_kinerja", pk.penyerapan, "%", pk_alts("penyerapan"))


def _cetak_capaian(k: _Kumpulan, ind: HasilIndikator, lokasi: str) -> Decimal | None:
    """The capaian the report printed for `ind`: at `lokasi`, at its sasaran there, or
    anywhere else."""
    own = k.dicetak_di(ind.kode, "capaian", lokasi)
    if own is not None:
        return own
    for sas in k.h.sasaran:
        if ind in sas.indikator and len([i for i in sas.indikator
                                         if i.dikecualikan is None]) == 1:
            at_sasaran = k.dicetak_di(sas.kode, "capaian", lokasi)
            if at_sasaran is not None:
                return at_sasaran
    return k.dicetak_di(ind.kode, "capaian", lokasi, fallback=True)


# ------------------------------------------------------------ kegiatan, SAKIP


def _kumpulkan_program(k: _Kumpulan) -> None:
    for prog, model_prog in zip(k.h.program, k.h.laporan.program, strict=True):
        d = model_prog.dilaporkan
        _kumpulkan_anggaran(k, prog.kode, prog.kode, prog.path, prog.anggaran,
                            {"pagu": d.pagu, "realisasi": d.realisasi, "penyerapan": d.penyerapan})
        for keg, model_keg in zip(prog.kegiatan, model_prog.kegiatan, strict=True):
            dk = model_keg.dilaporkan
            _kumpulkan_anggaran(k, keg.kode, keg.kode, keg.path, keg.anggaran,
                                {"pagu": dk.pagu, "realisasi": dk.realisasi,
                                 "penyerapan": dk.penyerapan})
            for ik, model_ik in zip(keg.indikator, model_keg.indikator, strict=True):
                di = model_ik.dilaporkan
                label = ik.kode
                k.add(ik.kode, label, ik.path, di.target, "target", _isian_target(ik.target), "")
                k.add(ik.kode, label, ik.path, di.realisasi, "realisasi",
                      _isian("realisasi", ik.realisasi), "")
                k.add(ik.kode, label, ik.path, di.capaian, "capaian", ik.capaian, "%")


def _kumpulkan_evaluasi(k: _Kumpulan) -> None:
    ev = k.h.laporan.evaluasi_sakip
    if ev is None:
        return
    for hasil, model in zip(k.h.evaluasi, ev.hasil, strict=True):
        label = f"Evaluasi SAKIP {hasil.tahun}"
        k.add(label, label, hasil.path, model.dilaporkan.nilai, "nilai", hasil.total, "")
        k.add(label, label, hasil.path, model.dilaporkan.predikat, "predikat",
              hasil.predikat.kode if hasil.predikat else None, "")


def kumpulkan(h: Hasil) -> _Kumpulan:
    """Every printed figure of the report with the value it should have."""
    k = _Kumpulan(h)
    for sas, model_sas in zip(h.sasaran, h.laporan.sasaran, strict=True):
        for ind, model_ind in zip(sas.indikator, model_sas.indikator, strict=True):
            _kumpulkan_indikator(k, ind, model_ind)
        _kumpulkan_sasaran(k, sas, model_sas)
    _kumpulkan_program(k)
    by_year = {b.tahun: b for b in h.laporan.belanja}
    for b in h.belanja:
        _kumpulkan_belanja(k, b, by_year.get(b.tahun))
    _kumpulkan_laporan(k)
    _kumpulkan_evaluasi(k)
    return k


def temuan_dicetak(h: Hasil) -> list[Temuan]:
    k = kumpulkan(h)
    mode = k.aturan.pembulatan
    return [bandingkan(c, mode, k.printed[(c.entitas, c.kuantitas)]) for c in k.items]


def tingkat_dicetak(h: Hasil) -> list[Tingkat]:
    """The class of every printed figure, in the order of `temuan_dicetak`."""
    k = kumpulkan(h)
    mode = k.aturan.pembulatan
    return [tingkat_cetakan(c, mode) for c in k.items]


def _sort_key(t: Temuan) -> tuple[object, ...]:
    return (urutan_tempat(t.tabel), t.path)


def urutkan(temuan: Iterable[Temuan]) -> tuple[Temuan, ...]:
    return tuple(sorted(temuan, key=_sort_key))


__all__ = ["Temuan", "kumpulkan", "nama_tempat", "temuan_dicetak", "tingkat_dicetak",
           "urutkan"]
