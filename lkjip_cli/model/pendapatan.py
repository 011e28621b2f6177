"""Revenue (pendapatan): target and realisasi of the accounts an agency collects, as a tree.

Agencies that collect revenue (a Bapenda or BPKAD, an RSUD run as a BLUD, a Balai or a
ministry with PNBP) print in their LKjIP the target and realisasi of each revenue account:
Pendapatan Daerah > Pendapatan Asli Daerah > Pajak Daerah > Pajak Kendaraan Bermotor, with the
capaian, the lebih/(kurang) (realisasi - target), a Jumlah row, sometimes each account's share
of the total and its growth over last year's realisasi. The account codes are those of
Permendagri 90/2019 and Kepmendagri 050-5889/2021 (4 Pendapatan Daerah, 4.1 PAD, 4.1.01 Pajak
Daerah...) or, for the APBN, the PNBP accounts of the Bagan Akun Standar (42xxxx).

The tree is the budget tree's shape with revenue's money: an account holds `rincian`, to any
depth; target and realisasi are typed at the leaves, every account above is their sum, and a
total the report printed for it goes under its `dilaporkan`, where `lkjip check` compares it
with that sum (a typed figure above a leaf is refused, as in the budget tree). Revenue reads
the other way round from spending: a realisasi above its target is good, so nothing here caps
a capaian or calls an excess impossible.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Dicetak, Kode, Rupiah

#: Columns of the revenue table beyond Uraian, Target, Realisasi, Capaian and Lebih/(Kurang).
KolomPendapatan = Literal["porsi", "realisasi_sebelumnya", "pertumbuhan"]


class DilaporkanPendapatan(Model):
    """Figures a report printed for one revenue account, or for the Jumlah row."""

    target: Dicetak = {}
    realisasi: Dicetak = {}
    capaian: Dicetak = Field(default={}, description="Realisasi / target x 100")
    selisih: Dicetak = Field(
        default={}, description="Lebih/(kurang): realisasi - target, negative for a shortfall")
    porsi: Dicetak = Field(
        default={}, description="The account's realisasi as a share of the total realisasi "
        "x 100 (kontribusi)")
    realisasi_sebelumnya: Dicetak = Field(default={}, description="Last year's realisasi")
    pertumbuhan: Dicetak = Field(
        default={}, description="(realisasi / last year's realisasi - 1) x 100")


class AkunPendapatan(Model):
    """One revenue account: a leaf with its own target and realisasi, or a level whose
    figures are the sums of its `rincian`."""

    kode: Kode = Field(description="The account code: 4.1.01, 4.1.01.06, 423111")
    uraian: str = Field(min_length=1, description="The account's name as the report prints it")
    target: Rupiah | None = Field(default=None, description="Only at a leaf (no rincian)")
    realisasi: Rupiah | None = Field(default=None, description="Only at a leaf (no rincian)")
    realisasi_sebelumnya: Rupiah | None = Field(
        default=None, description="Last year's realisasi, at a leaf, for the growth column")
    rincian: tuple[AkunPendapatan, ...] = Field(
        default=(), description="The accounts below this one: it is their sum")
    dilaporkan: DilaporkanPendapatan = DilaporkanPendapatan()


class BarisLainPendapatan(Model):
    """Accounts a printed Jumlah covers that the file does not list (a table continued from
    another page, or an excerpt): their money joins the total, so a right Jumlah is not
    flagged."""

    target: Rupiah | None = None
    realisasi: Rupiah | None = None
    realisasi_sebelumnya: Rupiah | None = None
    keterangan: str | None = Field(default=None, description="Where those rows are printed")


class Pendapatan(Model):
    """The report's revenue table: the account tree, and its Jumlah row's printed figures."""

    akun: tuple[AkunPendapatan, ...] = Field(
        min_length=1, description="The top accounts (4 Pendapatan Daerah, or 4.1, 4.2...)")
    judul: str | None = Field(
        default=None, description="The table's caption as the report prints it (default: "
        "Target dan Realisasi Pendapatan)")
    kolom: tuple[KolomPendapatan, ...] | None = Field(
        default=None, description="The optional columns the table prints, in order: porsi, "
        "realisasi_sebelumnya, pertumbuhan (default: last year's realisasi and growth when "
        "the file gives last year's realisasi)")
    sumber_data: str | None = Field(
        default=None, description="The 'Sumber Data' line (Laporan Realisasi Anggaran...)")
    baris_lain: BarisLainPendapatan | None = Field(
        default=None, description="Money of accounts the file does not list but the "
        "printed Jumlah covers")
    dilaporkan: DilaporkanPendapatan = Field(
        default=DilaporkanPendapatan(), description="The Jumlah row: the sum of the top "
        "accounts (and baris_lain)")
