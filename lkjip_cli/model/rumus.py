"""Arithmetic rules needed both before and inside the engine.

The semantic checks (which warn when a year's value disagrees with its quarters) and the
engine (which computes the roll-up with provenance) must roll quarters up the same way; the
rule lives here, below both, so there is one definition of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

#: The ways quarterly values roll up to the year (Ministry of Finance's consolidation rules).
ATURAN_REKAP = ("terakhir", "jumlah", "rata-rata")


def gulung_triwulan(rule: str, values: Sequence[Decimal]) -> Decimal | None:
    """The year's value from the known quarters: the last one, their sum, or their mean."""
    if not values:
        return None
    if rule == "terakhir":
        return values[-1]
    total = sum(values, Decimal(0))
    if rule == "jumlah":
        return total
    with localcontext() as ctx:
        ctx.prec = 50
        return total / len(values)
