"""The cascade below the sasaran: indicators of programs, kegiatan and sub kegiatan, the
money of each node across the Renstra's years, and the Evaluasi Hasil Renja block.

An OPD's performance runs from the sasaran strategis and its IKU down the budget tree:
programs with outcome indicators, kegiatan and sub kegiatan (or a ministry's KRO and RO) with
output indicators. Every level's indicator is one class (`IndikatorSimpul`), measured like an
IKU (the same target, polarity and quarterly roll-up, `indikator.py`), so a kegiatan indicator
of 2020 (Tabel 3.8, 3.9) is the kegiatan level of the same mechanism. The node keys
(`SimpulRenja`) carry what the Evaluasi terhadap Hasil Renja Perangkat Daerah (Permendagri
86/2017, as reproduced by regional systems: docs/renja.md) prints per node besides this
year's pagu and realisasi: the Renstra's pagu by year, earlier years' realisasi, the money
spent in each quarter and the unit responsible. Every key is optional; a file without them
reads as before.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.indikator import IndikatorPeriodik
from lkjip_cli.model.types import Dicetak, DicetakTeks, Kode, Rupiah, Tahun

#: How the Renstra's years add up for an indicator: the final year's value (a level: a
#: percentage, a rate) or the sum of the years (a count of things done each year).
RekapRenstra = Literal["terakhir", "jumlah"]


class DilaporkanIndikatorSimpul(Model):
    """Printed figures of an indicator of a program, kegiatan or sub kegiatan (Tabel 3.8,
    3.9, and the Evaluasi Hasil Renja: its K columns)."""

    target: Dicetak = {}
    realisasi: Dicetak = {}
    capaian: Dicetak = Field(
        default={}, description="Tabel 3.8/3.9: realisasi against the year's target; in the "
        "Renja evaluation, its tingkat capaian Renja (column 13 of the 17-column form)")
    target_renstra_akhir: Dicetak = Field(
        default={}, description="Renja evaluation column 5 (K)")
    realisasi_renstra_lalu: Dicetak = Field(
        default={}, description="Renja evaluation column 6 (K): up to last year")
    realisasi_renstra_kumulatif: Dicetak = Field(
        default={}, description="Renja evaluation column 14 (K): up to this year")
    capaian_renstra_kumulatif: Dicetak = Field(
        default={}, description="Renja evaluation column 15 (K): column 14 against column 5")


class IndikatorSimpul(IndikatorPeriodik):
    """An indicator of one node of the budget tree: a program's outcome (IKP), a kegiatan's
    or sub kegiatan's output, a K/L RO's volume; measured like an IKU
    (`IndikatorPeriodik`)."""

    rekap_renstra: RekapRenstra | None = Field(
        default=None, description="How the Renstra's years add up (columns 5, 6 and 14 of "
        "the Renja evaluation): `jumlah` (the sum of the years) or `terakhir` (the final "
        "year); default `jumlah` when rekap_triwulan is `jumlah`, else `terakhir`")
    mendukung: tuple[Kode, ...] = Field(
        default=(), description="What this indicator contributes to: for a program "
        "indicator a sasaran or an indikator kinerja utama; for a kegiatan or sub kegiatan "
        "indicator an indicator of the level above (default: all of the parent's)")
    sama_dengan: Kode | None = Field(
        default=None, description="Kode of an indikator kinerja utama this indicator is (a "
        "program's outcome that is its sasaran's IKU): its target, realisasi, quarters, "
        "months, Renstra targets and earlier years are the IKU's, so the LKjIP and the "
        "Renja evaluation cannot disagree; values written here as well must be the same "
        "(check warns otherwise: sama-dengan)")
    keterangan: str | None = Field(
        default=None, description="The Keterangan column of the Renja evaluation")
    rencana_aksi: tuple[str, ...] = ()
    dilaporkan: DilaporkanIndikatorSimpul = DilaporkanIndikatorSimpul()

    @property
    def aturan_renstra(self) -> RekapRenstra:
        """`rekap_renstra`, or its default from the quarterly roll-up."""
        if self.rekap_renstra is not None:
            return self.rekap_renstra
        return "jumlah" if self.rekap_triwulan == "jumlah" else "terakhir"


class SimpulRenja(Model):
    """The keys every node of the budget tree (program, kegiatan, rincian) may carry for the
    cascade: its indicators and the money the Renja evaluation prints besides this year's."""

    indikator: tuple[IndikatorSimpul, ...] = Field(
        default=(), description="Indicators of this node: outcome for a program, output for a "
        "kegiatan or sub kegiatan")
    realisasi_triwulan: tuple[Rupiah, ...] = Field(
        default=(), max_length=4, description="Rupiah spent in each quarter (a leaf), "
        "not cumulative; their sum up to the period equals realisasi")
    pagu_renstra: dict[Tahun, Rupiah] = Field(
        default={}, description="The Renstra's pagu indikatif by year; a node above the "
        "leaves gives its own or sums its subtree's")
    realisasi_sebelumnya: dict[Tahun, Rupiah] = Field(
        default={}, description="Realisasi anggaran of earlier years, by year")
    penanggung_jawab: str | None = Field(
        default=None, description="Unit penanggung jawab; inherited by the nodes below; "
        "default: the instansi")


