"""The engine's result: frozen dataclasses holding every figure of Bab III with provenance.

Renderers, `lkjip check` and `lkjip explain` read only these; none of them recomputes a figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import arti_capaian_negatif, arti_capaian_tinggi, batasi
from lkjip_cli.engine.hasil_pendapatan import HasilPendapatan
from lkjip_cli.engine.hasil_renja import HasilRenja
from lkjip_cli.engine.nilai import Nilai, dari, persentase, tidak_dapat
from lkjip_cli.engine.tahun import AntarTahun
from lkjip_cli.engine.turunan import HasilHitungan
from lkjip_cli.model.klasifikasi import KLASIFIKASI
from lkjip_cli.model.laporan import Laporan, Pita, Rentang
from lkjip_cli.model.periode import PeriodeLaporan

Target = Decimal | Rentang

RUMUS_PORSI = "porsi = pagu simpul / pagu seluruh program x 100"


@dataclass(frozen=True, slots=True)
class Anggaran:
    """Pagu, realisasi and penyerapan of a set of kegiatan (a program, sasaran, indicator)."""

    pagu: Nilai
    realisasi: Nilai
    penyerapan: Nilai
    sisa: Nilai
    kegiatan: tuple[str, ...]
    #: Rencana penarikan dana up to the report's period, and realisasi against it; None
    #: when the budget lines give no RPD.
    rpd: Nilai | None = None
    penyerapan_rpd: Nilai | None = None
    #: The disbursement plan as a share of pagu (RPD / pagu x 100), printed by some agencies.
    persen_rpd: Nilai | None = None


@dataclass(frozen=True, slots=True)
class HasilTriwulan:
    nomor: int
    target: Target | None
    realisasi: Decimal | None
    capaian: Nilai
    path: Path


@dataclass(frozen=True, slots=True)
class HasilIndikator:
    """Every figure of one indikator kinerja (Tabel 3.4 to 3.7, 3.12)."""

    kode: str
    nama: str
    satuan: str
    polaritas: str
    target: Target | None
    realisasi: Decimal | None
    capaian: Nilai
    capaian_dibatasi: Nilai
    kategori: Pita | None
    triwulan: tuple[HasilTriwulan, ...]
    rekap_realisasi: Nilai
    rekap_target: Nilai
    tahun_lalu: int
    realisasi_tahun_lalu: Decimal | None
    perubahan_persen: Nilai
    perubahan_poin: Nilai
    perbandingan_persen: Nilai
    target_renstra_akhir: Target | None
    capaian_renstra_akhir: Nilai
    target_renstra_tahun: Target | None
    capaian_renstra_tahun: Nilai
    anggaran: Anggaran
    dikecualikan: str | None
    path: Path
    #: Target and realisasi up to the report's period: the year's for a yearly report.
    target_periode: Target | None = None
    realisasi_periode: Decimal | None = None
    bulanan: tuple[HasilTriwulan, ...] = ()
    #: PermenPAN-RB 53/2014 analysis 4: the national standard (None: the report names none)
    #: and realisasi against it by the capaian rule of a target (polarity included).
    standar_nasional: Decimal | None = None
    capaian_standar_nasional: Nilai | None = None
    #: The realisasi derived from named inputs (`hitung`: a formula or the IKM), if any.
    hitungan: HasilHitungan | None = None
    #: Earlier years' target, realisasi and capaian, and the change of capaian (tahun.py).
    antar_tahun: AntarTahun | None = None

    @property
    def arti_capaian(self) -> str | None:
        """What an unusual capaian means (below 0, or far above its target), for sentences;
        None for an ordinary one."""
        return arti_capaian_negatif(self.capaian) or arti_capaian_tinggi(self.capaian)


@dataclass(frozen=True, slots=True)
class HasilMasukan:
    """One input of a sasaran: how much of it was used (capaian) and the efficiency of the
    sasaran's output over it (BPKP)."""

    nama: str
    satuan: str | None
    capaian: Nilai
    efisiensi: Nilai
    path: Path


@dataclass(frozen=True, slots=True)
class BarisPendukung:
    """One program, kegiatan or sub kegiatan supporting a sasaran (53/2014 analysis 7)."""

    tingkat: int
    nama_tingkat: str
    kode: str
    nama: str
    anggaran: Anggaran
    #: Only some of the lines under it support the sasaran: its figures include other work.
    sebagian: bool


