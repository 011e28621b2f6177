"""`lkjip rekap`: one row per report across agencies and years, with a declared aggregation.

Why it is built this way:

- Each file becomes a small `BarisRekap` (a few figures, not the report) in a worker
  process (`lkjip_cli.banyak.paralel`), so thousands of reports stream through in input order and
  the recap holds rows, never reports.
- Every figure of a row comes from the engine and the audit by the report's own rules
  (its average basis, exclusions, caps, efficiency method, scales); the recap computes only
  what is its own: the average across reports, weighted as the user says (`Bobot`), the
  ranking, and the change between years.
- Nothing is dropped silently: a file that fails validation is kept with its first
  diagnostic, and a report that cannot be compared (another year, a second file of the same
  agency and year, no computable capaian) is kept with the reason, for the renderers to list
  below the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip_cli.banyak.cari import cari_berkas as cari
from lkjip_cli.banyak.rkpd import BarisRKPD, ProgramRenja, baris_rkpd, program_renja
from lkjip_cli.diagnostics import Diagnostic
from lkjip_cli.engine.nilai import HUNDRED, presisi

if TYPE_CHECKING:
    from lkjip_cli.audit.temuan import Ringkasan
    from lkjip_cli.engine.hasil import Hasil


class Bobot(StrEnum):
    """How the recap's own average across reports weighs each report."""

    rata = "rata"
    pagu = "pagu"
    indikator = "indikator"


#: What each weighting means, as printed under the table.
URAIAN_BOBOT = {
    Bobot.rata: "rata-rata sederhana: setiap laporan berbobot sama",
    Bobot.pagu: "tertimbang pagu: bobot setiap laporan = pagu belanja total tahun laporan "
                "(untuk penyerapan sama dengan jumlah realisasi / jumlah pagu x 100)",
    Bobot.indikator: "tertimbang indikator: bobot setiap laporan = banyak indikator yang "
                     "masuk rata-rata capaiannya",
}


@dataclass(frozen=True, slots=True)
class IndikatorRingkas:
    """What `--per-indikator` compares between two years of one agency."""

    kode: str
    nama: str
    satuan: str
    polaritas: str
    realisasi: Decimal | None


@dataclass(frozen=True, slots=True)
class BarisRekap:
    """The figures of one valid report that the recap shows, ranks and averages."""

    berkas: str
    instansi: str
    tahun: int
    jumlah_indikator: int
    indikator_dirata: int
    rata_rata_capaian: Decimal | None
    alasan_capaian: str | None
    kategori: str | None
    persen_mencapai: Decimal | None
    ambang: Decimal
    pagu: Decimal | None
    realisasi: Decimal | None
    penyerapan: Decimal | None
    penyerapan_pk: Decimal | None
    efisiensi: Decimal | None
    satuan_efisiensi: str
    metode_efisiensi: str
    nilai_sakip: Decimal | None
    predikat: str | None
    tahun_sakip: int | None
    cocok: int
    pembulatan: int
    selisih: int
    indikator: tuple[IndikatorRingkas, ...] = ()
    #: The programs of the file's Evaluasi Hasil Renja (empty when it has none).
    renja: tuple[ProgramRenja, ...] = ()
    #: Revenue collected against its target (the Jumlah of Tabel 3.14), when the file has a
    #: `pendapatan` block.
    capaian_pendapatan: Decimal | None = None


@dataclass(frozen=True, slots=True)
class BerkasGagal:
    """A file that is not a valid report: its first error and how many errors it has."""

    berkas: str
    diagnostik: Diagnostic
    jumlah_galat: int


@dataclass(frozen=True, slots=True)
class Catatan:
    """A report kept out of the comparison, and why."""

    berkas: str
    instansi: str
    tahun: int
    alasan: str


@dataclass(frozen=True, slots=True)
class Tren:
    """One agency, this recap's year against its latest earlier report."""

    instansi: str
    tahun_lalu: int
    tahun: int
    capaian_lalu: Decimal | None
    capaian: Decimal | None
    penyerapan_lalu: Decimal | None
    penyerapan: Decimal | None
    predikat_lalu: str | None
    predikat: str | None

    @property
    def perubahan_capaian(self) -> Decimal | None:
        return _beda(self.capaian, self.capaian_lalu)

    @property
    def perubahan_penyerapan(self) -> Decimal | None:
        return _beda(self.penyerapan, self.penyerapan_lalu)


