"""One printed figure against its exact value: `cocok`, `pembulatan` or `selisih`, and why.

`Cetakan` is what a rule module records about one figure a report printed: where, what it
should be, and how to look for causes. `bandingkan` rounds the exact value by the report's
rule to the printed places, tells a one-unit rounding slip from a real difference, compares
category words through the known vocabularies, and names the likely cause (`audit.sebab`) and
the other places that printed the same quantity differently; `tingkat_cetakan` gives only the
class, for counts. It knows no kind of figure: the three classes are decided here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_cli.angka import angka, bulatkan, desimal_dari
from lkjip_cli.audit.sebab import Alternatif, Penghasil, cari_sebab
from lkjip_cli.audit.tempat import NAMA_KOLOM, nama_tempat
from lkjip_cli.audit.temuan import Temuan, Tingkat
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.penomoran import Penomoran


@dataclass
class Cetakan:
    """One printed figure, with the exact value it should be and how to look for causes."""

    entitas: str
    label: str
    kuantitas: str
    lokasi: str
    dicetak: Decimal | str
    path: Path
    dihitung: Nilai | str | None
    satuan: str
    penghasil: list[Penghasil] = field(default_factory=list)
    catatan: str = ""
    #: Category words of the known vocabularies: word (lower case) -> whether it names the
    #: computed band, and the words that say which vocabulary it came from.
    kosakata: dict[str, tuple[bool, str]] = field(default_factory=dict)
    penomoran: Penomoran | None = None
    #: The heading the table prints this quantity under, when it is not the quantity's
    #: usual one (`tempat.NAMA_KOLOM`): the revenue table's `Porsi (%)`, not a pagu share.
    kolom: str = ""


def bandingkan(c: Cetakan, mode: str, lain: dict[str, Decimal | str]) -> Temuan:
    """Classify one printed figure against its exact value and name the likely cause."""
    tabel = nama_tempat(c.lokasi, c.penomoran)
    kolom = c.kolom or NAMA_KOLOM.get(c.kuantitas, c.kuantitas)
    if c.kuantitas == "realisasi" and c.satuan == "Rp" and not c.kolom:
        kolom = "Realisasi (Rp)"  # a program's or kegiatan's spending, not its kinerja
    elsewhere = _di_tempat_lain(c, lain)
    if isinstance(c.dicetak, str) or isinstance(c.dihitung, str) or c.dihitung is None:
        return _banding_teks(c, tabel, kolom, elsewhere)
    exact = c.dihitung.nilai
    if exact is None:
        note = f"tidak dapat dihitung: {c.dihitung.alasan}"
        causes = cari_sebab(c.dicetak, None, mode, c.penghasil)
        return Temuan(tabel, c.label, kolom, c.dicetak, None, None, Tingkat.SELISIH,
                      _join(note, causes, elsewhere), c.path, satuan=c.satuan)
    places = desimal_dari(c.dicetak)
    rounded = bulatkan(exact, places, mode)
    diff = c.dicetak - rounded
    if diff == 0:
        return Temuan(tabel, c.label, kolom, c.dicetak, exact, diff, Tingkat.COCOK, "",
                      c.path, satuan=c.satuan)
    unit = Decimal(1).scaleb(-places)
    tingkat = _tingkat_selisih(c.dihitung, diff, unit, c.dicetak)
    # A printed 0 is never "the ratio without x 100" of a small figure, nor is 0's ratio.
    penghasil = [*c.penghasil, _skala_seratus(exact)] \
        if c.satuan == "%" and c.dicetak != 0 and exact != 0 else c.penghasil
    causes = cari_sebab(c.dicetak, exact, mode, penghasil)
    if not causes:
        causes = [_tanpa_sebab(tingkat, c.dihitung, unit, c.dicetak)]
    return Temuan(tabel, c.label, kolom, c.dicetak, exact, diff, tingkat,
                  _join("", causes, elsewhere), c.path, satuan=c.satuan)


def _skala_seratus(exact: Decimal) -> Penghasil:
    """A percentage printed as the ratio behind it (no x 100), or multiplied by 100 twice."""
    return lambda: (Alternatif("rasio tanpa x 100", exact / 100),
                    Alternatif("dikali 100 dua kali", exact * 100))


#: Every way a report may round a figure to its printed places.
CARA_PEMBULATAN = ("half-up", "half-even", "down", "up", "ceiling", "floor")


def _dapat_dibulatkan(nilai: Nilai, dicetak: Decimal) -> bool:
    """Whether a figure printed one unit off can be rounding: some rounding of the exact
    value to the printed places gives it, or the value is a sum whose parts the report may
    have rounded first. A figure typed in the file (an isian), or a whole-number result
    printed as another whole number ("+1" for 1 - 1 = 0), was not rounded from anything."""
    exact = nilai.nilai
    if exact is None or nilai.rumus.endswith("(isian)"):
        return False
    places = desimal_dari(dicetak)
    if any(bulatkan(exact, places, cara) == dicetak for cara in CARA_PEMBULATAN):
        return True
    return _dari_bagian(nilai)


def _dari_bagian(nilai: Nilai) -> bool:
    """A sum (or a difference of sums) of several parts, which may have been rounded first."""
    return len(nilai.masukan) >= 2 and (nilai.satuan == "Rp" or "jumlah" in nilai.rumus)


KATA_PEMBULATAN = {"half-up": "dibulatkan setengah ke atas",
                   "half-even": "dibulatkan setengah ke genap", "down": "dipotong",
                   "up": "dibulatkan menjauhi nol", "ceiling": "dibulatkan ke atas",
                   "floor": "dibulatkan ke bawah"}


def _tingkat_selisih(dihitung: Nilai, diff: Decimal, unit: Decimal,
                     dicetak: Decimal) -> Tingkat:
    """A printed figure off by `diff` (not 0): rounding when one unit of its last place and
    some rounding of the exact value gives it (`_dapat_dibulatkan`); else a selisih."""
    if abs(diff) == unit and _dapat_dibulatkan(dihitung, dicetak):
        return Tingkat.PEMBULATAN
    return Tingkat.SELISIH


def _sama_teks(c: Cetakan) -> tuple[str | None, bool]:
    """The computed text of a text figure, and whether the printed text means the same
    (the same words, or a word of a known vocabulary naming the same band)."""
    computed = c.dihitung if isinstance(c.dihitung, str) or c.dihitung is None else None
    if computed is None:
        return None, False
    if _sama(str(c.dicetak), computed):
        return computed, True
    same_band, _ = c.kosakata.get(str(c.dicetak).strip().lower(), (False, ""))
    return computed, same_band


def tingkat_cetakan(c: Cetakan, mode: str) -> Tingkat:
    """Only the class of one printed figure, as `bandingkan` gives it, without looking for
    causes (what a recap that counts findings needs; a test keeps the two in step)."""
    if isinstance(c.dicetak, str) or isinstance(c.dihitung, str) or c.dihitung is None:
        return Tingkat.COCOK if _sama_teks(c)[1] else Tingkat.SELISIH
    exact = c.dihitung.nilai
    if exact is None:
        return Tingkat.SELISIH
    places = desimal_dari(c.dicetak)
    diff = c.dicetak - bulatkan(exact, places, mode)
    if diff == 0:
        return Tingkat.COCOK
    return _tingkat_selisih(c.dihitung, diff, Decimal(1).scaleb(-places), c.dicetak)


def _tanpa_sebab(tingkat: Tingkat, nilai: Nilai, unit: Decimal, dicetak: Decimal) -> str:
    """What to say when no known alternative reproduces the printed figure."""
    if tingkat is not Tingkat.PEMBULATAN:
        return "tidak ada pola yang diketahui yang mereproduksi angka ini"
    places = desimal_dari(dicetak)
    cara = [KATA_PEMBULATAN[c] for c in CARA_PEMBULATAN if nilai.nilai is not None
            and bulatkan(nilai.nilai, places, c) == dicetak]
    if cara:
        return f"beda satu satuan di angka terakhir: {cara[0]}, bukan menurut aturan laporan"
    if nilai.satuan == "Rp":
        return (f"selisih Rp{plain(unit)}: kemungkinan dijumlah dari bagian yang sudah "
                "dibulatkan")
    return "beda satu satuan di angka terakhir: kemungkinan dari bagian yang sudah dibulatkan"


def _banding_teks(c: Cetakan, tabel: str, kolom: str, elsewhere: str) -> Temuan:
    computed, same = _sama_teks(c)
    _, dikenali = c.kosakata.get(str(c.dicetak).strip().lower(), (False, ""))
    note = "" if same else ("tidak dapat ditentukan" if computed is None else c.catatan)
    if dikenali and computed is not None and not _sama(str(c.dicetak), computed):
        note = f"{note}; {dikenali}" if note else dikenali
    keterangan = _join(note, [], "" if same else elsewhere)
    return Temuan(tabel, c.label, kolom, c.dicetak, computed, None,
                  Tingkat.COCOK if same else Tingkat.SELISIH, keterangan, c.path,
                  satuan=c.satuan)


def _di_tempat_lain(c: Cetakan, lain: dict[str, Decimal | str]) -> str:
    """`dicetak berbeda di ...`: the other printed values, each with where it stands."""
    places: dict[str, list[str]] = {}
    for lokasi, value in lain.items():
        if lokasi != c.lokasi and not _sama(value, c.dicetak):
            places.setdefault(plain(value), []).append(nama_tempat(lokasi, c.penomoran))
    if not places:
        return ""
    return "dicetak berbeda: " + "; ".join(f"{v} di {', '.join(where)}"
                                            for v, where in places.items())


def _sama(a: Decimal | str, b: Decimal | str) -> bool:
    """Printed words compare without case (`bb` is `BB`); figures by value."""
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().lower() == b.strip().lower()
    return a == b


def plain(v: Decimal | str) -> str:
    return v if isinstance(v, str) else angka(v)


def _join(note: str, causes: Sequence[str], elsewhere: str) -> str:
    parts = [p for p in (note, ("kemungkinan: " + "; ".join(causes)) if causes and not
                         causes[0].startswith(("tidak ada pola", "selisih Rp", "beda satu"))
                         else "; ".join(causes), elsewhere) if p]
    return "; ".join(parts)