# ----------------------------------------------------------------- the Renja evaluation


class DilaporkanRenja(Model):
    """Figures printed under an Evaluasi Hasil Renja table."""

    rata_rata_capaian_kinerja: Dicetak = Field(
        default={}, description="Mean of the tingkat capaian Renja (K)")
    rata_rata_capaian_anggaran: Dicetak = Field(
        default={}, description="Mean of the tingkat capaian Renja (Rp)")
    rata_rata_capaian_renstra_kinerja: Dicetak = {}
    rata_rata_capaian_renstra_anggaran: Dicetak = {}
    predikat_kinerja: DicetakTeks = {}
    predikat_anggaran: DicetakTeks = {}


class EvaluasiRenja(Model):
    """The Evaluasi terhadap Hasil Renja Perangkat Daerah this file also produces: its period,
    its form variant and the analyst's narrative under the table."""

    sampai: str | None = Field(
        default=None, pattern=r"^TW[1-4]$",
        description="TW1..TW4; default: periode.sampai, else the whole year (TW4)")
    bentuk: Literal["17-kolom", "15-kolom"] = Field(
        default="17-kolom", description="17-kolom prints the tingkat capaian Renja "
        "(12/7 x 100); 15-kolom leaves it out")
    tingkat_dokumen: Literal["renja", "rkpd"] = Field(
        default="renja", description="renja: Renstra/Renja words (an OPD); rkpd: RPJMD/RKPD "
        "words (the Bappeda's evaluation of the RKPD)")
    capaian_renja_terhadap: Literal["tahunan", "periode"] = Field(
        default="tahunan", description="tahunan: realisasi against the year's target, as "
        "the form prints (12/7); periode: against the target up to the period")
    rata_rata: Literal["semua", "program"] = Field(
        default="semua", description="Which rows the averages take: every indicator and "
        "node, or the programs only")
    skala: Literal["permendagri-86-2017", "enam-tingkat"] = "permendagri-86-2017"
    wajib_indikator: tuple[str, ...] = Field(
        default=(), description="Levels of the budget tree (names of tingkat_anggaran: "
        "Program, Kegiatan, Sub Kegiatan) where every node with money must have an "
        "indicator; check warns otherwise (kaskade-anggaran-tanpa-indikator)")
    faktor_pendorong: str | None = None
    faktor_penghambat: str | None = None
    tindak_lanjut_triwulan: str | None = None
    tindak_lanjut_renja: str | None = None
    dilaporkan: DilaporkanRenja = DilaporkanRenja()
