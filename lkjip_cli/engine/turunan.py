"""An indicator's realisasi derived from its named inputs (`hitung`): formula or built-in.

The formula is the model's safe expression language (`model/ekspresi.py`), evaluated exactly
on Decimal; a built-in index (IKM) is `ikm.py`. Either way the result is a `Nilai` whose
inputs are the named inputs with their place in the file, so `explain` shows them and
`check` audits what the report printed of each. `indikator.py` uses the result as the
indicator's realisasi before its capaian is computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.ikm import indeks, mutu, nrr
from lkjip_cli.engine.nilai import Masukan, Nilai, presisi, tidak_dapat
from lkjip_cli.model.ekspresi import TidakDapatDihitung, hitung_rumus, urai
from lkjip_cli.model.hitungan import HitungIndikator
from lkjip_cli.model.laporan import Pita

#: The rule every derived realisasi carries, so that a surface can tell it from a typed one.
ATURAN_TURUNAN = "realisasi dihitung dari isian hitung"


@dataclass(frozen=True, slots=True)
class HasilHitungan:
    """The derived realisasi and what it was made of."""

    realisasi: Nilai
    masukan: tuple[Masukan, ...]
    path: Path
    #: The formula's text, or the built-in's kode.
    rumus: str
    bawaan: str | None = None
    #: IKM only: NRR per unsur, the 1-4 index, and the band (mutu kode, kinerja sebutan).
    nrr: tuple[tuple[str, Nilai], ...] = ()
    nilai_indeks: Nilai | None = None
    mutu: Pita | None = None


@presisi
def hitung_turunan(kode: str, h: HitungIndikator, path: Path) -> HasilHitungan:
    """The realisasi of indicator `kode` from `h` (at `path`, the `hitung` mapping)."""
    masukan = tuple(Masukan(nama, v, (*path, "masukan", nama)) for nama, v in h.masukan.items())
    if h.bawaan is not None:
        unsur = nrr(h.masukan, h.responden, path)
        x, nilai = indeks(h.bawaan, unsur)
        return HasilHitungan(nilai.with_aturan(ATURAN_TURUNAN), masukan, path, h.bawaan,
                             h.bawaan, tuple(unsur.items()),
                             x, mutu(h.bawaan, nilai.nilai))
    assert h.realisasi is not None  # the model requires one of the two
    rumus = urai(h.realisasi)
    label = f"realisasi {kode} = {h.realisasi}"
    used = tuple(m for nama in rumus.nama for m in masukan if m.nama == nama)
    try:
        value = hitung_rumus(rumus, h.masukan)
    except TidakDapatDihitung as exc:
        return HasilHitungan(tidak_dapat(label, exc.alasan, used, satuan=""), masukan, path,
                             h.realisasi)
    template, names = rumus.uraian()
    angka: tuple[Decimal, ...] = tuple(h.masukan[n] or Decimal(0) for n in names)
    nilai = Nilai(value, label, used, (ATURAN_TURUNAN,), satuan="")
    return HasilHitungan(nilai.with_uraian(template, *angka), masukan, path, h.realisasi)
