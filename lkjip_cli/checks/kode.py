"""Codes and the references to them.

Every kode is unique in the file, so `lkjip explain KODE` and every reference name one thing;
every reference (a sasaran's tujuan, `mendukung` of program, kegiatan and rincian, an
indicator left out of the average, a SAKIP component scored) names a kode of its kind that
exists, and an unknown one gets the nearest kode as a "did you mean" hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from lkjip_cli.checks.dokumen import Doc, items, mapping, text
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path, format_path

#: What a node's indicator is called in a message, by level (kegiatan's is above).
JENIS_INDIKATOR_SIMPUL = {0: "indikator program", 2: "indikator rincian anggaran"}

#: Unknown references that get a "did you mean" suggestion; each costs a scan of the codes,
#: so a file of thousands of dangling references stays linear.
MAX_SARAN = 20


def all_codes(ctx: Konteks) -> Iterator[tuple[str, str, Path]]:
    """(kind, kode, path of the kode) for everything in the file that has a kode."""
    for i, tujuan in items(ctx.data, "tujuan"):
        yield from _kode("tujuan", tujuan, ("tujuan", i))
    for base, sas in ctx.sasaran():
        yield from _kode("sasaran", sas, base)
    for base, ind in ctx.indikator():
        yield from _kode("indikator", ind, base)
    for i, prog in items(ctx.data, "program"):
        yield from _kode("program", prog, ("program", i))
    for base, keg in ctx.kegiatan():
        yield from _kode("kegiatan", keg, base)
        for k, ik in items(keg, "indikator"):
            yield from _kode("indikator kegiatan", ik, (*base, "indikator", k))
    for base, node in ctx.rincian():
        yield from _kode("rincian anggaran", node, base)
    # Indicators of the other levels of the cascade (issue 23), after the kinds above so
    # that a file without them reports exactly what it always did.
    for base, ik, tingkat in ctx.indikator_simpul():
        if tingkat != 1:
            yield from _kode(JENIS_INDIKATOR_SIMPUL[min(tingkat, 2)], ik, base)
    for i, komp in items(mapping(ctx.data, "evaluasi_sakip"), "komponen"):
        yield from _kode("komponen", komp, ("evaluasi_sakip", "komponen", i))


def _kode(kind: str, node: Doc, base: Path) -> Iterator[tuple[str, str, Path]]:
    kode = text(node.get("kode"))
    if kode:
        yield kind, kode, (*base, "kode")


def unique_codes(ctx: Konteks) -> None:
    seen: dict[str, tuple[str, Path]] = {}
    for kind, kode, path in all_codes(ctx):
        if kode not in seen:
            seen[kode] = (kind, path)
            continue
        first_kind, first_path = seen[kode]
        mark = ctx.source.value_mark(first_path)
        where = f" (baris {mark.line})" if mark else ""
        ctx.add(path, "duplicate-kode",
                f"kode `{kode}` {kind} ini sudah dipakai {first_kind} di "
                f"{format_path(first_path)}{where}; setiap kode dalam laporan harus unik")


class _Rujukan:
    """The references of one report against its codes: the code index, built once on the
    first reference, and the "did you mean" hints given so far."""

    def __init__(self, ctx: Konteks) -> None:
        self.ctx = ctx
        self._kode_per_jenis: dict[str, dict[str, None]] | None = None
        self._saran: dict[tuple[str, str], str] = {}

    def kode_jenis(self, kind: str) -> dict[str, None]:
        """The codes of one kind, in file order (an ordered set), indexed once per report."""
        if self._kode_per_jenis is None:
            self._kode_per_jenis = {}
            for kd, k, _ in all_codes(self.ctx):
                self._kode_per_jenis.setdefault(kd, {})[k] = None
        return self._kode_per_jenis.get(kind, {})

    def reference(self, path: Path, kode: Any, kind: str) -> None:
        if not isinstance(kode, str):
            return
        known = self.kode_jenis(kind)
        if kode in known:
            return
        self.ctx.add(path, "unknown-ref",
                     f"tidak ada {kind} dengan kode `{kode}`{self.saran(kode, kind)}")

    def saran(self, kode: str, kind: str) -> str:
        """The "did you mean" hint, for the first MAX_SARAN distinct unknown codes only."""
        if (kode, kind) not in self._saran:
            if len(self._saran) >= MAX_SARAN:
                return ""
            close = difflib.get_close_matches(kode, list(self.kode_jenis(kind)), n=1,
                                              cutoff=0.6)
            self._saran[(kode, kind)] = f"; maksud Anda `{close[0]}`?" if close else ""
        return self._saran[(kode, kind)]


def references(ctx: Konteks) -> None:
    rujukan = _Rujukan(ctx)
    for base, sas in ctx.sasaran():
        if sas.get("tujuan") is not None:
            rujukan.reference((*base, "tujuan"), sas.get("tujuan"), "tujuan")
    nodes = [(("program", i), prog) for i, prog in items(ctx.data, "program")]
    for base, keg in [*nodes, *ctx.kegiatan(), *ctx.rincian()]:
        refs = keg.get("mendukung")
        for k, kode in enumerate(refs if isinstance(refs, list) else []):
            rujukan.reference((*base, "mendukung", k), kode, "indikator")
    for base, ik, _ in ctx.indikator_simpul():
        if ik.get("sama_dengan") is not None:
            rujukan.reference((*base, "sama_dengan"), ik.get("sama_dengan"), "indikator")
    rata = mapping(mapping(ctx.data, "aturan"), "rata_rata")
    for i, exc in items(rata, "dikecualikan"):
        rujukan.reference(("aturan", "rata_rata", "dikecualikan", i, "indikator"),
                          exc.get("indikator"), "indikator")
    for i, hasil in items(mapping(ctx.data, "evaluasi_sakip"), "hasil"):
        for kode in mapping(hasil, "nilai"):
            rujukan.reference(("evaluasi_sakip", "hasil", i, "nilai", kode), kode, "komponen")
    narasi = mapping(ctx.data, "narasi")
    for jenis in ("sasaran", "indikator"):
        for kode in mapping(narasi, jenis):
            rujukan.reference(("narasi", jenis, kode), kode, jenis)
