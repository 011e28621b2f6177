"""What-if, side by side: the report's figures under the other rules it could have chosen.

Published LKjIPs differ in rules no regulation settles (rules.md): the negative-polarity
formula, a cap on capaian, the basis and method of the average, the efficiency method, the
rounding. A reviewer who sees only the report's own choice cannot tell how much it matters.
`bandingkan` recomputes the whole report once per alternative, changing one rule at a time
from the report's own, and returns each result beside the report's; the alternatives come
from the same registries the YAML names (`METODE_RATA_RATA`, `METODE_EFISIENSI`), so the
two cannot drift. Variants that change nothing (a negative-polarity formula in a report
without negative indicators) are left out.

`check` asks a narrower question for a printed figure that does not match: what would the
averages, or an efficiency, be under another named method? `angka_dengan` answers it from the
figures already computed (each indicator's capaian and budget, each sasaran's), recomputing
only what the method changes: the report's whole recomputation per method made `check` of a
large report cost several times its parse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_cli.engine.efisiensi import METODE_EFISIENSI, efisiensi, efisiensi_output_input
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.hitung import anggaran_belanja_langsung, hitung
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.engine.rata_rata import METODE_RATA_RATA, rata_rata, rata_rata_laporan
from lkjip_cli.model.laporan import Aturan, BatasAtas, Laporan


@dataclass(frozen=True, slots=True)
class Varian:
    """The report computed under one choice of one rule."""

    aspek: str
    pilihan: str
    #: Whether this is the report's own choice (the first variant, and only that one).
    milik_laporan: bool
    aturan: Aturan
    hasil: Hasil


def _ganti(aturan: Aturan, kunci: str, nilai: Any) -> Aturan:
    """The rules with one key changed (`rata_rata.metode` reaches into the sub-model)."""
    if "." not in kunci:
        return aturan.model_copy(update={kunci: nilai})
    induk, anak = kunci.split(".", 1)
    sub = getattr(aturan, induk)
    return aturan.model_copy(update={induk: sub.model_copy(update={anak: nilai})})


def _tampil(nilai: Any) -> str:
    if isinstance(nilai, BatasAtas):
        return f"batas atas {nilai.nilai} ({', '.join(nilai.berlaku)})"
    return "tanpa batas atas" if nilai is None else str(nilai)


def pilihan_lain(laporan: Laporan) -> Iterator[tuple[str, Any]]:
    """Every (rule, value) worth trying on this report, the report's own included."""
    negatif = any(i.polaritas == "negatif" for s in laporan.sasaran for i in s.indikator)
    if negatif:
        for rumus in ("(2T-R)/T", "T/R"):
            yield "rumus_negatif", rumus
    yield "batas_atas", None
    for cap in (100, 120):
        yield "batas_atas", BatasAtas(nilai=Decimal(cap), berlaku=("rata-rata",))
    for dasar in ("indikator", "sasaran"):
        yield "rata_rata.dasar", dasar
    for metode in METODE_RATA_RATA:
        yield "rata_rata.metode", metode
    for metode in METODE_EFISIENSI:
        if metode != "output-input":
            yield "efisiensi.keseluruhan", metode
    for cara in ("half-up", "half-even", "down"):
        yield "pembulatan", cara


def _nilai(aturan: Aturan, kunci: str) -> Any:
    value: Any = aturan
    for part in kunci.split("."):
        value = getattr(value, part)
    return value


def hitung_dengan(laporan: Laporan, kunci: str, nilai: Any) -> Hasil:
    """The report computed with one rule changed (what `check` tries as a cause)."""
    aturan = _ganti(laporan.aturan, kunci, nilai)
    return hitung(laporan.model_copy(update={"aturan": aturan}))


def bandingkan(laporan: Laporan) -> tuple[Varian, ...]:
    """The report's own figures first, then one variant per other choice of each rule."""
    own = laporan.aturan
    out = [Varian("aturan laporan", "", True, own, hitung(laporan))]
    for kunci, nilai in pilihan_lain(laporan):
        if _nilai(own, kunci) == nilai:
            continue
        out.append(Varian(kunci, _tampil(nilai), False, _ganti(own, kunci, nilai),
                          hitung_dengan(laporan, kunci, nilai)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class AngkaMetode:
    """What one rule changed makes of the figures `check` compares with another method's:
    each sasaran's (by kode) and the report's, for an average (`capaian`) or an efficiency
    (`efisiensi`)."""

    sasaran: Mapping[str, Nilai]
    laporan: Nilai


def angka_dengan(hasil: Hasil, kunci: str, nilai: Any) -> AngkaMetode:
    """The figures rule `kunci` (one of `ATURAN_BAGIAN`) names, with the rule set to
    `nilai`, for each sasaran and the report: the same figures as `hitung_dengan`'s result
    holds (a test compares the two), recomputed from `hasil` instead of the whole report."""
    k = Konteks(hasil.laporan.model_copy(
        update={"aturan": _ganti(hasil.laporan.aturan, kunci, nilai)}))
    return ATURAN_BAGIAN[kunci](k, hasil)


def _rata_rata(k: Konteks, hasil: Hasil) -> AngkaMetode:
    """Each sasaran's average, and the report's over them or over every indicator."""
    sasaran = tuple(dataclasses.replace(s, capaian=rata_rata(k, f"sasaran {s.kode}",
                                                             s.indikator))
                    for s in hasil.sasaran)
    return AngkaMetode({s.kode: s.capaian for s in sasaran}, rata_rata_laporan(k, sasaran))


def _efisiensi_sasaran(k: Konteks, hasil: Hasil) -> AngkaMetode:
    """Each sasaran's efficiency as `engine.sasaran` computes it; the report's is not
    taken from them."""
    metode = k.aturan.efisiensi.sasaran
    per_sasaran: dict[str, Nilai] = {}
    for s in hasil.sasaran:
        bagian = tuple((i.kode, i.capaian, i.anggaran) for i in s.indikator
                       if i.dikecualikan is None)
        per_sasaran[s.kode] = (
            efisiensi_output_input(s.masukan) if metode == "output-input"
            else efisiensi(metode, s.capaian, s.anggaran, bagian, k.aturan.efisiensi.batas_e))
    return AngkaMetode(per_sasaran, hasil.efisiensi)


def _efisiensi_laporan(k: Konteks, hasil: Hasil) -> AngkaMetode:
    """The report's efficiency as `engine.hitung` computes it; the sasaran's stay."""
    return AngkaMetode(
        {s.kode: s.efisiensi for s in hasil.sasaran},
        efisiensi(k.aturan.efisiensi.keseluruhan, hasil.rata_rata_capaian,
                  anggaran_belanja_langsung(hasil.belanja_tahun_ini),
                  [(s.kode, s.capaian, s.anggaran) for s in hasil.sasaran],
                  k.aturan.efisiensi.batas_e))


#: The rules `angka_dengan` knows, and how each recomputes the figures `check` compares
#: with another method's (the rest of the report is what the rule leaves as it was).
ATURAN_BAGIAN: dict[str, Callable[[Konteks, Hasil], AngkaMetode]] = {
    "rata_rata.metode": _rata_rata,
    "efisiensi.sasaran": _efisiensi_sasaran,
    "efisiensi.keseluruhan": _efisiensi_laporan,
}