@dataclass(frozen=True, slots=True)
class HasilSasaran:
    kode: str
    nama: str
    indikator: tuple[HasilIndikator, ...]
    capaian: Nilai
    kategori: Pita | None
    berhasil: bool | None
    anggaran: Anggaran
    porsi_belanja_langsung: Nilai
    efisiensi: Nilai
    path: Path
    masukan: tuple[HasilMasukan, ...] = ()
    pendukung: tuple[BarisPendukung, ...] = ()


@dataclass(frozen=True, slots=True)
class HasilIndikatorSimpul:
    """An indicator of a node of the budget tree (a program's outcome, a kegiatan's or sub
    kegiatan's output), measured to the report's period like an IKU."""

    kode: str
    nama: str
    satuan: str
    target: Target | None
    realisasi: Decimal | None
    capaian: Nilai
    rencana_aksi: tuple[str, ...]
    path: Path
    #: the sasaran, IKU or upper indicators it names as what it contributes to
    mendukung: tuple[str, ...] = ()


#: The kegiatan level's name before the cascade gave every level indicators.
HasilIndikatorKegiatan = HasilIndikatorSimpul


@dataclass(frozen=True, slots=True)
class HasilRincian:
    """A level below kegiatan (sub kegiatan, KRO, RO): a leaf's own money, or its rincian's
    sum. `mendukung` includes what it inherits from the levels above."""

    kode: str
    nama: str
    tingkat: int
    anggaran: Anggaran
    mendukung: tuple[str, ...]
    rincian: tuple[HasilRincian, ...]
    path: Path
    indikator: tuple[HasilIndikatorSimpul, ...] = ()

    @property
    def anak(self) -> tuple[HasilRincian, ...]:
        return self.rincian


@dataclass(frozen=True, slots=True)
class HasilKegiatan:
    kode: str
    nama: str
    anggaran: Anggaran
    mendukung: tuple[str, ...]
    indikator: tuple[HasilIndikatorSimpul, ...]
    path: Path
    rincian: tuple[HasilRincian, ...] = ()

    tingkat = 1

    @property
    def anak(self) -> tuple[HasilRincian, ...]:
        return self.rincian


@dataclass(frozen=True, slots=True)
class HasilProgram:
    kode: str
    nama: str
    anggaran: Anggaran
    anggaran_perjanjian_kinerja: Decimal | None
    sumber_dana: str | None
    kegiatan: tuple[HasilKegiatan, ...]
    path: Path
    mendukung: tuple[str, ...] = ()
    indikator: tuple[HasilIndikatorSimpul, ...] = ()

    tingkat = 0

    @property
    def anak(self) -> tuple[HasilKegiatan, ...]:
        return self.kegiatan


#: One node of the budget tree, at any level.
Simpul = HasilProgram | HasilKegiatan | HasilRincian


def turunan(simpul: Simpul) -> Iterator[Simpul]:
    """The node and every node below it, top-down (the order Tabel 3.13 prints them)."""
    yield simpul
    for anak in simpul.anak:
        yield from turunan(anak)


@dataclass(frozen=True, slots=True)
class HasilPosBelanja:
    """One class or group of a year's spending (Belanja Pegawai, Belanja Operasi, 52)."""

    kode: str
    nama: str
    kelompok: str | None
    pagu: Nilai
    pagu_murni: Nilai
    perubahan_pagu: Nilai
    realisasi: Nilai
    penyerapan: Nilai
    path: Path


