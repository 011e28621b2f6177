"""Semantic checks of a report: what a schema cannot say.

Every kode is unique in the file (so `lkjip explain KODE` is never ambiguous), every reference
names something that exists, a range target runs upward, years are not repeated, a year's
value agrees with its quarters, the belanja langsung given for the report's year is the sum
of its kegiatan, and a kegiatan did not spend more than its pagu (a warning: budgets shift in
the APBD-P, but a reviewer must see it).

The checks read the parsed YAML document itself, not the validated models, so that they run
even when model validation failed elsewhere in the file: a user sees a duplicate kode and a
mistyped number in the same run. Anything not shaped as expected is skipped here; the model
validation reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli import angka
from lkjip_cli.checks.anggaran import belanja_langsung, budget_tree_checks, spending
from lkjip_cli.checks.belanja import belanja_checks
from lkjip_cli.checks.dokumen import Doc, items, mapping, number, year
from lkjip_cli.checks.indikator import quarters, ranges
from lkjip_cli.checks.kode import references, unique_codes
from lkjip_cli.checks.konteks import Konteks, Pemeriksaan
from lkjip_cli.checks.skala import capaian_bounds, sakip_scores
from lkjip_cli.checks.tahun import year_keys, years
from lkjip_cli.diagnostics import Diagnostic, Path, Severity
from lkjip_cli.model.penomoran import Penomoran
from lkjip_cli.model.rumus import ATURAN_REKAP, gulung_triwulan
from lkjip_cli.model.types import POLA_LOKASI
from lkjip_cli.source.yamlsource import SourceMap

# ------------------------------------------------------ probably mistyped numbers

#: Units that count whole things (docs/format.md, "Satuan hitung"): a figure in one of them
#: is never fractional, so `5.840` there is a thousands separator YAML read as 5,84.
SATUAN_HITUNG = frozenset({
    "orang", "pegawai", "pns", "asn", "peserta", "jiwa", "keluarga", "kk", "dokumen", "berkas",
    "naskah", "laporan", "kegiatan", "unit", "buah", "paket", "kali", "data", "lokasi", "desa",
    "kelurahan", "sekolah", "rumah", "aplikasi", "sistem", "produk", "sertifikat", "surat",
    "izin", "perda", "pergub", "perbup", "regulasi", "rekomendasi", "kasus", "pengaduan",
})


def satuan_hitung(satuan: Any) -> bool:
    """Whether a satuan counts whole things (any of its words is in `SATUAN_HITUNG`)."""
    if not isinstance(satuan, str):
        return False
    words = "".join(c if c.isalnum() else " " for c in satuan.lower()).split()
    return any(w in SATUAN_HITUNG for w in words)


def ribuan_tersamar(value: Any) -> bool:
    """A plain YAML number like `5.840`: three decimals after a whole part of 1 to 999."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    return value.as_tuple().exponent == -3 and 1 <= abs(value) < 1000


def _nilai_angka(node: Doc) -> Iterator[tuple[Path, Any]]:
    """(relative path, value) of every figure of an indicator that is in its satuan."""
    for name in ("target", "realisasi"):
        yield from _target_parts((name,), node.get(name))
    for t, tw in items(node, "triwulan"):
        for name in ("target", "realisasi"):
            yield from _target_parts(("triwulan", t, name), tw.get(name))
    for key, value in mapping(node, "realisasi_sebelumnya").items():
        yield ("realisasi_sebelumnya", key), value
    for key, value in mapping(node, "target_renstra").items():
        yield from _target_parts(("target_renstra", key), value)


def _target_parts(path: Path, value: Any) -> Iterator[tuple[Path, Any]]:
    if isinstance(value, dict):
        for bound in ("min", "maks"):
            yield (*path, bound), value.get(bound)
    else:
        yield path, value


