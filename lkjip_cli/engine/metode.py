"""The shape every named method of the engine shares: averaging, efficiency, built-in index.

Agencies compute the same figure several ways (rules.md section 3; issue 22), so a method is
a named entry, not a branch in code: its kode (what the YAML names), its name as a report
words it, its source (the regulation by its full name, or the report that uses it), its
formula in words (printed under the table and by `explain`), an Excel formula over named
ranges (illustrative, for the workbook's note), and the sentence a table's note says. A new
method is one entry in its registry (`rata_rata.METODE_RATA_RATA`,
`efisiensi.METODE_EFISIENSI`, `ikm.METODE_IKM`) and its hand-worked test.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metode:
    """One named method and where it comes from."""

    kode: str
    nama: str
    sumber: str
    rumus: str
    excel: str = ""
    #: Whether the source is confirmed from the regulation's own text (False: secondary
    #: copies only; docs/format.md says what is unconfirmed).
    pasti: bool = True


def daftar(*metode: Metode) -> dict[str, Metode]:
    """A registry by kode (a duplicate kode is a programming error)."""
    out = {m.kode: m for m in metode}
    assert len(out) == len(metode), "kode metode berulang"
    return out
