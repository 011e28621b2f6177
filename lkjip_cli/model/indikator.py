"""What every indicator of the cascade shares: its target (a number or a range), its polarity
and the rules that roll its quarters up to the year.

An indikator kinerja utama of a sasaran (`laporan.py`) and an indicator of a program,
kegiatan or sub kegiatan (`kaskade.py`) are measured the same way (issue 23: one mechanism
for every level), so the pieces they share live here, below both the report model and the
budget tree (`anggaran.py`), which holds node indicators at every depth.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.periode import Bulan
from lkjip_cli.model.persen import JenisPersen
from lkjip_cli.model.types import Angka, Dicetak, Kode, Tahun

# --------------------------------------------------------------------------- targets


class Rentang(Model):
    """A range target (PermenPAN-RB 6/2022): realisasi inside the range counts as 100."""

    min: Angka
    maks: Angka


def _target_kind(value: Any) -> str:
    return "rentang" if isinstance(value, dict | Rentang) else "angka"


def target_tunggal(target: Decimal | Rentang | None) -> Decimal | None:
    """A single-number target, or None for a range or no target."""
    return target if isinstance(target, Decimal) else None


Target = Annotated[
    Annotated[Rentang, Tag("rentang")] | Annotated[Angka, Tag("angka")],
    Discriminator(_target_kind),
]

Polaritas = Literal["positif", "negatif"]
RumusNegatif = Literal["(2T-R)/T", "T/R"]
TargetNol = Literal["tidak-dapat-dihitung", "100-jika-realisasi-0"]
RekapTriwulan = Literal["terakhir", "jumlah", "rata-rata"]


# ------------------------------------------------------------------------- quarters


class DilaporkanTriwulan(Model):
    """Figures a report printed for one triwulan row (Tabel 3.4)."""

    target: Dicetak = {}
    realisasi: Dicetak = {}
    capaian: Dicetak = {}


class Triwulan(Model):
    """One quarter of an indicator (Tabel 3.4); values are cumulative unless rolled up by sum."""

    target: Target | None = None
    realisasi: Angka | None = None
    dilaporkan: DilaporkanTriwulan = DilaporkanTriwulan()


# ------------------------------------------------------------------------ the indicator


class IndikatorPeriodik(Model):
    """What every indicator is, at any level of the cascade: its unit and polarity, its
    year's target and realisasi, its quarters or months and their roll-up, earlier years and
    the Renstra's targets. An IKU (`laporan.IndikatorKinerja`) and an indicator of a budget
    node (`kaskade.IndikatorSimpul`) extend it, so both are measured by one mechanism."""

    kode: Kode
    nama: str = Field(min_length=1)
    satuan: str = Field(min_length=1)
    polaritas: Polaritas = "positif"
    rumus_negatif: RumusNegatif | None = Field(
        default=None, description="Overrides aturan.rumus_negatif for this indicator"
    )
    target: Target | None = Field(
        default=None, description="null or absent: no target (a budget-only excerpt); "
        "its capaian is then not computable, with that reason")
    realisasi: Angka | None = Field(default=None, description="null when there is no data")
    jenis_persen: JenisPersen | None = Field(
        default=None, description="With satuan %: bagian (a share of a whole, 0-100), laju "
        "(a growth or change rate), rasio (to a target or standard, may pass 100) or indeks; "
        "null: inferred from the name (lkjip_cli/model/persen.py)")
    persen_maks_100: bool | None = Field(
        default=None,
        description="Older key: true reads as jenis_persen bagian, false as rasio; null: "
        "not declared",
    )
    rekap_triwulan: RekapTriwulan = "terakhir"
    triwulan: tuple[Triwulan, ...] = Field(default=(), max_length=4)
    bulanan: tuple[Bulan, ...] = Field(
        default=(), max_length=12, description="Monthly values from January, rolled up by "
        "rekap_triwulan; the quarters are derived from them when triwulan is not given")
    realisasi_sebelumnya: dict[Tahun, Angka] = Field(
        default={}, description="By year (1945-2200); two keys naming one year are an error")
    target_renstra: dict[Tahun, Target] = Field(
        default={}, description="By year (1945-2200, Tabel 2.1)")
