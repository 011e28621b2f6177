"""A national standard an indicator is compared with (PermenPAN-RB 53/2014, analysis 4).

Why a quantity and not only words: "Membandingkan realisasi kinerja tahun ini dengan standar
nasional (jika ada)" is a comparison of figures, so the standard is a figure with its source
(the regulation or the national agency that sets it), compared by the same capaian rule as a
target (polarity included) in Tabel 3.5's companion table and sentence, and audited where
a report prints that comparison (`dilaporkan.capaian_standar_nasional`).
"""

from __future__ import annotations

from pydantic import Field

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Angka, Bulat


class StandarNasional(Model):
    """The national standard of one indikator kinerja, in the indicator's own satuan."""

    nilai: Angka
    sumber: str = Field(min_length=1, description="The regulation or agency that sets it, "
                        "by its full name")
    tahun: Bulat | None = Field(default=None, ge=1945, le=2200,
                                description="The year the standard applies to, when it says")
