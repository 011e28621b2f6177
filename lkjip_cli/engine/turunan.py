"""An indicator's realisasi (and target) derived from its named inputs (`hitung`): formula or
built-in.

The formula is the model's safe expression language (`model/ekspresi.py`), evaluated exactly
on Decimal; a built-in index (IKM) is `ikm.py`. Either way the result is a `Nilai` whose
inputs are the named inputs with their place in the file, so `explain` shows them and
`check` audits what the report printed of each. `indikator.py` uses the result as the
indicator's realisasi (and a derived target as its target) before its capaian is computed.
The target formula reads each input's target value, the realisasi formula its realisasi
value, so one input (a count planned and a count achieved) serves both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.ikm import indeks, mutu, nrr
from lkjip_cli.engine.nilai import Masukan, Nilai, presisi, tidak_dapat
from lkjip_cli.model.ekspresi import TidakDapatDihitung, hitung_rumus, urai
from lkjip_cli.model.hitungan import HitungIndikator, MasukanGanda
from lkjip_cli.model.laporan import Pita

#: The rule every derived realisasi carries, so that a surface can tell it from a typed one.
ATURAN_TURUNAN = "realisasi dihitung dari isian hitung"
#: The same for a derived target.
ATURAN_TARGET_TURUNAN = "target dihitung dari isian hitung"


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
    #: The derived target (`hitung.target`), its formula and the inputs' target values.
    target: Nilai | None = None
    rumus_target: str | None = None
    masukan_target: tuple[Masukan, ...] = ()


def _masukan(h: HitungIndikator, sisi: str, path: Path) -> tuple[Masukan, ...]:
    """The inputs' values for one side, each at its place in the file (a plain number at
    `masukan.<nama>`, a pair's value at `masukan.<nama>.<sisi>`)."""
    out = []
    for nama, v in h.masukan.items():
        tempat: Path = (*path, "masukan", nama, sisi) if isinstance(v, MasukanGanda) \
            else (*path, "masukan", nama)
        out.append(Masukan(nama, h.nilai(sisi)[nama], tempat))
    return tuple(out)


def _dari_rumus(teks: str, label: str, aturan: str, masukan: tuple[Masukan, ...]) -> Nilai:
    """A formula's value over the inputs of one side, with its worked arithmetic."""
    rumus = urai(teks)
    nilai = {m.nama: m.nilai for m in masukan}
    used = tuple(m for nama in rumus.nama for m in masukan if m.nama == nama)
    try:
        value = hitung_rumus(rumus, nilai)
    except TidakDapatDihitung as exc:
        return tidak_dapat(label, exc.alasan, used, satuan="")
    template, names = rumus.uraian()
    angka: tuple[Decimal, ...] = tuple(nilai[n] or Decimal(0) for n in names)
    return Nilai(value, label, used, (aturan,), satuan="").with_uraian(template, *angka)


@presisi
def hitung_turunan(kode: str, h: HitungIndikator, path: Path) -> HasilHitungan:
    """The realisasi (and target) of indicator `kode` from `h` (at `path`, the `hitung`
    mapping)."""
    masukan = _masukan(h, "realisasi", path)
    if h.bawaan is not None:
        unsur = nrr(h.nilai("realisasi"), h.responden, path)
        x, nilai = indeks(h.bawaan, unsur)
        return HasilHitungan(nilai.with_aturan(ATURAN_TURUNAN), masukan, path, h.bawaan,
                             h.bawaan, tuple(unsur.items()),
                             x, mutu(h.bawaan, nilai.nilai))
    assert h.realisasi is not None  # the model requires one of the two
    realisasi = _dari_rumus(h.realisasi, f"realisasi {kode} = {h.realisasi}", ATURAN_TURUNAN,
                            masukan)
    if h.target is None:
        return HasilHitungan(realisasi, masukan, path, h.realisasi)
    masukan_t = _masukan(h, "target", path)
    target = _dari_rumus(h.target, f"target {kode} = {h.target}", ATURAN_TARGET_TURUNAN,
                         tuple(m for m in masukan_t if m.nama in urai(h.target).nama))
    return HasilHitungan(realisasi, masukan, path, h.realisasi, target=target,
                         rumus_target=h.target, masukan_target=masukan_t)
