"""Result types of the revenue table (`Hasil.pendapatan`), below `hasil.py`.

Every figure of one revenue account, and of the Jumlah row, as a `Nilai` naming its
formula and inputs: the table, `check` and `explain` read these and recompute nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.nilai import Nilai


@dataclass(frozen=True, slots=True)
class HasilAkun:
    """One revenue account (or the Jumlah row): target, realisasi and what follows."""

    kode: str
    uraian: str
    #: 0 for a top account; the Jumlah row is -1.
    tingkat: int
    target: Nilai
    realisasi: Nilai
    #: realisasi / target x 100, never capped: revenue above target is good.
    capaian: Nilai
    #: Lebih/(kurang): realisasi - target, negative for a shortfall.
    selisih: Nilai
    #: The account's realisasi as a share of the total realisasi (kontribusi).
    porsi: Nilai
    #: Last year's realisasi and the growth over it; None when the file gives none.
    realisasi_sebelumnya: Nilai | None
    pertumbuhan: Nilai | None
    anak: tuple[HasilAkun, ...]
    path: Path

    @property
    def path_key(self) -> str:
        """The account as `check` names its printed figures (apart from indicator codes)."""
        return f"pendapatan {self.kode}"


@dataclass(frozen=True, slots=True)
class HasilPendapatan:
    """The revenue tree: its top accounts and the Jumlah row."""

    akun: tuple[HasilAkun, ...]
    jumlah: HasilAkun
    judul: str
    sumber_data: str
    #: Every account, top-down (each followed by those below it).
    semua: tuple[HasilAkun, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        out: list[HasilAkun] = []
        stack = list(reversed(self.akun))
        while stack:
            node = stack.pop()
            out.append(node)
            stack += reversed(node.anak)
        object.__setattr__(self, "semua", tuple(out))

    @property
    def ada_sebelumnya(self) -> bool:
        """Whether the file gives last year's realisasi (the growth columns)."""
        return self.jumlah.realisasi_sebelumnya is not None

    def cari(self, kode: str) -> HasilAkun | None:
        return next((a for a in self.semua if a.kode == kode), None)
