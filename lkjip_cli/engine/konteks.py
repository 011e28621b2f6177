"""What every concern of the engine reads while it computes one report, built once.

`Konteks` carries the validated report, its rules (`aturan`), the budget tree's index
(`pohon.py`) and the lookups the rules give (the indicators left out of averages, where the
cap on capaian applies), so that the modules of the engine are functions of it instead of
methods of one large class.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

from lkjip_cli.engine.pohon import PohonAnggaran
from lkjip_cli.model.laporan import Laporan


class Konteks:
    """What every figure is computed from: the report, its rules and its budget tree's
    index, built once per report."""

    def __init__(self, laporan: Laporan) -> None:
        self.laporan = laporan
        self.aturan = laporan.aturan
        self.excluded = {e.indikator: e.alasan for e in self.aturan.rata_rata.dikecualikan}
        self.batas = self.aturan.batas_atas

    @cached_property
    def pohon(self) -> PohonAnggaran:
        """Built on first use: a figure recomputed under another method (an average, an
        efficiency over parts) reads the rules only, not the budget tree."""
        return PohonAnggaran(self.laporan)

    def batas_untuk(self, tempat: str) -> Decimal | None:
        """The report's cap on capaian where it applies (`tampilan`, `rata-rata`), else None."""
        if self.batas is None or tempat not in self.batas.berlaku:
            return None
        return self.batas.nilai
