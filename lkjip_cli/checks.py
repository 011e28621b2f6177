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
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli import angka
from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.rumus import ATURAN_REKAP, gulung_triwulan
from lkjip_cli.source.numbers import NumberError, parse_number
from lkjip_cli.source.yamlsource import SourceMap

Doc = dict[str, Any]


# ------------------------------------------------------------- reading the document


def items(node: Any, key: str) -> Iterator[tuple[int, Doc]]:
    """The mappings in the list under `key` of `node`, with their index."""
    value = node.get(key) if isinstance(node, dict) else None
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def mapping(node: Any, key: str) -> Doc:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def number(value: Any) -> Decimal | None:
    """The value as a Decimal when it is one (or an Indonesian-formatted string), else None."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            return parse_number(value)
        except NumberError:
            return None
    return None


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def year(value: Any) -> int | None:
    n = number(value)
    return int(n) if n is not None and n == n.to_integral_value() else None


#: Unknown references that get a "did you mean" suggestion; each costs a scan of the codes,
#: so a file of thousands of dangling references stays linear.
MAX_SARAN = 20


class _Checker:
    def __init__(self, data: Doc, source: SourceMap) -> None:
        self.data = data
        self.source = source
        self.found: list[Diagnostic] = []
        self._kode_per_jenis: dict[str, dict[str, None]] | None = None
        self._saran: dict[tuple[str, str], str] = {}

    def add(self, path: Path, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        mark = self.source.value_mark(path)
        self.found.append(
            Diagnostic(
                file=self.source.file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                severity=severity,
                code=code,
                message=message,
                path=format_path(path),
            )
        )

    # ------------------------------------------------------------------ walking

    def sasaran(self) -> Iterator[tuple[Path, Doc]]:
        for i, sas in items(self.data, "sasaran"):
            yield ("sasaran", i), sas

    def indikator(self) -> Iterator[tuple[Path, Doc]]:
        for base, sas in self.sasaran():
            for j, ind in items(sas, "indikator"):
                yield (*base, "indikator", j), ind

    def kegiatan(self) -> Iterator[tuple[Path, Doc]]:
        for i, prog in items(self.data, "program"):
            for j, keg in items(prog, "kegiatan"):
                yield ("program", i, "kegiatan", j), keg

    # ------------------------------------------------------------------ codes

    def all_codes(self) -> Iterator[tuple[str, str, Path]]:
        """(kind, kode, path of the kode) for everything in the file that has a kode."""
        for i, tujuan in items(self.data, "tujuan"):
            yield from self._kode("tujuan", tujuan, ("tujuan", i))
        for base, sas in self.sasaran():
            yield from self._kode("sasaran", sas, base)
        for base, ind in self.indikator():
            yield from self._kode("indikator", ind, base)
        for i, prog in items(self.data, "program"):
            yield from self._kode("program", prog, ("program", i))
        for base, keg in self.kegiatan():
            yield from self._kode("kegiatan", keg, base)
            for k, ik in items(keg, "indikator"):
                yield from self._kode("indikator kegiatan", ik, (*base, "indikator", k))
        for i, komp in items(mapping(self.data, "evaluasi_sakip"), "komponen"):
            yield from self._kode("komponen", komp, ("evaluasi_sakip", "komponen", i))

    @staticmethod
    def _kode(kind: str, node: Doc, base: Path) -> Iterator[tuple[str, str, Path]]:
        kode = text(node.get("kode"))
        if kode:
            yield kind, kode, (*base, "kode")

    def unique_codes(self) -> None:
        seen: dict[str, tuple[str, Path]] = {}
        for kind, kode, path in self.all_codes():
            if kode not in seen:
                seen[kode] = (kind, path)
                continue
            first_kind, first_path = seen[kode]
            mark = self.source.value_mark(first_path)
            where = f" (line {mark.line})" if mark else ""
            self.add(path, "duplicate-kode",
                     f"kode `{kode}` of this {kind} is already used by a {first_kind} at "
                     f"{format_path(first_path)}{where}; every kode in a report must be unique")

    # ------------------------------------------------------------- references

    def kode_jenis(self, kind: str) -> dict[str, None]:
        """The codes of one kind, in file order (an ordered set), indexed once per report."""
        if self._kode_per_jenis is None:
            self._kode_per_jenis = {}
            for kd, k, _ in self.all_codes():
                self._kode_per_jenis.setdefault(kd, {})[k] = None
        return self._kode_per_jenis.get(kind, {})

    def reference(self, path: Path, kode: Any, kind: str) -> None:
        if not isinstance(kode, str):
            return
        known = self.kode_jenis(kind)
        if kode in known:
            return
        self.add(path, "unknown-ref", f"no {kind} has kode `{kode}`{self.saran(kode, kind)}")

    def saran(self, kode: str, kind: str) -> str:
        """The "did you mean" hint, for the first MAX_SARAN distinct unknown codes only."""
        if (kode, kind) not in self._saran:
            if len(self._saran) >= MAX_SARAN:
                return ""
            close = difflib.get_close_matches(kode, list(self.kode_jenis(kind)), n=1,
                                              cutoff=0.6)
            self._saran[(kode, kind)] = f"; did you mean `{close[0]}`?" if close else ""
        return self._saran[(kode, kind)]

    def references(self) -> None:
        for base, sas in self.sasaran():
            if sas.get("tujuan") is not None:
                self.reference((*base, "tujuan"), sas.get("tujuan"), "tujuan")
        for base, keg in self.kegiatan():
            refs = keg.get("mendukung")
            for k, kode in enumerate(refs if isinstance(refs, list) else []):
                self.reference((*base, "mendukung", k), kode, "indikator")
        rata = mapping(mapping(self.data, "aturan"), "rata_rata")
        for i, exc in items(rata, "dikecualikan"):
            self.reference(("aturan", "rata_rata", "dikecualikan", i, "indikator"),
                           exc.get("indikator"), "indikator")
        for i, hasil in items(mapping(self.data, "evaluasi_sakip"), "hasil"):
            for kode in mapping(hasil, "nilai"):
                self.reference(("evaluasi_sakip", "hasil", i, "nilai", kode), kode, "komponen")

    # ------------------------------------------------------------------ values

    def ranges(self) -> None:
        for base, ind in self.indikator():
            self.range_order((*base, "target"), ind.get("target"))
            for t, tw in items(ind, "triwulan"):
                self.range_order((*base, "triwulan", t, "target"), tw.get("target"))
            for key, target in mapping(ind, "target_renstra").items():
                self.range_order((*base, "target_renstra", key), target)
        for base, keg in self.kegiatan():
            for k, ik in items(keg, "indikator"):
                self.range_order((*base, "indikator", k, "target"), ik.get("target"))

    def range_order(self, path: Path, target: Any) -> None:
        if not isinstance(target, dict):
            return
        low, high = number(target.get("min")), number(target.get("maks"))
        if low is not None and high is not None and low > high:
            self.add(path, "range-order",
                     f"range target runs downward: min {low} > maks {high}")

    def years(self) -> None:
        tahun = year(self.data.get("tahun"))
        renstra = mapping(self.data, "renstra")
        mulai, selesai = year(renstra.get("mulai")), year(renstra.get("selesai"))
        if mulai is not None and selesai is not None:
            if mulai > selesai:
                self.add(("renstra",), "range-order", "renstra.mulai is after renstra.selesai")
            elif tahun is not None and not mulai <= tahun <= selesai:
                self.add(("tahun",), "outside-renstra",
                         f"tahun {tahun} is outside the Renstra period {mulai}-{selesai}",
                         Severity.WARNING)
        self.unique_years(("belanja",), items(self.data, "belanja"))
        self.unique_years(("evaluasi_sakip", "hasil"),
                          items(mapping(self.data, "evaluasi_sakip"), "hasil"))

    def unique_years(self, base: Path, entries: Iterator[tuple[int, Doc]]) -> None:
        seen: set[int] = set()
        for i, entry in entries:
            y = year(entry.get("tahun"))
            if y is None:
                continue
            if y in seen:
                self.add((*base, i, "tahun"), "duplicate-year", f"tahun {y} appears twice")
            seen.add(y)

    # ---------------------------------------------------------------- spending

    def spending(self) -> None:
        for base, keg in self.kegiatan():
            self.over_pagu((*base, "realisasi"), keg.get("pagu"), keg.get("realisasi"))
        for i, entry in items(self.data, "belanja"):
            for name in ("langsung", "tidak_langsung"):
                pos = mapping(entry, name)
                self.over_pagu(("belanja", i, name, "realisasi"), pos.get("pagu"),
                               pos.get("realisasi"))

    def over_pagu(self, path: Path, pagu_raw: Any, realisasi_raw: Any) -> None:
        pagu, realisasi = number(pagu_raw), number(realisasi_raw)
        if pagu is None or realisasi is None or pagu < 0 or realisasi < 0:
            return  # a missing or negative amount is the model validation's to report
        if realisasi > pagu:
            self.add(path, "realisasi-over-pagu",
                     f"realisasi {angka.rupiah(realisasi)} is above the pagu "
                     f"{angka.rupiah(pagu)}", Severity.WARNING)

    def belanja_langsung(self) -> None:
        """The report year's belanja langsung, when given, against the sum of its kegiatan."""
        kegiatan = [keg for _, keg in self.kegiatan()]
        tahun = year(self.data.get("tahun"))
        if not kegiatan:
            return
        totals: dict[str, Decimal | None] = {}
        for name in ("pagu", "realisasi"):
            parts = [number(keg.get(name)) for keg in kegiatan]
            totals[name] = None if any(p is None for p in parts) else sum(
                (p for p in parts if p is not None), Decimal(0))
        for i, entry in items(self.data, "belanja"):
            if year(entry.get("tahun")) != tahun:
                continue
            for name in ("pagu", "realisasi"):
                given = number(mapping(entry, "langsung").get(name))
                total = totals[name]
                if given is None or total is None:
                    continue
                if given != total:
                    self.add(("belanja", i, "langsung", name), "belanja-langsung",
                             f"{name} belanja langsung {angka.rupiah(given)} differs from the "
                             f"sum of the kegiatan, {angka.rupiah(total)}", Severity.WARNING)

    # ----------------------------------------------------------------- quarters

    def quarters(self) -> None:
        """A year's target and realisasi against the roll-up of its quarters."""
        for base, ind in self.indikator():
            rule = ind.get("rekap_triwulan", "terakhir")
            quarters = [tw for _, tw in items(ind, "triwulan")]
            if rule not in ATURAN_REKAP or not quarters:
                continue
            for name in ("target", "realisasi"):
                annual = number(ind.get(name))
                values = [number(tw.get(name)) for tw in quarters]
                rolled = gulung_triwulan(rule, [v for v in values if v is not None])
                if annual is not None and rolled is not None and annual != rolled:
                    self.add((*base, name), "rekap-triwulan",
                             f"{name} tahunan {angka.angka(annual)} berbeda dengan rekap "
                             f"triwulan {angka.angka(rolled)} (rekap_triwulan: {rule})",
                             Severity.WARNING)


def semantic_checks(data: Doc, source: SourceMap) -> list[Diagnostic]:
    """Every semantic problem of a parsed report document, valid or not."""
    checker = _Checker(data, source)
    checker.unique_codes()
    checker.references()
    checker.ranges()
    checker.years()
    checker.spending()
    checker.belanja_langsung()
    checker.quarters()
    return checker.found
