"""A year's spending as a report prints it, and the classes of spending it is made of.

Direct and indirect spending (belanja langsung, tidak langsung) with their totals and
penyerapan, efficiency in rupiah, the numbers of programs and kegiatan; for 2021+ reports the
classes (jenis) and groups (kelompok) of spending with pagu murni and the change of pagu. A
wrong figure is often another pool's value in the wrong column, a total over part of the
classes, or a budget cut written as a positive number.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal

from lkjip_cli.audit.kumpulan import Kumpulan, PenghasilDiTempat, bagi_persen, bind, isian, lengkap
from lkjip_cli.audit.sebab import Alternatif
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import HasilBelanja, HasilPosBelanja
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.anggaran import DilaporkanPosBelanja
from lkjip_cli.model.laporan import BelanjaTahun


def kumpulkan_belanja(k: Kumpulan, b: HasilBelanja, model_b: BelanjaTahun | None) -> None:
    if model_b is None:
        return
    d = model_b.dilaporkan
    label = f"Belanja {b.tahun}"
    base = b.path

    def pool(lokasi: str) -> Iterator[Alternatif]:
        for name, value in (("pagu belanja langsung", b.pagu_langsung),
                            ("pagu belanja tidak langsung", b.pagu_tidak_langsung),
                            ("realisasi belanja langsung", b.realisasi_langsung),
                            ("realisasi belanja tidak langsung", b.realisasi_tidak_langsung),
                            ("total BL + BTL (pagu)", b.pagu_total),
                            ("total BL + BTL (realisasi)", b.realisasi_total),
                            ("penyerapan total BL + BTL", b.penyerapan_total),
                            ("penyerapan belanja langsung", b.penyerapan_langsung),
                            ("penyerapan belanja tidak langsung", b.penyerapan_tidak_langsung)):
            yield Alternatif(f"nilai {name}", value.nilai)

    for kuantitas in ("pagu_langsung", "realisasi_langsung", "penyerapan_langsung",
                      "pagu_tidak_langsung", "realisasi_tidak_langsung",
                      "penyerapan_tidak_langsung", "pagu_total", "realisasi_total",
                      "penyerapan_total", "efisiensi_nominal"):
        nilai: Nilai = getattr(b, kuantitas)
        satuan = "%" if kuantitas.startswith("penyerapan") else "Rp"
        k.add(label, label, base, getattr(d, kuantitas), kuantitas, nilai, satuan, pool)
    k.add(label, label, base, d.jumlah_program, "jumlah_program",
          isian("jumlah program", _dec(b.jumlah_program)), "")
    k.add(label, label, base, d.jumlah_kegiatan, "jumlah_kegiatan",
          isian("jumlah kegiatan", _dec(b.jumlah_kegiatan)), "")
    _kumpulkan_kelas(k, b, model_b)


#: The printed quantities of one class or group of spending, with their units.
KUANTITAS_POS = (("pagu", "Rp"), ("pagu_murni", "Rp"), ("perubahan_pagu", "Rp"),
                 ("realisasi", "Rp"), ("penyerapan", "%"))


def _kumpulkan_kelas(k: Kumpulan, b: HasilBelanja, model_b: BelanjaTahun) -> None:
    """The classes and groups of a year's spending, its pagu murni and its budget change."""
    d = model_b.dilaporkan
    label = f"Belanja {b.tahun}"
    puncak = {p.nama: p for p in (*b.kelompok, *(j for j in b.jenis if j.kelompok is None))}

    def total_alts(field_name: str) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            if b.klasifikasi != "bl-btl":
                yield from _subset_pos(puncak, field_name)
        return make

    if b.pagu_murni is not None:
        k.add(label, label, b.path, d.pagu_murni, "pagu_murni", b.pagu_murni, "Rp",
              total_alts("pagu_murni"))
    if b.perubahan_pagu is not None:
        k.add(label, label, b.path, d.perubahan_pagu, "perubahan_pagu", b.perubahan_pagu, "Rp",
              _perubahan_alts(b.perubahan_pagu), total_alts("perubahan_pagu"))
    for kuantitas in ("pagu_total", "realisasi_total", "penyerapan_total"):
        field_name = kuantitas.removesuffix("_total")
        for c in k.items:
            if c.entitas == label and c.kuantitas == kuantitas:
                c.penghasil.append(bind(total_alts(field_name), c.lokasi))
    if model_b.jenis:
        for pos, model_j in zip(b.jenis, model_b.jenis, strict=True):
            _kumpulkan_pos(k, pos, model_j.dilaporkan, f"{pos.nama} {b.tahun}", pos.path, {})
    groups = {g.kode: g for g in b.kelompok}
    for i, model_g in enumerate(model_b.kelompok):
        group = groups.get(model_g.kelompok)
        if group is None:
            continue
        parts = {p.nama: p for p in b.jenis if p.kelompok == group.kode}
        _kumpulkan_pos(k, group, model_g.dilaporkan, f"{group.nama} {b.tahun}",
                       (*b.path, "kelompok", i), parts)


def _kumpulkan_pos(k: Kumpulan, pos: HasilPosBelanja, d: DilaporkanPosBelanja, label: str,
                   base: Path, parts: Mapping[str, HasilPosBelanja]) -> None:
    for kuantitas, satuan in KUANTITAS_POS:
        nilai: Nilai = getattr(pos, kuantitas)
        alts: list[PenghasilDiTempat] = [_subset_pos_di(parts, kuantitas)]
        if kuantitas == "perubahan_pagu":
            alts.append(_perubahan_alts(nilai))
        k.add(label, label, base, getattr(d, kuantitas), kuantitas, nilai, satuan, *alts)


def _subset_pos_di(parts: Mapping[str, HasilPosBelanja], kuantitas: str) -> PenghasilDiTempat:
    return lambda _lokasi: _subset_pos(parts, kuantitas)


def _perubahan_alts(nilai: Nilai) -> PenghasilDiTempat:
    def make(lokasi: str) -> Iterator[Alternatif]:
        if nilai.nilai is not None:
            yield Alternatif("tanda dibalik: pagu murni - pagu (pemotongan ditulis positif)",
                             -nilai.nilai)
    return make


def _subset_pos(parts: Mapping[str, HasilPosBelanja], field_name: str) -> Iterator[Alternatif]:
    """A group's or year's total over every proper subset of its classes (up to 10)."""
    items = list(parts.items())
    if not 1 < len(items) <= 10:
        return
    for size in range(1, len(items)):
        for combo in itertools.combinations(items, size):
            value = _jumlah_pos([p for _, p in combo], field_name)
            left_out = [nama for nama, _ in items if nama not in {c for c, _ in combo}]
            words = ("tanpa " + ", ".join(left_out) if len(left_out) <= size
                     else "hanya " + ", ".join(c for c, _ in combo))
            yield Alternatif(f"jumlah dari sebagian jenis belanja: {words}", value)


def _jumlah_pos(parts: Sequence[HasilPosBelanja], field_name: str) -> Decimal | None:
    def total(name: str) -> Decimal | None:
        values = [getattr(p, name).nilai for p in parts]
        known = lengkap(values)
        return None if known is None else sum(known, Decimal(0))
    if field_name == "penyerapan":
        real, pagu = total("realisasi"), total("pagu")
        return None if real is None or pagu is None else bagi_persen(real, pagu)
    return total(field_name)


def _dec(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)
