"""The period a report covers, and monthly values of an indicator.

Interim reports (Laporan Kinerja Triwulan II, "s.d. Triwulan II") measure realisasi up to a
quarter or a month against the target for that point, and budgets against the disbursement
plan up to it (rencana penarikan dana, RPD). SIM Kinerja pages print 12 monthly values and
their roll-up. A report names its period once (`periode: {sampai: TW2}` or `{sampai:
2023-06}`); an indicator may give `bulanan`, rolled up by the same rule as its quarters, and
its quarters are derived from its months when only months are given.
"""

from __future__ import annotations

import re

from pydantic import Field

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Angka, Dicetak

#: `TW1`..`TW4`, or a month `YYYY-MM`.
POLA_SAMPAI = r"^(?:TW[1-4]|[0-9]{4}-(?:0[1-9]|1[0-2]))$"

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
ROMAWI_TW = ("I", "II", "III", "IV")


class PeriodeLaporan(Model):
    """Up to when the report measures: a quarter (`TW2`) or a month (`2023-06`)."""

    sampai: str = Field(pattern=POLA_SAMPAI,
                        description="TW1..TW4, or YYYY-MM within the report's year")

    @property
    def bulan_akhir(self) -> int:
        """The last month the period covers: TW2 -> 6, 2023-05 -> 5."""
        if self.sampai.startswith("TW"):
            return 3 * int(self.sampai[2])
        return int(self.sampai[5:7])

    @property
    def triwulan(self) -> int | None:
        """The quarter the period ends with, when it ends with one."""
        return self.bulan_akhir // 3 if self.bulan_akhir % 3 == 0 else None

    @property
    def sebutan(self) -> str:
        """`Triwulan II`, or `Mei` for a period ending inside a quarter."""
        if self.sampai.startswith("TW"):
            return f"Triwulan {ROMAWI_TW[int(self.sampai[2]) - 1]}"
        return BULAN[self.bulan_akhir - 1]

    def tahun(self) -> int | None:
        match = re.match(r"^([0-9]{4})-", self.sampai)
        return int(match.group(1)) if match else None


class DilaporkanBulan(Model):
    """Figures a report printed for one month of an indicator."""

    target: Dicetak = {}
    realisasi: Dicetak = {}
    capaian: Dicetak = {}


class Bulan(Model):
    """One month of an indicator; cumulative unless the indicator rolls up by sum."""

    target: Angka | None = None
    realisasi: Angka | None = None
    dilaporkan: DilaporkanBulan = DilaporkanBulan()
