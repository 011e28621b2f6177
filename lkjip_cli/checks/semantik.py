"""Semantic checks of a report: what a schema cannot say, run in one declared order.

Each concern is one module of this room, as yamllint keeps one module per rule: codes and
references (`kode`), an indicator's ranges and quarters (`indikator`), the report's years
(`tahun`), the budget tree and realisasi against pagu (`anggaran`), spending classes
(`belanja`), the scales a report is judged on (`skala`), printed table labels and
`dilaporkan` places (`penomoran`), an interim period and monthly figures (`periode`), and
probably mistyped thousands (`ribuan`). A check is a function of one shared `Konteks`
(`konteks`), reading the document through `dokumen`. `PEMERIKSAAN` runs them in the order
their diagnostics have always come out (tests and goldens assert it), so a new check is a
new module and one line there.

The checks read the parsed YAML document itself, not the validated models, so that they run
even when model validation failed elsewhere in the file: a user sees a duplicate kode and a
mistyped number in the same run. Anything not shaped as expected is skipped here; the model
validation reports it.
"""

from __future__ import annotations

from lkjip_cli.checks import (
    anggaran,
    belanja,
    indikator,
    kaskade,
    kode,
    pendapatan,
    penomoran,
    periode,
    ribuan,
    skala,
    tahun,
)
from lkjip_cli.checks.dokumen import Doc
from lkjip_cli.checks.konteks import Konteks, Pemeriksaan
from lkjip_cli.diagnostics import Diagnostic
from lkjip_cli.source.yamlsource import SourceMap

#: Every check, in the order its diagnostics are reported (tests and goldens assert the
#: order): a new check is a function of a `Konteks` in its own module, added here.
PEMERIKSAAN: tuple[Pemeriksaan, ...] = (
    kode.unique_codes,
    kode.references,
    indikator.ranges,
    tahun.years,
    anggaran.spending,
    anggaran.belanja_langsung,
    indikator.quarters,
    tahun.year_keys,
    skala.sakip_scores,
    skala.capaian_bounds,
    penomoran.penomoran_checks,
    anggaran.budget_tree_checks,
    belanja.belanja_checks,
    periode.periode_checks,
    periode.bulanan_triwulan,
    ribuan.ribuan_salah_ketik,
    kaskade.kaskade_checks,
    indikator.shares,
    pendapatan.pendapatan_checks,
)


def semantic_checks(data: Doc, source: SourceMap) -> list[Diagnostic]:
    """Every semantic problem of a parsed report document, valid or not."""
    ctx = Konteks(data, source)
    for periksa in PEMERIKSAAN:
        periksa(ctx)
    return ctx.found
