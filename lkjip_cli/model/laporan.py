"""The data format of one LKjIP report, as pydantic v2 models.

Keys are Indonesian, as the report speaks. Every model forbids unknown keys (a typo is an
error, never a silently ignored field) and is frozen. Inputs are inputs; every figure the
report itself printed goes under a `dilaporkan` mapping on the thing it describes, keyed by
quantity and then by the place that printed it, so that `lkjip check` can compare it with
what lkjip computes. docs/format.md documents each key with a complete example.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from lkjip_cli.model.anggaran import (
    TINGKAT_BAWAAN,
    BarisLain,
    DilaporkanAnggaran,
    DilaporkanPosBelanja,
    JenisBelanja,
    KelompokBelanja,
    NamaKlasifikasi,
    RincianAnggaran,
)
from lkjip_cli.model.dasar import Model

# Shared by every indicator of the cascade (model/indikator.py), importable from here as before.
from lkjip_cli.model.hitungan import HitungIndikator
from lkjip_cli.model.indikator import DilaporkanTriwulan as DilaporkanTriwulan
from lkjip_cli.model.indikator import IndikatorPeriodik
from lkjip_cli.model.indikator import Polaritas as Polaritas
from lkjip_cli.model.indikator import RekapTriwulan as RekapTriwulan
from lkjip_cli.model.indikator import Rentang as Rentang
from lkjip_cli.model.indikator import RumusNegatif as RumusNegatif
from lkjip_cli.model.indikator import Target as Target
from lkjip_cli.model.indikator import TargetNol as TargetNol
from lkjip_cli.model.indikator import Triwulan as Triwulan
from lkjip_cli.model.indikator import target_tunggal as target_tunggal
from lkjip_cli.model.kaskade import (
    DilaporkanIndikatorSimpul,
    DilaporkanRenja,
    EvaluasiRenja,
    IndikatorSimpul,
    SimpulRenja,
)
from lkjip_cli.model.masukan import DilaporkanMasukan, MasukanSasaran
from lkjip_cli.model.narasi import NarasiLaporan
from lkjip_cli.model.pendapatan import DilaporkanPendapatan, Pendapatan
from lkjip_cli.model.penomoran import Penomoran
from lkjip_cli.model.periode import DilaporkanBulan, PeriodeLaporan
from lkjip_cli.model.standar import StandarNasional
from lkjip_cli.model.types import (
    Angka,
    AngkaPositif,
    AngkaTakNegatif,
    Bulat,
    Dicetak,
    DicetakTeks,
    Kode,
    LabelTabel,
    Lokasi,
    Rupiah,
    Tahun,
)
from lkjip_cli.versi import VERSI_FORMAT

MetodeEfisiensi = Literal["selisih", "sisa-anggaran", "rasio", "nominal", "indeks-efisiensi",
                          "selisih-rata-rata-serapan", "nilai-efisiensi-pmk-22-2021"]
#: The averaging methods (engine/rata_rata.py holds each one's rule and source).
MetodeRataRata = Literal["rata-rata", "rasio-rata-rata", "tertimbang-pagu",
                         "geometrik-pmk-22-2021"]


# ------------------------------------------------------------------ printed figures


class DilaporkanTahun(Model):
    """Figures a report printed for one earlier year of an indicator (a table comparing
    capaian across years)."""

    target: Dicetak = {}
    realisasi: Dicetak = {}
    capaian: Dicetak = Field(
        default={}, description="That year's capaian, from target_sebelumnya and "
        "realisasi_sebelumnya of that year")


class DilaporkanIndikator(Model):
    """Figures a report printed for one indikator kinerja (Tabel 3.4 to 3.7, 3.12, narrative)."""

    target: Dicetak = {}
    realisasi: Dicetak = {}
    capaian: Dicetak = {}
    kategori: DicetakTeks = {}
    realisasi_tahun_lalu: Dicetak = {}
    perubahan_persen: Dicetak = Field(
        default={}, description="Printed under a relative-change heading: (R/R_prev - 1) x 100"
    )
    perubahan_poin: Dicetak = Field(
        default={}, description="Printed under a difference heading: R - R_prev"
    )
    perbandingan_persen: Dicetak = Field(
        default={}, description="Realisasi as a percentage of last year's: R / R_prev x 100"
    )
    target_tahun_lalu: Dicetak = {}
    capaian_tahun_lalu: Dicetak = Field(
        default={}, description="Last year's capaian, from target_sebelumnya and "
        "realisasi_sebelumnya of that year")
    perubahan_capaian_poin: Dicetak = Field(
        default={}, description="Capaian this year - capaian last year, in points")
    perubahan_capaian_persen: Dicetak = Field(
        default={}, description="(capaian / capaian last year - 1) x 100")
    tahun_sebelumnya: dict[Tahun, DilaporkanTahun] = Field(
        default={}, description="Printed target, realisasi and capaian of earlier years, by "
        "year (years before last year; last year's also have the keys above)")
    target_renstra_akhir: Dicetak = {}
    capaian_renstra_akhir: Dicetak = {}
    capaian_renstra_tahun: Dicetak = {}
    capaian_standar_nasional: Dicetak = Field(
        default={}, description="Realisasi against the national standard, by the capaian rule")
    pagu: Dicetak = {}
    realisasi_anggaran: Dicetak = {}
    penyerapan: Dicetak = {}


class DilaporkanSasaran(Model):
    """Figures a report printed for one sasaran (Ikhtisar, Tabel 2.6, 3.10, 3.12)."""

    capaian: Dicetak = {}
    kategori: DicetakTeks = {}
    status: DicetakTeks = Field(
        default={}, description="'berhasil' or 'belum berhasil', as the report words it"
    )
    pagu: Dicetak = {}
    realisasi_anggaran: Dicetak = {}
    penyerapan: Dicetak = {}
    porsi_belanja_langsung: Dicetak = {}
    efisiensi: Dicetak = {}


#: The printed figures of a kegiatan indicator are those of any node indicator (issue 23).
DilaporkanIndikatorKegiatan = DilaporkanIndikatorSimpul


class DilaporkanBelanja(Model):
    """Printed budget figures of one year (Tabel 2.5, 3.11, 3.12, 3.13, Bab II, Bab IV)."""

    pagu_langsung: Dicetak = {}
    realisasi_langsung: Dicetak = {}
    penyerapan_langsung: Dicetak = {}
    pagu_tidak_langsung: Dicetak = {}
    realisasi_tidak_langsung: Dicetak = {}
    penyerapan_tidak_langsung: Dicetak = {}
    pagu_total: Dicetak = {}
    realisasi_total: Dicetak = {}
    penyerapan_total: Dicetak = {}
    efisiensi_nominal: Dicetak = {}
    jumlah_program: Dicetak = {}
    jumlah_kegiatan: Dicetak = {}
    pagu_murni: Dicetak = Field(default={}, description="Total pagu before changes")
    perubahan_pagu: Dicetak = Field(
        default={}, description="pagu total - pagu murni: negative for a cut")


class DilaporkanLaporan(Model):
    """Printed figures about the whole agency (Ikhtisar Eksekutif, Tabel 3.12, Bab IV)."""

    rata_rata_capaian: Dicetak = {}
    rata_rata_capaian_tahun_lalu: Dicetak = Field(
        default={}, description="Last year's average capaian, by the report's method (Tabel "
        "3.6's capaian part, row Rata-rata)")
    perubahan_rata_rata_capaian_poin: Dicetak = Field(
        default={}, description="Average capaian this year - last year's, in points")
    kategori: DicetakTeks = {}
    efisiensi: Dicetak = {}
    pagu_perjanjian_kinerja: Dicetak = Field(
        default={}, description="Tabel 3.12 'Jumlah': the budget attributed to the indicators"
    )
    realisasi_perjanjian_kinerja: Dicetak = {}
    penyerapan_perjanjian_kinerja: Dicetak = {}


class DilaporkanEvaluasi(Model):
    """Printed SAKIP evaluation total and predicate of one year (Tabel 3.2)."""

    nilai: Dicetak = {}
    predikat: DicetakTeks = {}


# ------------------------------------------------------------------------ structure


class Instansi(Model):
    nama: str = Field(min_length=1)
    singkatan: str | None = None


class Periode(Model):
    mulai: Bulat = Field(ge=1945, le=2200)
    selesai: Bulat = Field(ge=1945, le=2200)


class Tujuan(Model):
    kode: Kode
    nama: str = Field(min_length=1)


class Definisi(Model):
    """How an indicator is measured (Tabel 2.3)."""

    penjelasan: str | None = None
    pembilang: str | None = None
    penyebut: str | None = None
    sumber_data: str | None = None
    penanggung_jawab: str | None = None


class IndikatorKinerja(IndikatorPeriodik):
    """An indikator kinerja utama of a sasaran."""

    target_sebelumnya: dict[Tahun, Target] = Field(
        default={}, description="The target of earlier years, by year: with "
        "realisasi_sebelumnya it gives the capaian of those years (Tabel 3.6)")
    definisi: Definisi | None = None
    standar_nasional: StandarNasional | None = Field(
        default=None, description="PermenPAN-RB 53/2014 analysis 4, when a standard exists")
    hitung: HitungIndikator | None = Field(
        default=None, description="Realisasi (and, with `hitung.target`, the target) "
        "derived from named inputs by a formula or a built-in index (IKM); then "
        "`realisasi` (and `target`) is left out")
    dilaporkan: DilaporkanIndikator = DilaporkanIndikator()

    @model_validator(mode="after")
    def _realisasi_atau_hitung(self) -> IndikatorKinerja:
        if self.hitung is not None and self.realisasi is not None:
            raise ValueError("realisasi indikator ini dihitung dari `hitung`; hapus "
                             "`realisasi` (atau hapus `hitung` dan tulis realisasinya)")
        if self.hitung is not None and self.hitung.target is not None \
                and self.target is not None:
            raise ValueError("target indikator ini dihitung dari `hitung.target`; hapus "
                             "`target` (atau hapus `hitung.target` dan tulis targetnya)")
        return self


class Sasaran(Model):
    kode: Kode
    nama: str = Field(min_length=1)
    tujuan: Kode | None = None
    indikator: tuple[IndikatorKinerja, ...] = Field(min_length=1)
    masukan: tuple[MasukanSasaran, ...] = Field(
        default=(), description="Resources used, for efisiensi output-input (BPKP)")
    dilaporkan: DilaporkanSasaran = DilaporkanSasaran()


#: A kegiatan's indicator is the kegiatan level of the cascade's one indicator class.
IndikatorKegiatan = IndikatorSimpul


class Kegiatan(SimpulRenja):
    kode: Kode
    nama: str = Field(min_length=1)
    pagu: Rupiah | None = Field(default=None, description="Required when there is no rincian")
    realisasi: Rupiah | None = Field(
        default=None, description="Required when there is no rincian")
    rpd: Rupiah | None = Field(
        default=None, description="Rencana penarikan dana up to the report's period (a leaf)")
    realisasi_bulanan: tuple[Rupiah | None, ...] = Field(
        default=(), max_length=12, description="Monthly realisasi from January (each month's "
        "own spending, not cumulative; null: no data), at a leaf: their sum is the realisasi "
        "when realisasi is not given")
    mendukung: tuple[Kode, ...] = Field(
        default=(), description="Kode of the indikator kinerja this kegiatan supports"
    )
    rincian: tuple[RincianAnggaran, ...] = Field(
        default=(), description="Sub kegiatan (or KRO, RO): the kegiatan is their sum")
    dilaporkan: DilaporkanAnggaran = DilaporkanAnggaran()


class Program(SimpulRenja):
    kode: Kode
    nama: str = Field(min_length=1)
    anggaran_perjanjian_kinerja: Rupiah | None = Field(
        default=None, description="The program's budget in the Perjanjian Kinerja (Tabel 2.4)"
    )
    sumber_dana: str | None = None
    mendukung: tuple[Kode, ...] = Field(
        default=(), description="Indikator kinerja supported by every kegiatan of the program")
    kegiatan: tuple[Kegiatan, ...] = Field(min_length=1)
    baris_lain: BarisLain | None = Field(
        default=None, description="Money of kegiatan the file does not list but the "
        "program's printed total covers (a table continued from another page)")
    dilaporkan: DilaporkanAnggaran = DilaporkanAnggaran()


class PosBelanja(Model):
    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None


class BelanjaTahun(Model):
    """Belanja langsung and tidak langsung of one year (Tabel 2.5, 3.11).

    For the report's own year, belanja langsung is the sum of the kegiatan and need not be
    given; when it is, lkjip checks it against that sum.
    """

    tahun: Bulat = Field(ge=1945, le=2200)
    langsung: PosBelanja = PosBelanja()
    tidak_langsung: PosBelanja = PosBelanja()
    realisasi: Rupiah | None = Field(
        default=None, description="Total realisasi, for years known only as a total"
    )
    pagu_murni: Rupiah | None = Field(default=None, description="APBD murni, before changes")
    jumlah_program: Bulat | None = Field(default=None, ge=0)
    jumlah_kegiatan: Bulat | None = Field(default=None, ge=0)
    klasifikasi: NamaKlasifikasi = Field(
        default="bl-btl", description="How this year's spending is classified")
    jenis: tuple[JenisBelanja, ...] = Field(
        default=(), description="The year's spending by class; instead of langsung/"
        "tidak_langsung, which are the bl-btl classes")
    kelompok: tuple[KelompokBelanja, ...] = Field(
        default=(), description="Printed group totals (Belanja Operasi, Belanja Modal)")
    dilaporkan: DilaporkanBelanja = DilaporkanBelanja()


class KomponenSakip(Model):
    kode: Kode
    nama: str = Field(min_length=1)
    bobot: AngkaPositif = Field(description="The component's weight; its score is at most this")


class HasilEvaluasi(Model):
    tahun: Bulat = Field(ge=1945, le=2200)
    nilai: dict[Kode, AngkaTakNegatif] = Field(
        description="Score per komponen kode, from 0 up to the komponen's bobot")
    dilaporkan: DilaporkanEvaluasi = DilaporkanEvaluasi()


class EvaluasiSakip(Model):
    """The SAKIP evaluation (Tabel 3.2)."""

    komponen: tuple[KomponenSakip, ...] = Field(min_length=1)
    hasil: tuple[HasilEvaluasi, ...] = ()
    sumber_data: str | None = Field(
        default=None, description="The 'Sumber Data' line of Tabel 3.2"
    )


# --------------------------------------------------------------------------- rules


class Pita(Model):
    """One band of a scale: values from `mulai` (inclusive or not) up to the next band."""

    kode: str = Field(min_length=1)
    sebutan: str = Field(min_length=1)
    mulai: Angka | None = Field(default=None, description="null: no lower bound")
    inklusif: bool = True


NamaSkalaPredikat = Literal["permenpan-rb-12-2015"]
NamaSkalaInterpretasi = Literal["permendagri-86-2017", "enam-tingkat"]


class Pengecualian(Model):
    indikator: Kode
    alasan: str = Field(min_length=1)


class AturanRataRata(Model):
    metode: MetodeRataRata = Field(
        default="rata-rata", description="How capaian are averaged: their mean (default), "
        "mean realisasi over mean target, weighted by pagu, or the geometric mean of PMK "
        "22/2021")
    dasar: Literal["indikator", "sasaran"] = "indikator"
    dikecualikan: tuple[Pengecualian, ...] = ()


class BatasAtas(Model):
    nilai: AngkaPositif
    berlaku: tuple[Literal["rata-rata", "tampilan"], ...] = ("rata-rata",)


class AturanEfisiensi(Model):
    """Which efficiency method each table uses (rules.md section 3)."""

    sasaran: MetodeEfisiensi | Literal["output-input"] = "selisih"
    keseluruhan: MetodeEfisiensi = "selisih"
    tahunan: Literal["nominal", "sisa-anggaran"] = Field(
        default="nominal",
        description="Tabel 3.11; a year has no capaian, so only the budget-only methods apply",
    )
    batas_e: AngkaPositif | None = Field(
        default=Decimal(20), description="nilai-efisiensi-pmk-22-2021: E is held to "
        "[-batas_e, batas_e] percent, so the nilai is 0 to 100; null for no bound")


def besaran_angka() -> tuple[str, ...]:
    """Every printed numeric quantity of the format (the keys of `dilaporkan` that hold
    numbers, not words), for `aturan.tanda_cetak`."""
    classes: tuple[type[Model], ...] = (
        DilaporkanTriwulan, DilaporkanIndikator, DilaporkanSasaran,
        DilaporkanIndikatorKegiatan, DilaporkanBelanja, DilaporkanLaporan, DilaporkanEvaluasi,
        DilaporkanAnggaran, DilaporkanPosBelanja, DilaporkanMasukan, DilaporkanBulan,
        DilaporkanRenja, DilaporkanPendapatan)
    return tuple(sorted({name for cls in classes for name, f in cls.model_fields.items()
                         if "Decimal" in repr(f.annotation)}))


# The sign a report prints an amount with, when its label carries the direction.
#
# A budget cut is a negative change of pagu (`perubahan_pagu`), but a report may print it as a
# positive "penghematan Rp1.544.000.000" or "penurunan sebesar 3,77 poin": the word says the
# direction and the number has no sign. lkjip keeps one signed quantity per concept, so the
# report declares how it printed that quantity (`aturan.tanda_cetak`) instead of a second key
# per label: `dibalik` (the printed number is the quantity times -1) or `tanpa-tanda` (the
# printed number is its absolute value), for every place or for one place. `lkjip check` then
# compares the printed figure with the quantity in that convention.

TandaCetak = Literal["dibalik", "tanpa-tanda"]


class AturanTanda(Model):
    """How one printed quantity carries its sign, at one place or everywhere."""

    besaran: str = Field(pattern=r"^[a-z][a-z_]*$", description="A printed quantity (a "
                         "dilaporkan key), "
                         "for example perubahan_pagu or perubahan_poin")
    tempat: Lokasi | None = Field(default=None, description="Only this place; null: every "
                                  "place that prints the quantity")
    tanda: TandaCetak = Field(description="dibalik: printed = -quantity (a cut printed as "
                              "a positive penghematan); tanpa-tanda: printed = |quantity|")

    @field_validator("besaran")
    @classmethod
    def _besaran_dikenal(cls, value: str) -> str:
        known = besaran_angka()
        if value in known:
            return value
        near = difflib.get_close_matches(value, known, n=1)
        hint = f" (maksudnya `{near[0]}`?)" if near else ""
        raise PydanticCustomError(
            "value", "besaran `{besaran}` tidak dikenal{hint}: tulis nama besaran angka di "
            "`dilaporkan`, misalnya perubahan_pagu atau perubahan_poin",
            {"besaran": value, "hint": hint})


Pembulatan = Literal["half-up", "half-even", "down"]


class AturanTampil(Model):
    """How one place of the report rounds its percentages, where it differs from the
    report-wide rule (one report truncates capaian in its IKU table and rounds in its
    summary): `pembulatan` and `desimal`, each falling back to the report's."""

    pembulatan: Pembulatan | None = None
    desimal: Bulat | None = Field(default=None, ge=0, le=6)


