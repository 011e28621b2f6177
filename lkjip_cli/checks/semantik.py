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

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import Doc, items, mapping, number, text, year
from lkjip_cli.checks.indikator import quarters, ranges
from lkjip_cli.checks.kode import references, unique_codes
from lkjip_cli.checks.konteks import MAKS_RINCIAN, Konteks, Pemeriksaan
from lkjip_cli.checks.skala import capaian_bounds, sakip_scores
from lkjip_cli.checks.tahun import year_keys, years
from lkjip_cli.diagnostics import Diagnostic, Path, Severity
from lkjip_cli.model.klasifikasi import KLASIFIKASI, adalah_kelompok, anggota
from lkjip_cli.model.penomoran import Penomoran
from lkjip_cli.model.rumus import ATURAN_REKAP, gulung_triwulan
from lkjip_cli.model.types import POLA_LOKASI
from lkjip_cli.source.yamlsource import SourceMap

# ------------------------------------------------------------- reading the document


def kode_kelas(value: Any) -> str | None:
    """A spending class code as the model reads it: text, or a number's own digits."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    return text(value)


# ---------------------------------------------------------------- spending


def spending(ctx: Konteks) -> None:
    for base, keg in ctx.daun():
        over_pagu(ctx, (*base, "realisasi"), keg.get("pagu"), keg.get("realisasi"))
    for i, entry in items(ctx.data, "belanja"):
        for name in ("langsung", "tidak_langsung"):
            pos = mapping(entry, name)
            over_pagu(ctx, ("belanja", i, name, "realisasi"), pos.get("pagu"),
                      pos.get("realisasi"))


def over_pagu(ctx: Konteks, path: Path, pagu_raw: Any, realisasi_raw: Any) -> None:
    pagu, realisasi = number(pagu_raw), number(realisasi_raw)
    if pagu is None or realisasi is None or pagu < 0 or realisasi < 0:
        return  # a missing or negative amount is the model validation's to report
    if realisasi > pagu:
        ctx.add(path, "realisasi-over-pagu",
                f"realisasi {angka.rupiah(realisasi)} melebihi pagu "
                f"{angka.rupiah(pagu)}", Severity.WARNING)


def belanja_langsung(ctx: Konteks) -> None:
    """The report year's belanja langsung, when given, against the sum of its kegiatan."""
    kegiatan = [keg for _, keg in ctx.daun()]
    tahun = year(ctx.data.get("tahun"))
    if not kegiatan:
        return
    totals: dict[str, Decimal | None] = {}
    for name in ("pagu", "realisasi"):
        parts = [number(keg.get(name)) for keg in kegiatan]
        totals[name] = None if any(p is None for p in parts) else sum(
            (p for p in parts if p is not None), Decimal(0))
    for i, entry in items(ctx.data, "belanja"):
        if year(entry.get("tahun")) != tahun:
            continue
        for name in ("pagu", "realisasi"):
            given = number(mapping(entry, "langsung").get(name))
            total = totals[name]
            if given is None or total is None:
                continue
            if given != total:
                ctx.add(("belanja", i, "langsung", name), "belanja-langsung",
                        f"{name} belanja langsung {angka.rupiah(given)} berbeda dengan "
                        f"jumlah kegiatan, {angka.rupiah(total)}", Severity.WARNING)


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


def budget_tree_checks(ctx: Konteks) -> None:
    """Money is typed at the leaves of the budget tree and nowhere above them: a leaf needs
    its pagu and realisasi; a level with rincian is their sum, and a total the report printed
    for it belongs under its `dilaporkan`."""
    for base, _ in ctx.rincian():
        if base.count("rincian") > MAKS_RINCIAN:
            ctx.add(base, "budget-too-deep",
                    f"rincian bertingkat lebih dari {MAKS_RINCIAN} di bawah kegiatan; "
                    "pohon anggaran sedalam ini bukan nomenklatur yang dikenal")
            return
    for base, node in (*ctx.kegiatan(), *ctx.rincian()):
        has_rincian = bool(node.get("rincian"))
        for key in ("pagu", "realisasi"):
            if has_rincian and node.get(key) is not None:
                ctx.add((*base, key), "budget-above-leaf",
                        f"`{key}` diisi pada tingkat yang mempunyai rincian: nilainya "
                        f"adalah jumlah rinciannya. Hapus `{key}`, atau catat angka yang "
                        f"dicetak laporan di `dilaporkan.{key}` agar lkjip check "
                        "membandingkannya")
            elif not has_rincian and key not in node:
                ctx.add((*base, key), "missing",
                        f"kunci wajib `{key}` tidak ada: tingkat terbawah pohon anggaran "
                        f"(tanpa `rincian`) membawa pagu dan realisasinya sendiri",
                        mark_at=base)


def belanja_checks(ctx: Konteks) -> None:
    """A year's spending lines are classes of its classification, each once; a group is
    given whole or by its types, not both; `langsung`/`tidak_langsung` are the bl-btl
    classes and belong to no other classification."""
    for i, entry in items(ctx.data, "belanja"):
        base: Path = ("belanja", i)
        klas = entry.get("klasifikasi", "bl-btl")
        if klas not in KLASIFIKASI:
            continue  # the model validation reports it
        legacy = [k for k in ("langsung", "tidak_langsung") if k in entry]
        for key in legacy:
            if klas != "bl-btl" or entry.get("jenis"):
                ctx.add((*base, key), "klasifikasi-belanja",
                        f"`{key}` adalah kelas klasifikasi bl-btl; tahun ini "
                        + (f"memakai klasifikasi {klas}: tulis belanjanya di `jenis`"
                           if klas != "bl-btl" else "sudah diisi per `jenis`: pilih satu"))
        codes = [k.kode for k in KLASIFIKASI[klas]]
        seen: set[str] = set()
        for j, line in items(entry, "jenis"):
            kode = kode_kelas(line.get("jenis"))
            if kode is None:
                continue
            path = (*base, "jenis", j, "jenis")
            if kode not in codes:
                close = difflib.get_close_matches(kode, codes, n=1, cutoff=0.5)
                hint = f"; mungkin maksudnya `{close[0]}`?" if close else ""
                ctx.add(path, "unknown-jenis",
                        f"`{kode}` bukan kelas klasifikasi {klas} ({', '.join(codes)}){hint}")
            elif kode in seen:
                ctx.add(path, "duplicate-jenis", f"jenis `{kode}` diisi dua kali")
            seen.add(kode)
            over_pagu(ctx, (*base, "jenis", j, "realisasi"), line.get("pagu"),
                      line.get("realisasi"))
        for g in sorted(k for k in seen if adalah_kelompok(klas, k)):
            parts = sorted(seen & {k.kode for k in anggota(klas, g)})
            if parts:
                ctx.add((*base, "jenis"), "duplicate-jenis",
                        f"kelompok `{g}` diisi utuh dan juga per jenis ({', '.join(parts)}): "
                        "isi salah satu, jumlah kelompok dihitung dari jenisnya")
        for j, group in items(entry, "kelompok"):
            kode = kode_kelas(group.get("kelompok"))
            if kode is not None and not adalah_kelompok(klas, kode):
                groups = [k.kode for k in KLASIFIKASI[klas] if adalah_kelompok(klas, k.kode)]
                ctx.add((*base, "kelompok", j, "kelompok"), "unknown-jenis",
                        f"`{kode}` bukan kelompok klasifikasi {klas}"
                        + (f" ({', '.join(groups)})" if groups else
                           ": klasifikasi ini tidak berkelompok"))


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
