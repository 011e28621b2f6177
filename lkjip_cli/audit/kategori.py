"""Category words a report may print for a capaian, and which band of which scale each names.

A report prints `Sangat Baik`, `BB` or `Tinggi`: a word of its own interpretation scale, or
of another well-known one (rules.md section 4). Bands of two scales compare by their bounds,
so a word of another vocabulary naming the same band is no mismatch, and one naming another
band can say which (`≥91`, `>75 s/d ≤85`). The collector attaches these words to each printed
category (`Kumpulan.add_kategori`); the comparison reads them.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.angka import angka
from lkjip_cli.model.laporan import Pita

#: The interpretation scales whose words a report may print (rules.md section 4).
KOSAKATA_INTERPRETASI = ("permendagri-86-2017", "enam-tingkat")

Batas = tuple[Decimal | None, bool, tuple[Decimal | None, bool] | None]


def batas_pita(bands: tuple[Pita, ...]) -> list[tuple[Pita, Batas]]:
    """Each band with its bounds (start, inclusive, the start of the band above), so that
    bands of two scales compare: the same bounds are the same band."""
    ordered = sorted((b for b in bands if b.mulai is not None),
                     key=lambda b: b.mulai or Decimal(0), reverse=True)
    ordered += [b for b in bands if b.mulai is None]
    out: list[tuple[Pita, Batas]] = []
    above: tuple[Decimal | None, bool] | None = None
    for band in ordered:
        out.append((band, (band.mulai, band.inklusif or band.mulai is None, above)))
        above = (band.mulai, band.inklusif)
    return out


def uraian_batas(batas: Batas) -> str:
    """`≥91`, `>75 s/d ≤85`, `<51`: a band's bounds in words a reader checks."""
    mulai, inklusif, above = batas
    parts = [] if mulai is None else [("≥" if inklusif else ">") + angka(mulai)]
    if above is not None and above[0] is not None:
        parts.append(("<" if above[1] else "≤") + angka(above[0]))
    return " s/d ".join(parts) or "semua nilai"


def kosakata_kategori(spec: str | tuple[Pita, ...], pita: Pita | None
                      ) -> dict[str, tuple[bool, str]]:
    """Every category word of the report's scale and of the other known scales, with
    whether it names the band `pita` (same bounds) and which vocabulary it belongs to.
    `pita` carries the words the report chose (`aturan.kata_kategori`); its band is found by
    its kode, which both choices share."""
    from lkjip_cli.engine.skala import skala

    own = "skala laporan" if not isinstance(spec, str) else spec
    vocab = [(own, skala(spec))] + [(name, skala(name)) for name in KOSAKATA_INTERPRETASI
                                     if name != spec]
    target = next((b for band, b in batas_pita(skala(spec))
                   if pita is not None and band.kode == pita.kode and band.mulai == pita.mulai),
                  None)
    found: dict[str, tuple[bool, str]] = {}
    for name, bands in vocab:
        for band, bounds in batas_pita(bands):
            for kind, word in (("sebutan", band.sebutan), ("kode", band.kode)):
                key = word.strip().lower()
                if key in found and found[key][0]:
                    continue
                same = target is not None and bounds == target
                where = f"{kind} {name}" if kind == "kode" or band.kode == band.sebutan \
                    else f"sebutan {name}"
                words = (f"“{word}” dikenali sebagai {where}, pita yang sama"
                         if same else f"“{word}” menurut {name} adalah pita "
                                      f"{uraian_batas(bounds)}")
                if same or (key not in found and name != own):
                    found[key] = (same, words)
                elif key not in found:
                    found[key] = (False, "")  # the report's own word: the catatan says it
    return found
