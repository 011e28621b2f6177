"""The inputs of a sasaran, for efficiency as output over input (BPKP).

BPKP's Pedoman Evaluasi Kinerja (2021) measures a sasaran's efficiency for each resource it
used: money (realisasi / pagu) and others such as staff time in person-days (used / planned).
Efisiensi = capaian keluaran / capaian masukan x 100, above 100 meaning more output per unit of
input than planned. An input is money when `anggaran` is true (the sasaran's own budget lines
give its pagu and realisasi), else it carries its planned (`target`) and used (`realisasi`)
amounts.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Angka, Dicetak


class DilaporkanMasukan(Model):
    """Printed figures of one input (BPKP-style efficiency table)."""

    capaian: Dicetak = Field(default={}, description="Realisasi / target x 100 of the input")
    efisiensi: Dicetak = Field(default={}, description="Capaian keluaran / capaian masukan x 100")


class MasukanSasaran(Model):
    """One resource a sasaran used: dana (from its budget) or another, such as SDM."""

    nama: str = Field(min_length=1)
    satuan: str | None = None
    anggaran: bool = Field(
        default=False, description="Money: pagu and realisasi of the sasaran's budget lines")
    target: Angka | None = Field(default=None, description="Planned use (rencana)")
    realisasi: Angka | None = Field(default=None, description="Actual use")
    dilaporkan: DilaporkanMasukan = DilaporkanMasukan()

    @model_validator(mode="after")
    def _anggaran_atau_isian(self) -> MasukanSasaran:
        if self.anggaran and (self.target is not None or self.realisasi is not None):
            raise ValueError("masukan dengan `anggaran: true` memakai pagu dan realisasi "
                             "anggaran sasaran; jangan isi `target` dan `realisasi`")
        return self
