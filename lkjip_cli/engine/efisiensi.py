"""Efficiency by the report's named method, and each input's use for output over input.

A report names its method for each place (`aturan.efisiensi`: per sasaran, for the year's
spending, for the whole report) because published LKjIPs use several (rules.md section 3):
`selisih`, `sisa-anggaran`, `rasio`, `nominal`, and `output-input`, the BPKP way, where each
input of a sasaran (`masukan`: money, people, time) has its own capaian and the sasaran's
efficiency is the mean of capaian keluaran / capaian masukan over them. `RUMUS_EFISIENSI`
is the formula of each method, by name; audit, tables and templates read it through the
engine's face.
"""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import Anggaran, HasilMasukan
from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, dari, persentase, presisi, tidak_dapat
from lkjip_cli.engine.rata_rata import mean
from lkjip_cli.model.masukan import MasukanSasaran

RUMUS_EFISIENSI = {
    "selisih": "efisiensi = capaian kinerja - penyerapan anggaran",
    "sisa-anggaran": "efisiensi = 100 - penyerapan anggaran",
    "rasio": "efisiensi = capaian kinerja / penyerapan anggaran x 100",
    "nominal": "efisiensi = pagu - realisasi",
    "output-input": "efisiensi = rata-rata per masukan dari capaian keluaran / capaian "
                    "masukan x 100",
}
RUMUS_EFISIENSI_MASUKAN = "efisiensi masukan = capaian keluaran / capaian masukan x 100"
RUMUS_CAPAIAN_MASUKAN = "capaian masukan = realisasi masukan / rencana masukan x 100"


@presisi
def efisiensi(metode: str, capaian: Nilai, anggaran: Anggaran) -> Nilai:
    """Efficiency by the report's named method (rules.md section 3)."""
    rumus = RUMUS_EFISIENSI[metode]
    aturan = (f"metode efisiensi={metode}",)
    if metode == "nominal":
        return anggaran.sisa.with_aturan(*aturan)
    penyerapan = anggaran.penyerapan.nilai
    inputs: tuple[Masukan, ...] = (dari("capaian kinerja", capaian),
                                   dari("penyerapan anggaran", anggaran.penyerapan))
    if metode == "sisa-anggaran":
        inputs = inputs[1:]
        if penyerapan is None:
            return tidak_dapat(rumus, "penyerapan tidak dapat dihitung", inputs, aturan=aturan)
        return Nilai(HUNDRED - penyerapan, rumus, inputs, aturan, satuan="poin").with_uraian(
            "100 - {0}", penyerapan)
    if capaian.nilai is None or penyerapan is None:
        return tidak_dapat(rumus, "capaian atau penyerapan tidak dapat dihitung", inputs,
                           aturan=aturan)
    if metode == "selisih":
        return Nilai(capaian.nilai - penyerapan, rumus, inputs, aturan,
                     satuan="poin").with_uraian("{0} - {1}", capaian.nilai, penyerapan)
    if penyerapan == 0:
        return tidak_dapat(rumus, "penyerapan 0", inputs, aturan=aturan)
    return Nilai(capaian.nilai / penyerapan * HUNDRED, rumus, inputs, aturan).with_uraian(
        "{0} / {1} x 100", capaian.nilai, penyerapan)


@presisi
def hitung_masukan(m: MasukanSasaran, path: Path, keluaran: Nilai,
                   anggaran: Anggaran) -> HasilMasukan:
    """One input's use (money: the sasaran's penyerapan) and the output's efficiency over it."""
    if m.anggaran:
        capaian = anggaran.penyerapan
    else:
        capaian = persentase(RUMUS_CAPAIAN_MASUKAN,
                             Masukan(f"realisasi {m.nama}", m.realisasi, (*path, "realisasi")),
                             Masukan(f"rencana {m.nama}", m.target, (*path, "target")))
    eff = persentase(RUMUS_EFISIENSI_MASUKAN, dari("capaian keluaran", keluaran),
                     dari(f"capaian masukan {m.nama}", capaian))
    return HasilMasukan(m.nama, m.satuan, capaian, eff.with_aturan(
        "metode efisiensi=output-input"), path)


@presisi
def efisiensi_output_input(masukan: Sequence[HasilMasukan]) -> Nilai:
    """A sasaran's efficiency over all its inputs: the mean of each input's (BPKP)."""
    rumus = RUMUS_EFISIENSI["output-input"]
    aturan = ("metode efisiensi=output-input",)
    inputs = tuple(dari(f"efisiensi {m.nama}", m.efisiensi) for m in masukan)
    if not inputs:
        return tidak_dapat(rumus, "sasaran tidak mempunyai masukan", aturan=aturan)
    if any(i.nilai is None for i in inputs):
        return tidak_dapat(rumus, "efisiensi masukan tidak lengkap", inputs, aturan=aturan)
    return mean(rumus, inputs, aturan)