def ribuan_salah_ketik(ctx: Konteks) -> None:
    """Warn where a count-unit figure is written `5.840`: almost surely 5840, not 5,84."""
    indikator = list(ctx.indikator())
    for base, keg in ctx.kegiatan():
        indikator += [((*base, "indikator", k), ik) for k, ik in items(keg, "indikator")]
    for base, ind in indikator:
        if not satuan_hitung(ind.get("satuan")):
            continue
        for rel, value in _nilai_angka(ind):
            if ribuan_tersamar(value):
                bulat = str(value).replace(".", "")
                ctx.add((*base, *rel), "number-thousands",
                        f"{value} dengan satuan `{ind.get('satuan')}` terbaca sebagai "
                        f"{angka.angka(value)} (titik desimal YAML); satuan itu menghitung "
                        f"barang utuh, jadi titik itu tampaknya pemisah ribuan: tulis "
                        f"{int(bulat)} atau \"{angka.angka(Decimal(bulat))},-\"",
                        Severity.WARNING)


def _dilaporkan(node: Any, path: Path) -> Iterator[tuple[Path, Doc]]:
    """Every `dilaporkan` mapping of the document, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "dilaporkan" and isinstance(value, dict):
                yield (*path, key), value
            else:
                yield from _dilaporkan(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _dilaporkan(value, (*path, i))


def penomoran_checks(ctx: Konteks) -> None:
    """Printed labels in `penomoran` are unique, and every `dilaporkan` place names a table
    the report prints (resolved through `penomoran`), with the nearest label suggested."""
    peta = {k: v for k, v in mapping(ctx.data, "penomoran").items()
            if isinstance(k, str) and isinstance(v, str)}
    nomoran = Penomoran(peta)
    seen: dict[str, str] = {}
    for nomor, label in nomoran.cetak.items():
        if label in seen:
            ctx.add(("penomoran", nomor), "duplicate-label",
                    f"label `{label}` sudah dipakai untuk Tabel {seen[label]}; satu label "
                    "cetakan hanya dapat menunjuk satu tabel")
        seen.setdefault(label, nomor)
    for base, printed in _dilaporkan(ctx.data, ()):
        for kuantitas, places in printed.items():
            if not isinstance(places, dict):
                continue
            for tempat in places:
                if not isinstance(tempat, str) or not re.match(POLA_LOKASI, tempat):
                    continue  # not a place at all: the model validation reports it
                if nomoran.resolusi(tempat) is None:
                    ctx.add((*base, kuantitas, tempat), "unknown-place",
                            nomoran.pesan_tidak_dikenal(tempat))


def periode_checks(ctx: Konteks) -> None:
    """An interim period lies in the report's year; a year's value agrees with its months."""
    sampai = mapping(ctx.data, "periode").get("sampai")
    tahun = year(ctx.data.get("tahun"))
    if isinstance(sampai, str) and re.match(r"^[0-9]{4}-", sampai) and tahun is not None \
            and int(sampai[:4]) != tahun:
        ctx.add(("periode", "sampai"), "periode-tahun",
                f"periode {sampai} tidak berada di tahun laporan {tahun}")
    for base, ind in ctx.indikator():
        rule = ind.get("rekap_triwulan", "terakhir")
        months = [m for _, m in items(ind, "bulanan")]
        if rule not in ATURAN_REKAP or not months:
            continue
        for name in ("target", "realisasi"):
            annual = number(ind.get(name))
            rolled = gulung_triwulan(rule, [v for v in (number(m.get(name)) for m in months)
                                            if v is not None])
            if annual is not None and rolled is not None and annual != rolled:
                ctx.add((*base, name), "rekap-bulanan",
                        f"{name} tahunan {angka.angka(annual)} berbeda dengan rekap "
                        f"bulanan {angka.angka(rolled)} (rekap_triwulan: {rule})",
                        Severity.WARNING)


#: Every check, in the order its diagnostics are reported (tests and goldens assert the
#: order): a new check is a function of a `Konteks` added here.
PEMERIKSAAN: tuple[Pemeriksaan, ...] = (
    unique_codes,
    references,
    ranges,
    years,
    spending,
    belanja_langsung,
    quarters,
    year_keys,
    sakip_scores,
    capaian_bounds,
    penomoran_checks,
    budget_tree_checks,
    belanja_checks,
    periode_checks,
    ribuan_salah_ketik,
)


def semantic_checks(data: Doc, source: SourceMap) -> list[Diagnostic]:
    """Every semantic problem of a parsed report document, valid or not."""
    ctx = Konteks(data, source)
    for periksa in PEMERIKSAAN:
        periksa(ctx)
    return ctx.found
