"""`lkjip check`: audit every figure a report printed against what its own rules give.

Pure like the engine (no I/O, no typer, rich or jinja2): `audit(hasil)` returns findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_cli.audit.konsistensi import periksa_konsistensi
from lkjip_cli.audit.periksa import temuan_dicetak, tingkat_dicetak, urutkan
from lkjip_cli.audit.temuan import Ringkasan, Temuan, Tingkat, ringkas
from lkjip_cli.engine.hasil import Hasil


@dataclass(frozen=True, slots=True)
class Audit:
    temuan: tuple[Temuan, ...]
    ringkasan: Ringkasan


def audit(hasil: Hasil) -> Audit:
    """Every printed figure classified, and every consistency problem."""
    found = urutkan([*temuan_dicetak(hasil), *periksa_konsistensi(hasil)])
    return Audit(found, ringkas(found))


def hitung_temuan(hasil: Hasil) -> Ringkasan:
    """The counts of `audit(hasil).ringkasan`, without finding each mismatch's cause or
    sorting the findings: what `lkjip rekap` shows of the audit."""
    kelas = tingkat_dicetak(hasil)
    tingkat = [t for t, _ in kelas]
    return Ringkasan(
        diperiksa=len(tingkat),
        cocok=tingkat.count(Tingkat.COCOK),
        pembulatan=tingkat.count(Tingkat.PEMBULATAN),
        selisih=tingkat.count(Tingkat.SELISIH),
        konsistensi=len(periksa_konsistensi(hasil)),
        kesalahan=len({kunci for t, kunci in kelas if t is Tingkat.SELISIH}),
    )


__all__ = ["Audit", "Temuan", "Tingkat", "audit", "hitung_temuan"]
