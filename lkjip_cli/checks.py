"""Semantic checks of a report that validated against the models.

What a schema cannot say: every kode is unique in the file (so `lkjip explain KODE` is never
ambiguous), every reference names something that exists, a range target runs upward, years
are not repeated, and a kegiatan did not spend more than its pagu (a warning: budgets shift
in the APBD-P, but a reviewer must see it).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal

from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.model.laporan import Laporan, PosBelanja, Rentang
from lkjip_cli.source.yamlsource import SourceMap


class _Checker:
    def __init__(self, report: Laporan, source: SourceMap) -> None:
        self.report = report
        self.source = source
        self.found: list[Diagnostic] = []

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

    # ------------------------------------------------------------------ codes

    def all_codes(self) -> Iterator[tuple[str, str, Path]]:
        """(kind, kode, path of the kode) for everything in the file that has a kode."""
        r = self.report
        for i, tujuan in enumerate(r.tujuan):
            yield "tujuan", tujuan.kode, ("tujuan", i, "kode")
        for i, sasaran in enumerate(r.sasaran):
            yield "sasaran", sasaran.kode, ("sasaran", i, "kode")
            for j, ind in enumerate(sasaran.indikator):
                yield "indikator", ind.kode, ("sasaran", i, "indikator", j, "kode")
        for i, program in enumerate(r.program):
            yield "program", program.kode, ("program", i, "kode")
            for j, keg in enumerate(program.kegiatan):
                base: Path = ("program", i, "kegiatan", j)
                yield "kegiatan", keg.kode, (*base, "kode")
                for k, ik in enumerate(keg.indikator):
                    yield "indikator kegiatan", ik.kode, (*base, "indikator", k, "kode")
        if r.evaluasi_sakip:
            for i, komp in enumerate(r.evaluasi_sakip.komponen):
                yield "komponen", komp.kode, ("evaluasi_sakip", "komponen", i, "kode")

    def unique_codes(self) -> None:
        seen: dict[str, tuple[str, Path]] = {}
        for kind, kode, path in self.all_codes():
            if kode in seen:
                first_kind, first_path = seen[kode]
                mark = self.source.value_mark(first_path)
                where = f" (line {mark.line})" if mark else ""
                self.add(
                    path,
                    "duplicate-kode",
                    f"kode `{kode}` of this {kind} is already used by a {first_kind} at "
                    f"{format_path(first_path)}{where}; every kode in a report must be unique",
                )
            else:
                seen[kode] = (kind, path)

    # ------------------------------------------------------------- references

    def codes_of(self, kind: str) -> list[str]:
        return [kode for k, kode, _ in self.all_codes() if k == kind]

    def reference(self, path: Path, kode: str, kind: str) -> None:
        known = self.codes_of(kind)
        if kode in known:
            return
        close = difflib.get_close_matches(kode, known, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        self.add(path, "unknown-ref", f"no {kind} has kode `{kode}`{hint}")

    def references(self) -> None:
        r = self.report
        for i, sasaran in enumerate(r.sasaran):
            if sasaran.tujuan is not None:
                self.reference(("sasaran", i, "tujuan"), sasaran.tujuan, "tujuan")
        for i, program in enumerate(r.program):
            for j, keg in enumerate(program.kegiatan):
                for k, kode in enumerate(keg.mendukung):
                    path = ("program", i, "kegiatan", j, "mendukung", k)
                    self.reference(path, kode, "indikator")
        for i, exc in enumerate(r.aturan.rata_rata.dikecualikan):
            self.reference(("aturan", "rata_rata", "dikecualikan", i, "indikator"),
                           exc.indikator, "indikator")
        if r.evaluasi_sakip:
            for i, hasil in enumerate(r.evaluasi_sakip.hasil):
                for kode in hasil.nilai:
                    self.reference(("evaluasi_sakip", "hasil", i, "nilai", kode), kode,
                                   "komponen")

    # ------------------------------------------------------------------ values

    def ranges(self) -> None:
        for i, sasaran in enumerate(self.report.sasaran):
            for j, ind in enumerate(sasaran.indikator):
                base: Path = ("sasaran", i, "indikator", j)
                self.range_order((*base, "target"), ind.target)
                for t, tw in enumerate(ind.triwulan):
                    self.range_order((*base, "triwulan", t, "target"), tw.target)
                for year, target in ind.target_renstra.items():
                    self.range_order((*base, "target_renstra", str(year)), target)

    def range_order(self, path: Path, target: object) -> None:
        if isinstance(target, Rentang) and target.min > target.maks:
            self.add(path, "range-order",
                     f"range target runs downward: min {target.min} > maks {target.maks}")

    def years(self) -> None:
        r = self.report
        if r.renstra.mulai > r.renstra.selesai:
            self.add(("renstra",), "range-order", "renstra.mulai is after renstra.selesai")
        elif not r.renstra.mulai <= r.tahun <= r.renstra.selesai:
            self.add(("tahun",), "outside-renstra",
                     f"tahun {r.tahun} is outside the Renstra period "
                     f"{r.renstra.mulai}-{r.renstra.selesai}", Severity.WARNING)
        self.unique_years(("belanja",), [b.tahun for b in r.belanja])
        if r.evaluasi_sakip:
            years = [h.tahun for h in r.evaluasi_sakip.hasil]
            self.unique_years(("evaluasi_sakip", "hasil"), years)

    def unique_years(self, base: Path, years: list[int]) -> None:
        seen: set[int] = set()
        for i, year in enumerate(years):
            if year in seen:
                self.add((*base, i, "tahun"), "duplicate-year", f"tahun {year} appears twice")
            seen.add(year)

    def spending(self) -> None:
        for i, program in enumerate(self.report.program):
            for j, keg in enumerate(program.kegiatan):
                self.over_pagu(("program", i, "kegiatan", j, "realisasi"), keg.pagu, keg.realisasi)
        for i, year in enumerate(self.report.belanja):
            for name in ("langsung", "tidak_langsung"):
                pos: PosBelanja = getattr(year, name)
                if pos.pagu is not None and pos.realisasi is not None:
                    self.over_pagu(("belanja", i, name, "realisasi"), pos.pagu, pos.realisasi)

    def over_pagu(self, path: Path, pagu: Decimal, realisasi: Decimal) -> None:
        if realisasi > pagu:
            self.add(path, "realisasi-over-pagu",
                     f"realisasi {realisasi} is above the pagu {pagu}", Severity.WARNING)


def semantic_checks(report: Laporan, source: SourceMap) -> list[Diagnostic]:
    """Every semantic problem of a report that passed model validation."""
    checker = _Checker(report, source)
    checker.unique_codes()
    checker.references()
    checker.ranges()
    checker.years()
    checker.spending()
    return checker.found
