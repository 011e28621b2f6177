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

from pydantic import Discriminator, Tag

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Angka, Dicetak

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