@dataclass(frozen=True, slots=True)
class IndikatorTurun:
    """An indicator whose realisasi fell against the agency's previous report."""

    instansi: str
    kode: str
    nama: str
    satuan: str
    polaritas: str
    tahun_lalu: int
    realisasi_lalu: Decimal
    tahun: int
    realisasi: Decimal

    @property
    def membaik(self) -> bool:
        """A fall of a negative-polarity indicator (lower is better) is an improvement."""
        return self.polaritas == "negatif"


@dataclass(frozen=True, slots=True)
class RataKolom:
    """The recap's own average of one column, and how many reports entered it."""

    nilai: Decimal | None
    masuk: int
    tanpa_nilai: int


@dataclass(frozen=True, slots=True)
class Rekap:
    """The whole recap, ready for any renderer."""

    tahun: int | None
    baris: tuple[BarisRekap, ...]
    peringkat: tuple[int | None, ...]
    urut: str
    bobot: Bobot
    rata: dict[str, RataKolom]
    tren: tuple[Tren, ...]
    turun: tuple[IndikatorTurun, ...]
    tidak_dibandingkan: tuple[Catatan, ...]
    gagal: tuple[BerkasGagal, ...]
    per_indikator: bool = False
    catatan_urut: str = field(default="")
    #: The RKPD view: one row per OPD and program of the Renja evaluations (issue 23).
    rkpd: tuple[BarisRKPD, ...] = ()


