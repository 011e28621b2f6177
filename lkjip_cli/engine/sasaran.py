"""One sasaran strategis from its indicators (Bab III A, Tabel 2.6, 3.10, 3.12).

Its indicators' figures (`indikator.py`), their average and its category (`rata_rata.py`),
whether it succeeded (every indicator at or above `aturan.ambang_berhasil`), the budget of
the kegiatan supporting it and its share of belanja langsung, and its efficiency by the
report's method for sasaran (`efisiensi.py`), over its inputs when the method is
output-over-input.
"""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.efisiensi import efisiensi, efisiensi_output_input, hitung_masukan
from lkjip_cli.engine.hasil import HasilIndikator, HasilSasaran
from lkjip_cli.engine.indikator import hitung_indikator
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import Nilai, dari, persentase
from lkjip_cli.engine.rata_rata import rata_rata
from lkjip_cli.engine.skala import klasifikasi, skala
from lkjip_cli.model.laporan import Sasaran


def hitung_sasaran(k: Konteks, sas: Sasaran, path: Path, bl: Nilai) -> HasilSasaran:
    """Every figure of one sasaran; `bl` is the year's pagu of belanja langsung."""
    indikator = tuple(hitung_indikator(k, ind, (*path, "indikator", j))
                      for j, ind in enumerate(sas.indikator))
    capaian = rata_rata(k, f"sasaran {sas.kode}", indikator)
    anggaran = k.pohon.anggaran_untuk(f"sasaran {sas.kode}", (i.kode for i in indikator))
    porsi = persentase("porsi belanja langsung = pagu sasaran / pagu belanja langsung x 100",
                       dari("pagu sasaran", anggaran.pagu), dari("pagu belanja langsung", bl))
    masukan = tuple(hitung_masukan(m, (*path, "masukan", i), capaian, anggaran)
                    for i, m in enumerate(sas.masukan))
    metode = k.aturan.efisiensi.sasaran
    bagian = tuple((i.kode, i.capaian, i.anggaran) for i in indikator
                   if i.dikecualikan is None)
    eff = (efisiensi_output_input(masukan) if metode == "output-input"
           else efisiensi(metode, capaian, anggaran, bagian, k.aturan.efisiensi.batas_e))
    return HasilSasaran(
        kode=sas.kode, nama=sas.nama, indikator=indikator, capaian=capaian,
        kategori=klasifikasi(capaian.nilai, skala(k.aturan.skala_interpretasi)),
        berhasil=berhasil(k, indikator), anggaran=anggaran,
        porsi_belanja_langsung=porsi,
        efisiensi=eff, path=path, masukan=masukan,
    )


def berhasil(k: Konteks, indikator: Sequence[HasilIndikator]) -> bool | None:
    """Whether every indicator reached `ambang_berhasil`; None while one has no capaian."""
    values = [i.capaian.nilai for i in indikator]
    if any(v is None for v in values):
        return None
    return all(v is not None and v >= k.aturan.ambang_berhasil for v in values)
