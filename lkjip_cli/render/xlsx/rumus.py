"""Excel formulas for one report's rules: the figures of the engine, as Excel computes them.

Why a module of its own: the table sheets (`buku_kerja`) and the summary sheet (`ringkasan`)
write the same formulas (capaian by the figure's formula, a share, a change, rounding by the
report's rule), so both build them here rather than one importing the other.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli import angka as fmt
from lkjip_cli.engine.capaian import (
    RUMUS_NEGATIF_KEBALIKAN,
    RUMUS_NEGATIF_SELISIH,
    RUMUS_POSITIF,
)
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Aturan

#: The IKM's conversion from the 1-4 index (PermenPAN-RB 14/2017).
IKM_KALI = 25


class Rumus:
    """Excel formulas for one report's rules."""

    def __init__(self, aturan: Aturan) -> None:
        self.aturan = aturan
        self.fungsi = "ROUNDDOWN" if aturan.pembulatan == "down" else "ROUND"
        cap = aturan.batas_atas
        self.batas_tampil = cap.nilai if cap is not None and "tampilan" in cap.berlaku \
            else None

    def bulat(self, expr: str) -> str:
        return f"{self.fungsi}({expr},{self.aturan.desimal_persen})"

    def _angka(self, expr: str, batas: Decimal | None, bulat: bool) -> str:
        """A capaian with the report's floor and the given cap, rounded when asked."""
        lantai = self.aturan.batas_bawah
        if lantai is not None:
            expr = f"MAX({lantai},{expr})"
        if batas is not None:
            expr = f"MIN({batas},{expr})"
        return self.bulat(expr) if bulat else expr

    def capaian_rentang(self, rendah: Decimal, tinggi: Decimal, r: str, rumus: str, *,
                        batas: Decimal | None, bulat: bool = True) -> str | None:
        """Capaian against a range target: 100 inside the range, else the formula with the
        bound passed (PermenPAN-RB 6/2022). The bounds are written in the formula: the
        target cell shows the range as text."""
        lo, hi = format(rendah, "f"), format(tinggi, "f")
        luar = self.capaian(f"IF({r}>{hi},{hi},{lo})", r, rumus, batas=batas, bulat=bulat)
        if luar is None:
            return None
        return f"IF(AND({r}>={lo},{r}<={hi}),{self._angka('100', batas, bulat)},{luar})"

    def capaian(self, t: str, r: str, rumus: str, *, batas: Decimal | None,
                bulat: bool = True) -> str | None:
        """Capaian by the figure's formula; the target-0 rule, the floor and the cap as IF,
        MAX and MIN."""

        def angka(expr: str) -> str:
            return self._angka(expr, batas, bulat)

        nol = (f'IF({r}=0,{angka("100")},"{fmt.TIDAK_ADA}")'
               if self.aturan.target_nol == "100-jika-realisasi-0" else f'"{fmt.TIDAK_ADA}"')
        if rumus == RUMUS_POSITIF:
            inti = angka(f"{r}/{t}*100")
        elif rumus == RUMUS_NEGATIF_SELISIH:
            inti = angka(f"(2*{t}-{r})/{t}*100")
        elif rumus == RUMUS_NEGATIF_KEBALIKAN:
            inti = f'IF({r}=0,"{fmt.TIDAK_ADA}",{angka(f"{t}/{r}*100")})'
        else:
            return None
        return f"IF({t}=0,{nol},{inti})"

    def bagi(self, atas: str, bawah: str, *, bulat: bool = True) -> str:
        expr = f"{atas}/{bawah}*100"
        return f'IF({bawah}=0,"{fmt.TIDAK_ADA}",{self.bulat(expr) if bulat else expr})'

    def perubahan(self, kini: str, lalu: str) -> str:
        return f'IF({lalu}=0,"{fmt.TIDAK_ADA}",{self.bulat(f"({kini}/{lalu}-1)*100")})'


def _angka_excel(nilai: Decimal) -> str:
    """A number as Excel's file syntax writes it: `.` decimal, no exponent."""
    return format(nilai, "f")


def konstanta(nilai: Nilai) -> str | None:
    """A derived figure as an Excel formula over its inputs' numbers (`42/45*100`): the
    arithmetic of its `uraian`, so the cell recomputes it; an IKM over its unsur's NRR, each
    as its own arithmetic (`105/29`). None when the figure has no arithmetic to write."""
    if nilai.nilai is None or not nilai.uraian:
        return None
    if nilai.turunan and nilai.turunan[0].turunan:  # IKM: index over the unsur's NRR
        nrr = [konstanta(n) or (_angka_excel(n.nilai) if n.nilai is not None else None)
               for n in nilai.turunan[0].turunan]
        if any(n is None for n in nrr):
            return None
        return f"({'+'.join(n for n in nrr if n is not None)})/{len(nrr)}*{IKM_KALI}"
    angka = [_angka_excel(x) for x in nilai.uraian_angka]
    # The template's literal numbers carry a decimal comma; Excel's file syntax wants `.`.
    return nilai.uraian.replace(",", ".").format(*angka).replace(" x ", "*").replace(" ", "")
