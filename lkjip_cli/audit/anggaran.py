"""Printed budget totals (pagu, realisasi, penyerapan, RPD) and the budget tree they sum.

A printed total is the sum of its parts: an indicator's or a sasaran's budget of its
kegiatan, a node of the budget tree (program, kegiatan, sub kegiatan, RO, ...) of its
children. A wrong total has usually left a part out or added one from elsewhere in the tree,
so its alternatives are sums over other sets of parts, named by their level. The tree is
walked from each program down, with the indicators of each kegiatan on the way.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.audit.capaian import tanpa_batas_di
from lkjip_cli.audit.kumpulan import Kumpulan, alt, bagi_persen, isian, isian_target
from lkjip_cli.audit.sebab import Alternatif
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import Anggaran, Hasil, Simpul
from lkjip_cli.engine.nilai import HUNDRED
from lkjip_cli.model.anggaran import RincianAnggaran
from lkjip_cli.model.laporan import Kegiatan, Program


def kumpulkan_anggaran(k: Kumpulan, entitas: str, label: str, base: Path, a: Anggaran,
                       dicetak: dict[str, dict[str, Decimal]],
                       bagian: Bagian | None = None) -> None:
    """Printed pagu, realisasi and penyerapan of a set of budget lines. `bagian` names the
    parts a printed total may have left out or added: a node's children in the budget tree,
    else the leaves that make the sum."""
    if not any(dicetak.get(kunci) for kunci in ("pagu", "realisasi", "penyerapan", "rpd",
                                                "penyerapan_rpd", "persen_rpd")):
        return  # nothing printed: no parts to look up
    if bagian is None:
        leaves = {keg.kode: keg for keg in k.baris_anggaran(a.kegiatan)}
        bagian = Bagian(leaves, _kata_bagian(k.h, leaves.values()), {})

    def subsets(field_name: str) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            yield from _subset_alts(bagian.anak, field_name, bagian.kata)
            yield from _extra_alts(bagian, field_name)
            if field_name == "penyerapan":
                real = k.dicetak_di(entitas, "realisasi_anggaran", lokasi) or \
                    k.dicetak_di(entitas, "realisasi", lokasi)
                pagu = k.dicetak_di(entitas, "pagu", lokasi)
                if real is not None and pagu is not None:
                    yield alt("dihitung dari alokasi dan realisasi yang dicetak",
                              lambda: real / pagu * HUNDRED)
        return make

    # Indicators and sasaran name their spent budget `realisasi_anggaran` (their `realisasi`
    # is kinerja); programs and kegiatan simply `realisasi`.
    real_key = "realisasi_anggaran" if base and base[0] == "sasaran" else "realisasi"
    k.add(entitas, label, base, dicetak.get("pagu", {}), "pagu", a.pagu, "Rp", subsets("pagu"))
    k.add(entitas, label, base, dicetak.get("realisasi", {}), real_key, a.realisasi, "Rp",
          subsets("realisasi"))
    k.add(entitas, label, base, dicetak.get("penyerapan", {}), "penyerapan", a.penyerapan, "%",
          subsets("penyerapan"))
    if a.rpd is not None and a.penyerapan_rpd is not None:
        k.add(entitas, label, base, dicetak.get("rpd", {}), "rpd", a.rpd, "Rp")
        k.add(entitas, label, base, dicetak.get("penyerapan_rpd", {}), "penyerapan_rpd",
              a.penyerapan_rpd, "%",
              lambda _lokasi: iter([Alternatif("penyerapan terhadap pagu, bukan terhadap RPD",
                                               a.penyerapan.nilai)]))
    if a.rpd is not None and a.persen_rpd is not None:
        k.add(entitas, label, base, dicetak.get("persen_rpd", {}), "persen_rpd",
              a.persen_rpd, "%",
              lambda _lokasi: iter([Alternatif("realisasi terhadap RPD, bukan RPD terhadap pagu",
                                               a.penyerapan_rpd.nilai if a.penyerapan_rpd
                                               else None)]))


@dataclass(frozen=True)
class Bagian:
    """The parts of a printed budget total: `anak` make the sum; `lain` are nodes of the same
    level elsewhere in the tree that a report may have added by mistake."""

    anak: Mapping[str, Simpul]
    kata: str
    lain: Mapping[str, Simpul]


def _kata_bagian(h: Hasil, nodes: Iterable[Simpul]) -> str:
    """`kegiatan`, `sub kegiatan`, `RO`: what the parts are called, by their level."""
    levels = {n.tingkat for n in nodes}
    if len(levels) != 1:
        return "kegiatan" if not levels else "rincian anggaran"
    name = h.nama_tingkat(levels.pop())
    return name if name.isupper() else name.lower()


def _jumlah_bagian(nodes: Iterable[Simpul], field_name: str) -> Decimal | None:
    anggaran = [x.anggaran for x in nodes]
    pagu = sum((x.pagu.nilai or Decimal(0) for x in anggaran), Decimal(0))
    real = sum((x.realisasi.nilai or Decimal(0) for x in anggaran), Decimal(0))
    if field_name == "penyerapan":
        return bagi_persen(real, pagu)
    return {"pagu": pagu, "realisasi": real}.get(field_name)


#: Most nodes of the same level elsewhere in the tree that a total is tried with, one at a
#: time: beyond that a report's tree is too large for one added by mistake to be guessed.
MAKS_LAIN = 20


def _extra_alts(bagian: Bagian, field_name: str) -> Iterator[Alternatif]:
    """The sum with one node of the same level from elsewhere added (up to `MAKS_LAIN`)."""
    if not bagian.anak or len(bagian.lain) > MAKS_LAIN:
        return
    for kode, node in bagian.lain.items():
        yield Alternatif(f"jumlah termasuk {bagian.kata} {kode} yang bukan bagiannya",
                         _jumlah_bagian([*bagian.anak.values(), node], field_name))


def _subset_alts(kegiatan: Mapping[str, Simpul], field_name: str,
                 kata: str = "kegiatan") -> Iterator[Alternatif]:
    """The same sum over every proper subset of the parts (up to 10 of them)."""
    items = list(kegiatan.items())
    if not 1 < len(items) <= 10:
        return
    for size in range(1, len(items)):
        for combo in itertools.combinations(items, size):
            value = _jumlah_bagian([node for _, node in combo], field_name)
            left_out = [kode for kode, _ in items if kode not in {c for c, _ in combo}]
            words = (f"tanpa {kata} " + ", ".join(left_out) if len(left_out) <= size
                     else f"hanya {kata} " + ", ".join(c for c, _ in combo))
            yield Alternatif(f"jumlah dari himpunan {kata} lain: {words}", value)


def _kumpulkan_simpul(k: Kumpulan, node: Simpul,
                      model: Program | Kegiatan | RincianAnggaran) -> None:
    """A node of the budget tree: its printed totals against the sum of its children (naming
    a child left out, or one from elsewhere added), then the nodes below it."""
    d = model.dilaporkan
    anak: dict[str, Simpul] = {x.kode: x for x in node.anak}
    sama_tingkat = k.simpul_per_tingkat.get(node.tingkat + 1, [])
    # Nodes elsewhere are tried only when there are few (`_extra_alts`); the level is not
    # walked for each node when there are many, which made a large tree quadratic.
    lain = ({x.kode: x for x in sama_tingkat if x.kode not in anak}
            if len(sama_tingkat) - len(anak) <= MAKS_LAIN else {})
    bagian = Bagian(anak, _kata_bagian(k.h, anak.values()), lain) if anak else None
    kumpulkan_anggaran(k, node.kode, node.kode, node.path, node.anggaran,
                       {"pagu": d.pagu, "realisasi": d.realisasi, "penyerapan": d.penyerapan,
                        "rpd": d.rpd, "penyerapan_rpd": d.penyerapan_rpd,
                        "persen_rpd": d.persen_rpd}, bagian)
    k.add(node.kode, node.kode, node.path, d.porsi, "porsi", k.h.porsi(node), "%",
          lambda _lokasi: iter([Alternatif("penyerapan, bukan porsi pagu",
                                           node.anggaran.penyerapan.nilai)]))
    models: tuple[Kegiatan | RincianAnggaran, ...] = (
        model.kegiatan if isinstance(model, Program) else model.rincian)
    children: tuple[Simpul, ...] = node.anak
    for child, model_child in zip(children, models, strict=True):
        _kumpulkan_simpul(k, child, model_child)


def kumpulkan_program(k: Kumpulan) -> None:
    for prog, model_prog in zip(k.h.program, k.h.laporan.program, strict=True):
        _kumpulkan_simpul(k, prog, model_prog)
    for node, model in _simpul_berindikator(k.h):
        for ik, model_ik in zip(node.indikator, model.indikator, strict=True):
            di = model_ik.dilaporkan
            label = ik.kode
            # Places of the Renja evaluation are its own columns (audit/renja.py).
            k.add(ik.kode, label, ik.path, k.pilah(di.target, "renja", False), "target",
                  isian_target(ik.target), "")
            k.add(ik.kode, label, ik.path, k.pilah(di.realisasi, "renja", False),
                  "realisasi", isian("realisasi", ik.realisasi), "")
            k.add(ik.kode, label, ik.path, k.pilah(di.capaian, "renja", False), "capaian",
                  k.h.tampil(ik.capaian), "%", tanpa_batas_di(k, ik.capaian))


def _simpul_berindikator(h: Hasil) -> Iterator[tuple[Simpul, Program | Kegiatan |
                                                     RincianAnggaran]]:
    """Every node with indicators, at any level (the LKjIP prints them in the tables of
    node indicators: Tabel 3.8 for kegiatan, capaian kinerja program, sub kegiatan), with
    its model, in the tree's order."""

    def turun(node: Simpul, model: Program | Kegiatan | RincianAnggaran
              ) -> Iterator[tuple[Simpul, Program | Kegiatan | RincianAnggaran]]:
        if node.indikator:
            yield node, model
        models: tuple[Kegiatan | RincianAnggaran, ...] = (
            model.kegiatan if isinstance(model, Program) else model.rincian)
        children: tuple[Simpul, ...] = node.anak
        for child, model_child in zip(children, models, strict=True):
            yield from turun(child, model_child)

    for prog, model_prog in zip(h.program, h.laporan.program, strict=True):
        yield from turun(prog, model_prog)