class Aturan(Model):
    """The report's calculation rules; every one has a documented default."""

    desimal_persen: Bulat = Field(default=2, ge=0, le=6)
    pembulatan: Pembulatan = "half-up"
    rumus_negatif: RumusNegatif = "(2T-R)/T"
    target_nol: TargetNol = "tidak-dapat-dihitung"
    batas_atas: BatasAtas | None = None
    batas_bawah: AngkaTakNegatif | None = Field(
        default=None,
        description="A floor for capaian (often 0): a lower capaian, such as a negative one "
        "of a negative-polarity indicator whose realisasi is above twice its target, counts "
        "as this value everywhere; none by default",
    )
    rata_rata: AturanRataRata = AturanRataRata()
    efisiensi: AturanEfisiensi = AturanEfisiensi()
    skala_interpretasi: NamaSkalaInterpretasi | tuple[Pita, ...] = "permendagri-86-2017"
    kata_kategori: Literal["laporan", "peraturan"] = Field(
        default="laporan",
        description="The words a category prints: 'laporan', the words LKjIPs usually print "
        "(each band's sebutan: Sangat Baik ... Sangat Kurang), with a note that only the bands "
        "come from the scale's regulation; 'peraturan', the regulation's own words (each "
        "band's kode: Sangat Tinggi ... Sangat Rendah for Permendagri 86/2017)")
    skala_predikat: NamaSkalaPredikat | tuple[Pita, ...] = "permenpan-rb-12-2015"
    ambang_berhasil: Angka = Field(
        default=Decimal(100),
        description="A sasaran is 'berhasil' when every indicator's capaian reaches this",
    )
    per_tempat: dict[Lokasi, AturanTampil] = Field(
        default={}, description="Rounding of one table or place ('3.5', 'Tabel III.2', "
        "ikhtisar) where the report differs from desimal_persen and pembulatan: its tables "
        "print so, and check compares its printed figures so")
    bulatkan_realisasi: Bulat | None = Field(
        default=None, ge=0, le=6, description="Realisasi rounded to this many places (by "
        "pembulatan) before capaian is computed, when the report does so")
    tanda_cetak: tuple[AturanTanda, ...] = Field(
        default=(), description="Printed quantities whose label carries the direction: "
        "printed with the sign reversed (a cut as a positive penghematan) or without sign")


