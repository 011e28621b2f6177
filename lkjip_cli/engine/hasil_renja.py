"""The result of the Evaluasi terhadap Hasil Renja Perangkat Daerah: one row per indicator
of the cascade (its K columns), one per node of the budget tree (its Rp columns), and the
averages and predikat under the table.

Kept beside `hasil.py` (which holds it on `Hasil.renja`) so that the table, the audit and
`explain` read every column as a `Nilai` with its formula and inputs; nothing downstream
recomputes one. Column numbers are those of the 17-column form (docs/renja.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Pita, Rentang

Target = Decimal | Rentang


@dataclass(frozen=True, slots=True)
class IndikatorRenja:
    """The K columns of one indicator (program outcome, kegiatan or sub kegiatan output)."""

    kode: str
    nama: str
    satuan: str
    polaritas: str
    rekap_triwulan: str
    rekap_renstra: str
    #: col 5: the Renstra's target at the end of its period (the final year's, or the sum)
    target_renstra: Nilai
    #: the same as a target the capaian formula can take (a range stays a range)
    target_renstra_target: Target | None
    #: col 6: realisasi of the Renstra up to last year
    realisasi_lalu: Nilai
    #: col 7: this year's target
    target: Target | None
    #: cols 8-11: each quarter's realisasi as held; None after the period or when not given
    triwulan: tuple[Decimal | None, ...]
    #: col 12: realisasi up to the period, by rekap_triwulan
    realisasi: Nilai
    #: col 13: tingkat capaian Renja (12 against 7, or the target up to the period)
    capaian: Nilai
    #: col 14: realisasi of the Renstra up to this year
    realisasi_kumulatif: Nilai
    #: col 15: tingkat capaian Renstra (14 against 5)
    capaian_renstra: Nilai
    keterangan: str | None
    path: Path


@dataclass(frozen=True, slots=True)
class SimpulRenjaHasil:
    """One node of the budget tree in the Renja evaluation: its Rp columns and its
    indicators' rows."""

    kode: str
    nama: str
    tingkat: int
    #: col 5 Rp: the Renstra's pagu over its years
    pagu_renstra: Nilai
    #: col 6 Rp: realisasi of earlier Renstra years
    realisasi_lalu: Nilai
    #: col 7 Rp: this year's pagu
    pagu: Nilai
    #: cols 8-11 Rp: spent in each quarter; None after the period
    triwulan: tuple[Nilai | None, ...]
    #: col 12 Rp: realisasi
    realisasi: Nilai
    #: col 13 Rp: 12 / 7 x 100
    capaian: Nilai
    #: col 14 Rp: 6 + 12
    realisasi_kumulatif: Nilai
    #: col 15 Rp: 14 / 5 x 100
    capaian_renstra: Nilai
    indikator: tuple[IndikatorRenja, ...]
    #: col 2: the sasaran a program's indicators support (program rows only)
    sasaran: tuple[str, ...]
    penanggung_jawab: str
    path: Path


@dataclass(frozen=True, slots=True)
class RataRataRenja:
    """One average under the table and its predikat on the form's bands."""

    nilai: Nilai
    predikat: Pita | None


@dataclass(frozen=True, slots=True)
class HasilRenja:
    """The whole Evaluasi Hasil Renja of one file."""

    tahun: int
    renstra_mulai: int
    renstra_selesai: int
    #: the last quarter evaluated (1..4)
    sampai: int
    bentuk: str
    tingkat_dokumen: str
    capaian_terhadap: str
    rata_rata_tingkat: str
    simpul: tuple[SimpulRenjaHasil, ...]
    rata_kinerja: RataRataRenja
    rata_anggaran: RataRataRenja
    rata_renstra_kinerja: RataRataRenja
    rata_renstra_anggaran: RataRataRenja
    skala: str
    faktor_pendorong: str | None
    faktor_penghambat: str | None
    tindak_lanjut_triwulan: str | None
    tindak_lanjut_renja: str | None

    @property
    def indikator(self) -> tuple[IndikatorRenja, ...]:
        return tuple(i for s in self.simpul for i in s.indikator)
