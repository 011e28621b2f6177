"""What every concern of the engine reads while it computes one report, built once.

`Konteks` carries the validated report, its rules (`aturan`), the budget tree's index
(`pohon.py`) and the lookups the rules give (the indicators left out of averages, where the
cap on capaian applies), so that the modules of the engine are functions of it instead of
methods of one large class.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.pohon import PohonAnggaran
from lkjip_cli.model.kaskade import IndikatorSimpul
from lkjip_cli.model.laporan import IndikatorKinerja, Laporan

#: What an indicator of the cascade takes from the IKU it is (`sama_dengan`): the year's
#: measure always; the Renstra's years when the IKU gives them (`TAHUN_IKU`).
DARI_IKU = ("target", "realisasi", "rekap_triwulan", "triwulan", "bulanan")
TAHUN_IKU = ("realisasi_sebelumnya", "target_renstra")


class Konteks:
    """What every figure is computed from: the report, its rules and its budget tree's
    index, built once per report."""

    def __init__(self, laporan: Laporan) -> None:
        self.laporan = laporan
        self.aturan = laporan.aturan
        self.excluded = {e.indikator: e.alasan for e in self.aturan.rata_rata.dikecualikan}
        self.batas = self.aturan.batas_atas
        self.iku: dict[str, tuple[IndikatorKinerja, Path]] = {
            ind.kode: (ind, ("sasaran", i, "indikator", j))
            for i, sas in enumerate(laporan.sasaran) for j, ind in enumerate(sas.indikator)}

    def indikator_efektif(self, ind: IndikatorSimpul, path: Path
                          ) -> tuple[IndikatorSimpul, Path, Path]:
        """A node indicator as measured, the place its year's values are read from and the
        place of its Renstra years: itself, or, when it is an IKU (`sama_dengan`), with the
        IKU's values (`DARI_IKU`; `TAHUN_IKU` when the IKU gives them), read at the IKU's
        place in the file, so every figure traces to the cells typed once."""
        if ind.sama_dengan is None or ind.sama_dengan not in self.iku:
            return ind, path, path
        iku, iku_path = self.iku[ind.sama_dengan]
        update = {k: getattr(iku, k) for k in DARI_IKU}
        tahun = any(getattr(iku, k) for k in TAHUN_IKU)
        if tahun:
            update |= {k: getattr(iku, k) for k in TAHUN_IKU}
        return ind.model_copy(update=update), iku_path, iku_path if tahun else path

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
