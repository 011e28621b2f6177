"""The engine's result: frozen dataclasses holding every figure of Bab III with provenance.

Renderers, `lkjip check` and `lkjip explain` read only these; none of them recomputes a figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import batasi
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Laporan, Pita, Rentang

Target = Decimal | Rentang


@dataclass(frozen=True, slots=True)
class Anggaran:
    """Pagu, realisasi and penyerapan of a set of kegiatan (a program, sasaran, indicator)."""

    pagu: Nilai
    realisasi: Nilai
    penyerapan: Nilai
    sisa: Nilai
    kegiatan: tuple[str, ...]


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
    target: Target
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
    target_renstra_akhir: Target | None
    capaian_renstra_akhir: Nilai
    target_renstra_tahun: Target | None
    capaian_renstra_tahun: Nilai
    anggaran: Anggaran
    dikecualikan: str | None
    path: Path


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


@dataclass(frozen=True, slots=True)
class HasilIndikatorKegiatan:
    kode: str
    nama: str
    satuan: str
    target: Target
    realisasi: Decimal | None
    capaian: Nilai
    rencana_aksi: tuple[str, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class HasilKegiatan:
    kode: str
    nama: str
    anggaran: Anggaran
    mendukung: tuple[str, ...]
    indikator: tuple[HasilIndikatorKegiatan, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class HasilProgram:
    kode: str
    nama: str
    anggaran: Anggaran
    anggaran_perjanjian_kinerja: Decimal | None
    sumber_dana: str | None
    kegiatan: tuple[HasilKegiatan, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class HasilBelanja:
    """Belanja of one year (Tabel 2.5, 3.11); the report's year from its kegiatan."""

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

    # Derived once, when the result is made: renderers and the audit read them thousands of
    # times on a large report (a property rebuilding the tuple made that quadratic).
    indikator: tuple[HasilIndikator, ...] = field(init=False, repr=False, compare=False)
    kegiatan: tuple[HasilKegiatan, ...] = field(init=False, repr=False, compare=False)
    #: kode kegiatan -> its position in `kegiatan` (codes are unique in a valid report)
    posisi_kegiatan: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
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

    def tampil(self, capaian: Nilai) -> Nilai:
        """A capaian as tables show it: capped when the report caps capaian on display."""
        cap = self.laporan.aturan.batas_atas
        if cap is None or "tampilan" not in cap.berlaku:
            return capaian
        return batasi(capaian, cap.nilai)

    def belanja_tahun(self, tahun: int) -> HasilBelanja | None:
        return next((b for b in self.belanja if b.tahun == tahun), None)

    @property
    def belanja_tahun_ini(self) -> HasilBelanja | None:
        return self.belanja_tahun(self.laporan.tahun)