# ---------------------------------------------------------------------------- report

#: The tables lkjip builds, by the reference report's numbers (lkjip_cli/model/penomoran.py).
NomorTabel = Literal["2.1", "2.4", "2.5", "2.6", "3.1", "3.2", "3.4", "3.5", "3.6", "3.7",
                     "kinerja-program", "3.8", "kinerja-sub-kegiatan", "3.9", "3.10", "3.11",
                     "3.12", "3.13", "3.14", "renja"]


class Laporan(Model):
    """One LKjIP report: everything lkjip needs to compute and audit its Bab III."""

    versi_format: Bulat = Field(
        default=VERSI_FORMAT, ge=1,
        description="Versi format data yang dipakai berkas ini (bawaan: versi yang dipasang).")
    instansi: Instansi
    tahun: Bulat = Field(ge=1945, le=2200)
    periode: PeriodeLaporan | None = Field(
        default=None, description="An interim report: up to a quarter or a month")
    renstra: Periode
    aturan: Aturan = Aturan()
    tujuan: tuple[Tujuan, ...] = ()
    sasaran: tuple[Sasaran, ...] = Field(min_length=1)
    program: tuple[Program, ...] = ()
    tingkat_anggaran: tuple[str, ...] = Field(
        default=TINGKAT_BAWAAN, min_length=2,
        description="Names of the budget tree's levels, from the top: "
        "[Program, Kegiatan, Sub Kegiatan] or [Program, Kegiatan, KRO, RO]")
    belanja: tuple[BelanjaTahun, ...] = ()
    evaluasi_sakip: EvaluasiSakip | None = None
    evaluasi_renja: EvaluasiRenja | None = Field(
        default=None, description="The Evaluasi Hasil Renja this file also produces "
        "(Permendagri 86/2017; docs/renja.md)")
    pendapatan: Pendapatan | None = Field(
        default=None, description="Revenue the agency collects: target and realisasi per "
        "account (Tabel 3.14; lkjip_cli/model/pendapatan.py)")
    penomoran: dict[NomorTabel, LabelTabel] = Field(
        default={}, description="lkjip's table number -> the label the report prints "
        '("3.13": "19", "3.5": "III.2"); captions and dilaporkan places use it')
    narasi: NarasiLaporan = Field(
        default=NarasiLaporan(), description="The analyst's own text: cover, Kata Pengantar, "
        "Ikhtisar, Bab I, Bab IV, Lampiran, and the analyses of each sasaran and indicator "
        "(lkjip_cli/model/narasi.py)")
    dilaporkan: DilaporkanLaporan = DilaporkanLaporan()

    def aturan_di(self, tempat: str) -> Aturan:
        """The rules at one place (lkjip's table number, or `ikhtisar`, `bab4`...): the
        report's, with that place's own rounding (`aturan.per_tempat`, whose keys may be
        the labels the report prints) put in."""
        a = self.aturan
        if not a.per_tempat:
            return a
        nomor = Penomoran(self.penomoran)
        base = tempat.partition("/")[0]
        for kunci, tampil in a.per_tempat.items():
            if (nomor.resolusi(kunci) or kunci) in (tempat, base):
                return a.model_copy(update={
                    "pembulatan": tampil.pembulatan or a.pembulatan,
                    "desimal_persen": a.desimal_persen if tampil.desimal is None
                    else tampil.desimal})
        return a