def _beda(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


# ------------------------------------------------------------------ finding the files


def cari_berkas(paths: Iterable[str | Path]) -> tuple[list[str], list[BerkasGagal]]:
    """The files PATH arguments name (`lkjip_cli.banyak.cari`); each path that names none
    kept as a failure with its reason."""
    found, missing = cari(paths)
    return found, [BerkasGagal(d.file, d, 1) for d in missing]


# ------------------------------------------------------------------- one report a row


@presisi
def baris_dari(berkas: str, hasil: Hasil, r: Ringkasan, *,
               per_indikator: bool = False) -> BarisRekap:
    """The recap row of one computed report and the counts of its audit."""
    lap = hasil.laporan
    aturan = lap.aturan
    indikator = hasil.indikator
    dirata = [i for i in indikator if i.dikecualikan is None and i.capaian.nilai is not None]
    dengan_capaian = [i.capaian.nilai for i in indikator if i.capaian.nilai is not None]
    mencapai = (Decimal(sum(v >= aturan.ambang_berhasil for v in dengan_capaian)) * HUNDRED
                / len(dengan_capaian)) if dengan_capaian else None
    belanja = hasil.belanja_tahun_ini
    evaluasi = max(hasil.evaluasi, key=lambda e: e.tahun, default=None)
    ringkas = tuple(IndikatorRingkas(i.kode, i.nama, i.satuan, i.polaritas, i.realisasi)
                    for i in indikator) if per_indikator else ()
    return BarisRekap(
        berkas=berkas, instansi=lap.instansi.nama, tahun=lap.tahun,
        jumlah_indikator=len(indikator),
        indikator_dirata=len(dirata) if hasil.rata_rata_capaian.nilai is not None else 0,
        rata_rata_capaian=hasil.rata_rata_capaian.nilai,
        alasan_capaian=hasil.rata_rata_capaian.alasan,
        kategori=hasil.kategori.sebutan if hasil.kategori else None,
        persen_mencapai=mencapai, ambang=aturan.ambang_berhasil,
        pagu=belanja.pagu_total.nilai if belanja else None,
        realisasi=belanja.realisasi_total.nilai if belanja else None,
        penyerapan=belanja.penyerapan_total.nilai if belanja else None,
        penyerapan_pk=hasil.anggaran_perjanjian_kinerja.penyerapan.nilai,
        efisiensi=hasil.efisiensi.nilai, satuan_efisiensi=hasil.efisiensi.satuan,
        metode_efisiensi=aturan.efisiensi.keseluruhan,
        nilai_sakip=evaluasi.total.nilai if evaluasi else None,
        predikat=evaluasi.predikat.kode if evaluasi and evaluasi.predikat else None,
        tahun_sakip=evaluasi.tahun if evaluasi else None,
        cocok=r.cocok, pembulatan=r.pembulatan, selisih=r.selisih + r.konsistensi,
        indikator=ringkas, renja=program_renja(hasil),
        capaian_pendapatan=hasil.pendapatan.jumlah.capaian.nilai if hasil.pendapatan else None,
    )


def ringkas_berkas(berkas: str, per_indikator: bool = False) -> BarisRekap | BerkasGagal:
    """Load, compute and audit one file; its row, or its first error. Never raises: a
    failure of lkjip itself on one file is listed with that file, and the recap of the
    others goes on."""
    try:
        return _ringkas_satu(berkas, per_indikator)
    except Exception as exc:  # one file's failure must not stop thousands
        from lkjip_cli.diagnostics import Severity

        pesan = (f"lkjip gagal memproses berkas ini ({type(exc).__name__}: {exc}); "
                 "ini kesalahan lkjip, mohon laporkan")
        return BerkasGagal(berkas, Diagnostic(berkas, None, None, Severity.ERROR, "internal",
                                              pesan), 1)


def _ringkas_satu(berkas: str, per_indikator: bool) -> BarisRekap | BerkasGagal:
    from lkjip_cli.audit import hitung_temuan
    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load

    loaded = load(berkas)
    if loaded.report is None:
        errors = [d for d in loaded.diagnostics if d.is_error]
        return BerkasGagal(berkas, errors[0], len(errors))
    hasil = hitung(loaded.report)
    return baris_dari(berkas, hasil, hitung_temuan(hasil), per_indikator=per_indikator)


def _ringkas(berkas: str) -> BarisRekap | BerkasGagal:
    return ringkas_berkas(berkas)


def _ringkas_per_indikator(berkas: str) -> BarisRekap | BerkasGagal:
    return ringkas_berkas(berkas, per_indikator=True)


def ringkas_semua(berkas: Sequence[str], *, per_indikator: bool = False,
                  proses: int | None = None) -> Iterable[BarisRekap | BerkasGagal]:
    """Every file's row or failure, in input order, on every core."""
    # Imported before the workers start, so that each inherits them instead of importing.
    import lkjip_cli.audit
    import lkjip_cli.engine
    import lkjip_cli.loader  # noqa: F401
    from lkjip_cli.banyak.paralel import peta_urut

    fungsi = _ringkas_per_indikator if per_indikator else _ringkas
    return peta_urut(fungsi, berkas, proses)


# --------------------------------------------------------------------------- ranking


@dataclass(frozen=True, slots=True)
class KolomUrut:
    judul: str
    menurun: bool


#: The columns `--urut` accepts, and whether larger comes first.
KOLOM_URUT: dict[str, KolomUrut] = {
    "capaian": KolomUrut("rata-rata capaian", True),
    "tercapai": KolomUrut("persentase indikator yang mencapai target", True),
    "serapan": KolomUrut("penyerapan anggaran total", True),
    "serapan-pk": KolomUrut("penyerapan anggaran perjanjian kinerja", True),
    "efisiensi": KolomUrut("efisiensi", True),
    "sakip": KolomUrut("nilai evaluasi SAKIP", True),
    "iku": KolomUrut("banyak indikator", True),
    "cocok": KolomUrut("banyak angka tercetak yang cocok", True),
    "pembulatan": KolomUrut("banyak selisih pembulatan", False),
    "selisih": KolomUrut("banyak selisih", False),
    "instansi": KolomUrut("nama instansi", False),
    "berkas": KolomUrut("nama berkas", False),
}


def nilai_urut(b: BarisRekap, kolom: str) -> Decimal | str | None:
    """The value a row is ranked by; None ranks last."""
    values: dict[str, Decimal | str | None] = {
        "capaian": b.rata_rata_capaian, "tercapai": b.persen_mencapai,
        "serapan": b.penyerapan, "serapan-pk": b.penyerapan_pk,
        "efisiensi": b.efisiensi, "sakip": b.nilai_sakip,
        "iku": Decimal(b.jumlah_indikator), "cocok": Decimal(b.cocok),
        "pembulatan": Decimal(b.pembulatan), "selisih": Decimal(b.selisih),
        "instansi": b.instansi.casefold(), "berkas": b.berkas,
    }
    return values[kolom]


def _efisiensi_sebanding(baris: Sequence[BarisRekap]) -> bool:
    return len({(b.metode_efisiensi, b.satuan_efisiensi) for b in baris}) <= 1


def urutkan(baris: Sequence[BarisRekap], kolom: str) -> tuple[list[BarisRekap],
                                                                list[int | None]]:
    """Rows in ranking order and their ranks: equal values share a rank (1, 2, 2, 4),
    rows without a value come last with no rank; ties keep instansi then file order."""
    spec = KOLOM_URUT[kolom]
    if kolom == "efisiensi" and not _efisiensi_sebanding(baris):
        # Different methods give points, percentages or rupiah: not one scale.
        dengan = [b for b in baris if b.efisiensi is not None]
        tanpa = [b for b in baris if b.efisiensi is None]
        dengan.sort(key=lambda b: (b.metode_efisiensi, b.instansi.casefold(), b.berkas))
        return [*dengan, *tanpa], [None] * len(baris)
    ada = [b for b in baris if nilai_urut(b, kolom) is not None]
    tanpa = [b for b in baris if nilai_urut(b, kolom) is None]
    ada.sort(key=lambda b: (b.instansi.casefold(), b.berkas))
    ada.sort(key=lambda b: nilai_urut(b, kolom), reverse=spec.menurun)  # type: ignore[arg-type,return-value]
    peringkat: list[int | None] = []
    for i, b in enumerate(ada):
        same = i and nilai_urut(b, kolom) == nilai_urut(ada[i - 1], kolom)
        peringkat.append(peringkat[-1] if same else i + 1)
    return [*ada, *tanpa], [*peringkat, *([None] * len(tanpa))]


def aturan_urut(kolom: str, baris: Sequence[BarisRekap]) -> str:
    """The ranking's rule, as printed under the table."""
    spec = KOLOM_URUT[kolom]
    if kolom == "efisiensi" and not _efisiensi_sebanding(baris):
        return ("Tanpa peringkat: efisiensi laporan-laporan ini dihitung dengan metode yang "
                "berbeda (poin, persen atau rupiah), jadi tidak sebanding; baris diurutkan "
                "menurut metode lalu nama instansi.")
    arah = "terbesar lebih dulu" if spec.menurun else "terkecil lebih dulu"
    return (f"Peringkat menurut {spec.judul}, {arah} (nilai tepat, sebelum dibulatkan); "
            "nilai sama berperingkat sama; laporan tanpa nilai (n/a) di bawah, tanpa "
            "peringkat; seri diurutkan menurut nama instansi.")


# ----------------------------------------------------------------- the recap's average


#: The columns the recap averages across reports.
KOLOM_RATA = ("capaian", "tercapai", "serapan", "serapan-pk")


def _bobot(b: BarisRekap, bobot: Bobot) -> Decimal | None:
    if bobot is Bobot.rata:
        return Decimal(1)
    if bobot is Bobot.pagu:
        return b.pagu if b.pagu else None
    return Decimal(b.indikator_dirata) if b.indikator_dirata else None


@presisi
def rata_tertimbang(baris: Sequence[BarisRekap], kolom: str, bobot: Bobot) -> RataKolom:
    """Σ(value x weight) / Σ weight over the rows that have both a value and a weight."""
    pairs = []
    for b in baris:
        v = nilai_urut(b, kolom)
        w = _bobot(b, bobot)
        if isinstance(v, Decimal) and w is not None:
            pairs.append((v, w))
    total = sum((w for _, w in pairs), Decimal(0))
    nilai = sum((v * w for v, w in pairs), Decimal(0)) / total if pairs and total else None
    return RataKolom(nilai, len(pairs), len(baris) - len(pairs))


# ------------------------------------------------------------------ years side by side


def _turun(lalu: BarisRekap, kini: BarisRekap) -> list[IndikatorTurun]:
    prev = {i.kode: i for i in lalu.indikator}
    out = []
    for ind in kini.indikator:
        p = prev.get(ind.kode)
        if (p is None or p.realisasi is None or ind.realisasi is None
                or p.satuan != ind.satuan or ind.realisasi >= p.realisasi):
            continue
        out.append(IndikatorTurun(kini.instansi, ind.kode, ind.nama, ind.satuan,
                                  ind.polaritas, lalu.tahun, p.realisasi, kini.tahun,
                                  ind.realisasi))
    return out


def _tren(lalu: BarisRekap, kini: BarisRekap) -> Tren:
    return Tren(kini.instansi, lalu.tahun, kini.tahun, lalu.rata_rata_capaian,
                kini.rata_rata_capaian, lalu.penyerapan, kini.penyerapan, lalu.predikat,
                kini.predikat)


# ---------------------------------------------------------------------------- the recap


def susun(hasil: Iterable[BarisRekap | BerkasGagal], *, urut: str = "capaian",
          bobot: Bobot = Bobot.rata, per_indikator: bool = False) -> Rekap:
    """The recap of every row or failure, consumed as a stream.

    The recap's year is the latest year of a valid report; the other years give trend rows
    for the agencies that have a report of the recap's year, and are listed with the
    reason otherwise.
    """
    rows: list[BarisRekap] = []
    gagal: list[BerkasGagal] = []
    for item in hasil:
        (gagal if isinstance(item, BerkasGagal) else rows).append(item)  # type: ignore[arg-type]
    tahun = max((b.tahun for b in rows), default=None)
    utama, catatan, lalu = _pilah(rows, tahun)
    tren, turun = [], []
    for b in utama:
        prev = lalu.get(b.instansi)
        if prev is not None:
            tren.append(_tren(prev, b))
            turun.extend(_turun(prev, b))
    urutan, peringkat = urutkan(utama, urut)
    catatan.extend(Catatan(b.berkas, b.instansi, b.tahun,
                           f"rata-rata capaian tidak dapat dihitung: {b.alasan_capaian}")
                   for b in urutan if b.rata_rata_capaian is None)
    return Rekap(
        tahun=tahun, baris=tuple(urutan), peringkat=tuple(peringkat), urut=urut, bobot=bobot,
        rata={k: rata_tertimbang(utama, k, bobot) for k in KOLOM_RATA},
        tren=tuple(sorted(tren, key=lambda t: t.instansi.casefold())),
        turun=tuple(sorted(turun, key=lambda t: (t.instansi.casefold(), t.kode))),
        tidak_dibandingkan=tuple(catatan), gagal=tuple(gagal), per_indikator=per_indikator,
        catatan_urut=aturan_urut(urut, utama),
        rkpd=baris_rkpd([(b.instansi, b.berkas, b.renja) for b in utama], urut),
    )


def _pilah(rows: Sequence[BarisRekap], tahun: int | None) -> tuple[
        list[BarisRekap], list[Catatan], dict[str, BarisRekap]]:
    """Rows of the recap's year (first file of an agency wins), the rows left out with the
    reason, and each agency's latest earlier report (for its trend)."""
    utama: dict[str, BarisRekap] = {}
    catatan: list[Catatan] = []
    for b in rows:
        if b.tahun != tahun:
            continue
        if b.instansi in utama:
            catatan.append(Catatan(b.berkas, b.instansi, b.tahun,
                                   f"instansi dan tahun yang sama sudah dari "
                                   f"{utama[b.instansi].berkas}"))
        else:
            utama[b.instansi] = b
    lalu: dict[str, BarisRekap] = {}
    for b in rows:
        if b.tahun == tahun:
            continue
        if b.instansi not in utama:
            catatan.append(Catatan(b.berkas, b.instansi, b.tahun,
                                   f"tahun {b.tahun}, rekap ini tahun {tahun}, dan tidak ada "
                                   f"laporan tahun {tahun} instansi ini untuk tren"))
            continue
        prev = lalu.get(b.instansi)
        if prev is None or b.tahun > prev.tahun:
            if prev is not None:
                catatan.append(_lebih_lama(prev, b.tahun))
            lalu[b.instansi] = b
        else:
            catatan.append(_lebih_lama(b, prev.tahun))
    catatan.sort(key=lambda c: c.berkas)
    return list(utama.values()), catatan, lalu


def _lebih_lama(b: BarisRekap, tahun_tren: int) -> Catatan:
    reason = (f"tahun {b.tahun}: tren membandingkan dengan laporan tahun {tahun_tren}"
              if b.tahun != tahun_tren else
              f"instansi dan tahun {b.tahun} yang sama sudah dipakai untuk tren")
    return Catatan(b.berkas, b.instansi, b.tahun, reason)

