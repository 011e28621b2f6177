"""What kind of percentage an indicator is, and so whether 100 bounds it.

A share of a whole ("Persentase pengaduan yang diselesaikan", a coverage, the Angka
Partisipasi Murni) lies between 0 and 100: above it is a wrong figure. Many percentages are
not shares and normally pass 100: the Angka Partisipasi Kasar ("Nilai APK bisa lebih dari
100 persen", BPS), growth rates and changes (any sign), ratios to a target or a standard, and
indices that a report writes with "%". The old boolean `persen_maks_100` (default true) made
every "%" indicator a share, and a right APK of 107,12% failed `check`. So an indicator
declares its kind (`jenis_persen`: `bagian`, `laju`, `rasio`, `indeks`), the old key still
reads as before when written (`true` is `bagian`, `false` is `rasio`), and when neither is
written the kind is inferred from the name, as the research for issue 22 proposed: a share
only when the name starts with Persentase, Proporsi, Cakupan or Tingkat and names none of the
words of a rate, a ratio or an index. A declared share outside 0-100 is an error of `check`;
an inferred one is a warning of `validate`, whose message says how to declare the kind in the
YAML and in the workbook.
"""

from __future__ import annotations

import re
from typing import Literal

JenisPersen = Literal["bagian", "laju", "rasio", "indeks"]

JENIS_PERSEN: tuple[JenisPersen, ...] = ("bagian", "laju", "rasio", "indeks")

_AWALAN_BAGIAN = re.compile(r"^\s*(persentase|proporsi|cakupan|tingkat)\b", re.IGNORECASE)
_BUKAN_BAGIAN = re.compile(
    r"pertumbuhan|kenaikan|peningkatan|penurunan|laju|rasio|indeks|partisipasi kasar|"
    r"terhadap target|terhadap standar", re.IGNORECASE)

def cara_menyatakan(lembar: str | None) -> str:
    """How to declare the kind, in both places a user writes it: the workbook's sheet
    (`Indikator`, `Indikator Kegiatan` or `Indikator Simpul`) and the YAML; only the YAML
    when no sheet is named (`lembar` None)."""
    awal = ("bila indikator ini bukan bagian dari suatu jumlah (misalnya APK, laju atau rasio "
            "terhadap standar), ")
    if lembar is None:
        return awal + "tulis jenis_persen: rasio (atau laju, indeks) pada indikator itu di YAML"
    return (awal + f"isi kolom 'Jenis persen' di lembar {lembar} dengan rasio, laju "
            "atau indeks (di YAML: jenis_persen: rasio)")


def jenis_efektif(nama: str, jenis: JenisPersen | None,
                  maks_100: bool | None) -> tuple[JenisPersen | None, bool]:
    """The indicator's kind of percentage and whether the file declared it (else it is
    inferred from the name, or unknown: None)."""
    if jenis is not None:
        return jenis, True
    if maks_100 is not None:
        return ("bagian" if maks_100 else "rasio"), True
    if _AWALAN_BAGIAN.search(nama) and not _BUKAN_BAGIAN.search(nama):
        return "bagian", False
    return None, False