@dataclass(frozen=True, slots=True)
class HasilBelanja:
    """Belanja of one year (Tabel 2.5, 3.11); the report's year from its kegiatan.

    `jenis` are the year's classes in its classification (`klasifikasi`), `kelompok` their
    groups; the `*_langsung` and `*_tidak_langsung` figures are the `bl-btl` classes (for a
    2021+ year, belanja "langsung" of the report's year is its budget tree's total)."""

    tahun: int
    pagu_langsung: Nilai
    realisasi_langsung: Nilai
    penyerapan_langsung: Nilai
    pagu_tidak_langsung: Nilai
    realisasi_tidak_langsung: Nilai
    penyerapan_tidak_langsung: Nilai
    pagu_total: Nilai
    realisasi_total: Nilai
    penyerapan_total: Nilai
    efisiensi_nominal: Nilai
    efisiensi: Nilai
    jumlah_program: int | None
    jumlah_kegiatan: int | None
    path: Path
    klasifikasi: str = "bl-btl"
    jenis: tuple[HasilPosBelanja, ...] = ()
    kelompok: tuple[HasilPosBelanja, ...] = ()
    pagu_murni: Nilai | None = None
    perubahan_pagu: Nilai | None = None

    @property
    def nama_belanja_program(self) -> str:
        """What the spending through programs and kegiatan is called: Belanja Langsung until
        2020; from 2021 every rupiah goes through a sub kegiatan, so it is the Belanja."""
        return "Belanja Langsung" if self.klasifikasi == "bl-btl" else "Belanja"

    @property
    def puncak(self) -> tuple[HasilPosBelanja, ...]:
        """The year's top rows in the classification's order: its groups (Belanja Operasi,
        Belanja Modal) and the classes that belong to no group."""
        order = [k.kode for k in KLASIFIKASI[self.klasifikasi]]
        grouped = {g.kode for g in self.kelompok}
        top = [*self.kelompok,
               *(j for j in self.jenis if j.kelompok is None and j.kode not in grouped)]
        return tuple(sorted(top, key=lambda p: order.index(p.kode) if p.kode in order
                            else len(order)))


@dataclass(frozen=True, slots=True)
class KomponenNilai:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal | None


@dataclass(frozen=True, slots=True)
class HasilEvaluasi:
    tahun: int
    komponen: tuple[KomponenNilai, ...]
    total: Nilai
    predikat: Pita | None
    path: Path


@dataclass(frozen=True, slots=True)
class Hasil:
    """Everything the engine computes for one report."""

    laporan: Laporan
    sasaran: tuple[HasilSasaran, ...]
    program: tuple[HasilProgram, ...]
    belanja: tuple[HasilBelanja, ...]
    evaluasi: tuple[HasilEvaluasi, ...]
    rata_rata_capaian: Nilai
    kategori: Pita | None
    anggaran_perjanjian_kinerja: Anggaran
    efisiensi: Nilai
    #: All programs together (the budget tree's total), with its RPD when the lines give one.
    anggaran_program: Anggaran | None = None
    #: The Evaluasi Hasil Renja, when the file asks for it (`evaluasi_renja`).
    renja: HasilRenja | None = None
    #: Last year's average capaian, by the report's method, and this year's average minus
    #: it in points (Tabel 3.6's capaian part); None when no indicator gives last year's.
    rata_rata_capaian_tahun_lalu: Nilai | None = None
    perubahan_rata_rata_capaian: Nilai | None = None
    #: The revenue table, when the file has a `pendapatan` block.
    pendapatan: HasilPendapatan | None = None

    # Derived once, when the result is made: renderers and the audit read them thousands of
    # times on a large report (a property rebuilding the tuple made that quadratic).
    indikator: tuple[HasilIndikator, ...] = field(init=False, repr=False, compare=False)
    kegiatan: tuple[HasilKegiatan, ...] = field(init=False, repr=False, compare=False)
    #: kode kegiatan -> its position in `kegiatan` (codes are unique in a valid report)
    posisi_kegiatan: dict[str, int] = field(init=False, repr=False, compare=False)
    #: Every node of the budget tree, top-down, and its leaves: derived once, since the
    #: audit and the tables ask for them per sasaran and per printed total.
    simpul: tuple[Simpul, ...] = field(init=False, repr=False, compare=False)
    baris_anggaran: tuple[HasilKegiatan | HasilRincian, ...] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        simpul = tuple(s for p in self.program for s in turunan(p))
        object.__setattr__(self, "simpul", simpul)
        # The leaves: where pagu and realisasi are typed (the kegiatan of 2020; the sub
        # kegiatan or RO of a 2021+ report).
        object.__setattr__(self, "baris_anggaran", tuple(
            s for s in simpul if not isinstance(s, HasilProgram) and not s.anak))
        object.__setattr__(self, "indikator",
                           tuple(i for s in self.sasaran for i in s.indikator))
        object.__setattr__(self, "kegiatan", tuple(k for p in self.program for k in p.kegiatan))
        object.__setattr__(self, "posisi_kegiatan",
                           {k.kode: i for i, k in reversed(list(enumerate(self.kegiatan)))})

    def kegiatan_dari(self, kodes: Iterable[str]) -> list[HasilKegiatan]:
        """The kegiatan with these codes, each once, in the report's order (sorted by
        position, not by comparing kegiatan)."""
        posisi = self.posisi_kegiatan
        return [self.kegiatan[i] for i in sorted({posisi[k] for k in kodes if k in posisi})]


    @property
    def kedalaman_anggaran(self) -> int:
        """How many levels the budget tree has (2 for program and kegiatan)."""
        return max((s.tingkat + 1 for s in self.simpul), default=0)

    def porsi(self, simpul: Simpul) -> Nilai:
        """A node's share of the whole budget tree (its pagu / all programs' pagu x 100),
        which some reports print beside Tabel 3.13's rows."""
        total = self.anggaran_program
        if total is None:
            return tidak_dapat(RUMUS_PORSI, "tidak ada pohon anggaran")
        return persentase(RUMUS_PORSI, dari(f"pagu {simpul.kode}", simpul.anggaran.pagu),
                          dari("pagu seluruh program", total.pagu))

    def nama_tingkat(self, tingkat: int) -> str:
        names = self.laporan.tingkat_anggaran
        return names[tingkat] if tingkat < len(names) else "Rincian"

    def tampil(self, capaian: Nilai) -> Nilai:
        """A capaian as tables show it: capped when the report caps capaian on display."""
        cap = self.laporan.aturan.batas_atas
        if cap is None or "tampilan" not in cap.berlaku:
            return capaian
        return batasi(capaian, cap.nilai)

    @property
    def periode_sela(self) -> PeriodeLaporan | None:
        """The report's period when it ends before the year does: a report up to Triwulan IV
        or December covers the whole budget year, and its captions and sentences say so
        (`Tahun 2023`, not `s.d. Triwulan IV Tahun 2023`; no "tahun anggaran belum
        berakhir")."""
        p = self.laporan.periode
        return p if p is not None and p.bulan_akhir < 12 else None

    @property
    def judul_periode(self) -> str:
        """`Tahun 2023`, or `s.d. Triwulan II Tahun 2023` for an interim report."""
        p = self.periode_sela
        prefix = f"s.d. {p.sebutan} " if p is not None else ""
        return f"{prefix}Tahun {self.laporan.tahun}"

    @property
    def sebutan_periode(self) -> str:
        """`tahun 2023`, or `s.d. Triwulan II tahun 2023`, inside a sentence."""
        p = self.periode_sela
        prefix = f"s.d. {p.sebutan} " if p is not None else ""
        return f"{prefix}tahun {self.laporan.tahun}"

    @property
    def kalimat_periode(self) -> str:
        """`akhir tahun 2023`, or `Triwulan II tahun 2023`, as a sentence says it."""
        p = self.periode_sela
        return f"{p.sebutan if p else 'akhir'} tahun {self.laporan.tahun}"

    def belanja_tahun(self, tahun: int) -> HasilBelanja | None:
        return next((b for b in self.belanja if b.tahun == tahun), None)

    @property
    def belanja_tahun_ini(self) -> HasilBelanja | None:
        return self.belanja_tahun(self.laporan.tahun)

    @property
    def ada_belanja_tahun_ini(self) -> bool:
        """Whether the file gives any of this year's spending (a `belanja` entry with no
        figure is no data: its words must not be Belanja Langsung/Tidak Langsung)."""
        b = self.belanja_tahun_ini
        return b is not None and (b.pagu_total.ada or b.realisasi_total.ada or any(
            p.pagu.ada or p.realisasi.ada for p in (*b.jenis, *b.kelompok)))

    @property
    def nama_belanja_program(self) -> str:
        """What the spending through the budget tree is called in this report: the year's
        own classification's word when the file gives the year's spending; else by the
        year, Belanja Langsung until 2020 and Belanja from 2021 (Permendagri 90/2019 ended
        the BL/BTL split)."""
        b = self.belanja_tahun_ini
        if b is not None and self.ada_belanja_tahun_ini:
            return b.nama_belanja_program
        return "Belanja Langsung" if self.laporan.tahun <= 2020 else "Belanja"
